package org.spikeprune.core.activity;

/** Forwards every action to two sinks, in order (e.g. a hardware activity log and a trace recorder). */
public final class TeeSink implements ActivitySink
{
    private final ActivitySink a;
    private final ActivitySink b;

    private TeeSink(final ActivitySink a, final ActivitySink b)
    {
        this.a = a;
        this.b = b;
    }

    /** A sink feeding both; {@link ActivitySink#NONE} operands are dropped. */
    public static ActivitySink of(final ActivitySink a, final ActivitySink b)
    {
        if (a == NONE)
        {
            return b;
        }
        if (b == NONE)
        {
            return a;
        }
        return new TeeSink(a, b);
    }

    @Override
    public void onImageStart(final long tick, final int image, final int label, final boolean learning,
        final int repeat)
    {
        a.onImageStart(tick, image, label, learning, repeat);
        b.onImageStart(tick, image, label, learning, repeat);
    }

    @Override
    public void onCoreTick(final long tick, final int core, final int spikesIn, final long synapticOps,
        final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
    {
        a.onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
        b.onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
    }

    @Override
    public void onLayerTick(final long tick, final int layer, final int core, final int spikesIn,
        final long synapticOps, final long neuronUpdates, final long stdpUpdates, final long decrements,
        final int spikesOut)
    {
        a.onLayerTick(tick, layer, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
        b.onLayerTick(tick, layer, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
    }

    @Override
    public void onDispatch(final long tick, final int layer, final int spikes)
    {
        a.onDispatch(tick, layer, spikes);
        b.onDispatch(tick, layer, spikes);
    }

    @Override
    public void onLayerPrune(final long tick, final int layer, final long evaluations, final long pruned,
        final long live)
    {
        a.onLayerPrune(tick, layer, evaluations, pruned, live);
        b.onLayerPrune(tick, layer, evaluations, pruned, live);
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        a.onPrune(tick, evaluations, pruned, groups);
        b.onPrune(tick, evaluations, pruned, groups);
    }

    @Override
    public void onTickSpikes(final long tick, final int[] dispatched, final int dispatchedCount, final int[] fired,
        final int firedCount)
    {
        a.onTickSpikes(tick, dispatched, dispatchedCount, fired, firedCount);
        b.onTickSpikes(tick, dispatched, dispatchedCount, fired, firedCount);
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        a.onImageEnd(tick, image, spikes);
        b.onImageEnd(tick, image, spikes);
    }
}
