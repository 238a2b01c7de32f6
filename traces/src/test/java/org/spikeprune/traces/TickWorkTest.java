package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tick-work file beside the queue: the same unit actions, in the same order, checked like the queue. */
class TickWorkTest
{
    @TempDir
    Path tmp;

    /**
     * A run shaped like the simulator's: images of busy ticks with idle stretches (every core only updating its
     * neurons), ticks that repeat earlier ones, several cores, and prune passes.
     */
    static void emitRun(final TraceSink sink, final long seed, final int images, final int cores)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int[] ids = {1, 2, 3};
        long tick = 0;
        for (int image = 0; image < images; image++)
        {
            sink.onImageStart(tick, image, image % 10, image % 3 != 2, 0);
            for (int t = 0; t < 40; t++, tick++)
            {
                final boolean idle = t >= 25 || random.nextInt(5) == 0;
                if (!idle)
                {
                    sink.onInputSpikes(tick, ids, 0, 1 + random.nextInt(3));
                }
                for (int core = 0; core < cores; core++)
                {
                    if (idle)
                    {
                        sink.onCoreTick(tick, core, 0, 0, 50 + core, 0, 0, 0);
                    }
                    else
                    {
                        final int spikes = 1 + random.nextInt(3);
                        sink.onCoreTick(tick, core, spikes, spikes * 50L, 50 + core, random.nextInt(3),
                            random.nextInt(2), random.nextInt(2));
                    }
                }
            }
            sink.onImageEnd(tick - 1, image, random.nextInt(20));
            if (image % 4 == 3)
            {
                sink.onPrune(tick - 1, 78_400, random.nextInt(500), random.nextInt(5));
                sink.onPruneDecision(tick - 1, 0, 1, 2, 0.5f);
            }
        }
    }

    private Path record(final String name, final long seed, final int images, final int cores)
    {
        final Path dir = tmp.resolve(name);
        try (TraceRecorder recorder = TraceRecorder.start(dir, TraceRecorderTest.header()))
        {
            emitRun(recorder, seed, images, cores);
            recorder.finish("run-digest");
        }
        return dir;
    }

    /** The queue's unit actions (image boundaries, core-ticks, prune passes) in order. */
    private static List<String> unitActionsOfQueue(final Path dir)
    {
        final RecordingSink sink = new RecordingSink();
        try (TraceReader reader = TraceReader.open(dir))
        {
            reader.read(sink);
        }
        final List<String> actions = new ArrayList<>();
        for (final String line : sink.lines)
        {
            if (line.startsWith("start ") || line.startsWith("core ") || line.startsWith("end ")
                || line.startsWith("prune "))
            {
                actions.add(line);
            }
        }
        return actions;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void shouldRepeatTheQueuesUnitActionsInOrderWhenReadBack(final int cores)
    {
        final Path dir = record("cores" + cores, 7 + cores, 30, cores);
        final RecordingSink sink = new RecordingSink();
        final long coreTicks;
        final long entries;
        try (TickWorkReader work = TickWorkReader.open(dir))
        {
            assertEquals(TraceRecorderTest.header().configText(), work.header().configText());
            coreTicks = work.read(sink);
            entries = work.entries();
            assertTrue(work.hasEnd());
            assertEquals(TraceStatus.COMPLETE, work.status());
            assertEquals("run-digest", work.runDigest());
        }
        final List<String> expected = unitActionsOfQueue(dir);
        assertEquals(expected, sink.lines);
        assertEquals(30L * 40 * cores, coreTicks);
        assertTrue(entries < 30 * 40 - 30 * 10, "idle stretches are merged into runs: " + entries + " entries");
    }

    @Test
    void shouldNumberRepeatedTicksWhenTheyRecur()
    {
        final Path dir = record("shapes", 3, 12, 2);
        final List<Integer> shapes = new ArrayList<>();
        final List<Integer> repeats = new ArrayList<>();
        final int[] sequences = new int[1];
        try (TickWorkReader work = TickWorkReader.open(dir))
        {
            work.read(new TraceSink()
            {
                @Override
                public boolean onTickSequence(final long tick, final int count, final int[] numbers)
                {
                    sequences[0]++;
                    return false;
                }

                @Override
                public void onTicks(final long tick, final int repeat, final int shape, final int cores,
                    final long[] vectors)
                {
                    shapes.add(shape);
                    repeats.add(repeat);
                }
            });
        }
        final int longest = repeats.stream().mapToInt(Integer::intValue).max().getAsInt();
        final int idleShape = shapes.get(repeats.indexOf(longest));
        assertTrue(idleShape >= 0, "the idle stretch has a number");
        int known = -1;
        for (final int shape : shapes)
        {
            assertTrue(shape <= known + 1, "numbers appear in order: " + shapes);
            known = Math.max(known, shape);
        }
        assertTrue(shapes.stream().filter(s -> s == idleShape).count() >= 12, "every image ends idle");
        assertTrue(sequences[0] > 0, "consecutive single ticks of known shapes come as sequences");
    }

    @Test
    void shouldReportNoEndWhenTheEndBlockIsMissing() throws IOException
    {
        final Path dir = record("cut", 5, 20, 2);
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        try (TickWorkReader work = TickWorkReader.open(dir))
        {
            work.read(new RecordingSink());
            assertFalse(work.hasEnd());
            assertEquals(null, work.status());
        }
    }

    @Test
    void shouldNameTheBlockWhenAByteIsFlipped() throws IOException
    {
        final Path dir = record("flip", 5, 20, 2);
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () ->
        {
            try (TickWorkReader work = TickWorkReader.open(dir))
            {
                work.read(new RecordingSink());
            }
        });
        assertTrue(ex.getMessage().contains(TickWorkDescriptor.FILE_NAME), ex.getMessage());
        assertTrue(ex.getMessage().contains("corrupt: checksum"), ex.getMessage());
    }

    @Test
    void shouldTellInTheSummaryWhetherTheFileIsWholeCutShortOrDamaged() throws IOException
    {
        final Path dir = record("summary", 5, 20, 2);
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final byte[] bytes = Files.readAllBytes(file);
        assertEquals(TraceSummary.TickWorkState.WHOLE, TraceSummary.of(dir).tickWork().state());
        assertEquals(bytes.length, TraceSummary.of(dir).tickWork().bytes());

        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        final TraceSummary.TickWork flipped = TraceSummary.of(dir).tickWork();
        assertEquals(TraceSummary.TickWorkState.DAMAGED, flipped.state());
        assertTrue(flipped.problem().contains("corrupt: checksum"), flipped.problem());

        // the queue's recording ended, so a file without its end block was cut short
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        final TraceSummary.TickWork cut = TraceSummary.of(dir).tickWork();
        assertEquals(TraceSummary.TickWorkState.DAMAGED, cut.state());
        assertTrue(cut.problem().contains("without its end block"), cut.problem());

        Files.delete(file);
        assertEquals(null, TraceSummary.of(dir).tickWork());
    }

    @Test
    void shouldNameBothVersionsWhenTheFileHasAnotherFormatVersion() throws IOException
    {
        final Path dir = record("version", 5, 4, 1);
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final int headerLength = b.getInt(TickWorkDescriptor.LENGTH_OFFSET);
        b.putInt(TickWorkDescriptor.HEADER_VERSION_OFFSET, 99);
        final CRC32C crc = new CRC32C();
        crc.update(bytes, TickWorkDescriptor.CHECKED_OFFSET, headerLength - TickWorkDescriptor.CHECKED_OFFSET);
        b.putInt(TickWorkDescriptor.CHECKSUM_OFFSET, (int)crc.getValue());
        Files.write(file, bytes);
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TickWorkReader.open(dir));
        assertTrue(ex.getMessage().contains("version 99"), ex.getMessage());
        assertTrue(ex.getMessage().contains("reads version " + TickWorkDescriptor.FORMAT_VERSION), ex.getMessage());
    }

    @Test
    void shouldRejectAFileThatIsNotATickWorkFile() throws IOException
    {
        final Path dir = tmp.resolve("other");
        Files.createDirectories(dir);
        Files.write(dir.resolve(TickWorkDescriptor.FILE_NAME), new byte[64]);
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TickWorkReader.open(dir));
        assertTrue(ex.getMessage().contains(TickWorkDescriptor.FILE_NAME + " block 0"), ex.getMessage());
    }
}
