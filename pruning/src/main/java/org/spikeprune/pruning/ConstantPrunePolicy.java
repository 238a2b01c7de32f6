package org.spikeprune.pruning;

/**
 * Online constant weight pruning, paper A's reference method (labelled "Shi 2019" in its Table 2): at every step
 * every live weight below the fixed threshold {@code w_th0} is pruned. Equal to APT with {@code a = 1}.
 */
public final class ConstantPrunePolicy extends ThresholdPrunePolicy
{
    /** @param config the settings; reads start, step and {@code w_th0}. */
    public ConstantPrunePolicy(final PruneConfig config)
    {
        super(PruneMethod.CONSTANT, config,
            new AdaptiveThresholds(config.initialThreshold(), AdaptationFunction.F1, 1.0, AdaptationFunction.F1, 1.0, Double.POSITIVE_INFINITY),
            false);
    }
}
