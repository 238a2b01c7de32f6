package org.spikeprune.traces;

import org.spikeprune.engine.SpikeBatch;

/**
 * The events of a run, as primitive arguments: what a {@link TraceRecorder} records and what a
 * {@link TraceReader} replays. Every method has an empty default, so a reader implements only what it needs.
 *
 * <p>Arguments follow the hardware units' activity callbacks one for one (image boundaries, per-core tick
 * work, Prune unit passes), plus the spike batches the Controller dispatches and collects. Calls are in the
 * canonical order of the run; ticks never decrease.
 *
 * <p>For a recorder these methods are the hot path: they allocate nothing and never touch the disk. The id
 * arrays are read during the call only and may be reused by the caller at once.
 */
public interface TraceSink
{
    /** A sink that ignores everything. */
    TraceSink NONE = new TraceSink()
    {
    };

    /**
     * Input spikes dispatched in one tick. A reader may deliver one tick's ids in more than one call when the
     * batch was larger than a record holds; ticks with no spike produce no call.
     *
     * @param tick   the tick.
     * @param ids    input ids (pixels / afferents), in canonical order.
     * @param offset first valid index in {@code ids}.
     * @param count  number of ids.
     */
    default void onInputSpikes(long tick, int[] ids, int offset, int count)
    {
    }

    /**
     * Output spikes of one tick (excitatory layer, or the last layer of a deep network).
     *
     * @param tick   the tick.
     * @param ids    neuron ids, in canonical order.
     * @param offset first valid index in {@code ids}.
     * @param count  number of ids.
     */
    default void onOutputSpikes(long tick, int[] ids, int offset, int count)
    {
    }

    /**
     * Input spikes of one tick from an engine spike batch.
     *
     * @param tick  the tick.
     * @param batch the batch; read during the call only.
     */
    default void onInputSpikes(final long tick, final SpikeBatch batch)
    {
        onInputSpikes(tick, batch.array(), 0, batch.count());
    }

    /**
     * Output spikes of one tick from an engine spike batch.
     *
     * @param tick  the tick.
     * @param batch the batch; read during the call only.
     */
    default void onOutputSpikes(final long tick, final SpikeBatch batch)
    {
        onOutputSpikes(tick, batch.array(), 0, batch.count());
    }

    /**
     * Start of an image presentation.
     *
     * @param tick     first tick of the presentation.
     * @param image    index of the image in its data set.
     * @param label    its class label.
     * @param learning true while the network learns, false for inference.
     * @param repeat   0 for the first presentation, 1.. for re-presentations.
     */
    default void onImageStart(long tick, int image, int label, boolean learning, int repeat)
    {
    }

    /**
     * The work of one core in one tick.
     *
     * @param tick          the tick.
     * @param core          the core (processing element).
     * @param spikesIn      spikes the Controller dispatched to it.
     * @param synapticOps   weight accumulations into Potential memory.
     * @param neuronUpdates neuron state updates.
     * @param stdpUpdates   weight updates by the STDP unit.
     * @param decrements    weight decrements logged to Decrement Track memory.
     * @param spikesOut     spikes written to Spike memory.
     */
    default void onCoreTick(
        long tick, int core, int spikesIn, long synapticOps, long neuronUpdates, long stdpUpdates,
        long decrements, int spikesOut)
    {
    }

    /**
     * A run of identical ticks, as a {@link TickWorkReader} delivers it: the same core-tick records in each of the
     * ticks {@code tick .. tick + repeat - 1}. The default expands it into the {@link #onCoreTick} calls it stands
     * for (tick by tick, cores in the given order); a sink that only aggregates can take the run in one step.
     *
     * @param tick    the first tick of the run.
     * @param repeat  ticks in the run, at least 1.
     * @param shape   the number of these vectors: runs with the same number (0, 1, 2, … in order of first
     *                appearance) carry the same vectors; -1 when the run has none.
     * @param cores   core-tick records per tick.
     * @param vectors {@code cores} vectors of {@link TickWorkDescriptor#FIELDS} longs (core, spikes in, synaptic
     *                ops, neuron updates, STDP updates, decrements, spikes out) from index 0; read during the
     *                call only.
     */
    default void onTicks(final long tick, final int repeat, final int shape, final int cores, final long[] vectors)
    {
        for (int r = 0; r < repeat; r++)
        {
            int at = 0;
            for (int c = 0; c < cores; c++)
            {
                onCoreTick(tick + r, (int)vectors[at + TickWorkDescriptor.CORE],
                    (int)vectors[at + TickWorkDescriptor.SPIKES_IN], vectors[at + TickWorkDescriptor.SYNAPTIC_OPS],
                    vectors[at + TickWorkDescriptor.NEURON_UPDATES], vectors[at + TickWorkDescriptor.STDP_UPDATES],
                    vectors[at + TickWorkDescriptor.DECREMENTS], (int)vectors[at + TickWorkDescriptor.SPIKES_OUT]);
                at += TickWorkDescriptor.FIELDS;
            }
        }
    }

    /**
     * Consecutive ticks {@code tick .. tick + count - 1}, one tick each of numbered vectors that earlier
     * {@link #onTicks} calls carried ({@code shapes[i]} for tick {@code tick + i}), as a {@link TickWorkReader}
     * delivers them. A sink that keeps what it needs per number handles them here and returns true; the default
     * returns false, and the reader then makes one {@link #onTicks} call per tick instead.
     *
     * @param tick   the first tick.
     * @param count  ticks, at least 2.
     * @param shapes their numbers, from index 0; read during the call only.
     * @return true if handled.
     */
    default boolean onTickSequence(final long tick, final int count, final int[] shapes)
    {
        return false;
    }

    /**
     * A Prune unit pass.
     *
     * @param tick        the tick at which it ran.
     * @param evaluations synapses (or kernel weights) evaluated.
     * @param pruned      synapses pruned by this pass.
     * @param groups      neuron groups formed, 0 if none.
     */
    default void onPrune(long tick, long evaluations, long pruned, int groups)
    {
    }

    /**
     * One synapse cut by a Prune unit (optional detail; a run may record only {@link #onPrune}).
     *
     * @param tick   the tick of the pass.
     * @param core   the core that owns the synapse.
     * @param pre    pre-synaptic id (input, or kernel weight index for convolutional layers).
     * @param post   post-synaptic id (neuron, or feature map).
     * @param weight the weight when it was cut.
     */
    default void onPruneDecision(long tick, int core, int pre, int post, float weight)
    {
    }

    /**
     * End of an image presentation.
     *
     * @param tick   last tick of the presentation.
     * @param image  index of the image in its data set.
     * @param spikes output spikes of the presentation.
     */
    default void onImageEnd(long tick, int image, int spikes)
    {
    }
}
