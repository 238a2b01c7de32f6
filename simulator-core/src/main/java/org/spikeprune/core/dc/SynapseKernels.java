package org.spikeprune.core.dc;

/**
 * The inner loops of a processing element's Weight memory, on its real storage. {@code DcCore} runs these methods,
 * so a benchmark that calls them measures the simulator's own code path:
 * <ul>
 *   <li>the synaptic-operation (SOP) kernel at emission, {@link #emit} (one loop over all the input's synapses)
 *       or {@link #emitGroups} (delay group after delay group): an input spike is propagated over all its
 *       synapses at once, each weight added to the conductance increment of its arrival tick;</li>
 *   <li>the pending STDP pre-spike depressions of one delay group's arrival ({@link #depress});</li>
 *   <li>the STDP post-spike potentiation of one neuron's synapses ({@link #potentiate}).</li>
 * </ul>
 * The per-group kernels {@link #accumulate(long[], int, int, double[])} and
 * {@link #accumulateDepress(long[], int, int, double[], float[], float)} (one delay group into the conductances,
 * the depression fused) are the building blocks, kept for the kernel benchmarks.
 *
 * <p>Storage (see {@code SynapseTable}): one {@code long} per synapse, the local post neuron in the high 32 bits
 * and the weight's float bits in the low 32 bits ({@link #pack}); the synapses of one (input, delay) group are
 * contiguous, post neuron ascending, and the groups of one input follow each other. A pruned synapse is not
 * stored, so a group of a pruned core is shorter.
 *
 * <p>Floating point: a float weight is widened to double and added to a double increment (or conductance) in
 * storage order; a depression is computed in float and clipped at 0, a potentiation clipped at w_max.
 */
public final class SynapseKernels
{
    /** A tick that never happened: an emission history entry that is empty. */
    public static final int NEVER = Integer.MIN_VALUE / 2;
    private static final long POST_MASK = 0xFFFF_FFFF_0000_0000L;
    private static final long WEIGHT_MASK = 0xFFFF_FFFFL;

    private SynapseKernels()
    {
    }

    /**
     * One stored synapse.
     *
     * @param post the local post neuron (&ge; 0).
     * @param w    the weight.
     * @return the packed synapse.
     */
    public static long pack(final int post, final float w)
    {
        return ((long)post << 32) | (Float.floatToRawIntBits(w) & WEIGHT_MASK);
    }

    /**
     * The local post neuron of a packed synapse.
     *
     * @param s the packed synapse.
     * @return its post neuron.
     */
    public static int post(final long s)
    {
        return (int)(s >>> 32);
    }

    /**
     * The weight of a packed synapse.
     *
     * @param s the packed synapse.
     * @return its weight.
     */
    public static float weight(final long s)
    {
        return Float.intBitsToFloat((int)s);
    }

    /**
     * A packed synapse with a new weight and the same post neuron.
     *
     * @param s the packed synapse.
     * @param w the new weight.
     * @return the packed synapse.
     */
    public static long withWeight(final long s, final float w)
    {
        return (s & POST_MASK) | (Float.floatToRawIntBits(w) & WEIGHT_MASK);
    }

    /**
     * SOP kernel, inference: an input spike arrives over the synapses {@code [from, to)}; each one adds its weight
     * to its post neuron's excitatory conductance.
     *
     * @param syn  packed synapses.
     * @param from first synapse of the group.
     * @param to   end of the group (exclusive).
     * @param ge   excitatory conductance of every local neuron.
     */
    public static void accumulate(final long[] syn, final int from, final int to, final double[] ge)
    {
        for (int k = from; k < to; k++)
        {
            final long sk = syn[k];
            ge[post(sk)] += weight(sk);
        }
    }

    /**
     * {@link #accumulate(long[], int, int, double[])} into one arrival slot of a flat increment buffer: synapse
     * {@code k} adds its weight to {@code inc[base + post]}.
     *
     * @param syn  packed synapses.
     * @param from first synapse of the group.
     * @param to   end of the group (exclusive).
     * @param inc  conductance increments, slot after slot.
     * @param base the slot's first entry.
     */
    public static void accumulate(final long[] syn, final int from, final int to, final double[] inc, final int base)
    {
        for (int k = from; k < to; k++)
        {
            final long sk = syn[k];
            inc[base + post(sk)] += weight(sk);
        }
    }

    /**
     * SOP kernel at emission, as {@code DcCore} runs it: an input spike is propagated over all its synapses in one
     * loop, each weight added to the conductance increment of its arrival tick, entry
     * {@code (slot0 + d) mod delays} of a flat buffer of slots ({@code stride} entries each) for a synapse of delay
     * d. Each synapse carries its offset {@code arrival[k] = d·stride + post} from the emission slot, so the loop
     * adds the slot base, less the buffer's length for the synapses whose arrival wraps past its end (they come
     * last, the synapses being stored in delay order): no delay lookup and no test per synapse. One input has at most
     * one synapse onto a neuron, so each increment receives at most one weight per emission, and the sums are
     * those of {@link #emitGroups} (delay group after delay group), bit for bit, without its short per-group loops.
     * The synapses due at each arrival slot are counted from the group sizes.
     *
     * @param syn        packed synapses.
     * @param arrival    per synapse, {@code delay · stride + post}.
     * @param groupStart first synapse of every (input, delay) group, and the end.
     * @param g0         the input's first group ({@code input * delays}).
     * @param delays     delay groups per input (and arrival slots).
     * @param incoming   conductance increments by arrival slot, then by local neuron: {@code delays · stride}.
     * @param stride     entries per arrival slot.
     * @param slot0      the slot of the emission tick (delay 0).
     * @param ops        synapses due by arrival slot, incremented by the group sizes.
     */
    public static void emit(final long[] syn, final int[] arrival, final int[] groupStart, final int g0,
        final int delays, final double[] incoming, final int stride, final int slot0, final long[] ops)
    {
        final int from = groupStart[g0];
        final int to = groupStart[g0 + delays];
        if (to == from)
        {
            return;
        }
        int slot = slot0;
        int start = from;
        for (int d = 0; d < delays; d++)
        {
            final int end = groupStart[g0 + d + 1];
            ops[slot] += end - start;
            start = end;
            slot = slot + 1 == delays ? 0 : slot + 1;
        }
        // Synapses are stored in delay order, so those whose arrival slot wraps past the buffer's end (delay
        // d >= delays - slot0) come last: the loop runs in two parts, one offset each, with no test inside.
        final int base = slot0 * stride;
        final int wrap = groupStart[g0 + delays - slot0];
        addAt(syn, arrival, from, wrap, incoming, base);
        addAt(syn, arrival, wrap, to, incoming, base - delays * stride);
    }

    private static void addAt(final long[] syn, final int[] arrival, final int from, final int to,
        final double[] incoming, final int offset)
    {
        for (int k = from; k < to; k++)
        {
            incoming[offset + arrival[k]] += weight(syn[k]);
        }
    }

    /**
     * {@link #emit} delay group after delay group, a loop per group: the same sums bit for bit, faster when the
     * groups are long (tens of synapses).
     *
     * @param syn        packed synapses.
     * @param groupStart first synapse of every (input, delay) group, and the end.
     * @param g0         the input's first group ({@code input * delays}).
     * @param delays     delay groups per input (and arrival slots).
     * @param incoming   conductance increments by arrival slot, then by local neuron.
     * @param slot0      the slot of the emission tick (delay 0).
     * @param ops        synapses due by arrival slot, incremented by the group sizes.
     */
    public static void emitGroups(final long[] syn, final int[] groupStart, final int g0, final int delays,
        final double[] incoming, final int stride, final int slot0, final long[] ops)
    {
        int slot = slot0;
        int from = groupStart[g0];
        for (int d = 0; d < delays; d++)
        {
            final int to = groupStart[g0 + d + 1];
            if (to > from)
            {
                accumulate(syn, from, to, incoming, slot * stride);
                ops[slot] += to - from;
            }
            from = to;
            slot = slot + 1 == delays ? 0 : slot + 1;
        }
    }

    /**
     * STDP pre-spike depression of the synapses {@code [from, to)} for a spike arriving at tick {@code arrival},
     * {@code w ← max(0, w − ν_pre·y1_j)} with {@code y1_j = y1Table[arrival − lastPost[j]]}, skipping every
     * synapse onto a neuron whose synapses already had the arrivals up to {@code settled[j] ≥ arrival} applied.
     *
     * @param syn      packed synapses (weights updated in place).
     * @param from     first synapse.
     * @param to       end (exclusive).
     * @param arrival  the arrival tick.
     * @param settled  per local neuron, the tick up to which its synapses' arrivals are applied.
     * @param lastPost per local neuron, its last spike before the arrival.
     * @param y1Table  first post trace decay by age; its last entry is 0.
     * @param nuPre    pre-synaptic learning rate ν_pre.
     */
    public static void depress(final long[] syn, final int from, final int to, final int arrival,
        final int[] settled, final int[] lastPost, final float[] y1Table, final float nuPre)
    {
        for (int k = from; k < to; k++)
        {
            final long sk = syn[k];
            final int j = post(sk);
            if (arrival > settled[j])
            {
                final float wk = weight(sk);
                final float nw = wk - nuPre * y1Table[Math.min(arrival - lastPost[j], y1Table.length - 1)];
                syn[k] = withWeight(sk, nw < 0f ? 0f : nw);
            }
        }
    }

    /**
     * SOP kernel, learning: {@link #accumulate} fused with the STDP pre-spike depression of the same synapses,
     * {@code w ← max(0, w − ν_pre·y1[post])}, applied after the weight was accumulated.
     *
     * @param syn   packed synapses (weights updated in place).
     * @param from  first synapse of the group.
     * @param to    end of the group (exclusive).
     * @param ge    excitatory conductance of every local neuron.
     * @param y1    first post-synaptic trace of every local neuron at this tick.
     * @param nuPre pre-synaptic learning rate ν_pre.
     */
    public static void accumulateDepress(final long[] syn, final int from, final int to, final double[] ge,
        final float[] y1, final float nuPre)
    {
        for (int k = from; k < to; k++)
        {
            final long sk = syn[k];
            final int j = post(sk);
            final float wk = weight(sk);
            ge[j] += wk;
            final float nw = wk - nuPre * y1[j];
            syn[k] = withWeight(sk, nw < 0f ? 0f : nw);
        }
    }

    /**
     * STDP post-spike potentiation of one neuron: every synapse onto it whose pre-synaptic trace is non-zero gains
     * {@code scale·x}, clipped at {@code wMax}. The trace x of a synapse from input i with delay d is
     * {@code xTable[t − (e + d)]} for the latest emission e of i whose arrival {@code e + d} is not after t.
     *
     * @param syn          packed synapses (weights updated in place).
     * @param pre          input of every synapse.
     * @param delay        delay in ticks of every synapse.
     * @param positions    synapse positions onto the neuron.
     * @param from         first entry of {@code positions}.
     * @param to           end of the entries (exclusive).
     * @param scale        ν_post·y2 of the neuron before it fired.
     * @param wMax         upper weight bound.
     * @param history      the last {@code historyDepth} emission ticks of every input, a ring per input.
     * @param historyHead  next slot of every input's ring.
     * @param historyDepth ring length.
     * @param xTable       pre trace decay by age in ticks; ages beyond its end give 0.
     * @param t            the current tick.
     */
    public static void potentiate(final long[] syn, final short[] pre, final byte[] delay, final int[] positions,
        final int from, final int to, final float scale, final float wMax, final int[] history,
        final int[] historyHead, final int historyDepth, final float[] xTable, final int t)
    {
        for (int q = from; q < to; q++)
        {
            final int k = positions[q];
            final float x = preTrace(history, historyHead, historyDepth, xTable, pre[k], delay[k], t);
            if (x != 0f)
            {
                final long sk = syn[k];
                final float nw = weight(sk) + scale * x;
                syn[k] = withWeight(sk, nw > wMax ? wMax : nw);
            }
        }
    }

    /**
     * Pre-synaptic trace x of a synapse of delay d from input i at tick t: 1 at the last arrival, decaying.
     *
     * @param history      emission rings.
     * @param historyHead  next slot of every ring.
     * @param historyDepth ring length.
     * @param xTable       decay by age.
     * @param i            the input.
     * @param d            the delay in ticks.
     * @param t            the current tick.
     * @return the trace.
     */
    public static float preTrace(final int[] history, final int[] historyHead, final int historyDepth,
        final float[] xTable, final int i, final int d, final int t)
    {
        final int base = i * historyDepth;
        int h = historyHead[i];
        for (int m = 0; m < historyDepth; m++)
        {
            h = h == 0 ? historyDepth - 1 : h - 1;
            final int e = history[base + h];
            if (e == NEVER)
            {
                return 0f;
            }
            final int arrival = e + d;
            if (arrival <= t)
            {
                return lookup(xTable, t - arrival);
            }
        }
        return 0f;
    }

    /**
     * An entry of a decay table, 0 beyond its end or for negative ages.
     *
     * @param table decay by age.
     * @param dt    age in ticks.
     * @return the decay factor.
     */
    public static float lookup(final float[] table, final int dt)
    {
        return dt >= 0 && dt < table.length ? table[dt] : 0f;
    }
}
