package org.spikeprune.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The steady path allocates nothing: once every batch has reached its size, running ticks allocates no byte on
 * the engine thread nor on the core threads (measured with the JVM's per-thread allocation counters).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SteadyPathAllocationTest
{
    private static final int WARM_UP_TICKS = 30_000;
    private static final int MEASURED_TICKS = 20_000;
    /** Slack for a rare JIT deoptimisation or a one-off resize inside the JDK; far below one byte per tick. */
    private static final long SLACK_BYTES = 2_048;

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldAllocateNothingWhenTicksRunAfterWarmUp(final ThreadingMode mode)
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counters");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counters");
        threads.setThreadAllocatedMemoryEnabled(true);

        final EngineTest.EchoController controller = new EngineTest.EchoController()
        {
            @Override
            public void onOutput(final long tick, final SpikeBatch spikes)
            {
                // Keep the output without copying it.
            }
        };
        final EngineTest.RecordingCore[] cores = {new EngineTest.RecordingCore(0), new EngineTest.RecordingCore(1)};
        try (Engine engine = Engine.builder().threadingMode(mode).skipEmptyTicks(false).build(controller, cores))
        {
            engine.run(0, WARM_UP_TICKS);
            final List<Thread> engineThreads = EngineTest.engineThreads();
            final long[] ids = new long[engineThreads.size() + 1];
            ids[0] = Thread.currentThread().getId();
            for (int i = 0; i < engineThreads.size(); i++)
            {
                ids[i + 1] = engineThreads.get(i).getId();
            }

            final long before = sum(threads.getThreadAllocatedBytes(ids));
            engine.run(WARM_UP_TICKS, WARM_UP_TICKS + MEASURED_TICKS);
            final long allocated = sum(threads.getThreadAllocatedBytes(ids)) - before;

            assertEquals(WARM_UP_TICKS + MEASURED_TICKS, engine.ticksRun());
            assertTrue(allocated < SLACK_BYTES,
                allocated + " bytes allocated over " + MEASURED_TICKS + " ticks on threads " + ids.length);
        }
    }

    private static long sum(final long[] values)
    {
        long sum = 0;
        for (final long v : values)
        {
            sum += Math.max(0, v);
        }
        return sum;
    }
}
