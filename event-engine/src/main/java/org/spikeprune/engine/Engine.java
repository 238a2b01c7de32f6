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
 * → {@link #run(long, long)} (any number of times) → {@link #close()}.
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

    /** Starts the threads of the chosen mode (none for {@link ThreadingMode#INVOKER}). */
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
     * @throws EngineException if a core throws; the engine is then closed.
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
        long tick = fromTick;
        while (tick < untilTick)
        {
            if (skipEmptyTicks && allQuiescent())
            {
                final long next = controller.nextInputTick(tick);
                if (next > tick)
                {
                    final long target = Math.min(next, untilTick);
                    ticksSkipped += target - tick;
                    tick = target;
                    continue;
                }
            }
            input.clear();
            controller.dispatch(tick, input);
            runTick(tick);
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

    private void runTick(final long tick)
    {
        try
        {
            runner.runTick(tick);
        }
        catch (final EngineException ex)
        {
            close();
            throw ex;
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

    /** Stops and joins every engine thread. Idempotent. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            runner.close();
        }
    }

    /** Engine settings; validated when built. */
    public static final class Builder
    {
        ThreadingMode threadingMode = ThreadingMode.INVOKER;
        IdleMode idleMode = IdleMode.BACKOFF;
        int batchCapacity = 1024;
        int ringSize = 1024;
        boolean skipEmptyTicks = true;

        Builder()
        {
        }

        /** How cores map to threads. */
        public Builder threadingMode(final ThreadingMode mode)
        {
            this.threadingMode = Objects.requireNonNull(mode, "threadingMode");
            return this;
        }

        /** How waiting threads idle; never a busy spin of the producer. */
        public Builder idleMode(final IdleMode mode)
        {
            this.idleMode = Objects.requireNonNull(mode, "idleMode");
            return this;
        }

        /** Initial capacity of the per-tick spike batches (they grow if needed). */
        public Builder batchCapacity(final int capacity)
        {
            if (capacity <= 0)
            {
                throw new IllegalArgumentException("batchCapacity must be > 0, batchCapacity=" + capacity);
            }
            this.batchCapacity = capacity;
            return this;
        }

        /** Disruptor ring size (power of two) for the threaded modes. */
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
