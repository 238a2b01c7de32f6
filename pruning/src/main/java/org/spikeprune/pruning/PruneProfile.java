package org.spikeprune.pruning;

/**
 * The default settings of each pruning method, per network size: the ONE place where defaults live.
 *
 * <p>Functions and factors are paper A's selections (Figs. 4, 6, 7, 8 and the APTN text): APT f1 {@code a = 1.3}
 * ({@code b = 1.1}, {@code c = 0.01} for f2, f3), APN f1 {@code a = 1.15} ({@code b = 1.05}, {@code c = 0.03}) with
 * {@code SI = 30}, APTN f1 with {@code a_T = 1.3}, {@code a_N = 1.15}, {@code SI = 30} for 100 neurons and
 * {@code a_T = 1.2} for 800 neurons. Where the paper gives no 800-neuron value the 100-neuron one is kept, except
 * the APT time factor, which follows APTN's 1.2 (inference).
 *
 * <p><b>Initial thresholds are placeholders, not calibrated.</b> Each is meant to reach about 10% connectivity at
 * the end of one 60,000-image epoch, which can only be set by running the network (a sweep of
 * {@code pruning.w_th0}, paper A Figs. 4 and 6). The values below come from paper A Fig. 3B ({@code w_th0 =
 * 0.036}, the APT illustration) or are first guesses; recalibrate them here.
 */
public enum PruneProfile
{
    /** No pruning. */
    NONE(PruneMethod.NONE, Table.ANY_SIZE, 0.0,
        AdaptationFunction.F1, Table.IDENTITY, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY),

    /** Online constant pruning. Placeholder {@code w_th0 = 0.1} (first guess: no growth over time or groups). */
    CONSTANT(PruneMethod.CONSTANT, Table.ANY_SIZE, 0.1,
        AdaptationFunction.F1, Table.IDENTITY, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY),

    /** APT, 100 neurons: f1, a = 1.3. Placeholder {@code w_th0 = 0.036} (paper A Fig. 3B). */
    APT_100(PruneMethod.APT, 100, 0.036,
        AdaptationFunction.F1, Table.APT_100, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY),

    /** APT, 800 neurons: f1, a = 1.2 (APTN's 800-neuron time factor). Placeholder {@code w_th0 = 0.036}. */
    APT_800(PruneMethod.APT, 800, 0.036,
        AdaptationFunction.F1, Table.APT_800, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY),

    /** APN, any size: f1, a = 1.15, SI = 30. Placeholder {@code w_th0 = 0.036} (paper A Fig. 3B). */
    APN(PruneMethod.APN, Table.ANY_SIZE, 0.036,
        AdaptationFunction.F1, Table.IDENTITY, AdaptationFunction.F1, Table.APN, 30.0),

    /**
     * APTN, 100 neurons: f1 both, a_T = 1.3, a_N = 1.15, SI = 30. Placeholder {@code w_th0 = 0.02}: below Fig. 3B's
     * 0.036 because the group and time factors multiply (first guess).
     */
    APTN_100(PruneMethod.APTN, 100, 0.02,
        AdaptationFunction.F1, Table.APT_100, AdaptationFunction.F1, Table.APN, 30.0),

    /** APTN, 800 neurons: f1 both, a_T = 1.2, a_N = 1.15, SI = 30. Placeholder {@code w_th0 = 0.02} (first guess). */
    APTN_800(PruneMethod.APTN, 800, 0.02,
        AdaptationFunction.F1, Table.APT_800, AdaptationFunction.F1, Table.APN, 30.0),

    /** Post-training pruning: target connectivity {@link #DEFAULT_TARGET_CONNECTIVITY}. */
    POST_TRAINING(PruneMethod.POST_TRAINING, Table.ANY_SIZE, 0.0,
        AdaptationFunction.F1, Table.IDENTITY, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY),

    /** Soft pruning: the constant method's schedule and placeholder threshold {@code w_th0 = 0.1}, freezing. */
    SOFT(PruneMethod.SOFT, Table.ANY_SIZE, 0.1,
        AdaptationFunction.F1, Table.IDENTITY, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY),

    /** Adaptive neuron pruning: {@link #DEFAULT_NEURON_TARGET_FRACTION} of the neurons removed by the end. */
    NEURON(PruneMethod.NEURON, Table.ANY_SIZE, 0.0,
        AdaptationFunction.F1, Table.IDENTITY, AdaptationFunction.F1, Table.IDENTITY, Double.POSITIVE_INFINITY);

    /** Training images before the first pruning step (paper A). */
    public static final long DEFAULT_START_IMAGES = 30_000L;

    /** Training images per pruning step, the batch (paper A). */
    public static final long DEFAULT_STEP_IMAGES = 5_000L;

    /** Post-training pruning's target connectivity: 10%, as in paper A Tables 2 and 3. */
    public static final double DEFAULT_TARGET_CONNECTIVITY = 0.10;

    /** Adaptive neuron pruning's fraction of neurons removed by the end: 90% ("10% connectivity", Tables 2, 3). */
    public static final double DEFAULT_NEURON_TARGET_FRACTION = 0.90;

    /** Default weight normalisation over unpruned weights only (paper A is silent; this is the reading chosen). */
    public static final boolean DEFAULT_NORMALISE_UNPRUNED_ONLY = true;

    /** Networks with at least this many excitatory neurons take the 800-neuron column. */
    public static final int LARGE_NETWORK_MIN_NEURONS = 400;

    private final PruneMethod method;
    private final int neurons;
    private final double initialThreshold;
    private final AdaptationFunction timeFunction;
    private final double[] timeFactors;
    private final AdaptationFunction neuronFunction;
    private final double[] neuronFactors;
    private final double spikeInterval;

    PruneProfile(
        final PruneMethod method,
        final int neurons,
        final double initialThreshold,
        final AdaptationFunction timeFunction,
        final double[] timeFactors,
        final AdaptationFunction neuronFunction,
        final double[] neuronFactors,
        final double spikeInterval)
    {
        this.method = method;
        this.neurons = neurons;
        this.initialThreshold = initialThreshold;
        this.timeFunction = timeFunction;
        this.timeFactors = timeFactors;
        this.neuronFunction = neuronFunction;
        this.neuronFactors = neuronFactors;
        this.spikeInterval = spikeInterval;
    }

    /**
     * The profile of a method for a network size: the 800-neuron column from
     * {@link #LARGE_NETWORK_MIN_NEURONS} neurons on, else the 100-neuron one.
     *
     * @param method  the method.
     * @param neurons the number of excitatory neurons.
     * @return the profile.
     */
    public static PruneProfile of(final PruneMethod method, final int neurons)
    {
        final int column = neurons >= LARGE_NETWORK_MIN_NEURONS ? 800 : 100;
        PruneProfile sizeless = null;
        for (final PruneProfile profile : values())
        {
            if (profile.method == method)
            {
                if (profile.neurons == column)
                {
                    return profile;
                }
                if (profile.neurons == Table.ANY_SIZE)
                {
                    sizeless = profile;
                }
            }
        }
        if (sizeless == null)
        {
            throw new IllegalStateException("no pruning profile for " + method + " at " + neurons + " neurons");
        }
        return sizeless;
    }

    /** The method. */
    public PruneMethod method()
    {
        return method;
    }

    /** The network size of the column (100 or 800), or 0 when the profile applies to any size. */
    public int neurons()
    {
        return neurons;
    }

    /** The default initial threshold {@code w_th0} (placeholder until calibrated; see the class comment). */
    public double initialThreshold()
    {
        return initialThreshold;
    }

    /** The default time adaptation function {@code f_T}. */
    public AdaptationFunction timeFunction()
    {
        return timeFunction;
    }

    /**
     * The default time adaptation factor for a function.
     *
     * @param function f1, f2 or f3.
     * @return a, b or c.
     */
    public double timeFactor(final AdaptationFunction function)
    {
        return timeFactors[function.ordinal()];
    }

    /** The default neuron adaptation function {@code f_N}. */
    public AdaptationFunction neuronFunction()
    {
        return neuronFunction;
    }

    /**
     * The default neuron adaptation factor for a function.
     *
     * @param function f1, f2 or f3.
     * @return a, b or c.
     */
    public double neuronFactor(final AdaptationFunction function)
    {
        return neuronFactors[function.ordinal()];
    }

    /** The default spike-count interval {@code SI} (infinity: one group). */
    public double spikeInterval()
    {
        return spikeInterval;
    }

    /** The configuration this profile describes, with the common defaults. */
    public PruneConfig config()
    {
        return new PruneConfig(
            DEFAULT_START_IMAGES,
            DEFAULT_STEP_IMAGES,
            initialThreshold,
            timeFunction,
            timeFactor(timeFunction),
            neuronFunction,
            neuronFactor(neuronFunction),
            spikeInterval,
            DEFAULT_TARGET_CONNECTIVITY,
            DEFAULT_NEURON_TARGET_FRACTION,
            DEFAULT_NORMALISE_UNPRUNED_ONLY);
    }

    /** Factor triples (f1 a, f2 b, f3 c) from paper A, and the any-size marker. */
    private static final class Table
    {
        static final int ANY_SIZE = 0;
        static final double[] IDENTITY = {1.0, 1.0, 0.0};
        static final double[] APT_100 = {1.3, 1.1, 0.01};
        static final double[] APT_800 = {1.2, 1.1, 0.01};
        static final double[] APN = {1.15, 1.05, 0.03};
    }
}
