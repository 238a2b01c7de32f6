package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRecorderTest
{
    static final String CONFIG = "profile: test\nneurons: 100\nseed: 42\n";
    static final long SEED = 0x5EED_0000_1234_5EEDL;

    @TempDir
    Path tmp;

    static TraceHeader header()
    {
        return TraceHeader.of("test-profile", SEED, CONFIG, "spikeprune test");
    }

    @Test
    void shouldReadBackEveryEventKindWhenRecordedAndFinished()
    {
        final Path dir = tmp.resolve("trace");
        final RecordingSink expected = new RecordingSink();
        try (TraceRecorder recorder = TraceRecorder.start(dir, header()))
        {
            final List<TraceSink> both = List.of(recorder, expected);
            for (final TraceSink s : both)
            {
                s.onImageStart(0, 17, 7, true, 0);
                s.onInputSpikes(0, new int[] {99, 3, 5, 700, 8}, 1, 3);
                s.onOutputSpikes(1, new int[] {42, 43}, 0, 2);
                s.onCoreTick(0, 1, 3, (1L << 31) - 1, 100, 12, 4, 2);
                s.onPrune(1, 78_400, 1234, 3);
                s.onPruneDecision(1, 0, 783, 99, 0.125f);
                s.onImageEnd(349, 17, 2);
                s.onImageStart(350, 18, 1, false, 2);
                s.onImageEnd(699, 18, 0);
            }
            recorder.finish("sha256:abc");
        }

        try (TraceReader reader = TraceReader.open(dir))
        {
            final TraceHeader h = reader.header();
            assertEquals(TraceRecordDescriptor.FORMAT_VERSION, h.formatVersion());
            assertEquals("test-profile", h.profile());
            assertEquals(SEED, h.seed());
            assertEquals(CONFIG, h.configText());
            assertEquals(TraceHeader.sha256Hex(CONFIG), h.configDigest());
            assertEquals("spikeprune test", h.creator());
            assertEquals(System.getProperty("java.version"), h.javaVersion());

            final RecordingSink actual = new RecordingSink();
            assertEquals(9, reader.read(actual));
            assertEquals(expected.lines, actual.lines);
            assertTrue(reader.isComplete());
            final TraceEnd end = reader.end();
            assertEquals(TraceStatus.COMPLETE, end.status());
            assertEquals("sha256:abc", end.runDigest());
            assertEquals(9, end.eventRecords());
            assertEquals(3, end.inputSpikes());
            assertEquals(2, end.outputSpikes());
            assertEquals(699, end.lastTick());
            assertEquals(2, end.count(TraceRecordKind.IMAGE_START));
            assertFalse(reader.next());
        }
    }

    @Test
    void shouldExposeFieldsThroughCursorWhenPulling()
    {
        final Path dir = tmp.resolve("trace");
        try (TraceRecorder recorder = TraceRecorder.start(dir, header()))
        {
            recorder.onCoreTick(5, 3, 9, 1000, 100, 10, 1, 2);
            recorder.onInputSpikes(6, new int[] {4, 2}, 0, 2);
            recorder.finish("");
        }
        try (TraceReader reader = TraceReader.open(dir))
        {
            // the core tick waits for more of its kind; the spikes go first
            assertTrue(reader.next());
            assertEquals(TraceRecordKind.INPUT_SPIKES, reader.kind());
            assertEquals(1, reader.recordIndex());
            assertEquals(2, reader.spikeCount());
            assertEquals(4, reader.spikeId(0));
            assertEquals(2, reader.spikeId(1));
            assertTrue(reader.next());
            assertEquals(TraceRecordKind.CORE_TICK, reader.kind());
            assertEquals(2, reader.recordIndex());
            assertEquals(5, reader.tick());
            assertEquals(3, reader.core());
            assertEquals(9, reader.spikesIn());
            assertEquals(1000, reader.synapticOps());
            assertEquals(100, reader.neuronUpdates());
            assertEquals(10, reader.stdpUpdates());
            assertEquals(1, reader.decrements());
            assertEquals(2, reader.spikesOut());
            assertThrows(IllegalStateException.class, reader::spikeCount);
            assertFalse(reader.next());
            assertTrue(reader.isComplete());
        }
    }

    @Test
    void shouldPackCoreTicksIntoRowsAndRecordsAndReadEachBack()
    {
        final Path dir = tmp.resolve("trace");
        final RecordingSink expected = new RecordingSink();
        try (TraceRecorder recorder = TraceRecorder.start(dir, header()))
        {
            final List<TraceSink> both = List.of(recorder, expected);
            for (final TraceSink s : both)
            {
                s.onImageStart(0, 1, 2, true, 0);
                // 100 busy ticks of two cores (200 rows: four records), then 300 idle ticks of core 0 (one row)
                for (int t = 0; t < 100; t++)
                {
                    s.onCoreTick(t, 0, t, 10L * t, 100, 7, 7, t % 3);
                    s.onCoreTick(t, 1, t, 10L * t + 1, 100, 7, 7, 0);
                }
                for (int t = 100; t < 400; t++)
                {
                    s.onCoreTick(t, 0, 0, 0, 100, 0, 0, 0);
                }
                s.onImageEnd(400, 1, 33);
            }
            recorder.finish("");
        }
        final TraceSummary summary = TraceSummary.of(dir);
        assertEquals(4, summary.records(TraceRecordKind.CORE_TICK));
        assertEquals(500, summary.events(TraceRecordKind.CORE_TICK));
        assertEquals(400, summary.maxTick());
        try (TraceReader reader = TraceReader.open(dir))
        {
            final RecordingSink actual = new RecordingSink();
            assertEquals(2 + 500, reader.read(actual));
            assertEquals(expected.lines, actual.lines);
            assertEquals(500, reader.coreTicks());
            assertEquals(400, reader.end().lastTick());
        }
    }

    @Test
    void shouldGatherSpikesOfManyTicksIntoRecordsAndReadEachTickBack()
    {
        final Path dir = tmp.resolve("trace");
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final int[] ids = new int[20];
        try (TraceRecorder recorder = TraceRecorder.start(dir, header()))
        {
            recorder.onImageStart(0, 1, 2, true, 0);
            // 600 ticks, a third of them without input; two calls for ticks divisible by 7 (one batch read back);
            // output spikes every 50 ticks
            for (int t = 0; t < 600; t++)
            {
                final int n = t % 3 == 0 ? 0 : 1 + t % 11;
                for (int i = 0; i < n; i++)
                {
                    ids[i] = (t * 31 + i * 7) % 784;
                }
                if (t % 7 == 0 && n > 1)
                {
                    recorder.onInputSpikes(t, ids, 0, 1);
                    recorder.onInputSpikes(t, ids, 1, n - 1);
                }
                else
                {
                    recorder.onInputSpikes(t, ids, 0, n);
                }
                if (n > 0)
                {
                    inputs.add(t + " " + java.util.Arrays.toString(java.util.Arrays.copyOf(ids, n)));
                }
                if (t % 50 == 49)
                {
                    recorder.onOutputSpikes(t, new int[] {t % 100}, 0, 1);
                    outputs.add(t + " [" + t % 100 + "]");
                }
            }
            recorder.onImageEnd(599, 1, 12);
            // the clock starts again (a new phase): a new record
            recorder.onInputSpikes(0, new int[] {5, 6}, 0, 2);
            inputs.add("0 [5, 6]");
            recorder.finish("");
        }
        final TraceSummary summary = TraceSummary.of(dir);
        assertEquals(inputs.size(), summary.spikeBatches(TraceRecordKind.INPUT_SPIKES));
        assertEquals(outputs.size(), summary.spikeBatches(TraceRecordKind.OUTPUT_SPIKES));
        // 400 ticks with input before the image end: two records of at most 256 ticks, then the one after it
        assertEquals(3, summary.records(TraceRecordKind.INPUT_SPIKES));
        assertEquals(1, summary.records(TraceRecordKind.OUTPUT_SPIKES));
        final List<String> readInputs = new ArrayList<>();
        final List<String> readOutputs = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(dir))
        {
            reader.read(new TraceSink()
            {
                @Override
                public void onInputSpikes(final long tick, final int[] batch, final int offset, final int count)
                {
                    readInputs.add(tick + " " + java.util.Arrays.toString(
                        java.util.Arrays.copyOfRange(batch, offset, offset + count)));
                }

                @Override
                public void onOutputSpikes(final long tick, final int[] batch, final int offset, final int count)
                {
                    readOutputs.add(tick + " " + java.util.Arrays.toString(
                        java.util.Arrays.copyOfRange(batch, offset, offset + count)));
                }
            });
            assertTrue(reader.isComplete());
        }
        assertEquals(inputs, readInputs);
        assertEquals(outputs, readOutputs);
    }

    @Test
    void shouldRefuseACoreTickCountAboveAnInt()
    {
        try (TraceRecorder recorder = TraceRecorder.start(tmp.resolve("trace"), header()))
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> recorder.onCoreTick(3, 0, 1, 1L << 31, 1, 1, 1, 1));
            assertTrue(ex.getMessage().startsWith("core 0 at tick 3: a count is negative or above 2^31 - 1"),
                ex.getMessage());
            recorder.finish("");
        }
    }

    @Test
    void shouldSplitBatchWhenLargerThanOneRecord()
    {
        final Path dir = tmp.resolve("trace");
        final int[] ids = new int[5000];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = i * 7;
        }
        final int perRecord;
        try (TraceRecorder recorder = TraceRecorder.start(
            dir, header(), new TraceRecorder.Context().ringCapacity(64 << 10)))
        {
            perRecord = recorder.maxIdsPerRecord();
            recorder.onInputSpikes(3, ids, 0, ids.length);
            recorder.finish("");
        }
        assertTrue(perRecord < ids.length, "batch must not fit one record: " + perRecord);
        final List<Integer> read = new ArrayList<>();
        final AtomicInteger records = new AtomicInteger();
        try (TraceReader reader = TraceReader.open(dir))
        {
            reader.read(new TraceSink()
            {
                @Override
                public void onInputSpikes(final long tick, final int[] batch, final int offset, final int count)
                {
                    assertEquals(3, tick);
                    records.incrementAndGet();
                    for (int i = 0; i < count; i++)
                    {
                        read.add(batch[offset + i]);
                    }
                }
            });
            assertEquals(ids.length, reader.inputSpikes());
        }
        assertEquals((ids.length + perRecord - 1) / perRecord, records.get());
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(ids[i], read.get(i));
        }
    }

    @Test
    void shouldWriteAbortedEndWhenClosedWithoutFinish()
    {
        final Path dir = tmp.resolve("trace");
        try (TraceRecorder recorder = TraceRecorder.start(dir, header()))
        {
            recorder.onImageStart(0, 1, 1, true, 0);
        }
        final TraceSummary summary = TraceSummary.of(dir);
        assertFalse(summary.complete());
        assertEquals(TraceStatus.ABORTED, summary.end().status());
        assertEquals(1, summary.eventRecords());
        assertTrue(summary.completeness().contains("did not finish"), summary.completeness());
    }

    @Test
    void shouldRefuseEventsWhenClosed()
    {
        final TraceRecorder recorder = TraceRecorder.start(tmp.resolve("trace"), header());
        recorder.finish("");
        final TraceException ex = assertThrows(TraceException.class, () -> recorder.onPrune(1, 2, 3, 4));
        assertTrue(ex.getMessage().contains("closed"), ex.getMessage());
        recorder.close();
    }

    @Test
    void shouldRefuseToStartWhenDirectoryHoldsTrace()
    {
        final Path dir = tmp.resolve("trace");
        TraceRecorder.start(dir, header()).finish("");
        final TraceException ex = assertThrows(TraceException.class, () -> TraceRecorder.start(dir, header()));
        assertTrue(ex.getMessage().contains("already holds a trace"), ex.getMessage());
        try (TraceReader reader = TraceReader.open(dir))
        {
            assertNotNull(reader.header());
        }
    }

    @Test
    void shouldReportAFailedQueueSetUpWithTheDirectoryNamed() throws Exception
    {
        final Path dir = tmp.resolve("trace");
        // a directory where Chronicle creates its metadata file: the agent cannot set the queue up
        Files.createDirectories(dir.resolve(TraceQueues.METADATA_FILE));
        final TraceRecorder r = TraceRecorder.start(dir, header());
        final TraceException ex = assertThrows(TraceException.class, r::awaitStarted);
        assertTrue(ex.getMessage().startsWith("trace " + dir + ": cannot start recording: "), ex.getMessage());
        final TraceException next = assertThrows(TraceException.class, () -> r.onImageStart(0, 0, 0, true, 0));
        assertTrue(next.getMessage().startsWith("trace " + dir + ": cannot start recording: "), next.getMessage());
        r.close();
    }

    @Test
    void shouldReportAFailedQueueSetUpAtFinishWhenNoEventCameAfterIt() throws Exception
    {
        final Path dir = tmp.resolve("trace");
        Files.createDirectories(dir.resolve(TraceQueues.METADATA_FILE));
        final TraceRecorder r = TraceRecorder.start(dir, header());
        final TraceException ex = assertThrows(TraceException.class, () -> r.finish("digest"));
        assertTrue(ex.getMessage().startsWith("trace " + dir + ": cannot start recording: "), ex.getMessage());
    }

    @Test
    void shouldRefuseToStartWhenFreeSpaceBelowHugeMinimum()
    {
        final Path dir = tmp.resolve("trace");
        final TraceDiskSpaceException ex = assertThrows(TraceDiskSpaceException.class, () -> TraceRecorder.start(
            dir, header(), new TraceRecorder.Context().minFreeBytes(Long.MAX_VALUE)));
        assertTrue(ex.getMessage().startsWith("trace " + dir + ": cannot start recording: "), ex.getMessage());
        assertTrue(ex.getMessage().contains("the minimum for recording is"), ex.getMessage());
        assertEquals(Long.MAX_VALUE, ex.minimumBytes());
        assertFalse(Files.exists(dir), "nothing may be created when recording refuses to start");
    }

    @Test
    void shouldStopCleanlyWhenFreeSpaceFallsBelowMinimumWhileRecording()
    {
        final Path dir = tmp.resolve("trace");
        final long mib = 1 << 20;
        final AtomicInteger checks = new AtomicInteger();
        // Each check finds 1 MiB less: 40 MiB at the start; at the 9th, 32 MiB leave no room above the 32 MiB minimum
        // for the next two intervals' writes.
        final DiskSpace filling = d -> 40 * mib - checks.getAndIncrement() * mib;
        final TraceRecorder.Context ctx = new TraceRecorder.Context()
            .minFreeBytes(32 * mib)
            .checkIntervalBytes(16 << 10)
            .diskSpace(filling);
        final SyntheticRun run = new SyntheticRun(7);
        TraceDiskSpaceException stop = null;
        final TraceRecorder recorder = TraceRecorder.start(dir, header(), ctx);
        try
        {
            for (int image = 0; image < 100_000; image++)
            {
                run.emitImage(recorder);
            }
        }
        catch (final TraceDiskSpaceException ex)
        {
            stop = ex;
        }
        finally
        {
            recorder.close();
        }
        assertNotNull(stop, "recording must stop before the simulated disk is full");
        assertTrue(stop.getMessage().contains("recording stopped at tick"), stop.getMessage());
        assertTrue(stop.getMessage().contains("below the minimum of 32.0 MiB"), stop.getMessage());
        assertEquals(8, checks.get() - 1, "checks after the start check until the stop");

        final TraceSummary summary = TraceSummary.of(dir);
        assertFalse(summary.complete());
        assertEquals(TraceStatus.STOPPED_LOW_DISK, summary.end().status());
        // Eight checks passed before the stop, each followed by a block of at least one record. How many records a
        // block holds depends on how often the agent thread drains the ring, so the count itself is not fixed.
        assertTrue(summary.eventRecords() >= 8, "records written before the stop: " + summary.eventRecords());
        // Checks come when a block would pass the interval; a block holds at most 64 KiB of records.
        assertTrue(summary.recordBytes() < 9 * ((16 << 10) + TraceAgent.BLOCK_TARGET + 1024),
            "stops within the check interval: " + summary.recordBytes());

        // What was written is the exact prefix of what was sent.
        final DigestSink expected = new DigestSink(summary);
        final SyntheticRun again = new SyntheticRun(7);
        while (!expected.full())
        {
            again.emitImage(expected);
        }
        try (TraceReader reader = TraceReader.open(dir))
        {
            final DigestSink read = new DigestSink();
            reader.read(read);
            assertEquals(expected.calls(), read.calls());
            assertEquals(expected.hash(), read.hash());
        }
    }

    @Test
    void shouldRejectBadSettingsWhenConcluding()
    {
        assertThrows(IllegalArgumentException.class, () -> new TraceRecorder.Context().ringCapacity(1000).conclude());
        assertThrows(IllegalArgumentException.class, () -> new TraceRecorder.Context().minFreeBytes(-1).conclude());
        assertThrows(IllegalArgumentException.class,
            () -> new TraceRecorder.Context().checkIntervalBytes(0).conclude());
    }

    @Test
    void shouldRejectRunDigestWhenNotPrintableAscii()
    {
        try (TraceRecorder recorder = TraceRecorder.start(tmp.resolve("trace"), header()))
        {
            assertThrows(IllegalArgumentException.class, () -> recorder.finish("bad\ndigest"));
        }
    }

    @Test
    void shouldSummariseWhenTraceIsEmptyQueue()
    {
        final Path dir = tmp.resolve("trace");
        try (TraceRecorder recorder = TraceRecorder.start(dir, header()))
        {
            recorder.finish("");
        }
        final TraceSummary summary = TraceSummary.of(dir);
        assertTrue(summary.complete());
        assertEquals(0, summary.eventRecords());
        assertEquals(-1, summary.firstTick());
        assertNotNull(summary.header());
    }
}
