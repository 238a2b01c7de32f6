package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/**
 * APTN, online adaptive pruning over time and neurons: paper A Algorithm 1.
 * At pruning step {@code k} the base is {@code W_k = f_T(k − 1; w_th0)}; the neurons are sorted by batch spike
 * count and grouped by {@code SI} (strict test {@code S_i < S + SI}, groups restart at G0 every step); group
 * {@code n} prunes below {@code f_N(n; W_k)}, every threshold capped below {@code w_max}.
 */
public final class AptnPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final AdaptiveThresholds thresholds;
    private final StepLog log = new StepLog();

    /** @param config the settings; reads start, step, {@code w_th0}, both functions and factors, and {@code SI}. */
    public AptnPrunePolicy(final PruneConfig config)
    {
        this.config = config;
        this.thresholds = new AdaptiveThresholds(
            config.initialThreshold(),
            config.timeFunction(),
            config.timeFactor(),
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
        return PruneMethod.APTN;
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
