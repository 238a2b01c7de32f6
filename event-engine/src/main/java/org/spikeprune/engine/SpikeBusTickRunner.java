package org.spikeprune.engine;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.IdleStrategy;

/**
 * The threaded modes: the spike bus is one Disruptor ring of {@link TickEntry}s, and the engine's tick loop (the
 * Controller, the ring's producer and the end-of-tick barrier) runs on an engine-owned <em>loop thread</em>
 * rather than on the caller's thread. The caller hands each {@link Engine#run(long, long)} to the loop thread and
 * waits for it: one cross-thread handoff per run, not per tick.
 *
 * <ul>
 *   <li>{@link ThreadingMode#SHARED}: the loop thread ({@code spikeprune-shared}) is the only engine thread. It
 *       publishes each tick's entry into the ring and drains it itself, through an {@link EventPoller}, running
 *       every core in core order. No thread round trip per tick at all.</li>
 *   <li>{@link ThreadingMode#DEDICATED}: core 0 runs on the loop thread ({@code spikeprune-core-0}) through the
 *       poller; every other core runs on its own thread ({@code spikeprune-core-N}) as a {@link CoreGroup}
 *       consumer of the same ring. One round trip per tick between the loop thread and the other core threads,
 *       none with the caller.</li>
 * </ul>
 *
 * <pre>
 *   loop thread                                   ring (one entry per tick)            core threads 1..P-1
 *   dispatch(t) ─▶ copy into entry ─▶ publish(seq) ─┬──────────────────────▶ group N: onSpikes, advance ─▶ seqN
 *                  poll: group 0 (inline) ◀────────┘
 *   barrier: idle until every seqN ≥ seq  ◀───────────────────────────────────────────────────────────┘
 *   merge outputs, onOutput(t), dispatch(t + 1) …
 * </pre>
 *
 * <p>Every consumer reads every entry (the Disruptor broadcasts) and runs only the cores of its group, in core
 * order. The end-of-tick barrier is the consumers' own Disruptor sequences: a consumer releases its sequence
 * after it has written its cores' outputs, and the loop thread acquires every sequence before it reads those
 * outputs or calls back into a core ({@link ProcessingElement#isQuiescent()}), so the plain fields of cores and
 * outputs need no further synchronisation. Exactly one tick is in flight at any time. The handoff of a run is a
 * volatile write of the request by the caller and a volatile write of the completion by the loop thread, so
 * whatever the caller wrote before {@code run} is visible to the Controller and the cores, and whatever they
 * wrote is visible to the caller when {@code run} returns.
 *
 * <p>A core that throws is recorded by its group together with the tick; the group still releases its sequence,
 * so the barrier completes and the tick throws an {@link EngineException} for the lowest failing core instead of
 * hanging. Whatever the loop throws (that exception, or a Controller's own) ends the run and is rethrown
 * unchanged on the caller's thread. A thread that dies for any other reason is noticed by the periodic liveness
 * checks of the waits.
 */
final class SpikeBusTickRunner extends TickRunner
{
    /** Name of the one thread of {@link ThreadingMode#SHARED}. */
    static final String SHARED_THREAD_NAME = "spikeprune-shared";
    /** Name prefix of the per-core threads of {@link ThreadingMode#DEDICATED}, followed by the core id. */
    static final String CORE_THREAD_PREFIX = "spikeprune-core-";
    /** How long {@link #close()} waits for each thread to stop. */
    static final long JOIN_TIMEOUT_MS = 10_000;
    /** The waits check that the threads they wait for are alive (and clear interrupts) every this many idles. */
    private static final int LIVENESS_CHECK_MASK = 1023;

    private static final EventTranslatorOneArg<TickEntry, SpikeBusTickRunner> TICK_TRANSLATOR =
        (entry, sequence, runner) -> entry.set(runner.publishingTick, runner.input);
    private static final EventTranslatorOneArg<TickEntry, SpikeBusTickRunner> RUN_START_TRANSLATOR =
        (entry, sequence, runner) -> entry.setRunStart(runner.publishingTick);

    private final ThreadingMode mode;
    private final RingBuffer<TickEntry> ring;
    /** Group 0 runs on the loop thread; groups 1.. are ring consumers on their own threads. */
    private final CoreGroup[] groups;
    private final EventPoller<TickEntry> inlinePoller;
    private final EventPoller.Handler<TickEntry> inlineStage;
    private final EventProcessor[] processors;
    private final Sequence[] sequences;
    /** threads[0] is the loop thread; threads[g] runs processors[g] for g ≥ 1. */
    private final Thread[] threads;
    private final IdleStrategy barrierIdle;
    private final long idlesBeforePark;
    private final IdleStrategy loopIdle;
    private final IdleStrategy callerIdle;
    /** The loop thread while it may park at the barrier, else null; the core threads unpark it. */
    private volatile Thread parkedAtBarrier;
    private long publishingTick;
    private long publishedSequence = -1;
    private boolean started;
    private boolean closed;

    // The run handoff: the caller writes the plain fields, then the volatile request; the loop thread writes the
    // outcome, then the volatile completion.
    private Engine requestEngine;
    private long requestFrom;
    private long requestUntil;
    private Throwable runFailure;
    private volatile long requested;
    private volatile long completed;
    private volatile Thread caller;
    private volatile boolean stopping;

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
        // One producer for the engine's lifetime: the loop thread. In SHARED no thread ever waits on the ring (the
        // loop thread polls it), so its wait strategy must not cost a lock per publication.
        final WaitStrategy coreWait = mode == ThreadingMode.SHARED
            ? new YieldingWaitStrategy() : builder.idleMode.newCoreWaitStrategy();
        ring = RingBuffer.createSingleProducer(() -> new TickEntry(entryCapacity), builder.ringSize, coreWait);

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
            groups[g] = group;
            if (g == 0)
            {
                continue;
            }
            final BatchEventProcessor<TickEntry> processor = processorBuilder.build(ring, ring.newBarrier(), group);
            processor.setExceptionHandler(group);
            processors[g] = processor;
            sequences[g] = processor.getSequence();
            final Thread thread = new Thread(processor, CORE_THREAD_PREFIX + g);
            thread.setDaemon(true);
            threads[g] = thread;
        }
        inlinePoller = ring.newPoller();
        sequences[0] = inlinePoller.getSequence();
        final CoreGroup inline = groups[0];
        inlineStage = (entry, sequence, endOfBatch) ->
        {
            inline.runCores(entry);
            return false;
        };
        ring.addGatingSequences(sequences);
        final Thread loop = new Thread(this::loop,
            mode == ThreadingMode.SHARED ? SHARED_THREAD_NAME : CORE_THREAD_PREFIX + 0);
        loop.setDaemon(true);
        threads[0] = loop;
        barrierIdle = builder.idleMode.newBarrierIdleStrategy();
        idlesBeforePark = builder.idleMode.barrierIdlesBeforePark();
        loopIdle = builder.idleMode.newBarrierIdleStrategy();
        callerIdle = builder.idleMode.newBarrierIdleStrategy();
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

    /**
     * Hands the run to the loop thread and waits for it (the caller parks once the idle strategy says so; the
     * loop thread unparks it). Rethrows whatever the loop threw, unchanged.
     */
    @Override
    void run(final Engine engine, final long fromTick, final long untilTick)
    {
        if (!started || closed)
        {
            throw new IllegalStateException("spike bus is not running, started=" + started + ", closed=" + closed);
        }
        requestEngine = engine;
        requestFrom = fromTick;
        requestUntil = untilTick;
        caller = Thread.currentThread();
        final long request = requested + 1;
        requested = request;
        final Thread loop = threads[0];
        LockSupport.unpark(loop);

        final IdleStrategy idle = callerIdle;
        idle.reset();
        long idles = 0;
        boolean interrupted = false;
        while (completed < request)
        {
            idle.idle();
            if ((++idles & LIVENESS_CHECK_MASK) == 0)
            {
                interrupted |= Thread.interrupted();
                if (!loop.isAlive() && completed < request)
                {
                    throw new EngineException(0, fromTick,
                        new IllegalStateException("thread " + loop.getName() + " ended"));
                }
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        final Throwable failure = runFailure;
        runFailure = null;
        requestEngine = null;
        if (failure != null)
        {
            if (failure instanceof RuntimeException)
            {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error)
            {
                throw (Error) failure;
            }
            throw new IllegalStateException("tick loop failed", failure);
        }
    }

    /** The loop thread: waits for a run request, runs it, reports completion; until closed. */
    private void loop()
    {
        long served = 0;
        final IdleStrategy idle = loopIdle;
        while (true)
        {
            idle.reset();
            while (requested == served)
            {
                if (stopping)
                {
                    return;
                }
                idle.idle();
            }
            served++;
            Throwable failure = null;
            try
            {
                requestEngine.loop(requestFrom, requestUntil);
            }
            catch (final Throwable ex)
            {
                failure = ex;
            }
            runFailure = failure;
            completed = served;
            LockSupport.unpark(caller);
        }
    }

    @Override
    void runTick(final long tick)
    {
        publishingTick = tick;
        ring.publishEvent(TICK_TRANSLATOR, this);
        drain(tick);
    }

    /**
     * Opens a run: in {@link ThreadingMode#SHARED} the loop thread starts every core itself; in
     * {@link ThreadingMode#DEDICATED} a run-start entry goes round the ring like a tick, so that every core starts
     * on its own thread, and the barrier waits for all of them.
     */
    @Override
    void runStart(final long tick)
    {
        if (sequences.length == 1)
        {
            groups[0].startCores(tick);
            throwFailure();
            return;
        }
        publishingTick = tick;
        ring.publishEvent(RUN_START_TRANSLATOR, this);
        drain(tick);
    }

    /** Runs the entry just published on the loop thread's own cores, then waits for the other groups. */
    private void drain(final long tick)
    {
        final long sequence = ++publishedSequence;
        try
        {
            inlinePoller.poll(inlineStage);
        }
        catch (final RuntimeException | Error ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("spike bus poll failed at tick " + tick, ex);
        }
        if (sequences.length > 1)
        {
            awaitBarrier(sequence, tick);
        }
        throwFailure();
    }

    private void throwFailure()
    {
        for (final CoreGroup group : groups)
        {
            if (group.failure != null)
            {
                throw new EngineException(group.failedCore, group.failedTick, group.failure);
            }
        }
    }

    /**
     * The end-of-tick barrier: idles until every group on its own thread has released {@code sequence}. Once the
     * idle strategy is about to park, the loop thread announces itself in {@link #parkedAtBarrier} and checks again
     * before parking; a group that completes reads the announcement after its (volatile) release and unparks it.
     * Either the loop thread sees the release or the group sees the announcement, so the park ends at the release,
     * not at the end of the park period.
     */
    private void awaitBarrier(final long sequence, final long tick)
    {
        final IdleStrategy idle = barrierIdle;
        idle.reset();
        long idles = 0;
        boolean interrupted = false;
        for (int g = 1; g < sequences.length; g++)
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

    /** Stops the loop thread, halts every consumer and joins every thread. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        stopping = true;
        LockSupport.unpark(threads[0]);
        for (final EventProcessor processor : processors)
        {
            if (processor != null)
            {
                processor.halt();
            }
        }
        boolean interrupted = false;
        StringBuilder stuck = null;
        for (final Thread thread : threads)
        {
            if (thread.getState() == Thread.State.NEW)
            {
                continue;
            }
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
     * loop thread reads them after it acquired that sequence.
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

        void runCores(final TickEntry entry)
        {
            if (failure != null)
            {
                return;
            }
            final long tick = entry.tick;
            if (entry.runStart)
            {
                startCores(tick);
                return;
            }
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

        /** Calls {@link ProcessingElement#onRunStart(long)} of this group's cores, in core order. */
        void startCores(final long tick)
        {
            if (failure != null)
            {
                return;
            }
            for (int c = firstCore; c < endCore; c++)
            {
                try
                {
                    cores[c].onRunStart(tick);
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
