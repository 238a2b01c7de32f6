package org.spikeprune.engine;

import java.util.Objects;

/**
 * Runs a Controller and its processing elements tick by tick under the conservative synchronisation contract:
 * every core finishes tick {@code t} (the end-of-tick barrier) before any core starts {@code t + 1}, the
 * spikes of one tick are delivered in canonical order, and the merged output of tick {@code t} reaches the
 * Controller before it dispatches {@code t + 1}. Results are therefore identical for every
 * {@link ThreadingMode} and every core count.
 *
 * <p>Lifecycle: {@link #builder()} → {@link Builder#build(Controller, ProcessingElement[])} → {@link #start()}
 * → {@link #run(long, long)} (any number of times) → {@link #close()}. A failed run closes the engine.
 *
 * <p>Threads: an engine is driven by one thread at a time, the <em>caller</em> (whoever calls
 * {@link #run(long, long)}; it may change between runs). The tick loop — the Controller,
 * {@link ProcessingElement#isQuiescent()} and the end-of-tick barrier — runs on the caller's thread in
 * {@link ThreadingMode#INVOKER} and on an engine-owned loop thread in the threaded modes, to which the caller hands
 * each run and then waits: one handoff per run, not per tick. Each core runs on that same thread
 * ({@link ThreadingMode#INVOKER}, {@link ThreadingMode#SHARED}) or on its own thread
 * ({@link ThreadingMode#DEDICATED}; core 0 on the loop thread). Memory is ordered both ways: whatever a core
 * wrote in tick {@code t} is visible to the Controller from {@code onOutput(t)} on and to the caller once
 * {@code run} returns, and whatever the caller wrote before {@code run} (e.g. resetting the neurons between
 * images) is visible to the Controller and every core. The caller may therefore read and change the Controller's
 * and the cores' state between runs, but never while a run is in progress. See the package documentation.
 */
public final class Engine implements AutoCloseable
{
    private final Controller controller;
    private final ProcessingElement[] cores;
    private final TickRunner runner;
    private final SpikeBatch input;
    private final SpikeBatch[] outputs;
    private final SpikeBatch merged;
    private final boolean skipEmptyTicks;
    private long ticksRun;
    private long ticksSkipped;
    private boolean started;
    private boolean closed;

    private Engine(final Builder builder, final Controller controller, final ProcessingElement[] cores)
    {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.cores = cores.clone();
        this.input = new SpikeBatch(builder.batchCapacity);
        this.outputs = new SpikeBatch[cores.length];
        for (int i = 0; i < cores.length; i++)
        {
            outputs[i] = new SpikeBatch(builder.batchCapacity);
        }
        this.merged = new SpikeBatch(builder.batchCapacity);
        this.skipEmptyTicks = builder.skipEmptyTicks;
        this.runner = TickRunner.create(builder, this.cores, input, outputs);
    }

    /** A builder with the defaults: {@link ThreadingMode#INVOKER}, empty-tick skipping on. */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Starts the threads of the chosen mode (none for {@link ThreadingMode#INVOKER}); {@link #run(long, long)}
     * starts them if needed. Idempotent.
     *
     * @throws IllegalStateException if the engine is closed.
     */
    public void start()
    {
        if (closed)
        {
            throw new IllegalStateException("engine is closed");
        }
        if (!started)
        {
            runner.start();
            started = true;
        }
    }

    /**
     * Runs ticks {@code [fromTick, untilTick)}. Ticks on which the Controller has nothing to dispatch and every
     * core is quiescent are skipped.
     *
     * @param fromTick  first tick to run.
     * @param untilTick first tick not to run.
     * <p>An exception thrown by the Controller propagates unchanged and leaves the engine open: no tick is in
     * flight while the Controller runs.
     *
     * @throws EngineException       if a core throws; the engine is then closed and its threads are gone.
     * @throws IllegalStateException if the engine is closed.
     */
    public void run(final long fromTick, final long untilTick)
    {
        if (closed)
        {
            throw new IllegalStateException("engine is closed");
        }
        if (!started)
        {
            start();
        }
        try
        {
            runner.run(this, fromTick, untilTick);
        }
        catch (final EngineException ex)
        {
            try
            {
                close();
            }
            catch (final RuntimeException closeFailure)
            {
                ex.addSuppressed(closeFailure);
            }
            throw ex;
        }
    }

    /**
     * The tick loop, run by the {@link TickRunner} on the thread that drives the Controller: the caller's thread
     * in {@link ThreadingMode#INVOKER}, the engine's loop thread in the threaded modes.
     */
    void loop(final long fromTick, final long untilTick)
    {
        runner.runStart(fromTick);
        long tick = fromTick;
        while (tick < untilTick)
        {
            if (skipEmptyTicks)
            {
                final long next = controller.nextInputTick(tick);
                if (next > tick && allQuiescent())
                {
                    final long target = Math.min(next, untilTick);
                    ticksSkipped += target - tick;
                    tick = target;
                    continue;
                }
            }
            input.clear();
            controller.dispatch(tick, input);
            runner.runTick(tick);
            merged.clear();
            for (final SpikeBatch out : outputs)
            {
                merged.addAll(out);
            }
            controller.onOutput(tick, merged);
            ticksRun++;
            tick++;
        }
    }

    private boolean allQuiescent()
    {
        for (final ProcessingElement core : cores)
        {
            if (!core.isQuiescent())
            {
                return false;
            }
        }
        return true;
    }

    /** Number of processing elements. */
    public int coreCount()
    {
        return cores.length;
    }

    /** Ticks actually run since the engine was built. */
    public long ticksRun()
    {
        return ticksRun;
    }

    /** Ticks skipped as empty since the engine was built. */
    public long ticksSkipped()
    {
        return ticksSkipped;
    }

    /** The threading mode in use. */
    public ThreadingMode threadingMode()
    {
        return runner.mode();
    }

    /**
     * Stops and joins every thread of the engine, so that none is left behind. Idempotent.
     *
     * @throws IllegalStateException if a thread did not stop in time (a core that never returns from a call).
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            runner.close();
        }
    }

    /**
     * Default number of entries of the spike bus ring. The barrier keeps exactly one tick in flight, so a larger
     * ring only costs memory ({@code ringSize * batchCapacity} ints) and cache.
     */
    public static final int RING_SIZE_DEFAULT = 16;

    /** Engine settings; validated when built. */
    public static final class Builder
    {
        ThreadingMode threadingMode = ThreadingMode.INVOKER;
        IdleMode idleMode = IdleMode.BACKOFF;
        int batchCapacity = 1024;
        int ringSize = RING_SIZE_DEFAULT;
        boolean skipEmptyTicks = true;

        Builder()
        {
        }

        /** How cores map to threads; {@link ThreadingMode#INVOKER} by default. */
        public Builder threadingMode(final ThreadingMode mode)
        {
            this.threadingMode = Objects.requireNonNull(mode, "threadingMode");
            return this;
        }

        /**
         * How the threads of the threaded modes wait (at the barrier and for the next tick); never a busy spin of
         * the loop thread. {@link IdleMode#BACKOFF} by default; ignored by {@link ThreadingMode#INVOKER}.
         */
        public Builder idleMode(final IdleMode mode)
        {
            this.idleMode = Objects.requireNonNull(mode, "idleMode");
            return this;
        }

        /**
         * Initial capacity of the per-tick spike batches and ring entries (1024 by default). They grow on the
         * control path when a tick carries more spikes than ever before, then stay at that size.
         */
        public Builder batchCapacity(final int capacity)
        {
            if (capacity <= 0)
            {
                throw new IllegalArgumentException("batchCapacity must be > 0, batchCapacity=" + capacity);
            }
            this.batchCapacity = capacity;
            return this;
        }

        /** Disruptor ring size (power of two) for the threaded modes; {@link #RING_SIZE_DEFAULT} by default. */
        public Builder ringSize(final int size)
        {
            if (size <= 0 || Integer.bitCount(size) != 1)
            {
                throw new IllegalArgumentException("ringSize must be a power of 2, ringSize=" + size);
            }
            this.ringSize = size;
            return this;
        }

        /** Whether empty ticks (nothing dispatched, every core quiescent) are skipped. */
        public Builder skipEmptyTicks(final boolean skip)
        {
            this.skipEmptyTicks = skip;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @param controller the Controller.
         * @param cores      the processing elements, core 0 first.
         * @return a new, not yet started engine.
         */
        public Engine build(final Controller controller, final ProcessingElement... cores)
        {
            if (cores.length == 0)
            {
                throw new IllegalArgumentException("at least one processing element is required, cores=0");
            }
            for (int i = 0; i < cores.length; i++)
            {
                Objects.requireNonNull(cores[i], "cores[" + i + "]");
            }
            return new Engine(this, controller, cores);
        }
    }
}
