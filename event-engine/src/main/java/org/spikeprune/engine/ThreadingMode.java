package org.spikeprune.engine;

/**
 * How the processing elements of an {@link Engine} are mapped to threads. Every mode gives the same results; they
 * differ only in speed. The threaded modes pay one cross-thread round trip per tick (the end-of-tick barrier),
 * which pays off only when a tick's work per core is large compared with that round trip.
 */
public enum ThreadingMode
{
    /** Every core runs on the caller's thread: no thread at all. Deterministic and the fastest for small networks. */
    INVOKER,
    /**
     * One thread ({@code spikeprune-shared}) runs every core in turn, fed through the Disruptor spike bus; the
     * engine thread only runs the Controller. Keeps the caller's thread free of the cores' work and caches.
     */
    SHARED,
    /**
     * One thread per core ({@code spikeprune-core-N}), each fed through the Disruptor spike bus: the cores of a
     * tick run in parallel.
     */
    DEDICATED
}
