package org.spikeprune.engine;

/**
 * One entry of the spike bus ring: the spikes the Controller dispatched for one tick, shared read-only by every
 * core. Preallocated by the ring and rewritten in place by {@link SpikeBusTickRunner}'s translator; its batch
 * grows only when a tick carries more spikes than any before it (on the loop thread, before publication).
 */
final class TickEntry
{
    /** The tick the spikes belong to, or the first tick of the run a run-start entry opens. */
    long tick;
    /** True for the entry that opens a run ({@link ProcessingElement#onRunStart(long)}); it carries no spikes. */
    boolean runStart;
    /** The tick's spike ids in canonical (ascending) order. */
    final SpikeBatch spikes;

    TickEntry(final int capacity)
    {
        spikes = new SpikeBatch(capacity);
    }

    /** Copies one tick's spikes into this entry. */
    void set(final long tick, final SpikeBatch source)
    {
        this.tick = tick;
        this.runStart = false;
        spikes.clear();
        spikes.addAll(source);
    }

    /** Makes this entry the one that opens a run at {@code tick}. */
    void setRunStart(final long tick)
    {
        this.tick = tick;
        this.runStart = true;
        spikes.clear();
    }
}
