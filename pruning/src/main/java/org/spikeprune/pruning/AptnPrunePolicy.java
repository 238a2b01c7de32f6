package org.spikeprune.pruning;

/**
 * APTN, online adaptive pruning over time and neurons: paper A Algorithm 1.
 * At pruning step {@code k} the base is {@code W_k = f_T(k − 1; w_th0)}; the neurons are sorted by batch spike
 * count and grouped by {@code SI} (strict test {@code S_i < S + SI}, groups restart at G0 every step); group
 * {@code n} prunes below {@code f_N(n; W_k)}, every threshold capped below {@code w_max}.
 */
public final class AptnPrunePolicy extends ThresholdPrunePolicy
{
    /** @param config the settings; reads start, step, {@code w_th0}, both functions and factors, and {@code SI}. */
    public AptnPrunePolicy(final PruneConfig config)
    {
        super(PruneMethod.APTN, config,
            new AdaptiveThresholds(config.initialThreshold(), config.timeFunction(), config.timeFactor(), config.neuronFunction(), config.neuronFactor(),
                config.spikeInterval()),
            false);
    }
}
