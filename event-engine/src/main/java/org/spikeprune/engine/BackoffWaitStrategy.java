package org.spikeprune.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * The core threads' wait for {@link IdleMode#BACKOFF}: a few polite spins, then yields, then a block on the
 * Disruptor's {@link BlockingWaitStrategy} lock, which every publication signals. While ticks come back to back
 * a core never reaches the lock; when the Controller pauses (a slow readout, the end of a run) the cores sleep
 * without burning CPU and wake on the next publication rather than after a timer.
 *
 * <p>Stateless apart from the shared lock: safe to share among all the processors of one ring.
 */
final class BackoffWaitStrategy implements WaitStrategy
{
    /** Checks with {@link Thread#onSpinWait()} before yielding. */
    static final int SPINS = 20;
    /** Checks with {@link Thread#yield()} before blocking. */
    static final int YIELDS = 200;

    private final BlockingWaitStrategy blocking = new BlockingWaitStrategy();

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        long available;
        int tries = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (tries < SPINS)
            {
                Thread.onSpinWait();
            }
            else if (tries < SPINS + YIELDS)
            {
                Thread.yield();
            }
            else
            {
                return blocking.waitFor(sequence, cursor, dependentSequence, barrier);
            }
            tries++;
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        blocking.signalAllWhenBlocking();
    }

    @Override
    public String toString()
    {
        return "BackoffWaitStrategy{spins=" + SPINS + ", yields=" + YIELDS + ", then " + blocking + "}";
    }
}
