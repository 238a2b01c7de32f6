package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/**
 * Online constant weight pruning, paper A's reference method (labelled "Shi 2019" in its Table 2): at every step
 * every live weight below the fixed threshold {@code w_th0} is pruned. Equal to APT with {@code a = 1}.
 */
public final class ConstantPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final AdaptiveThresholds thresholds;
    private final StepLog log = new StepLog();

    /** @param config the settings; reads start, step and {@code w_th0}. */
    public ConstantPrunePolicy(final PruneConfig config)
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
        return PruneMethod.CONSTANT;
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
        thresholds.onBoundary(context, log, false);
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
