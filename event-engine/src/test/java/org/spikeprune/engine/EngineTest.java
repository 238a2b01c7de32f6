package org.spikeprune.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Lifecycle, failure, thread and empty-tick behaviour of the {@link Engine} in every threading mode. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineTest
{
    private static final String THREAD_PREFIX = "spikeprune-";

    static List<Arguments> modesAndCoreCounts()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final ThreadingMode mode : ThreadingMode.values())
        {
            for (final int cores : new int[] {1, 2, 5})
            {
                cases.add(Arguments.of(mode, cores));
            }
        }
        return cases;
    }

    static List<Arguments> threadedModesAndIdleModes()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final ThreadingMode mode : new ThreadingMode[] {ThreadingMode.SHARED, ThreadingMode.DEDICATED})
        {
            for (final IdleMode idle : IdleMode.values())
            {
                cases.add(Arguments.of(mode, idle));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldStopWithCoreIdTickAndCauseWhenCoreThrows(final ThreadingMode mode, final int cores)
    {
        final int before = liveEngineThreads();
        final int failingCore = cores - 1;
        final RuntimeException cause = new IllegalStateException("synapse table corrupt");
        final RecordingCore[] pes = recordingCores(cores);
        pes[failingCore].failAt(37, cause);
        final Engine engine = Engine.builder().threadingMode(mode).build(new EveryTickController(), pes);

        final EngineException ex = assertThrows(EngineException.class, () -> engine.run(0, 100));

        assertEquals(failingCore, ex.coreId());
        assertEquals(37, ex.tick());
        assertSame(cause, ex.getCause());
        assertTrue(ex.getMessage().contains("core " + failingCore) && ex.getMessage().contains("tick 37"),
            ex.getMessage());
        assertEquals(failingCore == 0 ? 36 : 37, pes[0].lastTick, "core 0 ran up to the failing tick, no further");
        assertThrows(IllegalStateException.class, () -> engine.run(100, 200), "a failed engine is closed");
        assertEquals(before, liveEngineThreads(), "threads left behind: " + engineThreadNames());
        engine.close();
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldReportLowestFailingCoreWhenSeveralCoresThrowInSameTick(final ThreadingMode mode)
    {
        final RecordingCore[] pes = recordingCores(4);
        pes[3].failAt(5, new IllegalArgumentException("core 3"));
        pes[1].failAt(5, new IllegalArgumentException("core 1"));
        try (Engine engine = Engine.builder().threadingMode(mode).build(new EveryTickController(), pes))
        {
            final EngineException ex = assertThrows(EngineException.class, () -> engine.run(0, 10));

            assertEquals(1, ex.coreId());
            assertEquals(5, ex.tick());
            assertEquals("core 1", ex.getCause().getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldWrapErrorsAsWellAsExceptionsWhenCoreThrowsError(final ThreadingMode mode)
    {
        final RecordingCore[] pes = recordingCores(2);
        final Error cause = new AssertionError("invariant broken");
        pes[0].failAt(3, cause);
        try (Engine engine = Engine.builder().threadingMode(mode).build(new EveryTickController(), pes))
        {
            final EngineException ex = assertThrows(EngineException.class, () -> engine.run(0, 10));

            assertEquals(0, ex.coreId());
            assertSame(cause, ex.getCause());
        }
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldStartNamedDaemonThreadsAndLeaveNoneWhenClosed(final ThreadingMode mode, final int cores)
    {
        final int before = liveEngineThreads();
        final Engine engine =
            Engine.builder().threadingMode(mode).build(new EveryTickController(), recordingCores(cores));
        assertEquals(before, liveEngineThreads(), "no thread before start");

        engine.start();
        engine.run(0, 50);

        final List<Thread> started = new ArrayList<>(engineThreads());
        final int expected = switch (mode)
        {
            case INVOKER -> 0;
            case SHARED -> 1;
            case DEDICATED -> cores;
        };
        assertEquals(before + expected, started.size(), "threads: " + engineThreadNames());
        for (final Thread thread : started)
        {
            assertTrue(thread.isDaemon(), thread.getName() + " is a daemon");
        }
        if (mode == ThreadingMode.SHARED)
        {
            assertTrue(engineThreadNames().contains("spikeprune-shared"), engineThreadNames().toString());
        }
        if (mode == ThreadingMode.DEDICATED)
        {
            for (int c = 0; c < cores; c++)
            {
                assertTrue(engineThreadNames().contains("spikeprune-core-" + c), engineThreadNames().toString());
            }
        }

        engine.close();
        engine.close();

        assertEquals(before, liveEngineThreads(), "threads left behind: " + engineThreadNames());
        assertThrows(IllegalStateException.class, () -> engine.run(50, 60));
        assertThrows(IllegalStateException.class, engine::start);
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldRethrowControllerFailureUnchangedAndStayOpenWhenControllerThrows(
        final ThreadingMode mode, final int cores)
    {
        final IllegalArgumentException cause = new IllegalArgumentException("input pixel out of range");
        final ThrowingController controller = new ThrowingController(12, cause);
        final RecordingCore[] pes = recordingCores(cores);
        try (Engine engine = Engine.builder().threadingMode(mode).build(controller, pes))
        {
            final IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> engine.run(0, 50));

            assertSame(cause, thrown);
            assertEquals(11, pes[0].lastTick, "no tick after the failing dispatch");
            controller.failAt = -1;
            engine.run(12, 20);
            assertEquals(19, pes[cores - 1].lastTick, "the engine is still usable after a Controller failure");
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldRunControllerOnLoopThreadAndSeeCallerWritesBetweenRuns(final ThreadingMode mode)
    {
        final ThreadRecordingController controller = new ThreadRecordingController();
        final RecordingCore[] pes = recordingCores(3);
        try (Engine engine = Engine.builder().threadingMode(mode).build(controller, pes))
        {
            for (int run = 0; run < 200; run++)
            {
                controller.spikeId = run;
                final long before = pes[2].spikeIdSum;
                engine.run(run * 10L, run * 10L + 10);
                assertEquals(run * 10L + 9, controller.lastOutputTick, "the run is complete when run returns");
                assertEquals(run * 10L + 9, pes[2].lastTick, "the cores' writes are visible when run returns");
                assertEquals(10L * run, pes[2].spikeIdSum - before,
                    "the caller's write before the run reached the Controller and the cores");
            }
        }
        final String expected = switch (mode)
        {
            case INVOKER -> Thread.currentThread().getName();
            case SHARED -> "spikeprune-shared";
            case DEDICATED -> "spikeprune-core-0";
        };
        assertEquals(expected, controller.threadName);
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldLeaveNoThreadWhenClosedWithoutStarting(final ThreadingMode mode)
    {
        final int before = liveEngineThreads();
        Engine.builder().threadingMode(mode).build(new EveryTickController(), recordingCores(3)).close();
        assertEquals(before, liveEngineThreads());
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldSkipRestTicksWhenEveryCoreIsQuiescent(final ThreadingMode mode)
    {
        // Input on ticks [0, 100) and [400, 500): a rest of 300 ticks in between.
        final RestController controller = new RestController(100, 400, 500);
        final RecordingCore[] pes = recordingCores(3);
        try (Engine engine = Engine.builder().threadingMode(mode).build(controller, pes))
        {
            engine.run(0, 500);

            assertEquals(300, engine.ticksSkipped());
            assertEquals(200, engine.ticksRun());
            for (final RecordingCore pe : pes)
            {
                assertEquals(200, pe.ticksRun);
                assertEquals(99, pe.lastTickBeforeGap(), "last tick before the skipped rest");
                assertEquals(499, pe.lastTick);
            }
            assertEquals(200, controller.outputs);
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldRunRestTicksUntilEveryCoreIsQuiescentWhenOneCoreIsStillBusy(final ThreadingMode mode)
    {
        // Core 2 stays busy for 3 ticks after its last input, so the rest is skipped only from tick 103 on.
        final RestController controller = new RestController(100, 400, 500);
        final RecordingCore[] pes = recordingCores(3);
        pes[2].busyTicksAfterInput = 3;
        try (Engine engine = Engine.builder().threadingMode(mode).build(controller, pes))
        {
            engine.run(0, 500);

            assertEquals(297, engine.ticksSkipped());
            assertEquals(203, engine.ticksRun());
            for (final RecordingCore pe : pes)
            {
                assertEquals(203, pe.ticksRun);
                assertEquals(102, pe.lastTickBeforeGap(), "last tick before the skipped rest");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldRunEveryTickWhenSkippingIsOff(final ThreadingMode mode)
    {
        final RestController controller = new RestController(100, 400, 500);
        final RecordingCore[] pes = recordingCores(2);
        try (Engine engine = Engine.builder().threadingMode(mode).skipEmptyTicks(false).build(controller, pes))
        {
            engine.run(0, 500);

            assertEquals(0, engine.ticksSkipped());
            assertEquals(500, engine.ticksRun());
            assertEquals(500, pes[1].ticksRun);
        }
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    void shouldMergeOutputsInCoreOrderAndDeliverDispatchedSpikesToEveryCore(final ThreadingMode mode, final int cores)
    {
        final EchoController controller = new EchoController();
        final RecordingCore[] pes = recordingCores(cores);
        try (Engine engine = Engine.builder().threadingMode(mode).batchCapacity(2).build(controller, pes))
        {
            engine.run(0, 40);
        }
        // Tick t dispatches ids {t, t + 1000, ...} (t % 7 of them, past the batch capacity); core c outputs
        // 100 * c + (number of spikes it received).
        for (final RecordingCore pe : pes)
        {
            assertEquals(40, pe.ticksRun);
            assertEquals(expectedSpikeSum(40), pe.spikeIdSum);
        }
        final int[] expected = new int[cores];
        for (int c = 0; c < cores; c++)
        {
            expected[c] = 100 * c + 39 % 7;
        }
        assertArrayEquals(expected, controller.lastOutput);
    }

    @ParameterizedTest(name = "{0} waiting {1}")
    @MethodSource("threadedModesAndIdleModes")
    void shouldRunEveryTickInOrderWhenIdleModeChanges(final ThreadingMode mode, final IdleMode idle)
    {
        final RecordingCore[] pes = recordingCores(3);
        final EchoController controller = new EchoController();
        try (Engine engine = Engine.builder().threadingMode(mode).idleMode(idle).build(controller, pes))
        {
            engine.run(0, 300);
            assertEquals(300, engine.ticksRun());
        }
        for (final RecordingCore pe : pes)
        {
            assertEquals(300, pe.ticksRun);
            assertEquals(299, pe.lastTick);
            assertEquals(expectedSpikeSum(300), pe.spikeIdSum);
        }
    }

    @Test
    void shouldRejectInvalidSettingsWhenBuilding()
    {
        assertThrows(IllegalArgumentException.class, () -> Engine.builder().ringSize(3));
        assertThrows(IllegalArgumentException.class, () -> Engine.builder().batchCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> Engine.builder().build(new EveryTickController()));
        assertThrows(NullPointerException.class, () -> Engine.builder().threadingMode(null));
    }

    @Test
    void shouldReportModeAndCoreCountWhenBuilt()
    {
        try (Engine engine = Engine.builder().threadingMode(ThreadingMode.DEDICATED).build(
            new EveryTickController(), recordingCores(3)))
        {
            assertEquals(ThreadingMode.DEDICATED, engine.threadingMode());
            assertEquals(3, engine.coreCount());
            assertEquals(0, engine.ticksRun());
        }
    }

    private static long expectedSpikeSum(final int ticks)
    {
        long sum = 0;
        for (int t = 0; t < ticks; t++)
        {
            for (int k = 0; k < t % 7; k++)
            {
                sum += t + 1000L * k;
            }
        }
        return sum;
    }

    private static RecordingCore[] recordingCores(final int n)
    {
        final RecordingCore[] cores = new RecordingCore[n];
        for (int c = 0; c < n; c++)
        {
            cores[c] = new RecordingCore(c);
        }
        return cores;
    }

    static List<Thread> engineThreads()
    {
        final List<Thread> threads = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && thread.getName().startsWith(THREAD_PREFIX))
            {
                threads.add(thread);
            }
        }
        return threads;
    }

    static int liveEngineThreads()
    {
        return engineThreads().size();
    }

    static List<String> engineThreadNames()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : engineThreads())
        {
            names.add(thread.getName());
        }
        return names;
    }

    /** A core that records what it saw, outputs {@code 100 * id + spikes received}, and can fail on request. */
    static final class RecordingCore implements ProcessingElement
    {
        final int id;
        long ticksRun;
        long lastTick = -1;
        long spikeIdSum;
        int busyTicksAfterInput;
        private int busyTicks;
        private long failTick = -1;
        private Throwable failure;
        private int spikesThisTick;
        private long gapStart = -1;

        RecordingCore(final int id)
        {
            this.id = id;
        }

        void failAt(final long tick, final Throwable failure)
        {
            this.failTick = tick;
            this.failure = failure;
        }

        long lastTickBeforeGap()
        {
            return gapStart;
        }

        @Override
        public void onSpikes(final long tick, final SpikeBatch spikes)
        {
            if (tick == failTick)
            {
                if (failure instanceof RuntimeException)
                {
                    throw (RuntimeException)failure;
                }
                throw (Error)failure;
            }
            if (lastTick >= 0 && tick != lastTick + 1 && gapStart < 0)
            {
                gapStart = lastTick;
            }
            spikesThisTick = spikes.count();
            for (int i = 0; i < spikes.count(); i++)
            {
                spikeIdSum += spikes.id(i);
            }
            if (!spikes.isEmpty())
            {
                busyTicks = busyTicksAfterInput;
            }
        }

        @Override
        public void advance(final long tick, final SpikeBatch out)
        {
            ticksRun++;
            lastTick = tick;
            out.add(100 * id + spikesThisTick);
            if (spikesThisTick == 0 && busyTicks > 0)
            {
                busyTicks--;
            }
        }

        @Override
        public boolean isQuiescent()
        {
            return busyTicks == 0;
        }
    }

    /** Dispatches {@code t % 7} spikes {@code t, t + 1000, …} on every tick and keeps the last merged output. */
    static class EchoController implements Controller
    {
        int[] lastOutput = new int[0];

        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            for (int k = 0; k < tick % 7; k++)
            {
                spikes.add((int)tick + 1000 * k);
            }
        }

        @Override
        public void onOutput(final long tick, final SpikeBatch spikes)
        {
            lastOutput = java.util.Arrays.copyOf(spikes.array(), spikes.count());
        }
    }

    /** One spike on every tick. */
    static final class EveryTickController extends EchoController
    {
        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            spikes.add(1);
        }
    }

    /** One spike per tick; throws from {@code dispatch} at tick {@link #failAt}. */
    static final class ThrowingController extends EchoController
    {
        long failAt;
        private final RuntimeException failure;

        ThrowingController(final long failAt, final RuntimeException failure)
        {
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            if (tick == failAt)
            {
                throw failure;
            }
            spikes.add(1);
        }
    }

    /** Dispatches {@link #spikeId} (set by the caller between runs) and records its thread and last output tick. */
    static final class ThreadRecordingController implements Controller
    {
        int spikeId;
        String threadName;
        long lastOutputTick = -1;

        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            threadName = Thread.currentThread().getName();
            spikes.add(spikeId);
        }

        @Override
        public void onOutput(final long tick, final SpikeBatch spikes)
        {
            lastOutputTick = tick;
        }
    }

    /** One spike per tick on {@code [0, restStart)} and {@code [restEnd, end)}; nothing in between or after. */
    static final class RestController implements Controller
    {
        private final long restStart;
        private final long restEnd;
        private final long end;
        int outputs;

        RestController(final long restStart, final long restEnd, final long end)
        {
            this.restStart = restStart;
            this.restEnd = restEnd;
            this.end = end;
        }

        private boolean hasInput(final long tick)
        {
            return tick < restStart || (tick >= restEnd && tick < end);
        }

        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            if (hasInput(tick))
            {
                spikes.add(7);
            }
        }

        @Override
        public void onOutput(final long tick, final SpikeBatch spikes)
        {
            outputs++;
        }

        @Override
        public long nextInputTick(final long tick)
        {
            if (hasInput(tick))
            {
                return tick;
            }
            return tick < restEnd ? restEnd : Long.MAX_VALUE;
        }
    }
}
