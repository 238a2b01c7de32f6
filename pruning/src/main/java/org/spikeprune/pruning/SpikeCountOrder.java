package org.spikeprune.pruning;

import java.util.Arrays;

import org.spikeprune.core.prune.WeightMemory;

/**
 * The present (not removed) post neurons sorted by batch spike count, ascending, ties by neuron index. Each entry
 * packs the count and the index into one {@code long} so that a primitive sort does the work.
 */
final class SpikeCountOrder
{
    private static final int INDEX_BITS = 21;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long MAX_COUNT = Long.MAX_VALUE >>> INDEX_BITS;

    private long[] keys = new long[0];
    private int size;

    /**
     * Sorts the present neurons.
     *
     * @param spikeCounts batch spike count per post neuron ({@code postCount} entries, each {@code >= 0}).
     * @param weights     the weight memory (for the neuron count and the removed neurons).
     * @return the number of present neurons.
     */
    int sort(final long[] spikeCounts, final WeightMemory weights)
    {
        final int postCount = weights.postCount();
        if (spikeCounts.length != postCount)
        {
            throw new IllegalArgumentException(
                "batchSpikeCounts has " + spikeCounts.length + " entries, expected one per post neuron: " + postCount);
        }
        if (postCount > INDEX_MASK + 1)
        {
            throw new IllegalArgumentException("too many post neurons to sort: " + postCount);
        }
        if (keys.length != postCount)
        {
            keys = new long[postCount];
        }
        int n = 0;
        for (int post = 0; post < postCount; post++)
        {
            if (weights.isNeuronPruned(post))
            {
                continue;
            }
            final long count = spikeCounts[post];
            if (count < 0 || count > MAX_COUNT)
            {
                throw new IllegalArgumentException("batch spike count of neuron " + post + " out of range: " + count);
            }
            keys[n++] = count << INDEX_BITS | post;
        }
        Arrays.sort(keys, 0, n);
        size = n;
        return n;
    }

    /** The number of neurons of the last sort. */
    int size()
    {
        return size;
    }

    /** The neuron at rank {@code i} (0 = fewest spikes). */
    int neuron(final int i)
    {
        return (int)(keys[i] & INDEX_MASK);
    }

    /** The spike count at rank {@code i}. */
    long count(final int i)
    {
        return keys[i] >>> INDEX_BITS;
    }
}
