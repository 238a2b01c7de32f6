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
 * @param schedule             how learning iterations and rate doublings are counted.
 * @param countPreSpikes       false: an input that fired at any step before the winner's potentiates once;
 *                             true: Δw = (n·(a⁺ + a⁻) − a⁻)·w(1−w) with n the input's spikes before the winner's
 *                             step (the reference implementation's update, which differs only for inputs that
 *                             fire more than once, i.e. pooling units without position inhibition).
 */
public record ConvNetConfig(InputCoding coding, List<ConvLayerSpec> layers, int ticksPerImage, int[] learnIterations,
    float[] aPlus, float[] aMinus, int[] rateDoublingPeriod, float aPlusCap, float aMinusRatio, int[] winnersPerStep,
    int[] winnersPerImage, int[] inhibitionRadius, double initMean, double initStd, float[] extractionThreshold,
    LearningOrder order, Inhibition[] inferenceInhibition, int[] readoutPool, Schedule schedule,
    boolean countPreSpikes)
{
    /** How the learning iterations of each convolution and its learning-rate doublings are counted. */
    public enum Schedule
    {
        /**
         * Per layer: convolution c learns exactly {@code learnIterations[c]} images and its rates double after its
         * image {@code it} (0-based) when {@code it % period == 0}.
         */
        LAYER,
        /**
         * The reference implementation's global counter: the learning layer switches at the first image after its
         * counter has exceeded its limit (so every layer but the last learns {@code learnIterations[c] + 1}
         * images and the last the rest of {@code Σ learnIterations}), and the learning layer's rates double after
         * global image {@code i} (0-based, over all layers) when {@code i % period == 0}.
         */
        GLOBAL
    }

    /** A configuration with the per-layer schedule and one potentiation per input that fired. */
    public ConvNetConfig(final InputCoding coding, final List<ConvLayerSpec> layers, final int ticksPerImage,
        final int[] learnIterations, final float[] aPlus, final float[] aMinus, final int[] rateDoublingPeriod,
        final float aPlusCap, final float aMinusRatio, final int[] winnersPerStep, final int[] winnersPerImage,
        final int[] inhibitionRadius, final double initMean, final double initStd, final float[] extractionThreshold,
        final LearningOrder order, final Inhibition[] inferenceInhibition, final int[] readoutPool)
    {
        this(coding, layers, ticksPerImage, learnIterations, aPlus, aMinus, rateDoublingPeriod, aPlusCap,
            aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean, initStd, extractionThreshold,
            order, inferenceInhibition, readoutPool, Schedule.LAYER, false);
    }

    /** Presentation order of the learning images. */
    public enum LearningOrder
    {
        /** The training images cycled in folder order (the reference implementation). */
        SEQUENTIAL,
        /** A fresh seeded permutation of the training images for every pass. */
        SHUFFLED,
        /**
         * Classes in folder order, the images of each class in one seeded permutation kept for every pass: the
         * reference implementation's directory-listing order, which is fixed but not sorted by name.
         */
        CLASS_PERMUTED
    }

    /** Validates the per-layer arrays against the number of convolutions. */
    public ConvNetConfig
    {
        layers = List.copyOf(layers);
        if (schedule == null)
        {
            throw new IllegalArgumentException("schedule must not be null");
        }
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
            inferenceInhibition, readoutPool, schedule, countPreSpikes);
    }

    /** A copy with another learning schedule. */
    public ConvNetConfig withSchedule(final Schedule newSchedule)
    {
        return new ConvNetConfig(coding, layers, ticksPerImage, learnIterations, aPlus, aMinus, rateDoublingPeriod,
            aPlusCap, aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean, initStd,
            extractionThreshold, order, inferenceInhibition, readoutPool, newSchedule, countPreSpikes);
    }

    /** A copy that counts (true) or does not count (false) an input's spikes in its potentiation. */
    public ConvNetConfig withCountPreSpikes(final boolean count)
    {
        return new ConvNetConfig(coding, layers, ticksPerImage, learnIterations, aPlus, aMinus, rateDoublingPeriod,
            aPlusCap, aMinusRatio, winnersPerStep, winnersPerImage, inhibitionRadius, initMean, initStd,
            extractionThreshold, order, inferenceInhibition, readoutPool, schedule, count);
    }

    /**
     * Images each convolution learns under the schedule.
     *
     * @return one count per convolution.
     */
    public int[] iterationsPerLayer()
    {
        final int[] n = learnIterations.clone();
        if (schedule == Schedule.GLOBAL)
        {
            long rest = 0;
            for (final int it : learnIterations)
            {
                rest += it;
            }
            for (int c = 0; c < n.length; c++)
            {
                final long want = c == n.length - 1 ? rest : (long)learnIterations[c] + 1;
                n[c] = (int)Math.max(0, Math.min(want, rest));
                rest -= n[c];
            }
        }
        return n;
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
