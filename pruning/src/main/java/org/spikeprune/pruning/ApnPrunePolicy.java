package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/**
 * APN, online adaptive pruning over neurons (paper A, Algorithm 1 with a constant base): at every step the neurons are sorted
 * by batch spike count and grouped by the spike-count interval {@code SI} (strict test {@code S_i < S + SI}); group
 * {@code n} prunes below {@code f_N(n; w_th0)}, G0 below {@code w_th0}. The base does not change over time.
 */
public final class ApnPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final AdaptiveThresholds thresholds;
    private final StepLog log = new StepLog();

    /** @param config the settings; reads start, step, {@code w_th0}, {@code f_N}, its factor and {@code SI}. */
    public ApnPrunePolicy(final PruneConfig config)
    {
        this.config = config;
        this.thresholds = new AdaptiveThresholds(
            config.initialThreshold(),
            AdaptationFunction.F1,
            1.0,
            config.neuronFunction(),
            config.neuronFactor(),
            config.spikeInterval());
    }

    @Override
    public String name()
    {
        return method().cliName();
    }

    @Override
    public PruneMethod method()
    {
        return PruneMethod.APN;
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
