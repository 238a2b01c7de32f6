package org.spikeprune.pruning.nguyen;

import org.spikeprune.core.conv.DecrementTrack;
import org.spikeprune.core.conv.KernelPrunePolicy;
import org.spikeprune.core.conv.KernelWeights;

/**
 * Paper B's dynamic pruning (§3.1, eqs. 4–6): every k learning iterations of a layer, for every live kernel
 * weight, P = h·t_post = (d / w)·t_post, with d the decrements logged in the Decrement Track memory since the
 * last pass and w the weight now; the weight is pruned when P &gt; α. Weights without decrements have P = 0.
 *
 * <p>t_post is not defined per connection in the paper (MODEL-REFERENCE §7.11). {@link PostTime#MEAN} (the
 * default) takes the mean spike step of the winners whose STDP caused the d decrements, so P = Σ t_post / w;
 * {@link PostTime#LATEST} takes the latest one, P = d·t_last / w.
 */
public final class DynamicKernelPruning implements KernelPrunePolicy
{
    /** Which post-synaptic spike time stands for t_post. */
    public enum PostTime
    {
        /** Mean over the decrements of the window. */
        MEAN,
        /** The latest decrement's. */
        LATEST
    }

    private final double[] alpha;
    private final int k;
    private final PostTime postTime;

    /**
     * @param alpha    threshold α per convolution (a single value applies to every layer; the last value repeats).
     * @param k        learning iterations between passes (&gt; 0).
     * @param postTime reading of t_post.
     */
    public DynamicKernelPruning(final double[] alpha, final int k, final PostTime postTime)
    {
        if (alpha.length == 0 || k <= 0)
        {
            throw new IllegalArgumentException("dynamic pruning needs alpha and k > 0, k=" + k);
        }
        this.alpha = alpha.clone();
        this.k = k;
        this.postTime = postTime;
    }

    /** α of convolution {@code convLayer}. */
    public double alpha(final int convLayer)
    {
        return alpha[Math.min(convLayer, alpha.length - 1)];
    }

    /** k. */
    public int period()
    {
        return k;
    }

    @Override
    public String name()
    {
        return NguyenPruning.DYNAMIC;
    }

    @Override
    public int evaluationPeriod(final int convLayer)
    {
        return k;
    }

    /**
     * P of one weight.
     *
     * @param track  the Decrement Track memory.
     * @param index  the weight.
     * @param weight its value.
     * @return P = (d / w)·t_post, 0 when d = 0, +∞ when w = 0 and d &gt; 0.
     */
    public double criterion(final DecrementTrack track, final int index, final float weight)
    {
        final int d = track.decrements(index);
        if (d == 0)
        {
            return 0.0;
        }
        final double weighted = postTime == PostTime.MEAN ? track.postTimeSum(index)
            : (double)d * track.lastPostTime(index);
        return weight > 0f ? weighted / weight : Double.POSITIVE_INFINITY;
    }

    @Override
    public long onEvaluate(final int convLayer, final long iteration, final DecrementTrack track,
        final KernelWeights weights)
    {
        final double a = alpha(convLayer);
        long evaluated = 0;
        for (int i = 0; i < weights.size(); i++)
        {
            if (weights.isPruned(i))
            {
                continue;
            }
            evaluated++;
            if (criterion(track, i, weights.weight(i)) > a)
            {
                weights.prune(i);
            }
        }
        return evaluated;
    }

    @Override
    public long onLayerLearned(final int convLayer, final KernelWeights weights)
    {
        return 0;
    }
}
