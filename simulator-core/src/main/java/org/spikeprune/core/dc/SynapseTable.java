package org.spikeprune.core.dc;

/**
 * The input → excitatory synapses one core owns, compacted: for every input {@code i} and delay {@code d} the
 * synapses of group {@code g = i * delays + d} occupy positions {@code [groupStart[g], groupStart[g + 1])}, post
 * neuron ascending. A pruned synapse simply is not stored, so the work per input spike falls with
 * connectivity. Rebuilt (control path) by {@link Builder} when the Prune unit removes or freezes synapses.
 *
 * <p>Per synapse: the local post neuron, the weight and the tick of the last spike arrival (the pre-synaptic
 * trace {@code x} is set to 1 on arrival and decays, so it is a function of that tick alone).
 */
final class SynapseTable
{
    static final int NEVER = Integer.MIN_VALUE / 2;

    final int inputs;
    final int delays;
    final int[] groupStart;
    final int[] post;
    final float[] weight;
    final int[] lastArrival;
    final short[] pre;

    SynapseTable(final int inputs, final int delays, final int[] groupStart, final int[] post, final float[] weight,
        final int[] lastArrival, final short[] pre)
    {
        this.inputs = inputs;
        this.delays = delays;
        this.groupStart = groupStart;
        this.post = post;
        this.weight = weight;
        this.lastArrival = lastArrival;
        this.pre = pre;
    }

    /** Number of synapses stored. */
    int size()
    {
        return groupStart[groupStart.length - 1];
    }

    /** Accumulates a builder's synapses group by group; the caller adds groups in ascending order. */
    static final class Builder
    {
        private final int inputs;
        private final int delays;
        private final int[] groupStart;
        private int[] post;
        private float[] weight;
        private int[] lastArrival;
        private short[] pre;
        private int size;
        private int currentGroup;

        Builder(final int inputs, final int delays, final int capacity)
        {
            this.inputs = inputs;
            this.delays = delays;
            this.groupStart = new int[inputs * delays + 1];
            final int cap = Math.max(1, capacity);
            post = new int[cap];
            weight = new float[cap];
            lastArrival = new int[cap];
            pre = new short[cap];
        }

        /** Appends a synapse of group (input, delay); groups must come in ascending order, posts ascending. */
        void add(final int input, final int delay, final int localPost, final float w, final int arrival)
        {
            final int g = input * delays + delay;
            while (currentGroup < g)
            {
                currentGroup++;
                groupStart[currentGroup] = size;
            }
            if (size == post.length)
            {
                final int cap = size * 2;
                post = java.util.Arrays.copyOf(post, cap);
                weight = java.util.Arrays.copyOf(weight, cap);
                lastArrival = java.util.Arrays.copyOf(lastArrival, cap);
                pre = java.util.Arrays.copyOf(pre, cap);
            }
            post[size] = localPost;
            weight[size] = w;
            lastArrival[size] = arrival;
            pre[size] = (short)input;
            size++;
        }

        SynapseTable build()
        {
            while (currentGroup < groupStart.length - 1)
            {
                currentGroup++;
                groupStart[currentGroup] = size;
            }
            return new SynapseTable(inputs, delays, groupStart, java.util.Arrays.copyOf(post, size),
                java.util.Arrays.copyOf(weight, size), java.util.Arrays.copyOf(lastArrival, size),
                java.util.Arrays.copyOf(pre, size));
        }
    }
}
