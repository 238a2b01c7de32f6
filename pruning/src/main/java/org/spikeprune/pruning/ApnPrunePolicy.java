package org.spikeprune.pruning;

/**
 * APN, online adaptive pruning over neurons (paper A, Algorithm 1 with a constant base): at every step the neurons are sorted
 * by batch spike count and grouped by the spike-count interval {@code SI} (strict test {@code S_i < S + SI}); group
 * {@code n} prunes below {@code f_N(n; w_th0)}, G0 below {@code w_th0}. The base does not change over time.
 */
public final class ApnPrunePolicy extends ThresholdPrunePolicy
{
    /** @param config the settings; reads start, step, {@code w_th0}, {@code f_N}, its factor and {@code SI}. */
    public ApnPrunePolicy(final PruneConfig config)
    {
        super(PruneMethod.APN, config,
            new AdaptiveThresholds(config.initialThreshold(), AdaptationFunction.F1, 1.0, config.neuronFunction(), config.neuronFactor(), config.spikeInterval()),
            false);
    }
}
