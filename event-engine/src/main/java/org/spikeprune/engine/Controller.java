package org.spikeprune.engine;

/**
 * The Controller of the simulated chip: it decides which spikes each tick carries (input encoding, routing of
 * the previous tick's output spikes) and receives every tick's output spikes once all cores have finished it.
 *
 * <p>Called only from the thread that runs the tick loop (the caller's thread in {@link ThreadingMode#INVOKER}, the
 * engine's loop thread otherwise); never concurrently with the processing elements.
 */
public interface Controller
{
    /**
     * Fills the spikes to dispatch to every core at {@code tick}. The batch arrives empty; ids must be appended
     * in ascending order (the canonical order of one tick's events).
     *
     * @param tick  the tick about to run.
     * @param spikes the batch to fill.
     */
    void dispatch(long tick, SpikeBatch spikes);

    /**
     * Receives the output spikes of {@code tick}, merged over all cores in canonical order (core 0's spikes,
     * then core 1's, …; with contiguous partitions this is ascending id order).
     *
     * @param tick   the tick just completed.
     * @param spikes the merged output spikes.
     */
    void onOutput(long tick, SpikeBatch spikes);

    /**
     * The first tick at or after {@code tick} at which the Controller has something to dispatch, or
     * {@link Long#MAX_VALUE} if nothing is scheduled. Used to skip empty ticks when every core is quiescent.
     *
     * @param tick the earliest candidate tick.
     * @return the next tick with input, at least {@code tick}.
     */
    default long nextInputTick(final long tick)
    {
        return tick;
    }
}
