package org.spikeprune.engine;

/**
 * How a thread of the engine waits for work or for the tick barrier. None of them busy-spins without yielding:
 * on a 2-CPU machine a spinning producer starves the consumers.
 */
public enum IdleMode
{
    /** Spin briefly, then yield, then park for growing periods (Agrona's BackoffIdleStrategy). */
    BACKOFF,
    /** Always {@code Thread.yield()}. */
    YIELDING,
    /** Park for a fixed short period. */
    SLEEPING
}
