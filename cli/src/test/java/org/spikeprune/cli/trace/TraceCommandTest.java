package org.spikeprune.cli.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.CliRun;
import org.spikeprune.cli.Main;
import org.spikeprune.traces.TraceExport;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRecordDescriptor;
import org.spikeprune.traces.TraceRecorder;

class TraceCommandTest
{
    private static final long MARKER = 0x1122_3344_5566_7788L;
    /** The recorded run's digest: 64 lower-case hex digits, as a recording writes it. */
    private static final String DIGEST = TraceHeader.sha256Hex("run-digest-1");

    static
    {
        // The recorder below opens a queue before any command runs; keep the queue library's INFO lines out.
        TraceCommand.quietQueueLogging();
    }

    @TempDir
    Path tmp;

    private Path trace;
    private String out;
    private String err;

    @BeforeEach
    void record()
    {
        trace = tmp.resolve("trace");
        try (TraceRecorder r = TraceRecorder.start(trace, TraceHeader.of("p", 5, "a: 1\n", "spikeprune test")))
        {
            writeImages(r, 0, 50);
            r.finish(DIGEST);
        }
    }

    private static void writeImages(final TraceRecorder r, final int first, final int count)
    {
        for (int image = first; image < first + count; image++)
        {
            final long tick = image * 10L;
            r.onImageStart(tick, image, image % 10, true, 0);
            for (int t = 0; t < 10; t++)
            {
                r.onInputSpikes(tick + t, new int[] {t, t + 1, t + 2}, 0, 3);
                r.onCoreTick(tick + t, 0, 3, 300, 100, 7, 2, 1);
                if (image == 20 && t == 5)
                {
                    r.onPrune(tick + t, MARKER, 1, 1);
                }
            }
            r.onImageEnd(tick + 9, image, 0);
        }
    }

    private int run(final String... args)
    {
        final CliRun r = CliRun.of(args);
        out = r.out;
        err = r.err;
        return r.exit;
    }

    private static Path queueFile(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> cq4 = files.filter(p -> p.toString().endsWith(".cq4")).toList();
            assertEquals(1, cq4.size());
            return cq4.get(0);
        }
    }

    private static long find(final Path file, final long value) throws IOException
    {
        final byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        final byte[] bytes = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + 8 <= bytes.length; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                if (bytes[i + j] != pattern[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void shouldPrintHeaderCountsAndCompletenessWhenInspecting()
    {
        assertEquals(0, run("trace", "inspect", trace.toString()), err);
        assertTrue(out.contains("complete     yes\n"), out);
        assertTrue(out.contains("profile      p\n"), out);
        assertTrue(out.contains("seed         5\n"), out);
        assertTrue(out.contains("run digest   " + DIGEST + "\n"), out);
        assertTrue(out.contains("ticks        0 .. 499\n"), out);
        assertTrue(out.contains("images       50 presentations (50 learning, 0 inference), 50 distinct images\n"), out);
        // per image: IMAGE_START, one INPUT_SPIKES record (10 ticks), one CORE_TICK record (its 10 equal ticks are
        // one row), IMAGE_END; image 20 has a PRUNE record in the middle, before which the spikes and core ticks so
        // far went out as records
        assertTrue(out.contains("records      203 event records, 2101 events\n"), out);
        assertTrue(out.matches("(?s).*  INPUT_SPIKES +51 +1500\n.*"), out);
        assertTrue(out.matches("(?s).*  CORE_TICK +51 +500\n.*"), out);
        assertTrue(out.contains("bytes/event  "), out);
        assertEquals("", err);
    }

    @Test
    void shouldPrintConfigurationWhenAsked()
    {
        assertEquals(0, run("trace", "inspect", "--config", trace.toString()));
        assertEquals("a: 1\n", out);
    }

    @Test
    void shouldReportIncompleteWithExitZeroWhenEndRecordIsMissing() throws Exception
    {
        final Path live = tmp.resolve("live");
        final Path snapshot = tmp.resolve("snapshot");
        try (TraceRecorder r = TraceRecorder.start(live, TraceHeader.of("p", 5, "a: 1\n", "spikeprune test")))
        {
            writeImages(r, 0, 10);
            while (r.committedRecords() < 40)
            {
                Thread.sleep(1);
            }
            Files.createDirectories(snapshot);
            try (Stream<Path> files = Files.list(live))
            {
                for (final Path f : (Iterable<Path>)files::iterator)
                {
                    Files.copy(f, snapshot.resolve(f.getFileName()));
                }
            }
            r.finish("");
        }
        assertEquals(0, run("trace", "inspect", snapshot.toString()), err);
        assertTrue(out.contains("complete     no: no END record"), out);
        assertTrue(out.contains("records      40 event records"), out);

        assertEquals(0, run("trace", "export", snapshot.toString(), "--format", "jsonl"), err);
        // a line per event: the 10 core ticks of an image's CORE_TICK record are 10 lines, its 10 ticks of input 10
        assertEquals(1 + 220, out.split("\n").length);
        assertEquals("spikeprune: note: trace " + snapshot + " is incomplete (no END record); exported what it holds\n",
            err);
    }

    @Test
    void shouldExitTwoWithOneLineWhenFormatVersionDiffers() throws IOException
    {
        final Path file = queueFile(trace);
        final long magic = find(file, TraceRecordDescriptor.MAGIC);
        assertTrue(magic > 0);
        final long record = magic - TraceRecordDescriptor.HEADER_MAGIC_OFFSET;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(header, record + TraceRecordDescriptor.LENGTH_OFFSET);
            final int length = header.getInt(0);
            final ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(bytes, record);
            bytes.putInt(TraceRecordDescriptor.HEADER_VERSION_OFFSET, 99);
            final CRC32C crc = new CRC32C();
            final int from = TraceRecordDescriptor.CHECKED_OFFSET;
            crc.update(bytes.array(), from, length - from);
            bytes.putInt(TraceRecordDescriptor.CHECKSUM_OFFSET, (int)crc.getValue());
            ch.write(bytes.rewind(), record);
        }
        assertEquals(2, run("trace", "inspect", trace.toString()));
        assertEquals("spikeprune: trace " + trace + ": format version 99, this spikeprune reads format version "
            + TraceRecordDescriptor.FORMAT_VERSION + "\n",
            err);
        assertEquals(2, run("trace", "export", trace.toString()));
        assertEquals(1, err.split("\n").length, err);
    }

    @Test
    void shouldExitTwoNamingRecordWhenPayloadByteIsFlipped() throws IOException
    {
        final Path file = queueFile(trace);
        final long at = find(file, MARKER);
        assertTrue(at > 0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(at + 2);
            final int b = raf.read();
            raf.seek(at + 2);
            raf.write(b ^ 0x10);
        }
        assertEquals(2, run("trace", "inspect", trace.toString()));
        // Image 20, tick 5 of it: 20 * 4 records, IMAGE_START, the INPUT_SPIKES and CORE_TICK records of ticks
        // 200..205, then the PRUNE record: 80 + 4 = 84 (header is record 0).
        assertTrue(err.startsWith("spikeprune: trace " + trace + ": record 84 (after tick 205) is corrupt: "
            + "checksum 0x"), err);
        assertTrue(err.endsWith("(its kind field reads 7, its tick field 205)\n"), err);
        assertEquals(1, err.split("\n").length, err);

        assertEquals(2, run("trace", "export", trace.toString(), "--format", "csv"));
        assertTrue(err.contains("record 84"), err);
    }

    @Test
    void shouldExitTwoWhenQueueFileIsTruncated() throws IOException
    {
        final Path file = queueFile(trace);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ch.truncate(40_000);
        }
        assertEquals(2, run("trace", "inspect", trace.toString()));
        assertEquals("spikeprune: trace " + trace + ": queue file " + file.getFileName() + " is truncated: 40000 "
            + "bytes, a queue file holds at least 65536\n", err);
    }

    @Test
    void shouldExitTwoNamingTheFileWhenTheQueueOrItsMetadataIsOverwritten() throws IOException
    {
        final byte[] garbage = new byte[512];
        new java.util.Random(3).nextBytes(garbage);
        final Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (final String name : new String[] {queueFile(trace).getFileName().toString(), "metadata.cq4t"})
        {
            try (Stream<Path> files = Files.list(trace))
            {
                for (final Path f : files.toList())
                {
                    Files.copy(f, copy.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (FileChannel ch = FileChannel.open(copy.resolve(name), StandardOpenOption.WRITE))
            {
                ch.write(ByteBuffer.wrap(garbage), 0);
            }
            final String what = name.equals("metadata.cq4t") ? "the queue metadata file " : "queue file ";
            for (final String[] command : new String[][] {{"trace", "inspect", copy.toString()},
                {"replay", copy.toString()}, {"trace", "diff", trace.toString(), copy.toString()}})
            {
                assertEquals(2, run(command), String.join(" ", command) + ": " + err);
                assertEquals("spikeprune: trace " + copy + ": " + what + name + " is damaged: it does not start with "
                    + "a Chronicle queue header\n", err.replace("\r", ""));
            }
        }
    }

    @Test
    void shouldExitTwoAfterTheSummaryWhenTheTickWorkFileIsDamaged() throws IOException
    {
        final Path file = trace.resolve("tick-work.bin");
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertEquals(2, run("trace", "inspect", trace.toString()));
        assertTrue(out.contains("complete     yes\n"), out);
        assertTrue(out.contains("tick-work    tick-work.bin, " + bytes.length + " bytes, DAMAGED: block "), out);
        assertTrue(err.startsWith("spikeprune: trace " + trace + ": tick-work.bin is damaged: block "), err);
        assertTrue(err.contains("corrupt: checksum"), err);
    }

    @Test
    void shouldCheckAnImportedHeaderAgainstTheKnownProfiles() throws IOException
    {
        final String start = "{\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":0,\"label\":4,\"learning\":true,"
            + "\"repeat\":0}\n";
        final Path file = tmp.resolve("lines.jsonl");
        final Path copy = tmp.resolve("imported");

        // a spikeprune run's configuration (run.profile) names a known profile, the HEADER's
        Files.writeString(file, "{\"kind\":\"HEADER\",\"profile\":\"guo2020-mnist-1000\",\"seed\":1,"
            + "\"config\":\"run.profile=guo2020-mnist-1000\\nnetwork.exc_neurons=100\\n\"}\n" + start);
        assertEquals(2, run("trace", "import", file.toString(), "--out", copy.toString()));
        assertTrue(err.startsWith("spikeprune: " + file + ", line 1: 'profile' \"guo2020-mnist-1000\" is not a known "
            + "profile (known: guo2020-mnist-100, "), err);
        Files.writeString(file, "{\"kind\":\"HEADER\",\"profile\":\"guo2020-mnist-100\",\"seed\":1,"
            + "\"config\":\"run.profile=guo2020-mnist-800\\n\"}\n" + start);
        assertEquals(2, run("trace", "import", file.toString(), "--out", copy.toString()));
        assertTrue(err.contains("line 1: 'profile' \"guo2020-mnist-100\" differs from the configuration's "
            + "run.profile=guo2020-mnist-800"), err);

        // a profile of paper A's has 784 inputs
        Files.writeString(file, "{\"kind\":\"HEADER\",\"profile\":\"guo2020-mnist-100\",\"seed\":1,"
            + "\"config\":\"network.exc_neurons=100\\n\"}\n" + start
            + "{\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[783,784]}\n");
        assertEquals(2, run("trace", "import", file.toString(), "--out", copy.toString()));
        assertTrue(err.contains(file + ", line 3: 'ids[1]' 784 is out of range [0, 783]: the trace has 784 input "
            + "neurons"), err);
        assertTrue(!Files.exists(copy));

        // and numbers its 100 excitatory and 100 inhibitory neurons after them
        Files.writeString(file, "{\"kind\":\"HEADER\",\"profile\":\"guo2020-mnist-100\",\"seed\":1,"
            + "\"config\":\"network.exc_neurons=100\\n\"}\n" + start
            + "{\"kind\":\"OUTPUT_SPIKES\",\"tick\":0,\"ids\":[784,983,99]}\n");
        assertEquals(2, run("trace", "import", file.toString(), "--out", copy.toString()));
        assertTrue(err.contains(file + ", line 3: 'ids[2]' 99 is out of range [784, 983]"), err);

        // another simulator's run may carry any profile name
        Files.writeString(file, "{\"kind\":\"HEADER\",\"profile\":\"other-simulator\",\"seed\":1,"
            + "\"config\":\"network.exc_neurons=100\\n\"}\n" + start
            + "{\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[783,784]}\n");
        assertEquals(0, run("trace", "import", file.toString(), "--out", copy.toString()), err);
    }

    @Test
    void shouldExitTwoWhenDirectoryIsNotATrace() throws IOException
    {
        final Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, run("trace", "inspect", empty.toString()));
        assertEquals(
            "spikeprune: trace " + empty + ": not a trace: expected Chronicle queue files (*.cq4), found none\n", err);
        assertEquals(2, run("trace", "export", tmp.resolve("missing").toString()));
        assertEquals("spikeprune: trace " + tmp.resolve("missing") + ": no such directory\n", err);
    }

    @Test
    void shouldWriteCsvWithRangeWhenExporting() throws IOException
    {
        final Path csv = tmp.resolve("out.csv");
        assertEquals(0, run("trace", "export", trace.toString(), "--from", "10", "--to", "11", "--out", csv.toString()),
            err);
        final List<String> lines = Files.readAllLines(csv);
        assertEquals(TraceExport.CSV_COLUMNS, lines.get(0));
        // Ticks 10 and 11: one IMAGE_START, 2 x 3 spike rows, 2 CORE_TICK rows.
        assertEquals(1 + 1 + 6 + 2, lines.size(), lines.toString());
        assertEquals("", out);

        assertEquals(0, run("trace", "export", trace.toString(), "--format", "jsonl", "--from-image", "49"), err);
        final String[] json = out.split("\n");
        assertEquals(1 + 22 + 1, json.length);
        assertTrue(json[1].startsWith("{\"record\":200,\"kind\":\"IMAGE_START\",\"tick\":490,\"presentation\":49,"),
            json[1]);
        assertTrue(json[json.length - 1].contains("\"status\":\"COMPLETE\""), json[json.length - 1]);
    }

    @Test
    void shouldExitTwoWhenRangeOptionsAreMixedOrFormatIsUnknown()
    {
        assertEquals(2, run("trace", "export", trace.toString(), "--from", "1", "--to-image", "3"));
        assertTrue(err.contains("not both"), err);
        assertEquals(2, run("trace", "export", trace.toString(), "--from", "5", "--to", "4"));
        assertTrue(err.contains("from 5 to 4"), err);
        assertEquals(2, run("trace", "export", trace.toString(), "--format", "xml"));
        assertTrue(err.contains("format must be csv or jsonl, got 'xml'"), err);
    }

    @Test
    void shouldImportAnExportGzippedOrNotIntoATraceThatExportsTheSame() throws IOException
    {
        assertEquals(0, run("trace", "export", trace.toString(), "--format", "jsonl"), err);
        final String original = out;
        final Path gz = tmp.resolve("trace.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz)))
        {
            o.write(original.getBytes(StandardCharsets.UTF_8));
        }
        final Path copy = tmp.resolve("copy");
        assertEquals(0, run("trace", "import", gz.toString(), "--out", copy.toString()), err);
        assertTrue(out.startsWith("imported 1101 events from " + gz + " into " + copy), out);
        assertTrue(out.contains("1,500 input spikes, 0 output spikes, 500 core ticks; complete, run digest "
            + DIGEST.substring(0, 16)), out);
        assertEquals("", err);
        assertEquals(0, run("trace", "export", copy.toString(), "--format", "jsonl"), err);
        assertEquals(original, out, "the imported trace exports the same lines");
        assertEquals(0, run("trace", "inspect", copy.toString()), err);
        assertTrue(out.contains("complete"), out);

        // a range of it: its END line still counts the whole run
        assertEquals(0, run("trace", "export", trace.toString(), "--format", "jsonl", "--from-image", "40"), err);
        final Path range = tmp.resolve("range.jsonl");
        Files.writeString(range, out);
        final Path part = tmp.resolve("part");
        assertEquals(2, run("trace", "import", range.toString(), "--out", part.toString()));
        assertTrue(err.startsWith("spikeprune: " + range + ", line 222: the END line counts 1500 input and 0 output "
            + "spikes, the lines before it hold 300 and 0"), err);
        assertTrue(!Files.exists(part));
        assertEquals(0, run("trace", "import", range.toString(), "--out", part.toString(), "--edited"), err);
        assertTrue(out.contains("300 input spikes") && out.contains("complete, no run digest"), out);
        assertTrue(err.contains("note: " + range + ": the END line counts 1500 input"), err);
    }

    @Test
    void shouldExitTwoNamingTheFileOnUnreadableInput() throws IOException
    {
        final Path copy = tmp.resolve("copy");
        assertEquals(2, run("trace", "import", tmp.resolve("none.jsonl").toString(), "--out", copy.toString()));
        assertEquals("spikeprune: " + tmp.resolve("none.jsonl") + ": no such file\n", err.replace("\r", ""));

        final Path latin = tmp.resolve("latin.jsonl");
        Files.write(latin, "{\"kind\":\"HEADER\",\"profile\":\"caf\u00e9\",\"seed\":1,\"config\":\"\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(2, run("trace", "import", latin.toString(), "--out", copy.toString()));
        assertTrue(err.contains(latin + ", line 1: not UTF-8 text"), err);

        assertEquals(0, run("trace", "export", trace.toString(), "--format", "jsonl"), err);
        final ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(packed))
        {
            o.write(out.getBytes(StandardCharsets.UTF_8));
        }
        final Path cut = tmp.resolve("cut.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(packed.toByteArray(), packed.size() / 2));
        assertEquals(2, run("trace", "import", cut.toString(), "--out", copy.toString()));
        assertTrue(err.contains(cut + ", line ") && err.contains("the compressed data is damaged or truncated"), err);
        assertTrue(!Files.exists(copy), "nothing left behind");
        try (Stream<Path> left = Files.list(tmp))
        {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".importing")));
        }

        Files.createDirectories(copy);
        Files.writeString(copy.resolve("notes.txt"), "keep");
        final Path good = tmp.resolve("good.jsonl");
        Files.writeString(good, out);
        assertEquals(2, run("trace", "import", good.toString(), "--out", copy.toString()));
        assertTrue(err.contains("the folder is not empty"), err);
        assertEquals("keep", Files.readString(copy.resolve("notes.txt")));
    }

    @Test
    void shouldRetimeATraceWrittenByHandWithOnlyTheLayerSizeInItsConfiguration() throws IOException
    {
        final StringBuilder lines = new StringBuilder();
        lines.append("{\"kind\":\"HEADER\",\"profile\":\"other-simulator\",\"seed\":3,"
            + "\"config\":\"network.exc_neurons=4\\n\"}\n");
        long tick = 0;
        for (int image = 0; image < 4; image++)
        {
            final boolean learning = image < 2;
            lines.append("{\"kind\":\"IMAGE_START\",\"tick\":").append(tick).append(",\"image\":").append(image)
                .append(",\"label\":1,\"learning\":").append(learning).append(",\"repeat\":0}\n");
            for (int t = 0; t < 5; t++, tick++)
            {
                lines.append("{\"kind\":\"INPUT_SPIKES\",\"tick\":").append(tick).append(",\"ids\":[3,9]}\n");
                lines.append("{\"kind\":\"CORE_TICK\",\"tick\":").append(tick).append(",\"core\":0,\"spikes_in\":2,"
                    + "\"synaptic_ops\":8,\"neuron_updates\":4,\"stdp_updates\":").append(learning ? 8 : 0)
                    .append(",\"decrements\":0,\"spikes_out\":0}\n");
            }
            lines.append("{\"kind\":\"IMAGE_END\",\"tick\":").append(tick - 1).append(",\"image\":").append(image)
                .append(",\"spikes\":0}\n");
        }
        lines.append("{\"kind\":\"END\",\"tick\":").append(tick - 1).append(",\"status\":\"COMPLETE\","
            + "\"event_records\":0,\"input_spikes\":40,\"output_spikes\":0,\"run_digest\":\"\"}\n");
        final Path file = tmp.resolve("hand.jsonl");
        Files.writeString(file, lines);
        final Path hand = tmp.resolve("hand");
        assertEquals(0, run("trace", "import", file.toString(), "--out", hand.toString()), err);
        assertTrue(out.contains("40 input spikes, 0 output spikes, 20 core ticks; complete, no run digest"), out);
        assertEquals(0, run("replay", hand.toString(), "--hw", "zedboard"), err);
        assertTrue(out.contains("hw.cycles.train_per_image = ") && out.contains("hw.cycles.infer_per_image = "), out);
        assertTrue(!out.contains("incomplete"), out);

        // without the layer size the hardware model cannot time it
        final Path bare = tmp.resolve("bare");
        Files.writeString(file, lines.toString().replace("network.exc_neurons=4", "layer=4"));
        assertEquals(0, run("trace", "import", file.toString(), "--out", bare.toString()), err);
        assertEquals(2, run("replay", bare.toString(), "--hw", "zedboard"));
        assertTrue(err.contains("the trace's configuration has no network.exc_neurons line"), err);
    }

    /** A .npy file of this export: its header dictionary and its int64 data. */
    private static long[] npyLongs(final Path file, final StringBuilder header) throws IOException
    {
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((byte)0x93, b.get(0));
        final int length = b.getShort(8) & 0xffff;
        header.append(new String(b.array(), 10, length, StandardCharsets.US_ASCII).trim());
        assertEquals(0, (10 + length) % 64, "the data starts at a multiple of 64 bytes");
        b.position(10 + length);
        final long[] out = new long[b.remaining() / 8];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = b.getLong();
        }
        return out;
    }

    @Test
    void shouldExportEveryKindOfEventAsNumPyArrays() throws IOException
    {
        final Path npy = tmp.resolve("npy");
        assertEquals(0, run("trace", "export", trace.toString(), "--format", "npy", "--out", npy.toString()), err);
        assertTrue(out.contains("input_spikes.npy       1,500 rows") && out.contains("core_ticks.npy         500 rows")
            && out.contains("presentations.npy      50 rows") && out.contains("prune_passes.npy       1 rows"), out);

        StringBuilder h = new StringBuilder();
        final long[] input = npyLongs(npy.resolve("input_spikes.npy"), h);
        assertEquals("{'descr': '<i8', 'fortran_order': False, 'shape': (1500, 2), }", h.toString());
        // image 0, tick 1: ids 1, 2, 3
        assertEquals(List.of(1L, 1L, 1L, 2L, 1L, 3L), java.util.Arrays.stream(input, 6, 12).boxed().toList());

        h = new StringBuilder();
        final long[] images = npyLongs(npy.resolve("presentations.npy"), h);
        assertTrue(h.toString().contains("'shape': (50, 7)"), h.toString());
        // start_tick, end_tick, image, label, learning, repeat, spikes of image 23
        assertEquals(List.of(230L, 239L, 23L, 3L, 1L, 0L, 0L), java.util.Arrays.stream(images, 23 * 7, 24 * 7).boxed()
            .toList());

        h = new StringBuilder();
        final long[] prunes = npyLongs(npy.resolve("prune_passes.npy"), h);
        assertEquals(List.of(205L, MARKER, 1L, 1L), java.util.Arrays.stream(prunes).boxed().toList());

        final String manifest = Files.readString(npy.resolve("manifest.json"));
        assertTrue(manifest.contains("\"columns\" : [ \"tick\", \"core\", \"spikes_in\""), manifest);
        assertTrue(manifest.contains("\"run_digest\" : \"" + DIGEST + "\""), manifest);
        assertEquals("a: 1\n", Files.readString(npy.resolve("config.txt")));

        // a range: the last image only
        final Path last = tmp.resolve("last");
        assertEquals(0, run("trace", "export", trace.toString(), "--format", "npy", "--from-image", "49", "--out",
            last.toString()), err);
        h = new StringBuilder();
        assertEquals(List.of(490L, 499L, 49L, 9L, 1L, 0L, 0L), java.util.Arrays.stream(
            npyLongs(last.resolve("presentations.npy"), h)).boxed().toList());

        assertEquals(2, run("trace", "export", trace.toString(), "--format", "npy"));
        assertTrue(err.contains("give it with --out DIR"), err);
        final Path file = tmp.resolve("file.txt");
        Files.writeString(file, "x");
        assertEquals(2, run("trace", "export", trace.toString(), "--format", "npy", "--out", file.toString()));
        assertTrue(err.contains("is a file"), err);
        assertEquals("x", Files.readString(file));
    }
}
