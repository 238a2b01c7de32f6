package org.spikeprune.cli.trace;

import java.util.Arrays;

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
    private final int inputIds;
    private int[] scratch = new int[64];

    /**
     * @param sink where the activity goes, usually a {@link org.spikeprune.traces.TraceRecorder}.
     */
    public TraceActivitySink(final TraceSink sink)
    {
        this(sink, Integer.MAX_VALUE);
    }

    /**
     * @param sink     the trace.
     * @param inputIds dispatched ids below this are network inputs (recorded as input spikes); the others are
     *                 spikes routed between the network's own neurons, which replay derives again.
     */
    public TraceActivitySink(final TraceSink sink, final int inputIds)
    {
        this.sink = sink;
        this.inputIds = inputIds;
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

    /** Records the input (pixel) spikes of the tick, which replay re-drives, and the spikes the cores fired. */
    @Override
    public void onTickSpikes(final long tick, final int[] dispatched, final int dispatchedCount, final int[] fired,
        final int firedCount)
    {
        int inputs = 0;
        while (inputs < dispatchedCount && dispatched[inputs] < inputIds)
        {
            inputs++;
        }
        if (inputs > 0)
        {
            sink.onInputSpikes(tick, dispatched, 0, inputs);
        }
        if (firedCount > 0)
        {
            recordOutput(tick, fired, firedCount);
        }
    }

    /**
     * Records a tick's output spikes in ascending id order, whatever order the cores' outputs were merged in, so a
     * run traces the same spikes on any core count (the network itself applies them in a canonical order).
     */
    private void recordOutput(final long tick, final int[] fired, final int count)
    {
        boolean ascending = true;
        for (int i = 1; i < count && ascending; i++)
        {
            ascending = fired[i - 1] <= fired[i];
        }
        if (ascending)
        {
            sink.onOutputSpikes(tick, fired, 0, count);
            return;
        }
        if (scratch.length < count)
        {
            scratch = new int[Math.max(count, 2 * scratch.length)];
        }
        System.arraycopy(fired, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        sink.onOutputSpikes(tick, scratch, 0, count);
    }
}
