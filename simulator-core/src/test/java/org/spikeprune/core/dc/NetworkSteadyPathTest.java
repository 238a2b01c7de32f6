package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.engine.ThreadingMode;

/**
 * Paper A's network on the engine's steady path allocates nothing in any threading mode: once warmed up, whole
 * presentations (learning with normalisation, STDP and θ; inference) allocate no byte on the caller's thread nor
 * on any engine thread. This is what {@code NetworkModeBenchmark}'s {@code -prof gc} figure would show without
 * the harness's own threads.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NetworkSteadyPathTest
{
    private static final int IMAGES = 8;
    private static final int WARM_UP = 40;
    private static final int MEASURED = 20;
    /** Slack for a rare JIT deoptimisation inside the JDK: far below a byte per tick (20,000+ ticks measured). */
    private static final long SLACK_BYTES = 2_048;

    @ParameterizedTest(name = "{0}, {1} core(s)")
    @CsvSource({"INVOKER, 1", "SHARED, 1", "SHARED, 2", "DEDICATED, 2"})
    void shouldAllocateNothingWhenWarmPresentationsRunInAnyMode(final ThreadingMode mode, final int cores)
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counters");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counters");
        threads.setThreadAllocatedMemoryEnabled(true);

        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test", Map.of()));
        final byte[] pixels = images();
        final long[] counts = new long[p.excNeurons()];
        try (DcNetwork network = new DcNetwork(p, 11, cores, mode, ActivitySink.NONE))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                network.present(pixels, i % IMAGES, i % 10, i % 4 != 3, counts);
            }
            final long[] ids = threadIds();
            final long before = sum(threads.getThreadAllocatedBytes(ids));
            final long presentationsBefore = network.presentations();
            for (int i = 0; i < MEASURED; i++)
            {
                network.present(pixels, i % IMAGES, i % 10, i % 2 == 0, counts);
            }
            final long allocated = sum(threads.getThreadAllocatedBytes(ids)) - before;
            final long presentations = network.presentations() - presentationsBefore;

            assertTrue(presentations >= MEASURED, "presentations " + presentations);
            assertTrue(allocated < SLACK_BYTES, allocated + " bytes allocated over " + presentations
                + " presentations on " + ids.length + " thread(s) in " + mode);
        }
    }

    /** The caller and every engine thread. */
    private static long[] threadIds()
    {
        final List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && thread.getName().startsWith("spikeprune-"))
            {
                ids.add(thread.getId());
            }
        }
        final long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = ids.get(i);
        }
        return out;
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

    /** Digit-like images: a fifth of the pixels lit, at random intensities (as in NetworkModeBenchmark). */
    private static byte[] images()
    {
        final SplittableRandom r = new SplittableRandom(7);
        final byte[] px = new byte[IMAGES * DcNetwork.INPUTS];
        for (int i = 0; i < px.length; i++)
        {
            px[i] = (byte)(r.nextInt(100) < 19 ? 100 + r.nextInt(156) : 0);
        }
        return px;
    }
}
