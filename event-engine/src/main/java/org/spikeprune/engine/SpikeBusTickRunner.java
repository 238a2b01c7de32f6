package org.spikeprune.engine;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.IdleStrategy;

/**
 * The threaded modes: the spike bus is one Disruptor ring of {@link TickEntry}s written by the engine thread
 * and read by {@link CoreGroup} consumers, one per engine thread: a single group of every core for
 * {@link ThreadingMode#SHARED}, one group per core for {@link ThreadingMode#DEDICATED}.
 *
 * <pre>
 *   engine thread                         ring (one entry per tick)            core threads
 *   dispatch(t) ─▶ copy into entry ─▶ publish(seq) ──────────────▶ group 0: onSpikes, advance ─▶ seq₀ = seq
 *                                                  ──────────────▶ group 1: onSpikes, advance ─▶ seq₁ = seq
 *   barrier: idle until every seqᵢ ≥ seq  ◀──────────────────────────────────────────────────────┘
 *   merge outputs, onOutput(t), dispatch(t + 1) …
 * </pre>
 *
 * <p>Every consumer reads every entry (the Disruptor broadcasts) and runs only the cores of its group, in core
 * order. The end-of-tick barrier is the consumers' own Disruptor sequences: a consumer releases its sequence
 * after it has written its cores' outputs, and the engine thread acquires every sequence before it reads those
 * outputs or calls back into a core ({@link ProcessingElement#isQuiescent()}), so the plain fields of cores and
 * outputs need no further synchronisation. Exactly one tick is in flight at any time.
 *
 * <p>A core that throws is recorded by its group together with the tick; the group still releases its sequence,
 * so the barrier completes and {@link #runTick(long)} throws an {@link EngineException} for the lowest failing
 * core instead of hanging. A consumer thread that dies for any other reason is noticed by the barrier's
 * periodic liveness check.
 */
final class SpikeBusTickRunner extends TickRunner
{
    /** Name of the one thread of {@link ThreadingMode#SHARED}. */
    static final String SHARED_THREAD_NAME = "spikeprune-shared";
    /** Name prefix of the per-core threads of {@link ThreadingMode#DEDICATED}, followed by the core id. */
    static final String CORE_THREAD_PREFIX = "spikeprune-core-";
    /** How long {@link #close()} waits for each thread to stop. */
    static final long JOIN_TIMEOUT_MS = 10_000;
    /** The barrier checks that the consumer threads are alive (and clears interrupts) every this many idles. */
    private static final int LIVENESS_CHECK_MASK = 1023;

    private static final EventTranslatorOneArg<TickEntry, SpikeBusTickRunner> TICK_TRANSLATOR =
        (entry, sequence, runner) -> entry.set(runner.publishingTick, runner.input);

    private final ThreadingMode mode;
    private final RingBuffer<TickEntry> ring;
    private final CoreGroup[] groups;
    private final EventProcessor[] processors;
    private final Sequence[] sequences;
    private final Thread[] threads;
    private final IdleStrategy barrierIdle;
    private final long idlesBeforePark;
    /** The engine thread while it may park at the barrier, else null; the core threads unpark it. */
    private volatile Thread parkedAtBarrier;
    private long publishingTick;
    private long publishedSequence = -1;
    private boolean started;
    private boolean closed;

    SpikeBusTickRunner(
        final Engine.Builder builder,
        final ProcessingElement[] cores,
        final SpikeBatch input,
        final SpikeBatch[] outputs)
    {
        super(cores, input, outputs);
        this.mode = builder.threadingMode;
        if (mode != ThreadingMode.SHARED && mode != ThreadingMode.DEDICATED)
        {
            throw new IllegalArgumentException("the spike bus runs SHARED or DEDICATED, threadingMode=" + mode);
        }
        final int entryCapacity = builder.batchCapacity;
        // Multi-producer sequencing although one thread publishes at a time: the single-producer sequencer
        // asserts (under -ea) that every publication comes from the same thread, forever, and keeps each ring in
        // a static map; an engine may legitimately be run from different threads one after the other.
        ring = RingBuffer.createMultiProducer(
            () -> new TickEntry(entryCapacity), builder.ringSize, builder.idleMode.newCoreWaitStrategy());

        final int groupCount = mode == ThreadingMode.SHARED ? 1 : cores.length;
        groups = new CoreGroup[groupCount];
        processors = new EventProcessor[groupCount];
        sequences = new Sequence[groupCount];
        threads = new Thread[groupCount];
        final BatchEventProcessorBuilder processorBuilder = new BatchEventProcessorBuilder();
        for (int g = 0; g < groupCount; g++)
        {
            final int first = mode == ThreadingMode.SHARED ? 0 : g;
            final int end = mode == ThreadingMode.SHARED ? cores.length : g + 1;
            final CoreGroup group = new CoreGroup(this, cores, outputs, first, end);
            final BatchEventProcessor<TickEntry> processor = processorBuilder.build(ring, ring.newBarrier(), group);
            processor.setExceptionHandler(group);
            groups[g] = group;
            processors[g] = processor;
            sequences[g] = processor.getSequence();
            final String name = mode == ThreadingMode.SHARED ? SHARED_THREAD_NAME : CORE_THREAD_PREFIX + g;
            final Thread thread = new Thread(processor, name);
            thread.setDaemon(true);
            threads[g] = thread;
        }
        ring.addGatingSequences(sequences);
        barrierIdle = builder.idleMode.newBarrierIdleStrategy();
        idlesBeforePark = builder.idleMode.barrierIdlesBeforePark();
    }

    @Override
    ThreadingMode mode()
    {
        return mode;
    }

    @Override
    void start()
    {
        if (closed)
        {
            throw new IllegalStateException("spike bus is closed");
        }
        if (!started)
        {
            started = true;
            for (final Thread thread : threads)
            {
                thread.start();
            }
        }
    }

    @Override
    void runTick(final long tick)
    {
        if (!started || closed)
        {
            throw new IllegalStateException("spike bus is not running, started=" + started + ", closed=" + closed);
        }
        publishingTick = tick;
        ring.publishEvent(TICK_TRANSLATOR, this);
        final long sequence = ++publishedSequence;
        awaitBarrier(sequence, tick);
        for (final CoreGroup group : groups)
        {
            if (group.failure != null)
            {
                throw new EngineException(group.failedCore, group.failedTick, group.failure);
            }
        }
    }

    /**
     * The end-of-tick barrier: idles until every group has released {@code sequence}. Once the idle strategy is
     * about to park, the engine thread announces itself in {@link #parkedAtBarrier} and checks again before
     * parking; a group that completes reads the announcement after its (volatile) release and unparks it. Either
     * the engine thread sees the release or the group sees the announcement, so the park ends at the release,
     * not at the end of the park period.
     */
    private void awaitBarrier(final long sequence, final long tick)
    {
        final IdleStrategy idle = barrierIdle;
        idle.reset();
        long idles = 0;
        boolean interrupted = false;
        for (int g = 0; g < sequences.length; g++)
        {
            final Sequence groupSequence = sequences[g];
            while (groupSequence.get() < sequence)
            {
                if (idles == idlesBeforePark)
                {
                    parkedAtBarrier = Thread.currentThread();
                    if (groupSequence.get() >= sequence)
                    {
                        break;
                    }
                }
                idle.idle();
                if ((++idles & LIVENESS_CHECK_MASK) == 0)
                {
                    // An interrupt would make every park return at once: the wait would turn into a spin.
                    interrupted |= Thread.interrupted();
                    if (!threads[g].isAlive() && groupSequence.get() < sequence)
                    {
                        parkedAtBarrier = null;
                        throw new EngineException(groups[g].firstCore, tick,
                            new IllegalStateException("thread " + threads[g].getName() + " ended"));
                    }
                }
            }
        }
        if (idles >= idlesBeforePark)
        {
            parkedAtBarrier = null;
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by a group after it released its sequence with a full fence. */
    void onGroupComplete()
    {
        final Thread waiter = parkedAtBarrier;
        if (waiter != null)
        {
            LockSupport.unpark(waiter);
        }
    }

    /** Halts every consumer and joins its thread. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final EventProcessor processor : processors)
        {
            processor.halt();
        }
        boolean interrupted = false;
        StringBuilder stuck = null;
        for (final Thread thread : threads)
        {
            final long deadline = System.nanoTime() + JOIN_TIMEOUT_MS * 1_000_000L;
            long remainingMs;
            while (thread.isAlive() && (remainingMs = (deadline - System.nanoTime()) / 1_000_000L) > 0)
            {
                try
                {
                    thread.join(remainingMs);
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
            if (thread.isAlive())
            {
                stuck = (stuck == null ? new StringBuilder() : stuck.append(", ")).append(thread.getName());
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        if (stuck != null)
        {
            throw new IllegalStateException(
                "engine threads did not stop within " + JOIN_TIMEOUT_MS + " ms (a core never returned): " + stuck);
        }
    }

    /**
     * A consumer of the ring: runs cores {@code [firstCore, endCore)} for every entry, in core order, and records
     * the first failure instead of letting it escape (so that its sequence still advances and the barrier
     * completes). The failure fields are plain: the consumer writes them before it releases its sequence and the
     * engine thread reads them after it acquired that sequence.
     */
    static final class CoreGroup implements EventHandler<TickEntry>, ExceptionHandler<TickEntry>
    {
        final int firstCore;
        final int endCore;
        private final SpikeBusTickRunner runner;
        private final ProcessingElement[] cores;
        private final SpikeBatch[] outputs;
        private Sequence sequence;
        Throwable failure;
        int failedCore;
        long failedTick;

        CoreGroup(
            final SpikeBusTickRunner runner,
            final ProcessingElement[] cores,
            final SpikeBatch[] outputs,
            final int firstCore,
            final int endCore)
        {
            this.runner = runner;
            this.cores = cores;
            this.outputs = outputs;
            this.firstCore = firstCore;
            this.endCore = endCore;
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            this.sequence = sequenceCallback;
        }

        @Override
        public void onEvent(final TickEntry entry, final long sequence, final boolean endOfBatch)
        {
            runCores(entry);
            // Release now, with a full fence, rather than after the batch: the barrier may be parked waiting.
            this.sequence.setVolatile(sequence);
            runner.onGroupComplete();
        }

        private void runCores(final TickEntry entry)
        {
            if (failure != null)
            {
                return;
            }
            final long tick = entry.tick;
            final SpikeBatch spikes = entry.spikes;
            for (int c = firstCore; c < endCore; c++)
            {
                final SpikeBatch out = outputs[c];
                out.clear();
                try
                {
                    final ProcessingElement core = cores[c];
                    core.onSpikes(tick, spikes);
                    core.advance(tick, out);
                }
                catch (final Throwable ex)
                {
                    fail(c, tick, ex);
                    return;
                }
            }
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final TickEntry entry)
        {
            fail(firstCore, entry == null ? -1 : entry.tick, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            fail(firstCore, -1, ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            // Nothing waits for a consumer that is shutting down.
        }

        private void fail(final int core, final long tick, final Throwable ex)
        {
            if (failure == null)
            {
                failedCore = core;
                failedTick = tick;
                failure = ex;
            }
        }
    }
}
