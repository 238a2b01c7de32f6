package org.spikeprune.cli.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikeprune.fpga.HardwareEstimate;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.traces.TickWorkReader;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceReader;
import org.spikeprune.traces.TraceRecorder;
import org.spikeprune.traces.TraceSink;

/**
 * A run fed live into an {@link ActivityLog} and the same run recorded, then replayed through {@link HardwareReplay}
 * from the tick-work file and from the queue: the three logs, and so the hardware estimates, are the same.
 */
class HardwareReplayTest
{
    @TempDir
    Path tmp;

    /** Live: what the simulator's activity callbacks do to the log, and the recorder beside it. */
    private static void emit(final long seed, final ActivityLog live, final TraceSink trace)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int cores = 1 + random.nextInt(3);
        long tick = 0;
        if (random.nextBoolean())
        {
            // core-ticks before the first image: the log files them under an image of its own
            for (int core = 0; core < cores; core++)
            {
                live.onCoreTick(tick, core, 1, 5, 10, 0, 0, 0);
                trace.onCoreTick(tick, core, 1, 5, 10, 0, 0, 0);
            }
            tick++;
        }
        for (int image = 0; image < 40; image++)
        {
            final boolean learning = image < 25 || random.nextInt(4) == 0;
            final int presentations = random.nextInt(5) == 0 ? 2 : 1;
            for (int repeat = 0; repeat < presentations; repeat++)
            {
                live.onImageStart(tick, image, image % 10, learning, repeat);
                trace.onImageStart(tick, image, image % 10, learning, repeat);
                for (int t = 0; t < 30; t++, tick++)
                {
                    final boolean idle = t >= 20 || random.nextInt(4) == 0;
                    for (int core = 0; core < cores; core++)
                    {
                        final int spikes = idle ? 0 : random.nextInt(4);
                        final long sops = spikes * (10L + random.nextInt(2));
                        final long stdp = learning && !idle ? random.nextInt(3) : 0;
                        final long decrements = learning && !idle ? random.nextInt(2) : 0;
                        final int out = idle ? 0 : random.nextInt(2);
                        live.onCoreTick(tick, core, spikes, sops, 10, stdp, decrements, out);
                        trace.onCoreTick(tick, core, spikes, sops, 10, stdp, decrements, out);
                    }
                }
                if (random.nextInt(6) == 0)
                {
                    // a tick that carries on after the image's end, as idle ticks filled in late do
                    live.onImageEnd(tick - 1, image, 3);
                    trace.onImageEnd(tick - 1, image, 3);
                    for (int core = 0; core < cores; core++)
                    {
                        live.onCoreTick(tick - 1, core, 0, 0, 10, 0, 0, 0);
                        trace.onCoreTick(tick - 1, core, 0, 0, 10, 0, 0, 0);
                    }
                }
                else
                {
                    live.onImageEnd(tick - 1, image, 3);
                    trace.onImageEnd(tick - 1, image, 3);
                }
            }
            if (image % 8 == 7)
            {
                final int pruned = random.nextInt(100);
                final int groups = random.nextInt(4);
                live.onPrune(tick - 1, 7840, pruned, groups);
                trace.onPrune(tick - 1, 7840, pruned, groups);
            }
        }
        live.finish();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shouldGiveTheLiveLogAndEstimateWhenReplayedFromEitherFile(final long seed)
    {
        final Path dir = tmp.resolve("trace");
        final ActivityLog live = new ActivityLog(NetworkShape.paperA(100));
        try (TraceRecorder recorder = TraceRecorder.start(dir, TraceHeader.of("p", seed, "run.profile=p\n", "test")))
        {
            emit(seed, live, recorder);
            recorder.finish("d");
        }
        final ActivityLog fromWork = new ActivityLog(NetworkShape.paperA(100));
        final HardwareReplay a = new HardwareReplay(fromWork);
        try (TickWorkReader work = TickWorkReader.open(dir))
        {
            work.read(a);
        }
        a.finish();
        final ActivityLog fromQueue = new ActivityLog(NetworkShape.paperA(100));
        final HardwareReplay b = new HardwareReplay(fromQueue);
        try (TraceReader reader = TraceReader.open(dir))
        {
            reader.read(b);
        }
        b.finish();

        assertEquals(ticks(live), ticks(fromWork));
        assertEquals(ticks(live), ticks(fromQueue));
        for (final String preset : List.of("zedboard", "zedboard-8pe"))
        {
            final var expected = HardwareEstimate.of(HardwarePresets.load(preset), live).toMap();
            assertEquals(expected, HardwareEstimate.of(HardwarePresets.load(preset), fromWork).toMap(), preset);
            assertEquals(expected, HardwareEstimate.of(HardwarePresets.load(preset), fromQueue).toMap(), preset);
        }
    }

    /** Everything of a log the timing model reads, in order. */
    private static List<String> ticks(final ActivityLog log)
    {
        final List<String> lines = new ArrayList<>();
        for (int phase = 0; phase < 2; phase++)
        {
            lines.add("phase " + phase + " images " + log.images(phase) + " presentations "
                + log.presentations(phase) + " tick records " + log.tickRecords(phase));
            for (int e = 0; e < log.tickEntries(phase); e++)
            {
                final StringBuilder b = new StringBuilder();
                for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
                {
                    b.append(log.tickField(phase, e, f)).append(' ');
                }
                lines.add(b.append("x ").append(log.tickCount(phase, e)).toString());
            }
        }
        for (int i = 0; i < log.pruneRecords(); i++)
        {
            lines.add("prune " + log.pruneAfterImages(i) + " " + log.pruneEvaluations(i) + " " + log.prunePruned(i)
                + " " + log.pruneGroups(i));
        }
        return lines;
    }
}
