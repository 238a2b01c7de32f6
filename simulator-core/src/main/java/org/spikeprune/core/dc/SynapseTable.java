package org.spikeprune.core.dc;

import java.util.Arrays;

/**
 * The input → excitatory synapses one core owns, compacted: for every input {@code i} and delay {@code d} the
 * synapses of group {@code g = i * delays + d} occupy positions {@code [groupStart[g], groupStart[g + 1])}, post
 * neuron ascending. A pruned synapse simply is not stored, so the work per input spike falls with
 * connectivity. Rebuilt (control path) by {@link Builder} when the Prune unit removes or freezes synapses.
 *
 * <p>The hot data of a synapse is one {@code long}: the local post neuron in the high 32 bits and the weight's
 * float bits in the low 32 bits, so one delay group is usually one cache line. The pre-synaptic input and the
 * delay of each position are kept apart (cold: used by potentiation and the Prune unit). {@code arrival} holds,
 * per position, the synapse's place in a flat buffer of arrival slots, {@code delay · stride + post}: the emission
 * kernel adds the slot of the emission tick and wraps once, with no per-delay lookup.
 */
final class SynapseTable
{
    static final int NEVER = SynapseKernels.NEVER;

    final int inputs;
    final int delays;
    final int[] groupStart;
    final long[] syn;
    final short[] pre;
    final byte[] delay;
    /** Per position, {@code delay · stride + post}: the offset of its arrival slot entry from the emission slot. */
    final int[] arrival;
    /** Entries per arrival slot (the core's local neurons). */
    final int stride;

    private SynapseTable(final int inputs, final int delays, final int stride, final int[] groupStart,
        final long[] syn, final short[] pre, final byte[] delay, final int[] arrival)
    {
        this.inputs = inputs;
        this.delays = delays;
        this.groupStart = groupStart;
        this.syn = syn;
        this.pre = pre;
        this.delay = delay;
        this.arrival = arrival;
        this.stride = stride;
    }

    /** Number of synapses stored. */
    int size()
    {
        return groupStart[groupStart.length - 1];
    }

    static long pack(final int post, final float w)
    {
        return SynapseKernels.pack(post, w);
    }

    static int post(final long s)
    {
        return SynapseKernels.post(s);
    }

    static float weight(final long s)
    {
        return SynapseKernels.weight(s);
    }

    static long withWeight(final long s, final float w)
    {
        return SynapseKernels.withWeight(s, w);
    }

    int post(final int k)
    {
        return post(syn[k]);
    }

    float weight(final int k)
    {
        return weight(syn[k]);
    }

    void weight(final int k, final float w)
    {
        syn[k] = withWeight(syn[k], w);
    }

    /** Accumulates synapses group by group; the caller adds groups in ascending order, posts ascending. */
    static final class Builder
    {
        private final int inputs;
        private final int delays;
        private final int stride;
        private final int[] groupStart;
        private long[] syn;
        private short[] pre;
        private byte[] delay;
        private int[] arrival;
        private int size;
        private int currentGroup;

        /**
         * @param inputs   inputs.
         * @param delays   delay groups per input (and arrival slots).
         * @param stride   entries per arrival slot: the core's local neurons (every post is below it).
         * @param capacity synapses expected.
         */
        Builder(final int inputs, final int delays, final int stride, final int capacity)
        {
            this.inputs = inputs;
            this.delays = delays;
            this.stride = stride;
            this.groupStart = new int[inputs * delays + 1];
            final int cap = Math.max(1, capacity);
            syn = new long[cap];
            pre = new short[cap];
            delay = new byte[cap];
            arrival = new int[cap];
        }

        /** Appends a synapse of group (input, delay). */
        void add(final int input, final int d, final int localPost, final float w)
        {
            if (localPost < 0 || localPost >= stride)
            {
                throw new IllegalArgumentException("post " + localPost + " outside [0, " + stride + ")");
            }
            final int g = input * delays + d;
            while (currentGroup < g)
            {
                currentGroup++;
                groupStart[currentGroup] = size;
            }
            if (size == syn.length)
            {
                final int cap = size * 2;
                syn = Arrays.copyOf(syn, cap);
                pre = Arrays.copyOf(pre, cap);
                delay = Arrays.copyOf(delay, cap);
                arrival = Arrays.copyOf(arrival, cap);
            }
            syn[size] = pack(localPost, w);
            pre[size] = (short)input;
            delay[size] = (byte)d;
            arrival[size] = d * stride + localPost;
            size++;
        }

        SynapseTable build()
        {
            while (currentGroup < groupStart.length - 1)
            {
                currentGroup++;
                groupStart[currentGroup] = size;
            }
            return new SynapseTable(inputs, delays, stride, groupStart, Arrays.copyOf(syn, size),
                Arrays.copyOf(pre, size), Arrays.copyOf(delay, size), Arrays.copyOf(arrival, size));
        }
    }
}
