package org.spikeprune.engine;

/** Runs one tick over all cores under one {@link ThreadingMode}; internal to the engine. */
abstract class TickRunner implements AutoCloseable
{
    protected final ProcessingElement[] cores;
    protected final SpikeBatch input;
    protected final SpikeBatch[] outputs;

    TickRunner(final ProcessingElement[] cores, final SpikeBatch input, final SpikeBatch[] outputs)
    {
        this.cores = cores;
        this.input = input;
        this.outputs = outputs;
    }

    static TickRunner create(
        final Engine.Builder builder,
        final ProcessingElement[] cores,
        final SpikeBatch input,
        final SpikeBatch[] outputs)
    {
        switch (builder.threadingMode)
        {
            case SHARED:
            case DEDICATED:
                return new SpikeBusTickRunner(builder, cores, input, outputs);
            case INVOKER:
            default:
                return new InvokerTickRunner(cores, input, outputs);
        }
    }

    abstract ThreadingMode mode();

    void start()
    {
    }

    /**
     * Runs the engine's tick loop for {@code [fromTick, untilTick)}: on the calling thread here, on an engine-owned
     * thread in the threaded modes. Whatever the loop throws reaches the caller unchanged.
     */
    void run(final Engine engine, final long fromTick, final long untilTick)
    {
        engine.loop(fromTick, untilTick);
    }

    /**
     * Runs {@code tick} on every core; returns once every core has finished it (the barrier). Called only from
     * the tick loop.
     */
    abstract void runTick(long tick);

    /**
     * Calls {@link ProcessingElement#onRunStart(long)} of every core on its own thread; returns once every core
     * has (the barrier). Called only from the tick loop, once at the start of a run.
     */
    abstract void runStart(long tick);

    /** Starts the run of one core on the calling thread. */
    final void startCore(final int core, final long tick)
    {
        try
        {
            cores[core].onRunStart(tick);
        }
        catch (final RuntimeException | Error ex)
        {
            throw new EngineException(core, tick, ex);
        }
    }

    /** Runs one core's share of a tick on the calling thread. */
    final void runCore(final int core, final long tick)
    {
        final SpikeBatch out = outputs[core];
        out.clear();
        try
        {
            final ProcessingElement pe = cores[core];
            pe.onSpikes(tick, input);
            pe.advance(tick, out);
        }
        catch (final RuntimeException | Error ex)
        {
            throw new EngineException(core, tick, ex);
        }
    }

    @Override
    public void close()
    {
    }

    /** All cores on the caller's thread, in core order. */
    static final class InvokerTickRunner extends TickRunner
    {
        InvokerTickRunner(final ProcessingElement[] cores, final SpikeBatch input, final SpikeBatch[] outputs)
        {
            super(cores, input, outputs);
        }

        @Override
        ThreadingMode mode()
        {
            return ThreadingMode.INVOKER;
        }

        @Override
        void runTick(final long tick)
        {
            for (int c = 0; c < cores.length; c++)
            {
                runCore(c, tick);
            }
        }

        @Override
        void runStart(final long tick)
        {
            for (int c = 0; c < cores.length; c++)
            {
                startCore(c, tick);
            }
        }
    }
}
