package org.spikeprune.engine;

/**
 * One entry of the spike bus ring: the spikes the Controller dispatched for one tick, shared read-only by every
 * core. Preallocated by the ring and rewritten in place by {@link SpikeBusTickRunner}'s translator; its batch
 * grows only when a tick carries more spikes than any before it (on the loop thread, before publication).
 */
final class TickEntry
{
    /** The tick the spikes belong to. */
    long tick;
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
        spikes.clear();
        spikes.addAll(source);
    }
}
