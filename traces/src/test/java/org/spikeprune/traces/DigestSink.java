package org.spikeprune.traces;

/** Hashes every call it receives (up to a limit of calls), so two event streams can be compared cheaply. */
final class DigestSink implements TraceSink
{
    private final long limit;
    private long hash = 0xcbf29ce484222325L;
    private long calls;

    DigestSink(final long limit)
    {
        this.limit = limit;
    }

    long hash()
    {
        return hash;
    }

    long calls()
    {
        return calls;
    }

    private boolean take(final int kind, final long tick)
    {
        if (calls >= limit)
        {
            return false;
        }
        calls++;
        mix(kind);
        mix(tick);
        return true;
    }

    private void mix(final long v)
    {
        hash = (hash ^ v) * 0x100000001b3L;
        hash ^= hash >>> 29;
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
