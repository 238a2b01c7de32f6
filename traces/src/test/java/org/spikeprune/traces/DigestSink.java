package org.spikeprune.traces;

/**
 * Hashes the calls it receives, one hash per kind of call (up to a limit of calls per kind), so two event streams
 * can be compared cheaply. Per kind because the recorder keeps each kind's order but gathers spikes and core ticks into
 * records written when full: what a trace holds is, kind by kind, a prefix of what was sent.
 */
final class DigestSink implements TraceSink
{
    private static final int KINDS = 8;
    private final long[] limit = new long[KINDS];
    private final long[] hash = new long[KINDS];
    private final long[] calls = new long[KINDS];
    private int kind;

    /** A sink that takes every call. */
    DigestSink()
    {
        java.util.Arrays.fill(limit, Long.MAX_VALUE);
        java.util.Arrays.fill(hash, 0xcbf29ce484222325L);
    }

    /** A sink that takes, of each kind, as many calls as the trace summarised holds. */
    DigestSink(final TraceSummary s)
    {
        this();
        limit[1] = s.spikeBatches(TraceRecordKind.INPUT_SPIKES);
        limit[2] = s.spikeBatches(TraceRecordKind.OUTPUT_SPIKES);
        limit[3] = s.records(TraceRecordKind.IMAGE_START);
        limit[4] = s.events(TraceRecordKind.CORE_TICK);
        limit[5] = s.records(TraceRecordKind.PRUNE);
        limit[6] = s.records(TraceRecordKind.PRUNE_DECISION);
        limit[7] = s.records(TraceRecordKind.IMAGE_END);
    }

    /** The hashes of every kind, combined. */
    long hash()
    {
        long h = 0;
        for (int k = 1; k < KINDS; k++)
        {
            h = h * 31 + hash[k] + calls[k];
        }
        return h;
    }

    /** Calls taken, all kinds. */
    long calls()
    {
        long n = 0;
        for (int k = 1; k < KINDS; k++)
        {
            n += calls[k];
        }
        return n;
    }

    /** True once every kind has taken its limit. */
    boolean full()
    {
        for (int k = 1; k < KINDS; k++)
        {
            if (calls[k] < limit[k])
            {
                return false;
            }
        }
        return true;
    }

    private boolean take(final int k, final long tick)
    {
        if (calls[k] >= limit[k])
        {
            return false;
        }
        calls[k]++;
        kind = k;
        mix(k);
        mix(tick);
        return true;
    }

    private void mix(final long v)
    {
        long h = hash[kind];
        h = (h ^ v) * 0x100000001b3L;
        hash[kind] = h ^ (h >>> 29);
    }

    @Override
    public void onInputSpikes(final long tick, final int[] ids, final int offset, final int count)
    {
        spikes(1, tick, ids, offset, count);
    }

    @Override
    public void onOutputSpikes(final long tick, final int[] ids, final int offset, final int count)
    {
        spikes(2, tick, ids, offset, count);
    }

    private void spikes(final int kind, final long tick, final int[] ids, final int offset, final int count)
    {
        if (take(kind, tick))
        {
            mix(count);
            for (int i = 0; i < count; i++)
            {
                mix(ids[offset + i]);
            }
        }
    }

    @Override
    public void onImageStart(
        final long tick, final int image, final int label, final boolean learning, final int repeat)
    {
        if (take(3, tick))
        {
            mix(image);
            mix(label);
            mix(learning ? 1 : 0);
            mix(repeat);
        }
    }

    @Override
    public void onCoreTick(
        final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
        final long stdpUpdates, final long decrements, final int spikesOut)
    {
        if (take(4, tick))
        {
            mix(core);
            mix(spikesIn);
            mix(synapticOps);
            mix(neuronUpdates);
            mix(stdpUpdates);
            mix(decrements);
            mix(spikesOut);
        }
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        if (take(5, tick))
        {
            mix(evaluations);
            mix(pruned);
            mix(groups);
        }
    }

    @Override
    public void onPruneDecision(final long tick, final int core, final int pre, final int post, final float weight)
    {
        if (take(6, tick))
        {
            mix(core);
            mix(pre);
            mix(post);
            mix(Float.floatToRawIntBits(weight));
        }
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        if (take(7, tick))
        {
            mix(image);
            mix(spikes);
        }
    }
}
