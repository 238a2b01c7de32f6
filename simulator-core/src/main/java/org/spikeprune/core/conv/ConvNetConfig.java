package org.spikeprune.core.conv;

import java.util.Arrays;
import java.util.List;

/**
 * Everything that defines a convolutional time-to-first-spike network and its layer-wise STDP learning; per-layer
 * arrays are indexed by convolution ordinal (0 = conv1).
 *
 * @param coding               the input stage.
 * @param layers               the layers after the input.
 * @param ticksPerImage        time steps per image including step 0 (15): steps 1..ticksPerImage−1 are ticks.
 * @param learnIterations      learning iterations (images) per convolution (3000, 5000, 6000).
 * @param aPlus                initial LTP rates a⁺.
 * @param aMinus               initial LTD rates a⁻ (magnitudes).
 * @param rateDoublingPeriod   every this many iterations of a layer (from its first), a⁺ ← min(2a⁺, cap) and
 *                             a⁻ ← ratio·a⁺ after the image (500); 0 for a constant rate.
 * @param aPlusCap             cap of a⁺ (0.15).
 * @param aMinusRatio          a⁻ / a⁺ after a doubling (0.75).
 * @param winnersPerStep       STDP winners per time step (10, 4, 2).
 * @param winnersPerImage      STDP winners per image (at most one per map in any case).
 * @param inhibitionRadius     k-winner inhibition radius ("offset": 5, 2, 5).
 * @param initMean             mean of the initial weights (0.8).
 * @param initStd              their standard deviation (0.01).
 * @param extractionThreshold  threshold per convolution during feature extraction; NaN keeps the learning one
 *                             (conv2 50, conv3 ∞ for paper B).
 * @param order                the order in which learning images are presented.
 */
public record ConvNetConfig(InputCoding coding, List<ConvLayerSpec> layers, int ticksPerImage, int[] learnIterations,
    float[] aPlus, float[] aMinus, int rateDoublingPeriod, float aPlusCap, float aMinusRatio, int[] winnersPerStep,
    int[] winnersPerImage, int[] inhibitionRadius, double initMean, double initStd, float[] extractionThreshold,
    LearningOrder order)
{
    /** Presentation order of the learning images. */
    public enum LearningOrder
    {
        /** The training images cycled in folder order (the reference implementation). */
        SEQUENTIAL,
        /** A fresh seeded permutation of the training images for every pass. */
        SHUFFLED
    }

    /** Validates the per-layer arrays against the number of convolutions. */
    public ConvNetConfig
    {
        layers = List.copyOf(layers);
        final int convs = (int)layers.stream().filter(ConvLayerSpec::isConv).count();
        for (final Object[] named : new Object[][] {
            {"learnIterations", learnIterations.length}, {"aPlus", aPlus.length}, {"aMinus", aMinus.length},
            {"winnersPerStep", winnersPerStep.length}, {"winnersPerImage", winnersPerImage.length},
            {"inhibitionRadius", inhibitionRadius.length}, {"extractionThreshold", extractionThreshold.length}})
        {
            if ((Integer)named[1] != convs)
            {
                throw new IllegalArgumentException(named[0] + " needs one value per convolution (" + convs
                    + "), found " + named[1]);
            }
        }
        if (ticksPerImage < 2)
        {
            throw new IllegalArgumentException("ticksPerImage must be >= 2, ticksPerImage=" + ticksPerImage);
        }
        for (final int it : learnIterations)
        {
            if (it < 0)
            {
                throw new IllegalArgumentException("learnIterations must be >= 0: " + Arrays.toString(learnIterations));
            }
        }
    }

    /** The geometry of this network. */
    public ConvGeometry geometry()
    {
        return new ConvGeometry(coding.height(), coding.width(), coding.channels(), layers);
    }

    /** Number of convolutions. */
    public int convCount()
    {
        return learnIterations.length;
    }

    /** A copy with other learning iterations per convolution. */
    public ConvNetConfig withLearnIterations(final int[] iterations)
    {
        return new ConvNetConfig(coding, layers, ticksPerImage, iterations.clone(), aPlus, aMinus,
            rateDoublingPeriod, aPlusCap, aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean,
            initStd, extractionThreshold, order);
    }

    /** A copy with another learning-rate doubling period. */
    public ConvNetConfig withRateDoublingPeriod(final int period)
    {
        return new ConvNetConfig(coding, layers, ticksPerImage, learnIterations, aPlus, aMinus, period, aPlusCap,
            aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean, initStd, extractionThreshold,
            order);
    }

    /** A copy with another learning order. */
    public ConvNetConfig withOrder(final LearningOrder newOrder)
    {
        return new ConvNetConfig(coding, layers, ticksPerImage, learnIterations, aPlus, aMinus, rateDoublingPeriod,
            aPlusCap, aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean, initStd,
            extractionThreshold, newOrder);
    }

    /** A copy with another initial weight distribution. */
    public ConvNetConfig withInit(final double mean, final double std)
    {
        return new ConvNetConfig(coding, layers, ticksPerImage, learnIterations, aPlus, aMinus, rateDoublingPeriod,
            aPlusCap, aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, mean, std,
            extractionThreshold, order);
    }

    /** A copy with other layers (same number of convolutions). */
    public ConvNetConfig withLayers(final List<ConvLayerSpec> newLayers)
    {
        return new ConvNetConfig(coding, newLayers, ticksPerImage, learnIterations, aPlus, aMinus,
            rateDoublingPeriod, aPlusCap, aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean,
            initStd, extractionThreshold, order);
    }
}
