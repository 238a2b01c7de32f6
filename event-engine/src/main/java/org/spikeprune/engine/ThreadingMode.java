package org.spikeprune.engine;

/** How the processing elements of an {@link Engine} are mapped to threads. */
public enum ThreadingMode
{
    /** Every core runs on the caller's thread: no thread at all. Deterministic and the fastest for small networks. */
    INVOKER,
    /** One engine thread runs every core in turn, fed through the Disruptor spike bus. */
    SHARED,
    /** One thread per core, each fed through the Disruptor spike bus. */
    DEDICATED
}
