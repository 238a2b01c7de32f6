package org.spikeprune.cli.trace;

import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.traces.TraceSink;

/**
 * Feeds the hardware units' activity callbacks into a trace: each {@link ActivitySink} call becomes the
 * {@link TraceSink} call with the same arguments. Spike batches are not activity callbacks; the code that
 * dispatches and collects them calls {@link TraceSink#onInputSpikes} and {@link TraceSink#onOutputSpikes}
 * directly. Allocation-free, like the sink it feeds.
 */
public final class TraceActivitySink implements ActivitySink
{
    private final TraceSink sink;

    /**
     * @param sink where the activity goes, usually a {@link org.spikeprune.traces.TraceRecorder}.
     */
    public TraceActivitySink(final TraceSink sink)
    {
        this.sink = sink;
    }

    @Override
    public void onImageStart(
        final long tick, final int image, final int label, final boolean learning, final int repeat)
    {
        sink.onImageStart(tick, image, label, learning, repeat);
    }

    @Override
    public void onCoreTick(
        final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
        final long stdpUpdates, final long decrements, final int spikesOut)
    {
        sink.onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        sink.onPrune(tick, evaluations, pruned, groups);
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        sink.onImageEnd(tick, image, spikes);
    }
}
