package org.spikeprune.cli.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.CliRun;
import org.spikeprune.cli.Main;
import org.spikeprune.fpga.activity.SyntheticActivity;

/** The {@code spikeprune hw} commands, run through {@link Main#execute}. */
class HwCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWriteACsvWithRowsAndAParetoColumnWhenExploreQuick() throws IOException
    {
        final Path out = dir.resolve("explore");
        final CliRun run = run("hw", "explore", "--quick", "--out", out.toString());

        assertEquals(0, run.exit, run.err);
        final List<String> lines = Files.readAllLines(out.resolve("explore.csv"));
        final List<String> header = Arrays.asList(lines.get(0).split(","));
        final int pareto = header.indexOf("pareto");
        assertTrue(pareto >= 0, lines.get(0));
        assertEquals(1 + 8, lines.size());
        long onFront = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] cells = line.split(",");
            assertEquals(header.size(), cells.length, line);
            assertTrue(Double.parseDouble(cells[header.indexOf("cycles_train_per_image")]) > 0, line);
            onFront += Boolean.parseBoolean(cells[pareto]) ? 1 : 0;
        }
        assertTrue(onFront >= 1 && onFront < 8, "front of " + onFront);
        assertTrue(Files.size(out.resolve("explore-time.png")) > 1_000);
        assertTrue(Files.size(out.resolve("explore-energy.png")) > 1_000);
        assertTrue(run.out.contains("Pareto front"), run.out);
    }

    @Test
    void shouldPrintTable4UnderItsKeysWhenOverheadJson() throws IOException
    {
        final CliRun run = run("hw", "overhead", "--neurons", "100", "--batch", "100", "--json");

        assertEquals(0, run.exit, run.err);
        final JsonNode m = JSON.readTree(run.out);
        assertEquals(120, m.get("cycles.grouping").asLong());
        assertEquals(2_000, m.get("cycles.adapting").asLong());
        assertEquals(78_400, m.get("cycles.pruning").asLong());
        assertEquals(400, m.get("ops.grouping").asLong());
        assertEquals(1_100, m.get("ops.adapting").asLong());
        assertEquals(156_800, m.get("ops.pruning").asLong());
        assertEquals(404, m.get("cycles_per_image").asLong());
        assertEquals(794, m.get("ops_per_image").asLong());

        final JsonNode big = JSON.readTree(run("hw", "overhead", "--neurons", "100", "--json").out);
        assertEquals(9, big.get("cycles_per_image").asLong());
        assertEquals(18, big.get("ops_per_image").asLong());
    }

    @Test
    void shouldSetTable5BesideThePaperWhenOverheadAsText()
    {
        final CliRun run = run("hw", "overhead", "--neurons", "100", "--batch", "100");

        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("78,400"), run.out);
        assertTrue(run.out.contains("Prune unit register bits"), run.out);
        assertTrue(run.out.contains("8,284"), run.out);
    }

    @Test
    void shouldReportARecordedRunWhenGivenAnActivityFile() throws IOException
    {
        final Path file = dir.resolve("run.csv");
        SyntheticActivity.paperA(new SyntheticActivity.PaperA(100, 40, 10, 20, 10, 0.2, 2_300, 20, 5)).write(file);
        final CliRun run = run("hw", "report", "--activity", file.toString(), "--json");

        assertEquals(0, run.exit, run.err);
        final JsonNode m = JSON.readTree(run.out);
        assertEquals(40, m.get("learning").get("images").asLong());
        assertTrue(m.get("learning").get("cycles_per_image").asDouble()
            > m.get("inference").get("cycles_per_image").asDouble());
        assertEquals(3, m.get("learning").get("prune_passes").asLong());
        assertTrue(m.get("learning").get("utilisation").get("processing_elements").asDouble() > 0);
        assertTrue(m.get("paper_a_table5").size() > 5);

        final CliRun text = run("hw", "report", "--activity", file.toString(), "--hw", "zedboard-8pe");
        assertEquals(0, text.exit, text.err);
        assertTrue(text.out.contains("Pruning overhead"), text.out);
        assertTrue(text.out.contains("Processing element x8"), text.out);
    }

    @Test
    void shouldExitWith2AndNameTheMemoryWhenTheNetworkDoesNotFit()
    {
        final CliRun run = run("hw", "report", "--quick", "--neurons", "800");

        assertEquals(Main.EXIT_BAD_INPUT, run.exit);
        assertTrue(run.err.contains("does not fit"), run.err);
        assertTrue(run.err.contains("Weight memory"), run.err);
    }

    @Test
    void shouldCompareTwoRunsWhenGivenUnprunedAndPrunedActivity() throws IOException
    {
        final Path unpruned = dir.resolve("unpruned.act");
        final Path pruned = dir.resolve("pruned.act");
        SyntheticActivity.paperB(false, 0.01, 3).write(unpruned);
        SyntheticActivity.paperB(true, 0.01, 3).write(pruned);
        final CliRun run = run("hw", "compare", "--unpruned", unpruned.toString(), "--pruned", pruned.toString(),
            "--json");

        assertEquals(0, run.exit, run.err);
        final JsonNode m = JSON.readTree(run.out);
        assertTrue(m.get("learning_speedup").asDouble() > 1);
        assertTrue(m.get("inference_energy_reduction").asDouble() > 0);
        assertEquals(9, m.get("rows").size());
        assertEquals(2.1, m.get("rows").get(0).get("paper").asDouble());
    }

    @Test
    void shouldExitWith2WhenInputIsBad() throws IOException
    {
        assertEquals(Main.EXIT_BAD_INPUT, run("hw", "compare", "--pruned", "x.act").exit);
        final CliRun preset = run("hw", "report", "--quick", "--hw", "zedbord");
        assertEquals(Main.EXIT_BAD_INPUT, preset.exit);
        assertTrue(preset.err.contains("zedbord"), preset.err);
        final Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "base=zedboard\nprocessingElements=0\n");
        final CliRun zero = run("hw", "explore", "--quick", "--hw", bad.toString(), "--out", dir.toString());
        assertEquals(Main.EXIT_BAD_INPUT, zero.exit);
        assertTrue(zero.err.contains("processingElements"), zero.err);
    }

    @Test
    void shouldKeepTheEarlierFilesAndNameTheFileWhenTheDiskIsFull() throws IOException
    {
        final Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        final Path out = dir.resolve("explore");
        assertEquals(0, run("hw", "explore", "--quick", "--out", out.toString()).exit);
        final byte[] csv = Files.readAllBytes(out.resolve("explore.csv"));
        final byte[] png = Files.readAllBytes(out.resolve("explore-time.png"));
        // the next explore.csv goes through its hidden sibling, here a link to a device that is always full
        Files.createSymbolicLink(out.resolve(".explore.csv.tmp"), full);

        final CliRun run = run("hw", "explore", "--quick", "--hw", "zedboard-8pe", "--out", out.toString());

        assertEquals(Main.EXIT_BAD_INPUT, run.exit, run.err);
        assertTrue(run.err.contains(out.resolve("explore.csv") + ": cannot write: No space left on device"), run.err);
        assertTrue(!run.err.contains("\tat "), "no stack trace: " + run.err);
        assertTrue(Arrays.equals(csv, Files.readAllBytes(out.resolve("explore.csv"))), "explore.csv kept");
        assertTrue(Arrays.equals(png, Files.readAllBytes(out.resolve("explore-time.png"))), "the plots kept");
        assertTrue(!Files.exists(out.resolve(".explore.csv.tmp"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    private static CliRun run(final String... args)
    {
        return CliRun.of(args);
    }
}
