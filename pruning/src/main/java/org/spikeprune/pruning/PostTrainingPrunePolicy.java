package org.spikeprune.pruning;

import java.util.Arrays;
import java.util.List;

import org.spikeprune.core.prune.PruneContext;
import org.spikeprune.core.prune.WeightMemory;

/**
 * Post-training weight pruning (Rathi et al. 2019 as paper A uses it): no pruning during training; at the end of
 * training one global threshold removes the smallest live weights so that exactly
 * {@code round(targetConnectivity × total)} synapses stay live. No retraining follows.
 *
 * <p>With {@code P} the number to prune, the threshold is the value {@code v} of the {@code (P + 1)}-th smallest
 * live weight (the smallest survivor): every weight strictly below {@code v} is pruned, exactly {@code P} when the
 * weights are distinct. When the {@code P}-th smallest also equals {@code v} (ties, e.g. many weights at 0), only
 * some of the tied weights must go: whole neurons' tied weights are added in neuron order as long as they fit
 * (those neurons get the threshold {@code nextUp(v)}); if no remaining neuron's ties fit, the connectivity ends
 * above the target by fewer than one neuron's tied weights. A threshold never reaches {@code w_max}: weights
 * at {@code w_max} are never pruned. Weights are assumed non-negative.
 */
public final class PostTrainingPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final StepLog log = new StepLog();

    /** @param config the settings; reads {@code target_connectivity}. */
    public PostTrainingPrunePolicy(final PruneConfig config)
    {
        this.config = config;
    }

    @Override
    public String name()
    {
        return method().cliName();
    }

    @Override
    public PruneMethod method()
    {
        return PruneMethod.POST_TRAINING;
    }

    @Override
    public PruneConfig config()
    {
        return config;
    }

    /** Never: this policy acts only at the end of training. */
    @Override
    public long startImages()
    {
        return Long.MAX_VALUE;
    }

    /** Never: this policy acts only at the end of training. */
    @Override
    public long stepImages()
    {
        return Long.MAX_VALUE;
    }

    /** Does nothing: this policy acts only at the end of training. */
    @Override
    public void onBoundary(final PruneContext context)
    {
    }

    @Override
    public void onEndOfTraining(final PruneContext context)
    {
        final WeightMemory weights = context.weights();
        final int preCount = weights.preCount();
        final int postCount = weights.postCount();
        final float wMax = weights.wMax();
        final float[] thresholds = log.thresholds(postCount);

        final long targetLive = Math.round(config.targetConnectivity() * weights.totalCount());
        final long toPrune = weights.liveCount() - targetLive;
        if (toPrune <= 0)
        {
            Arrays.fill(thresholds, 0.0f);
            log.addThresholdStep(context, 0.0f, 1, 0L, 0L);
            return;
        }

        final float[] live = liveWeights(weights);
        Arrays.sort(live);
        final float cutoff = toPrune < live.length ? live[(int)toPrune] : Math.nextUp(live[live.length - 1]);
        final float base = AdaptationFunction.cap(cutoff, wMax);
        int below = 0;
        while (below < live.length && live[below] < base)
        {
            below++;
        }
        long tiesNeeded = toPrune - below;
        final float withTies = Math.nextUp(base);
        final boolean tiesPrunable = withTies < wMax;
        long pruned = 0;
        for (int post = 0; post < postCount; post++)
        {
            float threshold = base;
            if (tiesNeeded > 0 && tiesPrunable && !weights.isNeuronPruned(post))
            {
                int ties = 0;
                for (int pre = 0; pre < preCount; pre++)
                {
                    if (weights.isLive(pre, post) && weights.weight(pre, post) == base)
                    {
                        ties++;
                    }
                }
                if (ties > 0 && ties <= tiesNeeded)
                {
                    threshold = withTies;
                    tiesNeeded -= ties;
                }
            }
            thresholds[post] = threshold;
            pruned += weights.pruneBelow(post, threshold);
        }
        log.addThresholdStep(context, base, 1, pruned, 0L);
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

    private static float[] liveWeights(final WeightMemory weights)
    {
        final long liveCount = weights.liveCount();
        if (liveCount > Integer.MAX_VALUE - 8)
        {
            throw new IllegalArgumentException("too many live synapses for post-training selection: " + liveCount);
        }
        final float[] live = new float[(int)liveCount];
        int n = 0;
        for (int post = 0; post < weights.postCount(); post++)
        {
            if (weights.isNeuronPruned(post))
            {
                continue;
            }
            for (int pre = 0; pre < weights.preCount(); pre++)
            {
                if (weights.isLive(pre, post))
                {
                    live[n++] = weights.weight(pre, post);
                }
            }
        }
        return n == live.length ? live : Arrays.copyOf(live, n);
    }
}
