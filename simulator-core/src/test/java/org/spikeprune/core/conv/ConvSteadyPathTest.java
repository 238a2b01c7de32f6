package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.engine.ThreadingMode;

class ConvSteadyPathTest
{
    @Test
    void shouldAllocateNothingPerImageWhenLearningInSteadyState()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counters");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counters");
        threads.setThreadAllocatedMemoryEnabled(true);
        final long self = Thread.currentThread().getId();
        final long[] marks = new long[2];
        final ConvNetConfig cfg = ConvNetworkTest.learningConfig().withLearnIterations(new int[] {400, 0});
        try (ConvNetwork net = new ConvNetwork(cfg, 9, 2, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final List<InputSpikes> images = ConvNetworkTest.randomImages(20, 16, 16, 4);
            net.learn(images, KernelPrunePolicy.NONE, new LearningListener()
            {
                @Override
                public void onIteration(final int convLayer, final int iteration, final long global)
                {
                    if (iteration == 200)
                    {
                        marks[0] = threads.getThreadAllocatedBytes(self);
                    }
                    else if (iteration == 400)
                    {
                        marks[1] = threads.getThreadAllocatedBytes(self);
                    }
                }
            });
        }
        assertTrue(marks[0] > 0 && marks[1] >= marks[0], "both marks were taken");
        final long perImage = (marks[1] - marks[0]) / 200;
        assertTrue(perImage < 64, "bytes allocated per learning image in steady state: " + perImage);
    }
}
