package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceImportTest
{
    /** A run digest as recordings write it: 64 lower-case hex digits. */
    static final String DIGEST = TraceHeader.sha256Hex("run-digest");
    /** A header whose configuration sets 100 excitatory neurons on 2 cores. */
    private static final String HEADER_100_ON_2 = "{\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,"
        + "\"config\":\"network.exc_neurons=100\\nrun.cores=2\\n\"}\n";

    @TempDir
    Path tmp;

    /** Every kind of record, two images, a learning and a testing one, a prune pass with a decision. */
    private Path recordSample(final String name)
    {
        final Path dir = tmp.resolve(name);
        try (TraceRecorder r = TraceRecorder.start(dir, TraceRecorderTest.header()))
        {
            r.onPrune(0, 10, 0, 0);
            r.onImageStart(0, 5, 3, true, 0);
            r.onInputSpikes(0, new int[] {1, 2, 3}, 0, 3);
            r.onCoreTick(0, 1, 3, 300, 100, 7, 2, 1);
            r.onCoreTick(1, 1, 3, 300, 100, 7, 2, 1);
            r.onOutputSpikes(1, new int[] {9}, 0, 1);
            r.onImageEnd(1, 5, 1);
            r.onImageStart(2, 6, 9, false, 1);
            r.onInputSpikes(2, new int[] {4}, 0, 1);
            r.onPrune(3, 78_400, 12, 2);
            r.onPruneDecision(3, 0, 77, 8, 0.1f);
            r.onPruneDecision(3, 1, 78, 9, Float.NaN);
            r.onImageEnd(3, 6, 0);
            r.finish(DIGEST);
        }
        return dir;
    }

    /** A synthetic run of some images, finished with digest "d". */
    private Path recordSynthetic(final String name, final long seed, final int images)
    {
        final Path dir = tmp.resolve(name);
        final SyntheticRun run = new SyntheticRun(seed);
        try (TraceRecorder r = TraceRecorder.start(dir, TraceRecorderTest.header()))
        {
            for (int i = 0; i < images; i++)
            {
                run.emitImage(r);
            }
            r.finish(DIGEST);
        }
        return dir;
    }

    private static String export(final Path dir)
    {
        final StringBuilder out = new StringBuilder();
        try (TraceReader reader = TraceReader.open(dir))
        {
            TraceExport.write(reader, TraceRange.all(), TraceExport.Format.JSONL, out);
        }
        return out.toString();
    }

    private TraceImport.Result importText(final String text, final Path dir, final boolean edited)
    {
        return TraceImport.read(new BufferedReader(new StringReader(text)), "trace.jsonl", dir,
            new TraceImport.Options(edited, new TraceRecorder.Context()));
    }

    /**
     * Imports knowing paper A's 784 inputs and, for 100 excitatory neurons, its output ids 784 to 983, as the command
     * line knows them for its profiles.
     */
    private TraceImport.Result importWith784Inputs(final String text, final Path dir)
    {
        return TraceImport.read(new BufferedReader(new StringReader(text)), "trace.jsonl", dir,
            new TraceImport.Options(false, new TraceRecorder.Context(),
                (profile, config) -> TraceImport.configLimits(config).or(new TraceImport.Limits(784, 0, 984, 0, 0))));
    }

    /** Asserts that importing the text is refused with the message, naming the line, and that nothing is left. */
    private void assertRefused(final String text, final int line, final String message)
    {
        final Path copy = tmp.resolve("refused");
        final TraceFormatException ex = assertThrows(TraceFormatException.class,
            () -> importWith784Inputs(text, copy));
        assertTrue(ex.getMessage().startsWith("trace.jsonl, line " + line + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
        assertFalse(ex.getMessage().contains("java."), "no Java class name: " + ex.getMessage());
        assertFalse(Files.exists(copy), "nothing written");
        assertNoStagingLeft();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "input id of no input | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[1,784]} | 'ids[1]' 784 is out of range [0, 783]: the trace has 784 input neurons",
        "output id of no neuron | {\"kind\":\"OUTPUT_SPIKES\",\"tick\":0,\"ids\":[784,984]} | 'ids[1]' 984 is out of range [784, 983]: the trace has 200 neuron ids after 784 inputs",
        "output id of an input | {\"kind\":\"OUTPUT_SPIKES\",\"tick\":0,\"ids\":[5]} | 'ids[0]' 5 is out of range [784, 983]",
        "negative image | {\"kind\":\"IMAGE_END\",\"tick\":0,\"image\":-1,\"spikes\":0} | 'image' -1 is out of range [0, 2147483647]",
        "label 10 | {\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":1,\"label\":10,\"learning\":true,\"repeat\":0} | 'label' 10 is out of range [0, 9]",
        "negative label | {\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":1,\"label\":-1,\"learning\":true,\"repeat\":0} | 'label' -1 is out of range",
        "core of no core | {\"kind\":\"CORE_TICK\",\"tick\":0,\"core\":2,\"spikes_in\":0,\"synaptic_ops\":0,\"neuron_updates\":0,\"stdp_updates\":0,\"decrements\":0,\"spikes_out\":0} | 'core' 2 is out of range [0, 1]: the trace has 2 cores",
        "cut synapse of no neuron | {\"kind\":\"PRUNE_DECISION\",\"tick\":0,\"core\":0,\"pre\":1,\"post\":100,\"weight\":0.5} | 'post' 100 is out of range [0, 99]",
        "cut synapse of no input | {\"kind\":\"PRUNE_DECISION\",\"tick\":0,\"core\":0,\"pre\":784,\"post\":1,\"weight\":0.5} | 'pre' 784 is out of range [0, 783]",
        "short digest | {\"kind\":\"END\",\"tick\":0,\"status\":\"COMPLETE\",\"event_records\":1,\"input_spikes\":0,\"output_spikes\":0,\"run_digest\":\"55728bba5328210e\"} | 'run_digest' \"55728bba5328210e\" is not a run digest: 64 lower-case hex digits",
        "digest not hex | {\"kind\":\"END\",\"tick\":0,\"status\":\"COMPLETE\",\"event_records\":1,\"input_spikes\":0,\"output_spikes\":0,\"run_digest\":\"run-digest\"} | 'run_digest' \"run-digest\" is not a run digest",
    })
    void shouldRefuseAnEventOutsideTheNetworkTheHeaderDescribes(final String what, final String json,
        final String message)
    {
        final String text = HEADER_100_ON_2
            + "{\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":0,\"label\":4,\"learning\":true,\"repeat\":0}\n"
            + json + "\n";
        assertRefused(text, 3, message);
    }

    @Test
    void shouldBoundCoresAndLabelsWhenTheConfigurationDoesNotSay()
    {
        final String header = "{\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"\"}\n";
        final String core = "{\"kind\":\"CORE_TICK\",\"tick\":0,\"core\":%d,\"spikes_in\":0,\"synaptic_ops\":0,"
            + "\"neuron_updates\":0,\"stdp_updates\":0,\"decrements\":0,\"spikes_out\":0}\n";
        assertRefused(header + String.format(core, 65_536), 2, "'core' 65536 is out of range [0, 65535]");
        assertRefused(header + "{\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":0,\"label\":10,\"learning\":true,"
            + "\"repeat\":0}\n", 2, "'label' 10 is out of range [0, 9]");
        final TraceImport.Result r = importText(header + String.format(core, 65_535)
            + "{\"kind\":\"OUTPUT_SPIKES\",\"tick\":0,\"ids\":[5000]}\n", tmp.resolve("ok"), true);
        assertEquals(1, r.coreTicks());
        assertEquals(1, r.outputSpikes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NaN | exc.tau_m_ms=NaN | 'config' key exc.tau_m_ms is NaN: a numeric value must be a finite number",
        "minus infinity | exc.v_rest_mv=-Infinity | 'config' key exc.v_rest_mv is -Infinity",
        "inf | stdp.w_max = inf | 'config' key stdp.w_max is inf",
        "overflow | norm.total=1e999 | 'config' key norm.total is 1e999",
        "cores not a number | run.cores=two | 'config' key run.cores is \"two\": expected a positive integer",
        "no neurons | network.exc_neurons=0 | 'config' key network.exc_neurons is \"0\": expected a positive integer",
    })
    void shouldRefuseAConfigurationValueNoRunCanUse(final String what, final String entry, final String message)
    {
        final String text = "{\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"data.set=mnist\\n"
            + entry + "\\nexc.tau_theta_ms=1e7\\n\"}\n";
        assertRefused(text, 1, message);
    }

    @Test
    void shouldRefuseTicksThatGoBackWithinAStreamNamingBothLines()
    {
        final String core = "{\"kind\":\"CORE_TICK\",\"tick\":%d,\"core\":%d,\"spikes_in\":1,\"synaptic_ops\":%d,"
            + "\"neuron_updates\":100,\"stdp_updates\":0,\"decrements\":0,\"spikes_out\":0}\n";
        final String start = "{\"kind\":\"IMAGE_START\",\"tick\":%d,\"image\":0,\"label\":4,\"learning\":true,"
            + "\"repeat\":0}\n";
        final StringBuilder pass = new StringBuilder();
        for (int t = 0; t < 6; t++)
        {
            pass.append(String.format(core, t, 0, 100 + t)).append(String.format(core, t, 1, 100 + t));
        }
        final String[] lines = (HEADER_100_ON_2 + String.format(start, 0) + pass).split("\n");
        // two adjacent lines swapped (lines 10 and 11): core 0's work at tick 4 before core 1's at tick 3, which
        // the recorder packed into a CORE_TICK record that did not decode
        final String first = lines[9];
        lines[9] = lines[10];
        lines[10] = first;
        assertRefused(String.join("\n", lines) + "\n", 11,
            "'tick' 3 goes back from tick 4 of the CORE_TICK line 10: CORE_TICK lines must be in tick order");

        assertRefused(HEADER_100_ON_2 + String.format(start, 0) + "{\"kind\":\"INPUT_SPIKES\",\"tick\":5,\"ids\":[1]}\n"
            + "{\"kind\":\"INPUT_SPIKES\",\"tick\":4,\"ids\":[2]}\n", 4, "'tick' 4 goes back from tick 5 of the "
            + "INPUT_SPIKES line 3");
        assertRefused(HEADER_100_ON_2 + String.format(start, 9) + "{\"kind\":\"IMAGE_END\",\"tick\":8,\"image\":0,"
            + "\"spikes\":0}\n", 3, "'tick' 8 goes back from tick 9 of the IMAGE_START line 2: image and prune lines");

        // a new pass starts its clock at tick 0 again, at an IMAGE_START
        final TraceImport.Result r = importText(HEADER_100_ON_2 + String.format(start, 0) + pass
            + "{\"kind\":\"IMAGE_END\",\"tick\":5,\"image\":0,\"spikes\":0}\n" + String.format(start, 0) + pass,
            tmp.resolve("two-passes"), true);
        assertEquals(24, r.coreTicks());
        final TraceSummary summary = TraceSummary.of(tmp.resolve("two-passes"));
        assertEquals(2, summary.presentations());
        assertEquals(24, summary.events(TraceRecordKind.CORE_TICK));
    }

    @Test
    void shouldRefuseWhatTheHeaderCheckRefusesNamingTheHeaderLine()
    {
        final String text = "\n{\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"\"}\n";
        final TraceFormatException ex = assertThrows(TraceFormatException.class, () -> TraceImport.read(
            new BufferedReader(new StringReader(text)), "trace.jsonl", tmp.resolve("copy"),
            new TraceImport.Options(false, new TraceRecorder.Context(), (profile, config) ->
            {
                throw new IllegalArgumentException("'profile' \"" + profile + "\" is not a known profile");
            })));
        assertEquals("trace.jsonl, line 2: 'profile' \"p\" is not a known profile", ex.getMessage());
    }

    @Test
    void shouldRebuildATraceThatExportsToTheSameLines()
    {
        final String text = export(recordSample("original"));
        final Path copy = tmp.resolve("copy");
        final TraceImport.Result r = importText(text, copy, false);

        assertEquals(text, export(copy), "export, import, export gives the same lines");
        assertEquals(TraceStatus.COMPLETE, r.status());
        assertEquals(DIGEST, r.runDigest());
        assertEquals(4, r.inputSpikes());
        assertEquals(1, r.outputSpikes());
        assertEquals(2, r.coreTicks());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        try (TraceReader a = TraceReader.open(copy))
        {
            assertEquals(TraceRecorderTest.header().configText(), a.header().configText());
            assertEquals(TraceRecorderTest.header().seed(), a.header().seed());
            assertTrue(a.isComplete() || drain(a));
        }
        assertFalse(Files.exists(tmp.resolve(".copy.importing")), "the staging folder is gone");
    }

    private static boolean drain(final TraceReader r)
    {
        while (r.next())
        {
            // to the end
        }
        return r.isComplete();
    }

    @Test
    void shouldRebuildALongSyntheticRunEventForEvent() throws IOException
    {
        final Path dir = recordSynthetic("synthetic", 42, 300);
        final Path jsonl = tmp.resolve("synthetic.jsonl");
        Files.writeString(jsonl, export(dir));
        final Path copy = tmp.resolve("synthetic-copy");
        try (BufferedReader in = Files.newBufferedReader(jsonl))
        {
            TraceImport.read(in, jsonl.getFileName().toString(), copy, TraceImport.Options.defaults());
        }
        final RecordingSink a = new RecordingSink();
        final RecordingSink b = new RecordingSink();
        try (TraceReader x = TraceReader.open(dir); TraceReader y = TraceReader.open(copy))
        {
            x.read(a);
            y.read(b);
            assertEquals(x.inputSpikes(), y.inputSpikes());
            assertEquals(x.outputSpikes(), y.outputSpikes());
            assertEquals(x.coreTicks(), y.coreTicks());
            assertTrue(y.isComplete());
        }
        assertEquals(a.lines, b.lines, "the same events in the same order");
        final TraceSummary x = TraceSummary.of(dir);
        final TraceSummary y = TraceSummary.of(copy);
        for (final TraceRecordKind k : TraceRecordKind.values())
        {
            if (k.isEvent())
            {
                assertEquals(x.events(k), y.events(k), k.name());
            }
        }
        assertEquals(x.presentations(), y.presentations());
        assertEquals(x.maxTick(), y.maxTick());
        assertEquals(x.end().runDigest(), y.end().runDigest());
    }

    @Test
    void shouldMarkATraceWithoutEndIncompleteAndSaySo()
    {
        final String text = export(recordSample("original"));
        final String cut = text.substring(0, text.lastIndexOf("{\"record\""));
        final Path copy = tmp.resolve("copy");
        final TraceImport.Result r = importText(cut, copy, false);
        assertEquals(TraceStatus.ABORTED, r.status());
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).contains("no END line"), r.notes().toString());
        try (TraceReader reader = TraceReader.open(copy))
        {
            assertFalse(drain(reader));
            assertEquals(TraceStatus.ABORTED, reader.end().status());
        }

        // --edited takes the lines as a whole trace: complete, no digest
        final Path whole = tmp.resolve("whole");
        final TraceImport.Result w = importText(cut, whole, true);
        assertEquals(TraceStatus.COMPLETE, w.status());
        assertEquals("", w.runDigest());
        assertTrue(w.notes().get(0).contains("taken as a whole trace"), w.notes().toString());
        try (TraceReader reader = TraceReader.open(whole))
        {
            assertTrue(drain(reader));
            assertEquals("", reader.end().runDigest());
        }
    }

    @Test
    void shouldRefuseEditedTotalsUnlessAskedAndThenDropTheDigest()
    {
        final String text = export(recordSample("original"));
        final String edited = text.replace("\"ids\":[1,2,3]", "\"ids\":[1,2]");
        final Path copy = tmp.resolve("copy");
        final TraceFormatException ex = assertThrows(TraceFormatException.class,
            () -> importText(edited, copy, false));
        assertTrue(ex.getMessage().contains("trace.jsonl, line 15: the END line counts 4 input and 1 output spikes, "
            + "the lines before it hold 3 and 1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("--edited"), ex.getMessage());
        assertFalse(Files.exists(copy), "nothing written");

        final TraceImport.Result r = importText(edited, copy, true);
        assertEquals(TraceStatus.COMPLETE, r.status());
        assertEquals("", r.runDigest());
        assertEquals(3, r.inputSpikes());
        assertTrue(r.notes().get(0).contains("edited"), r.notes().toString());
        try (TraceReader reader = TraceReader.open(copy))
        {
            assertTrue(drain(reader));
            assertEquals("", reader.end().runDigest());
            assertEquals(3, reader.inputSpikes());
        }
    }

    @Test
    void shouldKeepAStoppedLowDiskStatus()
    {
        final String text = export(recordSample("original")).replace("\"status\":\"COMPLETE\"",
            "\"status\":\"STOPPED_LOW_DISK\"");
        final Path copy = tmp.resolve("copy");
        assertEquals(TraceStatus.STOPPED_LOW_DISK, importText(text, copy, false).status());
        try (TraceReader reader = TraceReader.open(copy))
        {
            drain(reader);
            assertEquals(TraceStatus.STOPPED_LOW_DISK, reader.end().status());
        }
    }

    @Test
    void shouldImportLinesWrittenByHandWithOnlyTheRequiredFields()
    {
        final String text = String.join("\n",
            "{\"kind\":\"HEADER\",\"profile\":\"guo2020-mnist-100\",\"seed\":7,\"config\":\"a=1\\n\"}",
            "",
            "{\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":0,\"label\":4,\"learning\":true,\"repeat\":0}",
            "{\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[5,6]}",
            "{\"kind\":\"CORE_TICK\",\"tick\":0,\"core\":0,\"spikes_in\":2,\"synaptic_ops\":200,\"neuron_updates\":100,"
                + "\"stdp_updates\":0,\"decrements\":0,\"spikes_out\":0}",
            "{\"kind\":\"INPUT_SPIKES\",\"tick\":1,\"ids\":[]}",
            "{\"kind\":\"IMAGE_END\",\"tick\":1,\"image\":0,\"spikes\":0}",
            "");
        final Path copy = tmp.resolve("copy");
        // with a byte-order mark and Windows line ends, as an editor may save it
        final TraceImport.Result r = importText("\uFEFF" + text.replace("\n", "\r\n"), copy, false);
        assertEquals(TraceStatus.ABORTED, r.status());
        assertEquals(2, r.inputSpikes());
        try (TraceReader reader = TraceReader.open(copy))
        {
            assertEquals("guo2020-mnist-100", reader.header().profile());
            assertEquals(7, reader.header().seed());
            assertEquals(TraceHeader.sha256Hex("a=1\n"), reader.header().configDigest());
            assertTrue(reader.next());
            assertEquals(TraceRecordKind.IMAGE_START, reader.kind());
            assertEquals(4, reader.label());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | 3 | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[1,2 | line 3: not valid JSON",
        "unknown kind | 3 | {\"kind\":\"SPIKES\",\"tick\":0} | line 3: unknown kind \"SPIKES\"",
        "second header | 3 | {\"kind\":\"HEADER\",\"tick\":0} | HEADER only on the first line",
        "no tick | 3 | {\"kind\":\"INPUT_SPIKES\",\"ids\":[1]} | line 3: INPUT_SPIKES has no 'tick'",
        "negative tick | 3 | {\"kind\":\"INPUT_SPIKES\",\"tick\":-1,\"ids\":[1]} | line 3: 'tick' -1 is out of range",
        "negative id | 3 | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[1,-2]} | line 3: 'ids[1]' -2 is out of range",
        "huge id | 3 | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[4294967296]} | 'ids[0]' 4294967296 is out of range",
        "id as text | 3 | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[\"1\"]} | 'ids[0]' must be an integer, found 1",
        "no ids | 3 | {\"kind\":\"OUTPUT_SPIKES\",\"tick\":0} | line 3: OUTPUT_SPIKES has no 'ids'",
        "missing count | 3 | {\"kind\":\"CORE_TICK\",\"tick\":0,\"core\":0,\"spikes_in\":1} | line 3: CORE_TICK has no 'synaptic_ops'",
        "ops too large | 3 | {\"kind\":\"CORE_TICK\",\"tick\":0,\"core\":0,\"spikes_in\":1,\"synaptic_ops\":3000000000,\"neuron_updates\":0,\"stdp_updates\":0,\"decrements\":0,\"spikes_out\":0} | 'synaptic_ops' 3000000000 is out of range [0, 2147483647]",
        "fractional core | 3 | {\"kind\":\"CORE_TICK\",\"tick\":0,\"core\":0.5} | 'core' must be an integer, found 0.5",
        "field of another kind | 3 | {\"kind\":\"IMAGE_END\",\"tick\":0,\"image\":1,\"spikes\":0,\"core\":1} | 'core' does not belong to a IMAGE_END line",
        "unknown field | 3 | {\"kind\":\"IMAGE_END\",\"tick\":0,\"image\":1,\"spike\":0} | line 3: unknown field 'spike'",
        "learning as number | 3 | {\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":1,\"label\":1,\"repeat\":0,\"learning\":1} | 'learning' must be true or false",
        "weight as text | 3 | {\"kind\":\"PRUNE_DECISION\",\"tick\":0,\"core\":0,\"pre\":1,\"post\":2,\"weight\":\"x\"} | 'weight' must be a number or null",
        "weight too large | 3 | {\"kind\":\"PRUNE_DECISION\",\"tick\":0,\"core\":0,\"pre\":1,\"post\":2,\"weight\":1e60} | 'weight' 1e60 does not fit a float",
        "bad status | 3 | {\"kind\":\"END\",\"tick\":0,\"status\":\"DONE\",\"event_records\":0,\"input_spikes\":0,\"output_spikes\":0} | unknown END status \"DONE\"",
        "two objects | 3 | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[1]} {} | line 3: text after the JSON object",
        "array | 3 | [1,2] | line 3: not a JSON object",
    })
    void shouldRefuseABadEventLineNamingTheLineAndTheField(
        final String what, final int line, final String json, final String message)
    {
        final String text = "{\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"\"}\n"
            + "{\"kind\":\"IMAGE_START\",\"tick\":0,\"image\":0,\"label\":4,\"learning\":true,\"repeat\":0}\n"
            + json + "\n";
        final Path copy = tmp.resolve("copy");
        final TraceFormatException ex = assertThrows(TraceFormatException.class,
            () -> importText(text, copy, false), what);
        assertTrue(ex.getMessage().startsWith("trace.jsonl, line " + line + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains(message), what + ": " + ex.getMessage());
        assertFalse(Files.exists(copy), "nothing written");
        assertNoStagingLeft();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty | '' | line 1: no HEADER line",
        "event first | {\"kind\":\"INPUT_SPIKES\",\"tick\":0,\"ids\":[1]} | the first line must be the HEADER object",
        "no profile | {\"kind\":\"HEADER\",\"seed\":1,\"config\":\"\"} | the HEADER line has no 'profile'",
        "no config | {\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1} | the HEADER line has no 'config'",
        "other version | {\"kind\":\"HEADER\",\"format_version\":3,\"profile\":\"p\",\"seed\":1,\"config\":\"\"} | format_version 3",
        "digest of other text | {\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"a\",\"config_digest\":\"00\"} | config_digest 00 is not the SHA-256",
        "bad time | {\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"\",\"created\":\"yesterday\"} | 'created' is not an ISO-8601 instant",
        "unknown field | {\"kind\":\"HEADER\",\"profile\":\"p\",\"seed\":1,\"config\":\"\",\"cores\":2} | unknown field 'cores' in the HEADER line",
    })
    void shouldRefuseABadHeader(final String what, final String line, final String message)
    {
        final Path copy = tmp.resolve("copy");
        final TraceFormatException ex = assertThrows(TraceFormatException.class,
            () -> importText(line, copy, false), what);
        assertTrue(ex.getMessage().contains(message), what + ": " + ex.getMessage());
        assertFalse(Files.exists(copy));
    }

    @Test
    void shouldRefuseALineAfterTheEnd()
    {
        final String text = export(recordSample("original")) + "{\"kind\":\"INPUT_SPIKES\",\"tick\":9,\"ids\":[1]}\n";
        final TraceFormatException ex = assertThrows(TraceFormatException.class,
            () -> importText(text, tmp.resolve("copy"), false));
        assertTrue(ex.getMessage().contains("line 16: a line after the END line"), ex.getMessage());
    }

    @Test
    void shouldLeaveANonEmptyDestinationAlone() throws IOException
    {
        final Path dest = tmp.resolve("dest");
        Files.createDirectories(dest);
        final Path keep = dest.resolve("keep.txt");
        Files.writeString(keep, "mine");
        final String text = export(recordSample("original"));
        final TraceException ex = assertThrows(TraceException.class, () -> importText(text, dest, false));
        assertTrue(ex.getMessage().contains("the folder is not empty"), ex.getMessage());
        assertEquals("mine", Files.readString(keep, StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(dest))
        {
            assertEquals(1, s.count());
        }

        final Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertTrue(assertThrows(TraceException.class, () -> importText(text, file, false)).getMessage()
            .contains("a file of that name exists"));

        final Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        assertEquals(TraceStatus.COMPLETE, importText(text, empty, false).status());
    }

    @Test
    void shouldStopWithoutLeavingAnythingWhenTheDiskRunsLow() throws IOException
    {
        final Path dir = recordSynthetic("synthetic", 3, 400);
        final String text = export(dir);
        final long mib = 1 << 20;
        final AtomicInteger checks = new AtomicInteger();
        // each check finds 1 MiB less: below the 32 MiB minimum at the 10th
        final TraceRecorder.Context ctx = new TraceRecorder.Context().minFreeBytes(32 * mib)
            .checkIntervalBytes(16 << 10).diskSpace(d -> 40 * mib - checks.getAndIncrement() * mib);
        final Path copy = tmp.resolve("copy");
        final TraceException ex = assertThrows(TraceException.class, () -> TraceImport.read(
            new BufferedReader(new StringReader(text)), "s.jsonl", copy, new TraceImport.Options(false, ctx)));
        assertTrue(ex.getMessage().startsWith("trace " + copy + ": the import stopped and wrote nothing: "),
            ex.getMessage());
        assertTrue(ex.getMessage().contains("below the minimum of 32.0 MiB"), ex.getMessage());
        assertFalse(Files.exists(copy));
        assertNoStagingLeft();
    }

    private void assertNoStagingLeft()
    {
        final List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.list(tmp))
        {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".importing")).forEach(left::add);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        assertTrue(left.isEmpty(), "staging folders left: " + left);
    }
}
