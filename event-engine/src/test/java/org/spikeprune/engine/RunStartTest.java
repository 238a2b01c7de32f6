package org.spikeprune.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ProcessingElement#onRunStart(long)}: once per run and core, on the thread that runs the core's ticks,
 * before the run's first tick, also when every tick of the run is skipped; a core that throws there stops the run
 * with its id and the run's first tick.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunStartTest
{
    static List<org.junit.jupiter.params.provider.Arguments> modesAndCoreCounts()
    {
        return EngineTest.modesAndCoreCounts();
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldStartEveryCoreOnItsOwnThreadBeforeTheFirstTickOfEveryRun(final ThreadingMode mode, final int cores)
    {
        final StartingCore[] pes = new StartingCore[cores];
        for (int c = 0; c < cores; c++)
        {
            pes[c] = new StartingCore();
        }
        try (Engine engine = Engine.builder().threadingMode(mode).build(new EngineTest.EveryTickController(), pes))
        {
            engine.run(0, 10);
            engine.run(10, 25);
            engine.run(25, 25);
        }
        for (int c = 0; c < cores; c++)
        {
            final StartingCore core = pes[c];
            assertEquals(List.of(0L, 10L, 25L), core.starts, "core " + c);
            assertEquals(List.of(0L, 10L), core.firstTicks, "core " + c + ": the first tick after each start");
            assertEquals(1, core.threads.size(), "core " + c + " started and ticked on one thread: " + core.threads);
            final String thread = core.threads.get(0);
            if (mode == ThreadingMode.INVOKER)
            {
                assertEquals(Thread.currentThread().getName(), thread);
            }
            else if (mode == ThreadingMode.SHARED)
            {
                assertEquals(SpikeBusTickRunner.SHARED_THREAD_NAME, thread);
            }
            else
            {
                assertEquals(SpikeBusTickRunner.CORE_THREAD_PREFIX + c, thread);
            }
        }
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldStartTheCoresWhenEveryTickOfTheRunIsSkipped(final ThreadingMode mode, final int cores)
    {
        final StartingCore[] pes = new StartingCore[cores];
        for (int c = 0; c < cores; c++)
        {
            pes[c] = new StartingCore();
            pes[c].quiescent = true;
        }
        final Controller silent = new Controller()
        {
            @Override
            public void dispatch(final long tick, final SpikeBatch spikes)
            {
            }

            @Override
            public void onOutput(final long tick, final SpikeBatch spikes)
            {
            }

            @Override
            public long nextInputTick(final long tick)
            {
                return Long.MAX_VALUE;
            }
        };
        try (Engine engine = Engine.builder().threadingMode(mode).build(silent, pes))
        {
            engine.run(100, 400);
            assertEquals(0, engine.ticksRun());
            assertEquals(300, engine.ticksSkipped());
        }
        for (final StartingCore core : pes)
        {
            assertEquals(List.of(100L), core.starts);
            assertTrue(core.firstTicks.isEmpty());
        }
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldStopWithCoreIdAndFirstTickWhenACoreThrowsAtRunStart(final ThreadingMode mode, final int cores)
    {
        final StartingCore[] pes = new StartingCore[cores];
        for (int c = 0; c < cores; c++)
        {
            pes[c] = new StartingCore();
        }
        final IllegalStateException cause = new IllegalStateException("weights not normalisable");
        pes[cores - 1].failOnStart = cause;
        final Engine engine = Engine.builder().threadingMode(mode).build(new EngineTest.EveryTickController(), pes);
        try
        {
            engine.run(0, 5);
            final EngineException ex = assertThrows(EngineException.class, () -> engine.run(5, 9));
            assertEquals(cores - 1, ex.coreId());
            assertEquals(5, ex.tick());
            assertSame(cause, ex.getCause());
        }
        finally
        {
            engine.close();
        }
        for (final StartingCore core : pes)
        {
            assertEquals(5, core.ticks, "no tick of the failed run ran");
        }
    }

    /** Records its starts, the first tick after each, and the threads it was called on. */
    static final class StartingCore implements ProcessingElement
    {
        final List<Long> starts = new ArrayList<>();
        final List<Long> firstTicks = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        boolean quiescent;
        RuntimeException failOnStart;
        long ticks;
        private boolean started;

        @Override
        public void onRunStart(final long tick)
        {
            note();
            if (failOnStart != null && !starts.isEmpty())
            {
                throw failOnStart;
            }
            starts.add(tick);
            started = true;
        }

        @Override
        public void onSpikes(final long tick, final SpikeBatch spikes)
        {
            note();
            if (started)
            {
                firstTicks.add(tick);
                started = false;
            }
        }

        @Override
        public void advance(final long tick, final SpikeBatch out)
        {
            ticks++;
        }

        @Override
        public boolean isQuiescent()
        {
            return quiescent;
        }

        private void note()
        {
            final String name = Thread.currentThread().getName();
            if (!threads.contains(name))
            {
                threads.add(name);
            }
        }
    }
}
