package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.Main;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;

/**
 * The quick forms of fig2, fig4, fig7, fig8, table2 and fig13-14 on real MNIST, into one folder (so they share runs
 * as a user's sweeps do), on even fewer images than {@code --quick} to keep the suite short: the shape of the results, not
 * their values.
 */
class ExperimentQuickIT
{
    @TempDir
    static Path out;

    @BeforeAll
    static void needMnist()
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
    }

    private static void experiment(final String name)
    {
        assertEquals(0, Main.execute("experiment", name, "--quick", "--train-images", "300", "--assign-images", "100",
            "--test-images", "100", "--out", out.toString()));
    }

    /** The CSV rows as column → value maps. */
    private static List<Map<String, String>> csv(final String name) throws IOException
    {
        final List<String> lines = Files.readAllLines(out.resolve(name).resolve(name + ".csv"));
        final String[] header = lines.get(0).split(",", -1);
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            assertFalse(line.contains("\""), "no quoted cells expected in the quick experiments: " + line);
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

    private static Map<String, List<Map<String, String>>> bySeries(final List<Map<String, String>> rows)
    {
        final Map<String, List<Map<String, String>>> m = new TreeMap<>();
        for (final Map<String, String> r : rows)
        {
            m.computeIfAbsent(r.get("series"), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static double d(final Map<String, String> row, final String column)
    {
        return Double.parseDouble(row.get(column));
    }

    private static void assertWritten(final String name, final int pngs) throws IOException
    {
        final Path dir = out.resolve(name);
        assertTrue(Files.readString(dir.resolve(name + ".md")).contains("paper A"), "report sets paper A beside");
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> png = files.filter(f -> f.toString().endsWith(".png")).toList();
            assertEquals(pngs, png.size(), "plots of " + name + ": " + png);
            for (final Path p : png)
            {
                assertTrue(Files.size(p) > 2000, p + " is a real image");
            }
        }
    }

    private static void assertAccuracies(final List<Map<String, String>> rows)
    {
        for (final Map<String, String> r : rows)
        {
            final double a = d(r, "accuracy");
            assertTrue(a >= 0 && a <= 1, "accuracy of " + r.get("series") + ": " + a);
            assertEquals(d(r, "baseline_accuracy") - a, d(r, "accuracy_loss"), 1e-5);
        }
    }

    @Test
    void shouldLowerConnectivityAsTheInitialThresholdRisesAndResumeFromTheCacheWhenRunAgain() throws IOException
    {
        experiment("fig4");
        final List<Map<String, String>> rows = csv("fig4");
        final Map<String, List<Map<String, String>>> series = bySeries(rows);
        assertEquals(Set.of("constant", "APT f1 a=1.3", "APT f2 b=1.1", "APT f3 c=0.01"), series.keySet());
        for (final List<Map<String, String>> s : series.values())
        {
            assertTrue(s.size() >= 2, "a sweep per series");
            s.sort((a, b) -> Double.compare(d(a, "w_th0"), d(b, "w_th0")));
            for (int i = 1; i < s.size(); i++)
            {
                assertTrue(d(s.get(i), "connectivity") <= d(s.get(i - 1), "connectivity"),
                    s.get(i).get("series") + ": connectivity falls as w_th0 rises");
            }
        }
        assertTrue(d(series.get("constant").get(0), "connectivity")
            > d(series.get("constant").get(series.get("constant").size() - 1), "connectivity"), "it does fall");
        // APT goes on past its grid (final thresholds 0.3 in the quick form) while its last run is at or above 5%
        final List<Map<String, String>> f1 = series.get("APT f1 a=1.3");
        final int grid = Grids.initial(Grids.FINAL_QUICK, org.spikeprune.pruning.AdaptationFunction.F1, 1.3,
            Grids.steps(300, 150, 25)).length;
        assertEquals(grid + (d(f1.get(grid - 1), "connectivity") >= Grids.EXTEND_ABOVE ? 1 : 0), f1.size(),
            "APT f1 past its grid: " + f1);
        assertAccuracies(rows);
        assertWritten("fig4", 6);

        // every run keeps its trained network; one of them, tested again, gives the run's accuracy and digest
        final Path pruned;
        try (Stream<Path> dirs = Files.list(out.resolve("runs")))
        {
            final List<Path> all = dirs.filter(p -> p.getFileName().toString().startsWith("apt")).sorted().toList();
            assertTrue(!all.isEmpty());
            for (final Path dir : all)
            {
                assertTrue(Files.size(dir.resolve("model.bin")) > 784 * 100 * 6, dir + " has its model");
            }
            pruned = all.get(0);
        }
        final com.fasterxml.jackson.databind.JsonNode run = org.spikeprune.cli.RunOutput.json().readTree(
            Files.readAllBytes(pruned.resolve("result.json")));
        assertEquals(0, Main.execute("evaluate", pruned.toString(), "--test-images",
            run.get("test_images").asText(), "--out", out.resolve("eval").toString()));
        final com.fasterxml.jackson.databind.JsonNode eval = org.spikeprune.cli.RunOutput.json().readTree(
            Files.readAllBytes(out.resolve("eval").resolve("evaluation.json")));
        assertEquals(run.get("digest").asText(), eval.get("digest").asText());
        assertEquals(run.get("accuracy").asDouble(), eval.get("accuracy").asDouble(), 0.0);

        // a second time: every run comes from the cache, nothing is rewritten, the CSV is the same
        final String before = Files.readString(out.resolve("fig4").resolve("fig4.csv"));
        final Map<Path, FileTime> stamps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out.resolve("runs")))
        {
            for (final Path f : files.filter(f -> f.endsWith("result.json")).toList())
            {
                stamps.put(f, Files.getLastModifiedTime(f));
            }
        }
        experiment("fig4");
        assertEquals(before, Files.readString(out.resolve("fig4").resolve("fig4.csv")));
        for (final Map.Entry<Path, FileTime> e : stamps.entrySet())
        {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " was not run again");
        }
    }

    @Test
    void shouldStopASeriesOnceARunEndsBelowTheFloorAndKeepTheRunsBeforeIt() throws IOException
    {
        experiment("fig4");
        final Map<String, List<Map<String, String>>> full = bySeries(csv("fig4"));
        final List<Double> first = new ArrayList<>();
        for (final List<Map<String, String>> s : full.values())
        {
            s.sort((a, b) -> Double.compare(d(a, "w_th0"), d(b, "w_th0")));
            first.add(d(s.get(0), "connectivity"));
        }
        first.sort(Double::compare);
        assertTrue(first.get(0) < first.get(first.size() - 1), "the series start at different connectivities");
        int k = 0;
        while (first.get(k + 1).equals(first.get(0)))
        {
            k++;
        }
        final double floor = (first.get(k) + first.get(k + 1)) / 2; // some series stop, some go on

        assertEquals(0, Main.execute("experiment", "fig4", "--quick", "--train-images", "300", "--assign-images", "100",
            "--test-images", "100", "--out", out.toString(), "--stop-below", Double.toString(100 * floor)));
        final Map<String, List<Map<String, String>>> cut = bySeries(csv("fig4"));
        final String report = Files.readString(out.resolve("fig4").resolve("fig4.md"));
        assertEquals(full.keySet(), cut.keySet());
        int stopped = 0;
        for (final Map.Entry<String, List<Map<String, String>>> e : full.entrySet())
        {
            final List<String> expected = new ArrayList<>();
            for (final Map<String, String> r : e.getValue())
            {
                expected.add(r.get("run_id"));
                if (d(r, "connectivity") < floor)
                {
                    break;
                }
            }
            final List<String> got = new ArrayList<>();
            for (final Map<String, String> r : cut.get(e.getKey()))
            {
                got.add(r.get("run_id"));
            }
            assertEquals(expected, got, e.getKey() + ": the runs up to the first one below the floor, the same runs");
            if (expected.size() < e.getValue().size())
            {
                stopped++;
                assertTrue(report.contains("- " + e.getKey() + ": w_th0 = "), e.getKey() + " is listed as left out");
            }
        }
        assertTrue(stopped > 0, "at least one series stopped");
        assertTrue(report.contains("## Runs left out") && report.contains("--stop-below"), report);

        experiment("fig4"); // every run again, from the cache
        assertEquals(full.keySet(), bySeries(csv("fig4")).keySet());
        assertFalse(Files.readString(out.resolve("fig4").resolve("fig4.md")).contains("Runs left out"));
    }

    @Test
    void shouldReportAccuracyForEveryMethodOfTheComparison() throws IOException
    {
        experiment("fig7");
        final List<Map<String, String>> rows = csv("fig7");
        final Map<String, List<Map<String, String>>> series = bySeries(rows);
        for (final String s : List.of("constant", "APT f1 a=1.3", "APT f2 b=1.1", "APT f3 c=0.01", "APN f1 a=1.15",
            "APN f2 b=1.05", "APN f3 c=0.03", "APTN", "post-training"))
        {
            assertTrue(series.containsKey(s) && !series.get(s).isEmpty(), "series " + s);
            for (final Map<String, String> r : series.get(s))
            {
                assertFalse(r.get("accuracy").isEmpty(), s + " has an accuracy");
            }
        }
        for (final Map<String, String> r : series.get("post-training"))
        {
            assertEquals(d(r, "target_connectivity"), d(r, "connectivity"), 0.002, "post-training hits its target");
            assertEquals(0.0, d(r, "train_sop_reduction"), 1e-9, "post-training trains exactly like the baseline");
        }
        assertAccuracies(rows);
        assertWritten("fig7", 3);
    }

    @Test
    void shouldFillEveryRowOfTable2AtAboutTenPercent() throws IOException
    {
        experiment("table2");
        final List<Map<String, String>> rows = csv("table2");
        final Map<String, Map<String, String>> row = new LinkedHashMap<>();
        for (final Map<String, String> r : rows)
        {
            if (!r.get("series").endsWith("calibration"))
            {
                row.put(r.get("series"), r);
            }
        }
        assertEquals(List.of("neuron", "post-training", "soft", "constant", "aptn"), new ArrayList<>(row.keySet()));
        for (final Map<String, String> r : row.values())
        {
            for (final String c : List.of("accuracy", "accuracy_loss", "train_sop_reduction", "infer_sop_reduction"))
            {
                assertFalse(r.get(c).isEmpty(), r.get("series") + " has " + c);
            }
        }
        assertEquals(90, Integer.parseInt(row.get("neuron").get("neurons_pruned")), "90% of 100 neurons");
        assertEquals(0.1, d(row.get("post-training"), "connectivity"), 0.002);
        assertEquals(1.0, d(row.get("soft"), "connectivity"), 0.0, "soft pruning removes no synapse");
        assertTrue(d(row.get("soft"), "unpruned_fraction") < 0.5, "soft pruning freezes most synapses");
        assertTrue(d(row.get("constant"), "connectivity") < 0.5);
        assertTrue(d(row.get("aptn"), "connectivity") < 0.5);
        assertAccuracies(rows);
        assertWritten("table2", 1);
        assertTrue(Files.readString(out.resolve("table2").resolve("table2.md")).contains("Online adaptive weight "
            + "pruning (APTN)"));
    }

    @Test
    void shouldCompareNeuronAndSoftPruningWithWeightPruning() throws IOException
    {
        experiment("fig13-14");
        final List<Map<String, String>> rows = csv("fig13-14");
        final Map<String, List<Map<String, String>>> series = bySeries(rows);
        assertEquals(Set.of("CWP", "AWP", "ANP", "soft"), series.keySet());
        final List<Integer> removed = new ArrayList<>();
        for (final Map<String, String> r : series.get("ANP"))
        {
            removed.add(Integer.parseInt(r.get("neurons_pruned")));
            assertEquals(1 - d(r, "neuron_target_fraction"), d(r, "connectivity"), 1e-9, "a neuron takes its synapses");
        }
        assertEquals(List.of(50, 90), removed);
        for (final Map<String, String> r : series.get("soft"))
        {
            assertEquals(1.0, d(r, "connectivity"), 0.0);
            assertTrue(d(r, "unpruned_fraction") < 1.0);
        }
        assertAccuracies(rows);
        assertWritten("fig13-14", 4);
    }

    @Test
    void shouldSweepTheSpikeCountIntervalAndCompareEachRunWithSi30AndOneGroup() throws IOException
    {
        experiment("fig8");
        final List<Map<String, String>> rows = csv("fig8");
        final Map<String, List<Map<String, String>>> series = bySeries(rows);
        assertEquals(Set.of("SI=30", "SI=inf"), series.keySet());
        for (final Map<String, String> r : series.get("SI=inf"))
        {
            assertEquals("apn", r.get("method"));
            assertEquals("f1", r.get("neuron_function"));
        }
        // the same initial thresholds for every interval
        assertEquals(series.get("SI=30").stream().map(r -> r.get("w_th0")).toList(),
            series.get("SI=inf").stream().map(r -> r.get("w_th0")).toList());
        for (final Map<String, String> r : rows)
        {
            assertTrue(d(r, "connectivity") < 1.0, "every run prunes: " + r.get("run_id"));
            assertEquals(7, d(r, "prune_steps"), 0.0);
        }
        assertAccuracies(rows);
        assertWritten("fig8", 2);
        final String report = Files.readString(out.resolve("fig8").resolve("fig8.md"));
        assertTrue(report.contains("ahead of SI=30 at each run: SI=inf "), report);
        assertTrue(report.contains("ahead of SI=inf at each run: SI=30 "), report);
    }

    @Test
    void shouldMonitorTheUnprunedRunEveryScaledBatchAndRunAnOlderCachedResultAgain() throws IOException
    {
        experiment("fig2");
        final List<Map<String, String>> rows = csv("fig2");
        // 300 training images: paper A's 5,000 of 60,000 scaled is 25 images per batch
        assertEquals(12, rows.size());
        for (int k = 0; k < rows.size(); k++)
        {
            final Map<String, String> r = rows.get(k);
            assertEquals(25.0 * (k + 1), d(r, "images"), 0.0);
            assertEquals(100, d(r, "neurons"), 0.0);
            assertEquals(78_400, d(r, "synapses"), 0.0, "the unpruned run keeps every synapse");
            assertTrue(d(r, "silent_neurons") >= 0 && d(r, "silent_neurons") <= 100);
            assertTrue(d(r, "dw_variance") >= 0);
            // Σw = 78 per neuron before every image: the mean weight stays near 78 / 784
            assertEquals(78.0 / 784, d(r, "weight_mean"), 0.01);
        }
        assertWritten("fig2", 4);
        // a result cached by a build that did not record the batches is run again, to the same numbers
        final String report = Files.readString(out.resolve("fig2").resolve("fig2.md"));
        final java.util.regex.Matcher id = java.util.regex.Pattern.compile("`(none-[0-9a-f]{12})`").matcher(report);
        assertTrue(id.find(), "the report names the unpruned run");
        final Path result = out.resolve("runs").resolve(id.group(1)).resolve("result.json");
        final String before = Files.readString(result);
        assertTrue(before.contains("\"dynamics\""));
        final String digest = before.replaceAll("(?s).*\"digest\" : \"([0-9a-f]+)\".*", "$1");
        Files.writeString(result, before.replace("\"dynamics\"", "\"dynamics_was\""));
        Files.delete(out.resolve("fig2").resolve("fig2.csv"));
        experiment("fig2");
        assertEquals(rows, csv("fig2"));
        final String after = Files.readString(result);
        assertTrue(after.contains("\"dynamics\"") && !after.contains("dynamics_was"), "run again");
        assertTrue(after.contains("\"digest\" : \"" + digest + "\""), "same digest");
    }
}
