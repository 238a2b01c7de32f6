package org.spikeprune.pruning.nguyen;

import org.spikeprune.core.conv.DecrementTrack;
import org.spikeprune.core.conv.KernelPrunePolicy;
import org.spikeprune.core.conv.KernelWeights;

/** Paper B's two-stage pruning (Fig. 2): dynamic pruning while each layer learns, then post-learning pruning. */
public final class CombinedKernelPruning implements KernelPrunePolicy
{
    private final DynamicKernelPruning dynamic;
    private final PostLearningKernelPruning post;

    /**
     * @param dynamic the first stage.
     * @param post    the second stage.
     */
    public CombinedKernelPruning(final DynamicKernelPruning dynamic, final PostLearningKernelPruning post)
    {
        this.dynamic = dynamic;
        this.post = post;
    }

    /** The dynamic stage. */
    public DynamicKernelPruning dynamic()
    {
        return dynamic;
    }

    /** The post-learning stage. */
    public PostLearningKernelPruning post()
    {
        return post;
    }

    @Override
    public String name()
    {
        return NguyenPruning.BOTH;
    }

    @Override
    public int evaluationPeriod(final int convLayer)
    {
        return dynamic.evaluationPeriod(convLayer);
    }

    @Override
    public long onEvaluate(final int convLayer, final long iteration, final DecrementTrack track,
        final KernelWeights weights)
    {
        return dynamic.onEvaluate(convLayer, iteration, track, weights);
    }

    @Override
    public long onLayerLearned(final int convLayer, final KernelWeights weights)
    {
        return post.onLayerLearned(convLayer, weights);
    }
}
