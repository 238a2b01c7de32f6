package org.spikeprune.traces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps every call as a line of text, for exact comparisons in small tests. */
final class RecordingSink implements TraceSink
{
    final List<String> lines = new ArrayList<>();

    @Override
    public void onInputSpikes(final long tick, final int[] ids, final int offset, final int count)
    {
        lines.add("in " + tick + " " + Arrays.toString(Arrays.copyOfRange(ids, offset, offset + count)));
    }

    @Override
    public void onOutputSpikes(final long tick, final int[] ids, final int offset, final int count)
    {
        lines.add("out " + tick + " " + Arrays.toString(Arrays.copyOfRange(ids, offset, offset + count)));
    }

    @Override
    public void onImageStart(
        final long tick, final int image, final int label, final boolean learning, final int repeat)
    {
        lines.add("start " + tick + " " + image + " " + label + " " + learning + " " + repeat);
    }

    @Override
    public void onCoreTick(
        final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
        final long stdpUpdates, final long decrements, final int spikesOut)
    {
        lines.add("core " + tick + " " + core + " " + spikesIn + " " + synapticOps + " " + neuronUpdates + " "
            + stdpUpdates + " " + decrements + " " + spikesOut);
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        lines.add("prune " + tick + " " + evaluations + " " + pruned + " " + groups);
    }

    @Override
    public void onPruneDecision(final long tick, final int core, final int pre, final int post, final float weight)
    {
        lines.add("cut " + tick + " " + core + " " + pre + " " + post + " " + weight);
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        lines.add("end " + tick + " " + image + " " + spikes);
    }
}
