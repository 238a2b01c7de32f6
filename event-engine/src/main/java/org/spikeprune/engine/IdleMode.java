package org.spikeprune.engine;

import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How the threads of the engine wait: the loop thread at the end-of-tick barrier, the caller and the loop thread
 * at a run's handoff (an Agrona {@link IdleStrategy} each), and the core threads for the next tick's ring entry (a Disruptor {@link WaitStrategy}).
 * None of them busy-spins without yielding: on a 2-CPU machine a spinning producer starves the consumers.
 * {@link ThreadingMode#INVOKER} never waits, so it ignores the idle mode.
 */
public enum IdleMode
{
    /**
     * Spin briefly, then yield, then sleep. At the barrier the loop thread parks for growing periods (Agrona's
     * BackoffIdleStrategy) and the core threads unpark it as they finish; a core thread blocks on a lock that the next
     * publication signals. Idle threads cost no CPU and wake as soon as there is work. The default: low latency
     * while ticks come back to back, no CPU burnt when ticks are long or the Controller is slow, and no
     * starvation with more cores than CPUs.
     */
    BACKOFF,
    /** Always {@code Thread.yield()} after a few checks: the lowest barrier latency, at the price of a busy CPU. */
    YIELDING,
    /**
     * Park for a fixed short period (the loop thread, woken early by the cores) or spin and yield briefly, then
     * park (the core threads, Disruptor's SleepingWaitStrategy): the least CPU, the highest latency.
     */
    SLEEPING;

    /** Spins of the loop thread at the barrier before it starts to yield ({@link #BACKOFF}). */
    static final long BARRIER_MAX_SPINS = 20;
    /** Yields of the loop thread at the barrier before it starts to park ({@link #BACKOFF}). */
    static final long BARRIER_MAX_YIELDS = 200;
    /** First park period of the loop thread at the barrier, in nanoseconds ({@link #BACKOFF}). */
    static final long BARRIER_MIN_PARK_NS = 1_000;
    /** Longest park period of the loop thread at the barrier, in nanoseconds ({@link #BACKOFF}). */
    static final long BARRIER_MAX_PARK_NS = 50_000;
    /** Park period of {@link #SLEEPING}, in nanoseconds (the OS rounds it up to its timer slack). */
    static final long SLEEP_PERIOD_NS = 1_000;

    /** A new idle strategy for the loop thread waiting at the end-of-tick barrier; one per waiting thread. */
    IdleStrategy newBarrierIdleStrategy()
    {
        switch (this)
        {
            case YIELDING:
                return new YieldingIdleStrategy();
            case SLEEPING:
                return new SleepingIdleStrategy(SLEEP_PERIOD_NS);
            case BACKOFF:
            default:
                return new BackoffIdleStrategy(
                    BARRIER_MAX_SPINS, BARRIER_MAX_YIELDS, BARRIER_MIN_PARK_NS, BARRIER_MAX_PARK_NS);
        }
    }

    /**
     * How many times the loop thread idles at the barrier before its idle strategy parks: from then on it asks
     * the core threads to unpark it when they complete.
     */
    long barrierIdlesBeforePark()
    {
        switch (this)
        {
            case YIELDING:
                return Long.MAX_VALUE;
            case SLEEPING:
                return 0;
            case BACKOFF:
            default:
                return BARRIER_MAX_SPINS + BARRIER_MAX_YIELDS;
        }
    }

    /** A new wait strategy for the core threads waiting for the next ring entry; one per ring. */
    WaitStrategy newCoreWaitStrategy()
    {
        switch (this)
        {
            case YIELDING:
                return new YieldingWaitStrategy();
            case SLEEPING:
                return new SleepingWaitStrategy();
            case BACKOFF:
            default:
                return new BackoffWaitStrategy();
        }
    }
}
