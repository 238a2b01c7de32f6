package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/**
 * What the weight-threshold policies (constant, APT, APN, APTN, soft) share: Algorithm 1's thresholds applied at
 * each boundary of the configured schedule, a step log, and whether weights under the threshold are pruned or
 * frozen. A subclass only chooses the adaptation over time and over neurons.
 */
abstract class ThresholdPrunePolicy implements ReportingPrunePolicy
{
    private final PruneMethod method;
    private final PruneConfig config;
    private final AdaptiveThresholds thresholds;
    private final boolean freeze;
    private final StepLog log = new StepLog();

    ThresholdPrunePolicy(final PruneMethod method, final PruneConfig config, final AdaptiveThresholds thresholds,
        final boolean freeze)
    {
        this.method = method;
        this.config = config;
        this.thresholds = thresholds;
        this.freeze = freeze;
    }

    @Override
    public final String name()
    {
        return method.cliName();
    }

    @Override
    public final PruneMethod method()
    {
        return method;
    }

    @Override
    public final PruneConfig config()
    {
        return config;
    }

    @Override
    public final long startImages()
    {
        return config.startImages();
    }

    @Override
    public final long stepImages()
    {
        return config.stepImages();
    }

    @Override
    public final void onBoundary(final PruneContext context)
    {
        thresholds.onBoundary(context, log, freeze);
    }

    @Override
    public final float[] lastThresholds()
    {
        return log.lastThresholds();
    }

    @Override
    public final List<PruneStepRecord> stepLog()
    {
        return log.records();
    }
}
