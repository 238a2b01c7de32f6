package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceExportTest
{
    @TempDir
    Path tmp;

    private Path dir;
    private long committedBytes;

    @BeforeEach
    void record()
    {
        dir = tmp.resolve("trace");
        try (TraceRecorder r = TraceRecorder.start(dir, TraceRecorderTest.header()))
        {
            r.onPrune(0, 10, 0, 0);
            r.onImageStart(0, 5, 3, true, 0);
            r.onInputSpikes(0, new int[] {1, 2, 3}, 0, 3);
            r.onCoreTick(0, 1, 3, 300, 100, 7, 2, 1);
            r.onOutputSpikes(1, new int[] {9}, 0, 1);
            r.onImageEnd(1, 5, 1);
            r.onImageStart(2, 6, 4, false, 1);
            r.onInputSpikes(2, new int[] {4}, 0, 1);
            r.onPrune(3, 78_400, 12, 2);
            r.onPruneDecision(3, 0, 77, 8, 0.5f);
            r.onImageEnd(3, 6, 0);
            r.finish("run-digest");
            committedBytes = r.committedBytes();
        }
    }

    @Test
    void shouldCountThePassesThatRestartTheClockWhenSummarising()
    {
        final Path passes = tmp.resolve("passes");
        try (TraceRecorder r = TraceRecorder.start(passes, TraceRecorderTest.header()))
        {
            // a training pass up to tick 2999, then two evaluation passes that each start again at tick 0
            for (final long start : new long[] {0, 1000, 2000, 0, 1000, 0})
            {
                r.onImageStart(start, 1, 2, start >= 1000, 0);
                r.onCoreTick(start + 999, 0, 0, 0, 100, 0, 0, 0);
                r.onImageEnd(start + 999, 1, 7);
            }
            r.finish("d");
        }
        final TraceSummary s = TraceSummary.of(passes);
        assertEquals(0, s.firstTick());
        assertEquals(999, s.lastTick());
        assertEquals(2999, s.maxTick());
        assertEquals(2, s.clockRestarts());
    }

    private List<String> export(final TraceRange range, final TraceExport.Format format)
    {
        final StringBuilder out = new StringBuilder();
        try (TraceReader reader = TraceReader.open(dir))
        {
            TraceExport.write(reader, range, format, out);
        }
        return Arrays.asList(out.toString().split("\n"));
    }

    private static Map<String, String> row(final String header, final String line)
    {
        final String[] names = header.split(",", -1);
        final String[] values = line.split(",", -1);
        assertEquals(names.length, values.length, "columns of: " + line);
        final Map<String, String> m = new HashMap<>();
        for (int i = 0; i < names.length; i++)
        {
            m.put(names[i], values[i]);
        }
        return m;
    }

    @Test
    void shouldWriteOneRowPerEventWithValuesUnderTheirColumnsWhenCsv()
    {
        final List<String> lines = export(TraceRange.all(), TraceExport.Format.CSV);
        assertEquals(TraceExport.CSV_COLUMNS, lines.get(0));
        assertEquals(1 + 13, lines.size(), "header row, 4 spike rows and 9 other records: " + lines);
        final String h = lines.get(0);

        final Map<String, String> prune = row(h, lines.get(1));
        assertEquals("PRUNE", prune.get("kind"));
        assertEquals("", prune.get("presentation"));
        assertEquals("10", prune.get("evaluations"));

        final Map<String, String> start = row(h, lines.get(2));
        assertEquals("IMAGE_START", start.get("kind"));
        assertEquals("0", start.get("presentation"));
        assertEquals("5", start.get("image"));
        assertEquals("3", start.get("label"));
        assertEquals("true", start.get("learning"));
        assertEquals("0", start.get("repeat"));

        assertEquals("1", row(h, lines.get(3)).get("id"));
        assertEquals("3", row(h, lines.get(5)).get("id"));
        assertEquals("3", row(h, lines.get(5)).get("record"));

        // core ticks are written after the spikes of their ticks, before the next image record
        final Map<String, String> core = row(h, lines.get(7));
        assertEquals("CORE_TICK", core.get("kind"));
        assertEquals("1", core.get("core"));
        assertEquals("3", core.get("spikes_in"));
        assertEquals("300", core.get("synaptic_ops"));
        assertEquals("100", core.get("neuron_updates"));
        assertEquals("7", core.get("stdp_updates"));
        assertEquals("2", core.get("decrements"));
        assertEquals("1", core.get("spikes_out"));
        assertEquals("", core.get("id"));

        assertEquals("9", row(h, lines.get(6)).get("id"));
        assertEquals("OUTPUT_SPIKES", row(h, lines.get(6)).get("kind"));

        final Map<String, String> end = row(h, lines.get(8));
        assertEquals("IMAGE_END", end.get("kind"));
        assertEquals("5", end.get("image"));
        assertEquals("1", end.get("spikes"));

        final Map<String, String> prune2 = row(h, lines.get(11));
        assertEquals("78400", prune2.get("evaluations"));
        assertEquals("12", prune2.get("pruned"));
        assertEquals("2", prune2.get("groups"));
        assertEquals("1", prune2.get("presentation"));

        final Map<String, String> cut = row(h, lines.get(12));
        assertEquals("PRUNE_DECISION", cut.get("kind"));
        assertEquals("0", cut.get("core"));
        assertEquals("77", cut.get("pre"));
        assertEquals("8", cut.get("post"));
        assertEquals("0.5", cut.get("weight"));
        for (final String line : lines)
        {
            row(h, line);
        }
    }

    @Test
    void shouldWriteHeaderRecordsAndEndWhenJsonl()
    {
        final List<String> lines = export(TraceRange.all(), TraceExport.Format.JSONL);
        assertEquals(1 + 11 + 1, lines.size());
        assertTrue(lines.get(0).startsWith("{\"record\":0,\"kind\":\"HEADER\",\"format_version\":"
            + TraceRecordDescriptor.FORMAT_VERSION + ","
            + "\"profile\":\"test-profile\",\"seed\":" + TraceRecorderTest.SEED), lines.get(0));
        assertTrue(lines.get(0).endsWith(",\"config\":\"profile: test\\nneurons: 100\\nseed: 42\\n\"}"), lines.get(0));
        assertEquals("{\"record\":3,\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"presentation\":0,\"ids\":[1,2,3]}",
            lines.get(3));
        assertEquals("{\"record\":5,\"kind\":\"CORE_TICK\",\"tick\":0,\"presentation\":0,\"core\":1,\"spikes_in\":3,"
            + "\"synaptic_ops\":300,\"neuron_updates\":100,\"stdp_updates\":7,\"decrements\":2,\"spikes_out\":1}",
            lines.get(5));
        assertEquals("{\"record\":12,\"kind\":\"END\",\"tick\":3,\"status\":\"COMPLETE\",\"event_records\":11,"
            + "\"input_spikes\":4,\"output_spikes\":1,\"run_digest\":\"run-digest\"}", lines.get(12));
    }

    @Test
    void shouldKeepOnlyRecordsInRangeWhenRangeGiven()
    {
        final List<String> ticks = export(TraceRange.ticks(1, 2), TraceExport.Format.JSONL);
        assertEquals(1 + 4, ticks.size(), "header, then the records of ticks 1 and 2, no END: " + ticks);
        for (final String line : ticks.subList(1, ticks.size()))
        {
            assertTrue(line.contains("\"tick\":1,") || line.contains("\"tick\":2,"), line);
        }

        final List<String> second = export(TraceRange.presentations(1, 1), TraceExport.Format.CSV);
        assertEquals(1 + 5, second.size(), "header row and presentation 1's records: " + second);
        for (final String line : second.subList(1, second.size()))
        {
            assertEquals("1", row(second.get(0), line).get("presentation"));
        }
    }

    @Test
    void shouldRejectRangeWhenFromIsAfterTo()
    {
        assertThrows(IllegalArgumentException.class, () -> TraceRange.ticks(5, 4));
        assertThrows(IllegalArgumentException.class, () -> TraceRange.presentations(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> TraceExport.Format.parse("xml"));
        assertEquals(TraceExport.Format.JSONL, TraceExport.Format.parse("JsonL"));
    }

    @Test
    void shouldCountKindsTicksImagesAndBytesWhenSummarising()
    {
        final TraceSummary s = TraceSummary.of(dir);
        assertTrue(s.complete());
        assertEquals("yes", s.completeness());
        assertEquals(11, s.eventRecords());
        assertEquals(2, s.records(TraceRecordKind.INPUT_SPIKES));
        assertEquals(4, s.events(TraceRecordKind.INPUT_SPIKES));
        assertEquals(1, s.events(TraceRecordKind.OUTPUT_SPIKES));
        assertEquals(2, s.records(TraceRecordKind.PRUNE));
        assertEquals(1, s.records(TraceRecordKind.CORE_TICK));
        assertEquals(1, s.records(TraceRecordKind.PRUNE_DECISION));
        assertEquals(11 - 3 + 5, s.events());
        assertEquals(0, s.firstTick());
        assertEquals(3, s.lastTick());
        assertEquals(3, s.maxTick());
        assertEquals(0, s.clockRestarts());
        assertEquals(2, s.presentations());
        assertEquals(1, s.learningPresentations());
        assertEquals(2, s.distinctImages());
        assertEquals(1, s.queueFiles());
        assertTrue(s.fileBytes() >= s.recordBytes());
        // Record lengths, then a 4-byte queue header per document (the blocks, the header's and the END's).
        // (a spike record of one tick: 32 + 8 + 4 bytes per id; the core tick (0, 1, 3, 300, 100, 7, 2, 1): 36 bytes,
        // then its row of varints 0, 1, 1, 3, 300 (2 bytes), 100, 7, 2, 1 (10 bytes), padded to 48)
        final long records = 44 + 36 + 52 + 48 + 44 + 32 + 36 + 44 + 44 + 40 + 32
            + TraceRecordDescriptor.endLength("run-digest".length()) + TraceCodec.encodeHeader(s.header(), 1).length;
        assertTrue(s.documents() >= 3 && s.documents() <= 13, "documents: " + s.documents());
        final long expectedBytes = records + 4 * s.documents();
        assertEquals(expectedBytes, s.recordBytes());
        assertEquals(expectedBytes, committedBytes, "what the recorder counted as written");
        assertEquals((double)expectedBytes / 13, s.bytesPerEvent(), 1e-9);
    }
}
