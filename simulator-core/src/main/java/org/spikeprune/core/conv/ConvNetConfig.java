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
 * @param rateDoublingPeriod   per convolution: every this many iterations of the layer (from its first),
 *                             a⁺ ← min(2a⁺, cap) and a⁻ ← ratio·a⁺ after the image (500); 0 for a constant rate.
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
 * @param inferenceInhibition  inhibition per layer after the input (index 0 = layer 1) during feature
 *                             extraction; null keeps the layers' own.
 * @param readoutPool          null: the features are the maximum potential per map of the last convolution;
 *                             {window, stride, pad}: the features are the last convolution's spikes (fired at
 *                             all in the image), max-pooled with that window.
 */
public record ConvNetConfig(InputCoding coding, List<ConvLayerSpec> layers, int ticksPerImage, int[] learnIterations,
    float[] aPlus, float[] aMinus, int[] rateDoublingPeriod, float aPlusCap, float aMinusRatio, int[] winnersPerStep,
    int[] winnersPerImage, int[] inhibitionRadius, double initMean, double initStd, float[] extractionThreshold,
    LearningOrder order, Inhibition[] inferenceInhibition, int[] readoutPool)
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
            {"inhibitionRadius", inhibitionRadius.length}, {"extractionThreshold", extractionThreshold.length},
            {"rateDoublingPeriod", rateDoublingPeriod.length}})
        {
            if ((Integer)named[1] != convs)
            {
                throw new IllegalArgumentException(named[0] + " needs one value per convolution (" + convs
                    + "), found " + named[1]);
            }
        }
        if (inferenceInhibition != null && inferenceInhibition.length != layers.size())
        {
            throw new IllegalArgumentException("inferenceInhibition needs one value per layer (" + layers.size()
                + "), found " + inferenceInhibition.length);
        }
        if (readoutPool != null && readoutPool.length != 3)
        {
            throw new IllegalArgumentException("readoutPool is {window, stride, pad}, found "
                + Arrays.toString(readoutPool));
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

    private ConvNetConfig copy(final int[] iterations, final int[] periods, final LearningOrder newOrder,
        final double mean, final double std, final List<ConvLayerSpec> newLayers)
    {
        return new ConvNetConfig(coding, newLayers, ticksPerImage, iterations, aPlus, aMinus, periods, aPlusCap,
            aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, mean, std, extractionThreshold, newOrder,
            inferenceInhibition, readoutPool);
    }

    /** A copy with other learning iterations per convolution. */
    public ConvNetConfig withLearnIterations(final int[] iterations)
    {
        return copy(iterations.clone(), rateDoublingPeriod, order, initMean, initStd, layers);
    }

    /** A copy with the same learning-rate doubling period for every convolution. */
    public ConvNetConfig withRateDoublingPeriod(final int period)
    {
        final int[] p = new int[rateDoublingPeriod.length];
        Arrays.fill(p, period);
        return copy(learnIterations, p, order, initMean, initStd, layers);
    }

    /** A copy with another learning order. */
    public ConvNetConfig withOrder(final LearningOrder newOrder)
    {
        return copy(learnIterations, rateDoublingPeriod, newOrder, initMean, initStd, layers);
    }

    /** A copy with another initial weight distribution. */
    public ConvNetConfig withInit(final double mean, final double std)
    {
        return copy(learnIterations, rateDoublingPeriod, order, mean, std, layers);
    }

    /** A copy with other layers (same number of convolutions). */
    public ConvNetConfig withLayers(final List<ConvLayerSpec> newLayers)
    {
        return copy(learnIterations, rateDoublingPeriod, order, initMean, initStd, newLayers);
    }
}
