package org.spikeprune.cli.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.UsageException;
import org.spikeprune.engine.ThreadingMode;

@Tag("slow")
class ConvExperimentsTest
{
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void makeData() throws IOException
    {
        data = ConvTrainTest.makeBars(tmp.resolve("bars"));
    }

    private static String run(final String name, final Path out)
    {
        final ConvTrainOptions o = new ConvTrainOptions("nguyen2020-caltech", data, out, 5, 1,
            ThreadingMode.INVOKER, "none", Map.of("learn.iterations", "120,150,150"), true, 20, 20);
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertEquals(0, ConvExperiments.run(name, o, new PrintStream(buf, true, StandardCharsets.UTF_8)));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteEveryFigureAndReuseRunsWhenRunningAll() throws IOException
    {
        final Path out = tmp.resolve("all");
        run("all", out);
        for (final String f : List.of("report.md", "stages.csv", "stages.png", "connectivity.csv",
            "connectivity.png", "alpha-sweep.csv", "alpha-sweep.png", "operations.csv", "operations.png"))
        {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        final List<String> stages = Files.readAllLines(out.resolve("stages.csv"));
        assertEquals(5, stages.size(), "header + none, dynamic, post, both");
        assertTrue(stages.get(1).startsWith("none,"));
        final List<String> curve = Files.readAllLines(out.resolve("connectivity.csv"));
        assertTrue(curve.get(1).endsWith("100.0000"), "starts fully connected: " + curve.get(1));
        final String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("92.83%") && report.contains("Fig. 9") && report.contains("Fig. 6"));
        final String again = run("stages", out);
        assertTrue(again.contains("reused"), again);
    }

    @Test
    void shouldGiveTheDistributionOverSeedsFromTheSameRunsAsTheSingleSeedExperiments() throws IOException
    {
        final Path out = tmp.resolve("seeds");
        final ConvTrainOptions o = new ConvTrainOptions("nguyen2020-caltech", data, out, 5, 1,
            ThreadingMode.INVOKER, "none", Map.of("learn.iterations", "120,150,150"), true, 20, 20);
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertEquals(0, ConvExperiments.run("seeds", o, ConvCommand.parseSeeds("5-6"),
            new PrintStream(buf, true, StandardCharsets.UTF_8)));
        final List<String> csv = Files.readAllLines(out.resolve("seeds.csv"));
        assertEquals(3, csv.size(), "header + seeds 5 and 6");
        assertTrue(csv.get(1).startsWith("5,") && csv.get(2).startsWith("6,"), csv.toString());
        final String md = Files.readString(out.resolve("seeds.md"));
        assertTrue(md.contains("over 2 seeds") && md.contains("standard deviation") && md.contains("95.7%"), md);
        assertTrue(Files.size(out.resolve("seeds.png")) > 0);
        assertTrue(Files.list(out.resolve("runs")).filter(f -> f.toString().endsWith(".model.bin")).count() >= 4,
            "each run keeps its network");
        // seed 5 is the stages experiment's seed: its runs are the same runs, reused
        final String stages = run("stages", out);
        assertTrue(stages.contains("reused"), stages);
        final String[] fields = csv.get(1).split(",");
        final List<String> st = Files.readAllLines(out.resolve("stages.csv"));
        assertTrue(st.get(1).startsWith("none," + fields[1].substring(0, 4)), st.get(1) + " vs " + csv.get(1));
    }

    @Test
    void shouldParseSeedListsAndRefuseBadOnes()
    {
        assertEquals(List.of(1L, 2L, 3L, 7L, 42L), ConvCommand.parseSeeds("1-3, 7,42,2"));
        assertEquals(List.of(), ConvCommand.parseSeeds(null));
        assertTrue(assertThrows(UsageException.class, () -> ConvCommand.parseSeeds("3-1")).getMessage()
            .contains("3-1"));
        assertTrue(assertThrows(UsageException.class, () -> ConvCommand.parseSeeds("1,x")).getMessage()
            .contains("'x'"));
    }

    @Test
    void shouldRefuseAnUnknownExperiment()
    {
        assertThrows(UsageException.class, () -> run("fig99", tmp.resolve("x")));
    }
}
