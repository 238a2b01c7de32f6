package org.spikeprune.pruning;

/**
 * Online soft weight pruning (Shi et al. 2019 as paper A uses it): the constant method's
 * schedule and threshold, but weights below {@code w_th0} are frozen at their current value rather than removed.
 * They keep transmitting and get no more STDP, so connectivity stays 1; the step log's
 * {@link PruneStepRecord#unprunedAfter()} is paper A's "unpruned percentage" (weights not frozen).
 */
public final class SoftPrunePolicy extends ThresholdPrunePolicy
{
    /** @param config the settings; reads start, step and {@code w_th0}. */
    public SoftPrunePolicy(final PruneConfig config)
    {
        super(PruneMethod.SOFT, config,
            new AdaptiveThresholds(config.initialThreshold(), AdaptationFunction.F1, 1.0, AdaptationFunction.F1, 1.0, Double.POSITIVE_INFINITY),
            true);
    }
}
