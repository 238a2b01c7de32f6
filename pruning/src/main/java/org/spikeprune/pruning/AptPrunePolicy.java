package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/**
 * APT, online adaptive pruning over time (paper A eqs. 5–7, time counted in pruning steps): at pruning step {@code k} every
 * live weight below {@code W_k = f_T(k − 1; w_th0)} is pruned, the same threshold for every neuron ({@code SI = ∞}).
 * Step 1 uses {@code w_th0}. Thresholds are capped below {@code w_max}.
 */
public final class AptPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final AdaptiveThresholds thresholds;
    private final StepLog log = new StepLog();

    /** @param config the settings; reads start, step, {@code w_th0}, {@code f_T} and its factor. */
    public AptPrunePolicy(final PruneConfig config)
    {
        this.config = config;
        this.thresholds = new AdaptiveThresholds(
            config.initialThreshold(),
            config.timeFunction(),
            config.timeFactor(),
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
        return PruneMethod.APT;
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
