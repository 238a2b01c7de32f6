package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceDiffTest
{
    @TempDir
    Path tmp;

    private Path record(final String name, final TraceHeader header, final Consumer<TraceRecorder> events)
    {
        final Path dir = tmp.resolve(name);
        try (TraceRecorder r = TraceRecorder.start(dir, header))
        {
            events.accept(r);
            r.finish("digest-" + name);
        }
        return dir;
    }

    private static void sample(final TraceRecorder r, final int changedId, final boolean extraCoreTick)
    {
        r.onImageStart(0, 5, 3, true, 0);
        r.onInputSpikes(0, new int[] {1, 2, 3}, 0, 3);
        r.onCoreTick(0, 0, 3, 300, 100, 7, 2, 1);
        r.onOutputSpikes(0, new int[] {800, changedId}, 0, 2);
        r.onInputSpikes(1, new int[] {4}, 0, 1);
        r.onCoreTick(1, 0, 1, 100, 100, 0, 0, 0);
        if (extraCoreTick)
        {
            r.onCoreTick(2, 0, 0, 0, 100, 0, 0, 0);
        }
        r.onImageEnd(2, 5, 2);
        r.onPrune(2, 78_400, 12, 2);
    }

    private static TraceDiff.StreamDiff stream(final TraceDiff.Result r, final TraceDiff.Stream s)
    {
        return r.streams().stream().filter(d -> d.stream() == s).findFirst().orElseThrow();
    }

    @Test
    void shouldFindNoDifferenceBetweenTwoRecordingsOfTheSameEvents()
    {
        final Path a = record("a", TraceRecorderTest.header(), r -> sample(r, 810, false));
        final Path b = record("b", TraceRecorderTest.header(), r -> sample(r, 810, false));
        final TraceDiff.Result d = TraceDiff.compare(a, b);
        assertTrue(d.sameEvents());
        assertTrue(d.headerDifferences().isEmpty(), d.headerDifferences().toString());
        assertEquals(List.of(2L, 1L, 2L, 3L), d.streams().stream().map(TraceDiff.StreamDiff::eventsA).toList());
        assertEquals(List.of(4L, 2L, 0L, 0L), d.streams().stream().map(TraceDiff.StreamDiff::spikesB).toList());
        assertEquals("digest-a", d.digestA());
        assertEquals("digest-b", d.digestB());
    }

    @Test
    void shouldNameTheFirstDifferingEventOfEachStream()
    {
        final Path a = record("a", TraceRecorderTest.header(), r -> sample(r, 810, false));
        final Path b = record("b", TraceRecorderTest.header(), r -> sample(r, 811, true));
        final TraceDiff.Result d = TraceDiff.compare(a, b);
        assertFalse(d.sameEvents());
        assertTrue(stream(d, TraceDiff.Stream.INPUT_SPIKES).same());
        assertTrue(stream(d, TraceDiff.Stream.EVENTS).same());

        final TraceDiff.StreamDiff out = stream(d, TraceDiff.Stream.OUTPUT_SPIKES);
        assertEquals(0, out.firstIndex());
        assertEquals("OUTPUT_SPIKES at tick 0: 2 ids [800, 810]", out.a());
        assertEquals("OUTPUT_SPIKES at tick 0: 2 ids [800, 811]", out.b());

        final TraceDiff.StreamDiff cores = stream(d, TraceDiff.Stream.CORE_TICKS);
        assertEquals(2, cores.firstIndex());
        assertEquals(2, cores.eventsA());
        assertEquals(3, cores.eventsB());
        assertEquals("(none: the stream ends)", cores.a());
        assertEquals("CORE_TICK at tick 2: core 0, spikes_in 0, synaptic_ops 0, neuron_updates 100, stdp_updates 0, "
            + "decrements 0, spikes_out 0", cores.b());
    }

    @Test
    void shouldCompareOnlyTheChosenStreams()
    {
        final Path a = record("a", TraceRecorderTest.header(), r -> sample(r, 810, false));
        final Path b = record("b", TraceRecorderTest.header(), r -> sample(r, 810, true));
        assertFalse(TraceDiff.compare(a, b).sameEvents());
        final TraceDiff.Result d = TraceDiff.compare(a, b, EnumSet.of(TraceDiff.Stream.INPUT_SPIKES,
            TraceDiff.Stream.OUTPUT_SPIKES, TraceDiff.Stream.EVENTS));
        assertTrue(d.sameEvents());
        assertEquals(3, d.streams().size());
        assertEquals(TraceDiff.Stream.CORE_TICKS, TraceDiff.Stream.named("cores"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TraceDiff.Stream.named("spikes")).getMessage()
            .contains("known: input, output, cores, events"));
    }

    @Test
    void shouldListTheConfigurationKeysThatDiffer()
    {
        final Path a = record("a", TraceHeader.of("p", 1, "run.cores=1\nnorm.total=78\nsyn.w_ie=17\n", "t"),
            r -> sample(r, 810, false));
        final Path b = record("b", TraceHeader.of("q", 2, "run.cores=2\nnorm.total=78\nexc.extra=1\n", "t"),
            r -> sample(r, 810, false));
        final TraceDiff.Result d = TraceDiff.compare(a, b);
        assertTrue(d.sameEvents());
        assertEquals(List.of("profile: p | q", "seed: 1 | 2", "exc.extra: (absent) | 1", "run.cores: 1 | 2",
            "syn.w_ie: 17 | (absent)"), d.headerDifferences());
    }

    @Test
    void shouldSeeTheSameEventsInATraceWhoseRecordsArePackedDifferently()
    {
        final Path a = tmp.resolve("a");
        final SyntheticRun run = new SyntheticRun(9);
        try (TraceRecorder r = TraceRecorder.start(a, TraceRecorderTest.header()))
        {
            for (int i = 0; i < 200; i++)
            {
                run.emitImage(r);
            }
            r.finish(TraceImportTest.DIGEST);
        }
        // an export, cut into lines and imported again: the same events, packed by the importing recorder
        final StringBuilder text = new StringBuilder();
        try (TraceReader reader = TraceReader.open(a))
        {
            TraceExport.write(reader, TraceRange.all(), TraceExport.Format.JSONL, text);
        }
        final Path b = tmp.resolve("b");
        TraceImport.read(new BufferedReader(new StringReader(text.toString())), "a.jsonl", b,
            TraceImport.Options.defaults());
        final TraceDiff.Result d = TraceDiff.compare(a, b);
        assertTrue(d.sameEvents(), d.streams().toString());
        assertEquals(2 * 200 * SyntheticRun.TICKS_PER_IMAGE, stream(d, TraceDiff.Stream.CORE_TICKS).eventsB());
    }
}
