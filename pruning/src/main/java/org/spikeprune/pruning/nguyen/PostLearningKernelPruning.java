package org.spikeprune.pruning.nguyen;

import org.spikeprune.core.conv.DecrementTrack;
import org.spikeprune.core.conv.KernelPrunePolicy;
import org.spikeprune.core.conv.KernelWeights;

/**
 * Paper B's post-learning pruning (§3.2, §6.3): after a layer has finished learning and before the next one
 * starts, every live kernel weight below β is pruned; β = 0.9, 0.9, 0.7 for conv1, conv2, conv3.
 */
public final class PostLearningKernelPruning implements KernelPrunePolicy
{
    private final double[] beta;

    /** @param beta threshold per convolution (the last value repeats for deeper layers). */
    public PostLearningKernelPruning(final double[] beta)
    {
        if (beta.length == 0)
        {
            throw new IllegalArgumentException("post-learning pruning needs at least one beta");
        }
        this.beta = beta.clone();
    }

    /** β of convolution {@code convLayer}. */
    public double beta(final int convLayer)
    {
        return beta[Math.min(convLayer, beta.length - 1)];
    }

    @Override
    public String name()
    {
        return NguyenPruning.POST;
    }

    @Override
    public int evaluationPeriod(final int convLayer)
    {
        return 0;
    }

    @Override
    public long onEvaluate(final int convLayer, final long iteration, final DecrementTrack track,
        final KernelWeights weights)
    {
        return 0;
    }

    @Override
    public long onLayerLearned(final int convLayer, final KernelWeights weights)
    {
        final double b = beta(convLayer);
        long evaluated = 0;
        for (int i = 0; i < weights.size(); i++)
        {
            if (weights.isPruned(i))
            {
                continue;
            }
            evaluated++;
            if (weights.weight(i) < b)
            {
                weights.prune(i);
            }
        }
        return evaluated;
    }
}
