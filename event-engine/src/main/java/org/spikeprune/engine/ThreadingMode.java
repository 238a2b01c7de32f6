package org.spikeprune.engine;

/**
 * How the processing elements of an {@link Engine} are mapped to threads. Every mode gives the same results; they
 * differ only in speed. The threaded modes hand each {@link Engine#run(long, long)} to an engine-owned loop thread
 * (one handoff per run); {@link #DEDICATED} also pays one cross-thread round trip per tick (the end-of-tick
 * barrier), which pays off only when a tick's work per core is large compared with that round trip.
 */
public enum ThreadingMode
{
    /** Every core runs on the caller's thread: no thread at all. Deterministic and the fastest for small networks. */
    INVOKER,
    /**
     * One engine-owned thread ({@code spikeprune-shared}) runs the whole tick loop: the Controller publishes each
     * tick into the Disruptor spike bus and the same thread drains it into every core in turn. No round trip per
     * tick; the caller's thread is free (or waiting) while a run is in progress.
     */
    SHARED,
    /**
     * One thread per core ({@code spikeprune-core-N}), each fed through the Disruptor spike bus: the cores of a
     * tick run in parallel. Thread {@code spikeprune-core-0} also runs the tick loop and waits at the barrier.
     */
    DEDICATED
}
