package org.spikeprune.cli.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.traces.TraceReader;
import org.spikeprune.traces.TraceRecorder;
import org.spikeprune.traces.TraceSink;

import picocli.CommandLine;

class TraceOptionsTest
{
    static
    {
        TraceCommand.quietQueueLogging();
    }

    @TempDir
    Path tmp;

    private static TraceOptions parse(final String... args)
    {
        final TraceOptions options = new TraceOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void shouldNotRecordWhenTraceOptionIsAbsent()
    {
        final TraceOptions options = parse();
        assertFalse(options.enabled());
        assertNull(options.start("p", 1, "c", "x"));
    }

    @Test
    void shouldRefuseWithInputExceptionWhenMinimumFreeSpaceIsHuge()
    {
        final Path dir = tmp.resolve("t");
        final TraceOptions options = parse("--trace", dir.toString(), "--trace-min-free-mb", "1000000000000");
        final InputException ex = assertThrows(InputException.class, () -> options.start("p", 1, "c", "x"));
        assertTrue(ex.getMessage().startsWith("trace " + dir + ": cannot start recording: "), ex.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void shouldRecordActivityCallbacksWhenAdapted()
    {
        final Path dir = tmp.resolve("t");
        try (TraceRecorder recorder = parse("--trace", dir.toString()).start("p", 1, "c", "x"))
        {
            final ActivitySink activity = new TraceActivitySink(recorder);
            activity.onImageStart(0, 4, 2, true, 1);
            activity.onCoreTick(1, 2, 3, 4, 5, 6, 7, 8);
            activity.onPrune(2, 10, 3, 1);
            activity.onImageEnd(3, 4, 9);
            recorder.finish("d");
        }
        final List<String> calls = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(dir))
        {
            reader.read(new TraceSink()
            {
                @Override
                public void onImageStart(
                    final long tick, final int image, final int label, final boolean learning, final int repeat)
                {
                    calls.add("start " + tick + " " + image + " " + label + " " + learning + " " + repeat);
                }

                @Override
                public void onCoreTick(
                    final long tick, final int core, final int spikesIn, final long synapticOps,
                    final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
                {
                    calls.add("core " + tick + " " + core + " " + spikesIn + " " + synapticOps + " " + neuronUpdates
                        + " " + stdpUpdates + " " + decrements + " " + spikesOut);
                }

                @Override
                public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
                {
                    calls.add("prune " + tick + " " + evaluations + " " + pruned + " " + groups);
                }

                @Override
                public void onImageEnd(final long tick, final int image, final int spikes)
                {
                    calls.add("end " + tick + " " + image + " " + spikes);
                }
            });
            assertTrue(reader.isComplete());
        }
        assertEquals(List.of("start 0 4 2 true 1", "core 1 2 3 4 5 6 7 8", "prune 2 10 3 1", "end 3 4 9"), calls);
    }
}
