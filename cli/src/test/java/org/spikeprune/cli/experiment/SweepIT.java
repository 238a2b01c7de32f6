package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.CliRun;
import org.spikeprune.cli.RunOutput;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code spikeprune sweep} on real MNIST, on a few hundred images: the runs, the files, the cache, the checks. */
class SweepIT
{
    private static final String[] SIZES = {"--train-images", "300", "--assign-images", "100", "--test-images",
        "100"};

    @TempDir
    Path dir;

    @BeforeAll
    static void needMnist()
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
    }

    private static String[] args(final Path out, final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("sweep", "--out", out.toString()));
        a.addAll(List.of(SIZES));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static List<Map<String, String>> csv(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        final String[] header = lines.get(0).split(",", -1);
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, line);
            final Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++)
            {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void everyCombinationAndSeedRunsOnceAndMatchesTrain() throws IOException
    {
        final Path out = dir.resolve("s");
        final CliRun first = CliRun.of(args(out, "--vary", "syn.w_ie=12,17", "--vary", "input.intensity=2:3:1",
            "--seeds", "1-2"));
        assertEquals(0, first.exit, first.err + first.out);
        assertTrue(first.out.contains("4 setting(s) x 2 seed(s) = 8 run(s)"), first.out);
        final List<Map<String, String>> rows = csv(out.resolve("sweep.csv"));
        assertEquals(8, rows.size());
        assertEquals(List.of("12", "12", "12", "12", "17", "17", "17", "17"),
            rows.stream().map(r -> r.get("syn.w_ie")).toList());
        assertEquals(List.of("2", "2", "3", "3", "2", "2", "3", "3"),
            rows.stream().map(r -> r.get("input.intensity")).toList());
        final Set<String> runs = new HashSet<>();
        for (final Map<String, String> r : rows)
        {
            final double acc = Double.parseDouble(r.get("accuracy"));
            assertTrue(acc >= 0 && acc <= 1, r.toString());
            assertTrue(runs.add(r.get("run")), "each run has its own folder: " + r);
            assertTrue(Files.isRegularFile(out.resolve("runs").resolve(r.get("run")).resolve("model.bin")));
        }
        // a higher input rate drives more input spikes, so more accumulations per image
        assertTrue(Double.parseDouble(rows.get(2).get("infer_sops_per_image"))
            > Double.parseDouble(rows.get(0).get("infer_sops_per_image")));
        final String md = Files.readString(out.resolve("sweep.md"));
        assertTrue(md.contains("| 17 | 3 | 2 |"), md);
        assertTrue(md.contains("Highest mean accuracy"), md);
        assertTrue(md.contains("accuracy on 100 test images"), md);
        assertTrue(Files.size(out.resolve("sweep.png")) > 1000);

        // the run equals `train` with the same options (its digest and accuracy)
        final Path t = dir.resolve("t");
        final CliRun train = CliRun.of("train", "--profile", "guo2020-mnist-100", "--seed", "2", "--set", "syn.w_ie=17",
            "--set", "input.intensity=3", "--out", t.toString(), SIZES[0], SIZES[1], SIZES[2], SIZES[3], SIZES[4],
            SIZES[5]);
        assertEquals(0, train.exit, train.err);
        final JsonNode result = RunOutput.json().readTree(t.resolve("result.json").toFile());
        final Map<String, String> row = rows.get(7);
        assertEquals("2", row.get("seed"));
        assertEquals(result.get("digest").asText(), row.get("digest"));
        assertEquals(result.get("accuracy").asDouble(), Double.parseDouble(row.get("accuracy")));

        // again, with one more value: the eight runs are read from the cache, two more run
        final CliRun again = CliRun.of(args(out, "--vary", "syn.w_ie=12,17,25", "--seeds", "1-2"));
        assertEquals(0, again.exit, again.err);
        assertTrue(again.out.contains("4 run(s) read from"), again.out);
        assertTrue(again.out.contains("running 2 run(s)"), again.out);
        final List<Map<String, String>> rows2 = csv(out.resolve("sweep.csv"));
        assertEquals(6, rows2.size());
        assertEquals(rows.get(0).get("digest"), rows2.get(0).get("digest"), "syn.w_ie=12, intensity 2 (the default), "
            + "seed 1 is the same run");
    }

    @Test
    void aPruningSweepOnHeldOutImagesReportsItsUnprunedRuns() throws IOException
    {
        final Path out = dir.resolve("p");
        final CliRun r = CliRun.of(args(out, "--pruning", "constant", "--vary", "pruning.w_th0=0.05,0.2", "--set",
            "pruning.start_images=150", "--set", "pruning.step_images=50", "--validation-images", "2000"));
        assertEquals(0, r.exit, r.err + r.out);
        final List<Map<String, String>> rows = csv(out.resolve("sweep.csv"));
        assertEquals(2, rows.size());
        final double c1 = Double.parseDouble(rows.get(0).get("connectivity"));
        final double c2 = Double.parseDouble(rows.get(1).get("connectivity"));
        assertTrue(c2 < c1 && c1 < 1, "a higher threshold prunes more: " + c1 + " " + c2);
        assertEquals(rows.get(0).get("unpruned_run"), rows.get(1).get("unpruned_run"), "one unpruned run per seed");
        assertTrue(Double.parseDouble(rows.get(1).get("infer_sops_reduction")) > 0);
        final JsonNode run = RunOutput.json().readTree(out.resolve("runs").resolve(rows.get(0).get("run"))
            .resolve("result.json").toFile());
        assertEquals(2000, run.get("validation_images").asInt());
        final String md = Files.readString(out.resolve("sweep.md"));
        assertTrue(md.contains("held out") && md.contains("the test set is not used"), md);
        assertTrue(md.contains("loss against unpruned"), md);
        assertTrue(Files.isRegularFile(out.resolve("sweep-connectivity.png")));
        // the held-out runs are other runs than those on the test set
        final CliRun test = CliRun.of(args(out, "--pruning", "constant", "--vary", "pruning.w_th0=0.05", "--set",
            "pruning.start_images=150", "--set", "pruning.step_images=50", "--list"));
        assertEquals(0, test.exit, test.err);
        assertTrue(test.out.contains("to run"), test.out);
        assertNotEquals(-1, test.out.indexOf("constant seed 1 pruning.w_th0=0.05"), test.out);
    }

    @Test
    void paperBsNetworkSweepsToo() throws IOException
    {
        final Path out = dir.resolve("conv");
        final CliRun r = CliRun.of("sweep", "--profile", "nguyen2020-caltech", "--pruning", "nguyen2020", "--quick",
            "--vary", "pruning.alpha=3200,12800", "--out", out.toString());
        assertEquals(0, r.exit, r.err + r.out);
        final List<Map<String, String>> rows = csv(out.resolve("sweep.csv"));
        assertEquals(2, rows.size());
        for (final Map<String, String> row : rows)
        {
            final double removed = 1 - Double.parseDouble(row.get("connectivity"));
            assertTrue(removed > 0.3 && removed < 1, row.toString());
            assertTrue(Double.parseDouble(row.get("learning_ops_reduction")) > 0, row.toString());
            assertTrue(Files.isRegularFile(out.resolve("runs").resolve(row.get("run") + ".model.bin")));
        }
        assertEquals(rows.get(0).get("unpruned_run"), rows.get(1).get("unpruned_run"));
        // the run is `conv train`'s with the same options
        final Path t = dir.resolve("ct");
        final CliRun train = CliRun.of("conv", "train", "--quick", "--seed", "1", "--pruning", "nguyen2020", "--set",
            "pruning.alpha=12800", "--out", t.toString());
        assertEquals(0, train.exit, train.err);
        assertEquals(RunOutput.json().readTree(t.resolve("result.json").toFile()).get("digest").asText(),
            rows.get(1).get("digest"));
        final CliRun list = CliRun.of("sweep", "--profile", "nguyen2020-caltech", "--pruning", "nguyen2020", "--quick",
            "--vary", "pruning.alpha=3200,12800", "--out", out.toString(), "--list");
        assertEquals(0, list.exit, list.err);
        assertFalse(list.out.contains("to run"), list.out);
        final CliRun bad = CliRun.of("sweep", "--profile", "nguyen2020-caltech", "--quick", "--vary",
            "learn.order=sequential,sideways", "--out", out.toString());
        assertEquals(2, bad.exit);
        assertTrue(bad.err.contains("learn.order") && bad.err.contains("sideways"), bad.err);
    }

    @Test
    void aBadSweepIsRefusedBeforeAnythingRuns() throws IOException
    {
        final Path out = dir.resolve("bad");
        final String[][] cases = {
            {"--vary", "syn.w_ie=12,nan"},
            {"--vary", "no.such_key=1,2"},
            {"--vary", "syn.w_ie=12,17", "--set", "syn.w_ie=20"},
            {"--vary", "pruning.w_th0=0.1,0.2"},
            {"--vary", "input.intensity=4:2:1"},
            {"--seeds", "5-1"},
            {"--pruning", "aptn", "--vary", "pruning.w_th0=0.5,1.5", "--set", "pruning.start_images=150", "--set",
                "pruning.step_images=50"},
            {"--vary", "syn.w_ie=1:1000:1", "--vary", "norm.total=1:1000:1"},
            {"--vary", "norm.kind=l1,l2", "--vary", "norm.total=5,40"},
        };
        final String[] named = {"syn.w_ie=nan", "no.such_key", "syn.w_ie is both varied", "pruning.w_th0 changes "
            + "nothing", "input.intensity=4:2:1", "--seeds", "pruning.w_th0", "more than 100000 runs",
            "--vary norm.kind=l2 norm.total=40: norm.total=40"};
        for (int i = 0; i < cases.length; i++)
        {
            final CliRun r = CliRun.of(args(out, cases[i]));
            assertEquals(2, r.exit, String.join(" ", cases[i]) + ": " + r.err);
            assertTrue(r.err.contains(named[i]), r.err);
            assertFalse(r.err.contains("Exception"), r.err);
        }
        assertFalse(Files.exists(out.resolve("runs")) && hasRuns(out.resolve("runs")), "nothing ran");
        // a rule between two keys holds for the combination: an L2 total of 5 is valid, though the default total
        // of 78 would not be with norm.kind=l2
        final CliRun combined = CliRun.of(args(out, "--vary", "norm.kind=l2", "--vary", "norm.total=5,6", "--list"));
        assertEquals(0, combined.exit, combined.err);
        assertTrue(combined.out.contains("2 setting(s)"), combined.out);
    }

    private static boolean hasRuns(final Path runs) throws IOException
    {
        try (Stream<Path> s = Files.list(runs))
        {
            return s.findAny().isPresent();
        }
    }
}
