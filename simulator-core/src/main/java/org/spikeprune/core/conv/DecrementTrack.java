package org.spikeprune.core.conv;

import java.util.Arrays;

/**
 * The Decrement Track memory of paper B (§4, Fig. 5): for every kernel weight of the layer that is learning,
 * the number {@code d} of LTD events (weight decrements) since the last Prune unit pass, the sum of the
 * post-synaptic spike times (time steps) of the winners whose STDP caused them, and the latest such time.
 * The Prune unit reads it every {@code k} iterations and the network then clears it (MODEL-REFERENCE §7.11).
 */
public final class DecrementTrack
{
    private final int[] decrements;
    private final int[] postTimeSum;
    private final int[] lastPostTime;

    /** @param size kernel weights of the layer. */
    public DecrementTrack(final int size)
    {
        decrements = new int[size];
        postTimeSum = new int[size];
        lastPostTime = new int[size];
    }

    /** Number of tracked weights. */
    public int size()
    {
        return decrements.length;
    }

    /** Logs one decrement of weight {@code index} caused by a post-synaptic spike at {@code postStep}. */
    public void record(final int index, final int postStep)
    {
        decrements[index]++;
        postTimeSum[index] += postStep;
        lastPostTime[index] = postStep;
    }

    /** d: decrements of weight {@code index} since the last clear. */
    public int decrements(final int index)
    {
        return decrements[index];
    }

    /** Sum of t_post over those decrements. */
    public int postTimeSum(final int index)
    {
        return postTimeSum[index];
    }

    /** t_post of the latest decrement, 0 if none. */
    public int lastPostTime(final int index)
    {
        return lastPostTime[index];
    }

    /** Mean t_post over the decrements, 0 if none. */
    public double meanPostTime(final int index)
    {
        final int d = decrements[index];
        return d == 0 ? 0.0 : (double)postTimeSum[index] / d;
    }

    /** Clears every counter (after a Prune unit pass). */
    public void clear()
    {
        Arrays.fill(decrements, 0);
        Arrays.fill(postTimeSum, 0);
        Arrays.fill(lastPostTime, 0);
    }
}
