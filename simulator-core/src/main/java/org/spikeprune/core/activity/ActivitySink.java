package org.spikeprune.core.activity;

/**
 * Receives the per-tick actions of the hardware units of a functional run: what the Controller dispatched and
 * what each processing element, STDP unit and Prune unit did. The fpga-model turns these into cycles and
 * energy; the trace recorder persists them. Called on the engine's driving thread after each tick's barrier,
 * with primitive arguments only, so an implementation can stay allocation-free.
 */
public interface ActivitySink
{
    /** A sink that ignores everything. */
    ActivitySink NONE = new ActivitySink()
    {
    };

    /**
     * Start of a presentation of an image.
     *
     * @param tick       first tick of the presentation.
     * @param image      index of the image in its data set.
     * @param label      its class label.
     * @param learning   true while the network learns (training), false for inference.
     * @param repeat     0 for the first presentation, 1.. for re-presentations.
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
     * @param synapticOps   weight accumulations into Potential memory (live synapses only).
     * @param neuronUpdates neuron state updates (potential integration and threshold compare).
     * @param stdpUpdates   weight updates by the STDP unit.
     * @param decrements    of those, weight decrements logged to Decrement Track memory.
     * @param spikesOut     spikes written to Spike memory.
     */
    default void onCoreTick(
        long tick, int core, int spikesIn, long synapticOps, long neuronUpdates, long stdpUpdates,
        long decrements, int spikesOut)
    {
    }

    /**
     * A Prune unit pass on one layer of a layered network (a breakdown of {@link #onPrune}, reported before it).
     *
     * @param tick        the tick at which it ran.
     * @param layer       the layer, numbered as in {@link #onLayerTick} (0 = first layer after the input).
     * @param evaluations kernel weights evaluated.
     * @param pruned      kernel weights pruned by this pass.
     * @param live        kernel weights of the layer still live after the pass.
     */
    default void onLayerPrune(long tick, int layer, long evaluations, long pruned, long live)
    {
    }

    /**
     * A Prune unit pass.
     *
     * @param tick         the tick at which it ran.
     * @param evaluations  synapses (or kernel weights) evaluated.
     * @param pruned       synapses pruned by this pass.
     * @param groups       neuron groups formed (paper A grouping), 0 if none.
     */
    default void onPrune(long tick, long evaluations, long pruned, int groups)
    {
    }

    /**
     * The spikes of one tick: what the Controller dispatched (input spikes and routed spikes, canonical order)
     * and what the cores fired. The arrays are reused after the call.
     */
    default void onTickSpikes(long tick, int[] dispatched, int dispatchedCount, int[] fired, int firedCount)
    {
    }

    /** End of a presentation; {@code spikes} is the excitatory/output spike count of the presentation. */
    default void onImageEnd(long tick, int image, int spikes)
    {
    }

    /**
     * The work of one core in one tick for one layer of a multi-layer network (paper B's convolutional and
     * pooling layers). A simulator reports each core's work of a tick exactly once: either whole, with
     * {@link #onCoreTick}, or split by layer, with one call of this method per layer (and then no
     * {@code onCoreTick} for that core and tick). The default forwards each layer's part to {@link #onCoreTick},
     * so a sink that only counts per core sees every action once, summed over the parts; a sink that needs the
     * layers overrides this method (and {@code onCoreTick}, for single-layer simulators).
     *
     * @param tick          the tick.
     * @param layer         the layer whose post-synaptic neurons did the work (0 = first layer after the input).
     * @param core          the core (processing element).
     * @param spikesIn      spikes the Controller dispatched to it for this layer (every spike of the previous
     *                      layer of the previous tick when every core sees every spike).
     * @param synapticOps   weight accumulations into this layer's Potential memory (live weights only; for a
     *                      pooling layer, spike deliveries to pooling units).
     * @param neuronUpdates threshold compares in this layer.
     * @param stdpUpdates   weight updates by the STDP unit on this layer's weights.
     * @param decrements    of those, weight decrements logged to Decrement Track memory (0 when no Decrement
     *                      Track is kept).
     * @param spikesOut     spikes this layer wrote to Spike memory.
     */
    default void onLayerTick(
        long tick, int layer, int core, int spikesIn, long synapticOps, long neuronUpdates, long stdpUpdates,
        long decrements, int spikesOut)
    {
        onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
    }

    /**
     * The number of distinct pre-synaptic spikes the Controller dispatched for a layer in a tick, whatever the
     * number of cores that received each. Optional: without it a cost model takes the largest per-core
     * {@code spikesIn} of the tick, which is exact when every core sees every spike (a fully connected layer).
     *
     * @param tick   the tick.
     * @param layer  the layer the spikes were dispatched to.
     * @param spikes distinct spikes dispatched.
     */
    default void onDispatch(long tick, int layer, int spikes)
    {
    }
}
