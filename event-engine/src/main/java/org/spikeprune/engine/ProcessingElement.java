package org.spikeprune.engine;

/**
 * One core of the simulated chip: a processing element that owns a partition of the post-synaptic neurons and
 * the synapses that feed them.
 *
 * <p>The engine calls a processing element from one thread at a time, in this order for every tick {@code t}
 * it runs: {@link #onSpikes(long, SpikeBatch)} with the tick's dispatched spikes (possibly empty), then
 * {@link #advance(long, SpikeBatch)}. Implementations are plain single-threaded logic; they never block, never
 * touch the disk and never allocate on the steady path. The engine makes a core's writes visible to the next
 * thread that calls it (see the package documentation), so no field needs to be volatile.
 */
public interface ProcessingElement
{
    /**
     * Receives the spikes the Controller dispatched for {@code tick}, in canonical (ascending id) order. The
     * batch is shared by all cores and must not be modified.
     *
     * @param tick  the tick being run.
     * @param spikes the tick's spikes.
     */
    void onSpikes(long tick, SpikeBatch spikes);

    /**
     * Completes {@code tick}: integrates the neurons, applies thresholds, resets and learning, and appends the
     * ids of the neurons that fired, ascending, to {@code out}.
     *
     * @param tick the tick being completed.
     * @param out  this core's output batch, cleared by the engine before the call.
     */
    void advance(long tick, SpikeBatch out);

    /**
     * Called once at the start of every run ({@link Engine#run(long, long)}), on the thread that runs this core,
     * before the run's first tick, whether or not any tick of the run is then run or skipped. Work the caller asked
     * of the core between runs (a learning rule's normalisation of the core's own synapses, say) is done here, by
     * the core's thread next to the core's state, rather than by the caller: in the threaded modes that keeps the
     * synapses in the core thread's cache, and with several core threads the cores do it side by side.
     *
     * @param tick the run's first tick.
     */
    default void onRunStart(final long tick)
    {
    }

    /**
     * Whether running a tick with no input spikes would leave this core's state unchanged and fire nothing.
     * When every core is quiescent and the Controller has nothing to dispatch, the engine skips the tick.
     * Called on the loop thread between ticks.
     *
     * @return true if an empty tick is a no-op for this core.
     */
    default boolean isQuiescent()
    {
        return false;
    }
}
