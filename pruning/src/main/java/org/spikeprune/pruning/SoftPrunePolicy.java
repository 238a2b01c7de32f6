package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/**
 * Online soft weight pruning (Shi et al. 2019 as paper A uses it): the constant method's
 * schedule and threshold, but weights below {@code w_th0} are frozen at their current value rather than removed.
 * They keep transmitting and get no more STDP, so connectivity stays 1; the step log's
 * {@link PruneStepRecord#unprunedAfter()} is paper A's "unpruned percentage" (weights not frozen).
 */
public final class SoftPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final AdaptiveThresholds thresholds;
    private final StepLog log = new StepLog();

    /** @param config the settings; reads start, step and {@code w_th0}. */
    public SoftPrunePolicy(final PruneConfig config)
    {
        this.config = config;
        this.thresholds = new AdaptiveThresholds(
            config.initialThreshold(),
            AdaptationFunction.F1,
            1.0,
            AdaptationFunction.F1,
            1.0,
            Double.POSITIVE_INFINITY);
    }

    @Override
    public String name()
    {
        return method().cliName();
    }

    @Override
    public PruneMethod method()
    {
        return PruneMethod.SOFT;
    }

    @Override
    public PruneConfig config()
    {
        return config;
    }

    @Override
    public long startImages()
    {
        return config.startImages();
    }

    @Override
    public long stepImages()
    {
        return config.stepImages();
    }

    @Override
    public void onBoundary(final PruneContext context)
    {
        thresholds.onBoundary(context, log, true);
    }

    @Override
    public float[] lastThresholds()
    {
        return log.lastThresholds();
    }

    @Override
    public List<PruneStepRecord> stepLog()
    {
        return log.records();
    }
}
