package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceReaderTest
{
    /** A value no synthetic field takes, to find a record's bytes in the queue file. */
    static final long MARKER = 0x1122_3344_5566_7788L;

    @TempDir
    Path tmp;

    /**
     * Writes images of a synthetic run and, after image {@code markerAfter}, one PRUNE record whose evaluations
     * are {@link #MARKER}.
     *
     * @return the marked record's index and tick.
     */
    static long[] recordWithMarker(final Path dir, final int images, final int markerAfter)
        throws InterruptedException
    {
        final SyntheticRun run = new SyntheticRun(11);
        final long[] marker = new long[2];
        try (TraceRecorder recorder = TraceRecorder.start(dir, TraceRecorderTest.header()))
        {
            for (int i = 0; i < images; i++)
            {
                run.emitImage(recorder);
                if (i == markerAfter)
                {
                    // Alone in its block: the agent has written everything before it, and writes it before more.
                    recorder.flushPending();
                    awaitCommitted(recorder, recorder.producedRecords());
                    marker[0] = recorder.producedRecords() + 1;
                    marker[1] = run.tick();
                    recorder.onPrune(marker[1], MARKER, 2, 3);
                    awaitCommitted(recorder, recorder.producedRecords());
                }
            }
            recorder.finish("digest");
        }
        return marker;
    }

    private static void awaitCommitted(final TraceRecorder recorder, final long records) throws InterruptedException
    {
        while (recorder.committedRecords() < records)
        {
            Thread.sleep(1);
        }
    }

    @Test
    void shouldNameExpectedAndFoundWhenFormatVersionDiffers()
    {
        final Path dir = tmp.resolve("v7");
        try (TraceRecorder recorder = TraceRecorder.start(
            dir, TraceRecorderTest.header(), new TraceRecorder.Context().formatVersion(7)))
        {
            recorder.onPrune(0, 1, 1, 0);
            recorder.finish("");
        }
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertEquals("trace " + dir + ": format version 7, this spikeprune reads format version "
            + TraceRecordDescriptor.FORMAT_VERSION, ex.getMessage());
        assertThrows(TraceFormatException.class, () -> TraceSummary.of(dir));
    }

    @Test
    void shouldNameRecordAndTickWhenPayloadByteIsFlipped() throws Exception
    {
        final Path dir = tmp.resolve("flipped");
        final long[] marker = recordWithMarker(dir, 200, 30);
        final long index = marker[0];
        final long tick = marker[1];
        final Path file = TraceFiles.queueFile(dir);
        final long at = TraceFiles.find(file, MARKER);
        assertTrue(at > 0, "marker must be in the file");
        TraceFiles.flip(file, at + 3);

        try (TraceReader reader = TraceReader.open(dir))
        {
            long read = 0;
            final TraceFormatException ex;
            try
            {
                while (reader.next())
                {
                    read++;
                }
                throw new AssertionError("the flipped byte was not detected after " + read + " records");
            }
            catch (final TraceFormatException e)
            {
                ex = e;
            }
            assertEquals(index - 1, reader.eventRecords(), "every record before the damaged one is delivered");
            assertTrue(read >= index - 1, "core ticks: " + read);
            final String m = ex.getMessage();
            assertTrue(m.startsWith("trace " + dir + ": record " + index + " (after tick "), m);
            assertTrue(m.contains("is corrupt: checksum 0x"), m);
            assertTrue(m.contains("its tick field " + tick), m);
        }
    }

    /**
     * A flipped bit in the queue's own 4-byte header of the marked record's document: in the length (bits 0..29)
     * it cuts the record short or runs the document into the next one, the metadata bit (30) hides the record,
     * and the "not complete" bit (31) would hide every later record and pass for a killed recording, were the
     * queue's index not checked where the data stops.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 8, 16, 24, 29, 30, 31})
    void shouldNameRecordWhenQueueDocumentHeaderBitIsFlipped(final int bit) throws Exception
    {
        final Path dir = tmp.resolve("bit" + bit);
        final long[] marker = recordWithMarker(dir, 50, 20);
        final Path file = TraceFiles.queueFile(dir);
        final long record = TraceFiles.find(file, MARKER) - TraceRecordDescriptor.PRUNE_EVALUATIONS_OFFSET;
        TraceFiles.flipBit(file, record - 4 + bit / 8, bit % 8);

        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceSummary.of(dir));
        final String m = ex.getMessage();
        assertTrue(m.startsWith("trace " + dir + ": record " + marker[0] + " (after tick ")
            || bit < 30 && m.startsWith("trace " + dir + ": record " + (marker[0] + 1) + " (after tick "), m);
    }

    @Test
    void shouldReadOnAnotherThreadThanTheOneThatOpened() throws Exception
    {
        final Path dir = tmp.resolve("handed");
        recordWithMarker(dir, 20, 5);
        try (TraceReader reader = TraceReader.open(dir))
        {
            assertTrue(reader.next());
            final long[] read = {1};
            final Throwable[] failure = new Throwable[1];
            // as a replay does: opened on the caller's thread, read on the engine's loop thread
            final Thread loop = new Thread(() ->
            {
                try
                {
                    while (reader.next())
                    {
                        read[0]++;
                    }
                }
                catch (final RuntimeException ex)
                {
                    failure[0] = ex;
                }
            });
            loop.start();
            loop.join();
            assertEquals(null, failure[0]);
            assertTrue(reader.isComplete());
            assertTrue(read[0] > 20 * SyntheticRun.TICKS_PER_IMAGE, "events read: " + read[0]);
        }
    }

    @Test
    void shouldReportCorruptHeaderWhenHeaderByteIsFlipped() throws Exception
    {
        final Path dir = tmp.resolve("header");
        recordWithMarker(dir, 5, 1);
        final Path file = TraceFiles.queueFile(dir);
        final long at = TraceFiles.find(file, TraceRecorderTest.header().seed());
        assertTrue(at > 0);
        TraceFiles.flip(file, at);
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertTrue(ex.getMessage().contains("the header record (record 0) is corrupt"), ex.getMessage());
    }

    @Test
    void shouldReportTruncationWhenFileIsCutInsideData() throws Exception
    {
        final Path dir = tmp.resolve("cut");
        recordWithMarker(dir, 2000, 1);
        final Path file = TraceFiles.queueFile(dir);
        final long writePosition = writePosition(dir);
        assertTrue(writePosition > 1 << 20, "enough data to cut: " + writePosition);
        TraceFiles.truncate(file, writePosition / 2);

        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertEquals(
            "trace " + dir + ": queue file " + file.getFileName() + " is truncated: " + writePosition / 2
                + " bytes, but its header records data up to byte " + writePosition,
            ex.getMessage());
    }

    @Test
    void shouldReportTruncationWhenFileIsShorterThanHeader() throws Exception
    {
        final Path dir = tmp.resolve("stub");
        recordWithMarker(dir, 5, 1);
        final Path file = TraceFiles.queueFile(dir);
        TraceFiles.truncate(file, 1000);
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertEquals(
            "trace " + dir + ": queue file " + file.getFileName() + " is truncated: 1000 bytes, a queue file holds"
                + " at least 65536",
            ex.getMessage());
    }

    @Test
    void shouldNameTheQueueFileWhenItsFirstBytesAreOverwritten() throws Exception
    {
        final Path dir = tmp.resolve("damaged");
        recordWithMarker(dir, 5, 1);
        final Path file = TraceFiles.queueFile(dir);
        overwriteStart(file, 512, 1);
        for (final Runnable read : new Runnable[] {() -> TraceReader.open(dir).close(), () -> TraceSummary.of(dir)})
        {
            final TraceFormatException ex = assertThrows(TraceFormatException.class, read::run);
            assertTrue(ex.getMessage().startsWith("trace " + dir + ": queue file " + file.getFileName()
                + " is damaged: "), ex.getMessage());
            assertFalse(ex.getMessage().contains("java."), "no Java class name: " + ex.getMessage());
        }
    }

    @Test
    void shouldNameTheMetadataFileWhenItIsGarbage() throws Exception
    {
        final Path dir = tmp.resolve("garbage");
        recordWithMarker(dir, 5, 1);
        overwriteStart(dir.resolve(TraceQueues.METADATA_FILE), 512, 2);
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertTrue(ex.getMessage().startsWith("trace " + dir + ": the queue metadata file metadata.cq4t is damaged: "),
            ex.getMessage());
        assertFalse(ex.getMessage().contains("java."), "no Java class name: " + ex.getMessage());
    }

    /** Writes random bytes over the start of a file, as {@code dd if=/dev/urandom conv=notrunc} does. */
    private static void overwriteStart(final Path file, final int bytes, final long seed) throws IOException
    {
        final byte[] garbage = new byte[bytes];
        new java.util.Random(seed).nextBytes(garbage);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
            java.nio.file.StandardOpenOption.WRITE))
        {
            ch.write(java.nio.ByteBuffer.wrap(garbage), 0);
        }
    }

    @Test
    void shouldRejectDirectoryWhenItIsNotATrace() throws IOException
    {
        final Path missing = tmp.resolve("missing");
        assertEquals("trace " + missing + ": no such directory",
            assertThrows(TraceFormatException.class, () -> TraceReader.open(missing)).getMessage());

        final Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals("trace " + empty + ": not a trace: expected Chronicle queue files (*.cq4), found none",
            assertThrows(TraceFormatException.class, () -> TraceReader.open(empty)).getMessage());

        final Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertTrue(assertThrows(TraceFormatException.class, () -> TraceReader.open(file)).getMessage()
            .contains("not a directory"));
    }

    @Test
    void shouldRejectQueueWhenFirstRecordIsNotATraceHeader()
    {
        final Path dir = tmp.resolve("other");
        try (SingleChronicleQueue queue = TraceQueues.openForWriting(dir);
            var appender = queue.createAppender())
        {
            appender.writeText("some other application's message");
        }
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceReader.open(dir));
        assertTrue(ex.getMessage().startsWith("trace " + dir + ": not a spikeprune trace"), ex.getMessage());
    }

    @Test
    void shouldReadEveryCommittedRecordAndReportIncompleteWhenCopiedWhileRecording() throws Exception
    {
        final Path dir = tmp.resolve("live");
        final Path snapshot = tmp.resolve("snapshot");
        final SyntheticRun run = new SyntheticRun(3);
        final long committed;
        try (TraceRecorder recorder = TraceRecorder.start(dir, TraceRecorderTest.header()))
        {
            for (int i = 0; i < 300; i++)
            {
                run.emitImage(recorder);
            }
            while (recorder.committedRecords() < 300)
            {
                Thread.sleep(1);
            }
            committed = recorder.committedRecords();
            TraceFiles.copy(dir, snapshot);
            recorder.finish("");
        }
        final TraceSummary summary = TraceSummary.of(snapshot);
        assertFalse(summary.complete());
        assertNull(summary.end());
        assertTrue(summary.completeness().startsWith("no: no END record"), summary.completeness());
        assertTrue(summary.eventRecords() >= committed, summary.eventRecords() + " < " + committed);

        final DigestSink expected = new DigestSink(summary);
        final SyntheticRun again = new SyntheticRun(3);
        while (!expected.full())
        {
            again.emitImage(expected);
        }
        try (TraceReader reader = TraceReader.open(snapshot))
        {
            final DigestSink read = new DigestSink();
            reader.read(read);
            assertEquals(expected.hash(), read.hash());
            assertFalse(reader.isComplete());
            assertTrue(reader.isFinished());
        }
    }

    static long writePosition(final Path dir)
    {
        try (SingleChronicleQueue queue = TraceQueues.openForReading(dir))
        {
            final SingleChronicleQueueStore store = queue.storeForCycle(queue.lastCycle(), queue.epoch(), false, null);
            try
            {
                return store.writePosition();
            }
            finally
            {
                queue.closeStore(store);
            }
        }
    }

    /** Forwards to a sink and counts the calls. */
    static final class CountingSink implements TraceSink
    {
        private final TraceSink next;
        private final long[] count;

        CountingSink(final TraceSink next, final long[] count)
        {
            this.next = next;
            this.count = count;
        }

        @Override
        public void onInputSpikes(final long tick, final int[] ids, final int offset, final int n)
        {
            count[0]++;
            next.onInputSpikes(tick, ids, offset, n);
        }

        @Override
        public void onOutputSpikes(final long tick, final int[] ids, final int offset, final int n)
        {
            count[0]++;
            next.onOutputSpikes(tick, ids, offset, n);
        }

        @Override
        public void onImageStart(
            final long tick, final int image, final int label, final boolean learning, final int repeat)
        {
            count[0]++;
            next.onImageStart(tick, image, label, learning, repeat);
        }

        @Override
        public void onCoreTick(
            final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
            final long stdpUpdates, final long decrements, final int spikesOut)
        {
            count[0]++;
            next.onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
        }

        @Override
        public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
        {
            count[0]++;
            next.onPrune(tick, evaluations, pruned, groups);
        }

        @Override
        public void onPruneDecision(
            final long tick, final int core, final int pre, final int post, final float weight)
        {
            count[0]++;
            next.onPruneDecision(tick, core, pre, post, weight);
        }

        @Override
        public void onImageEnd(final long tick, final int image, final int spikes)
        {
            count[0]++;
            next.onImageEnd(tick, image, spikes);
        }
    }
}
