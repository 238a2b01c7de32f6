package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikeprune runs}: runs side by side and seed groups, from hand-made result.json files. */
class RunsCommandTest
{
    @TempDir
    Path dir;

    private Path result(final String folder, final String config, final long seed, final double accuracy,
        final double connectivity, final String wth0) throws IOException
    {
        final Path d = Files.createDirectories(dir.resolve(folder));
        final Path f = d.resolve("result.json");
        Files.writeString(f, "{\"profile\":\"guo2020-mnist-100\",\"pruning\":\"aptn\",\"seed\":" + seed
            + ",\"train_images\":60000,\"epochs\":1,\"test_images\":10000,\"assign_images\":60000,"
            + "\"accuracy\":" + accuracy + ",\"connectivity\":" + connectivity
            + ",\"sops\":{\"train_per_image\":400000,\"infer_per_image\":" + (100000 * seed) + "},"
            + "\"digest\":\"0123456789abcdef0123\",\"config_digest\":\"" + config + "\","
            + "\"params\":{\"pruning.w_th0\":\"" + wth0 + "\",\"exc.refractory_ms\":\"5\"}}");
        return f;
    }

    @Test
    void shouldGroupRunsThatDifferOnlyInTheirSeed() throws IOException
    {
        result("runs/a-s1", "c1", 1, 0.80, 0.10, "0.036");
        result("runs/a-s2", "c1", 2, 0.84, 0.12, "0.036");
        result("runs/a-s3", "c1", 3, 0.82, 0.11, "0.036");
        result("runs/b-s1", "c2", 1, 0.70, 0.05, "0.05");
        final Path csv = dir.resolve("all.csv");

        final CliRun run = run("runs", dir.resolve("runs").toString(), "--csv", csv.toString());

        assertEquals(0, run.exit, run.err);
        final List<String> groups = run.out.lines().filter(l -> l.contains("| 1, 2, 3 |") || l.contains("| 1 | 1 |"))
            .toList();
        assertEquals(2, groups.size(), run.out);
        // mean 82.00%, sample sd 2.00 points, range 80.00% – 84.00%
        assertTrue(groups.get(0).contains("| 3 | 1, 2, 3 | 82.00% ± 2.00 | 80.00% – 84.00% | 11.00% | 400,000 | 200,000 |"),
            groups.get(0));
        assertTrue(groups.get(0).contains("| w_th0=0.036 |"), groups.get(0));
        assertTrue(groups.get(1).contains("| 70.00% | 70.00% – 70.00% |"), groups.get(1));
        assertEquals(5, Files.readAllLines(csv).size(), "header and four runs");
        assertTrue(run.out.contains("| 0123456789abcdef |"), "digests cut to 16 characters");
    }

    @Test
    void shouldNotWriteTheCsvOverAFileItReads() throws IOException
    {
        final Path f = result("runs/a-s1", "c1", 1, 0.80, 0.10, "0.036");
        final String before = Files.readString(f);
        final CliRun run = run("runs", dir.resolve("runs").toString(), "--csv", f.toString());
        assertEquals(2, run.exit, run.err);
        assertTrue(run.err.contains("is one of the result files read"), run.err);
        assertEquals(before, Files.readString(f));
    }

    @Test
    void shouldReportAStandardOutputThatCannotBeWritten() throws IOException
    {
        result("runs/a-s1", "c1", 1, 0.80, 0.10, "0.036");
        final java.io.PrintStream out = System.out;
        final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        final java.io.PrintStream oldErr = System.err;
        final int exit;
        try
        {
            // a stream that fails as a full disk does
            System.setOut(new java.io.PrintStream(new java.io.OutputStream()
            {
                @Override
                public void write(final int b) throws IOException
                {
                    throw new IOException("No space left on device");
                }
            }, true));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = Main.execute("runs", dir.resolve("runs").toString());
        }
        finally
        {
            System.setOut(out);
            System.setErr(oldErr);
        }
        assertEquals(2, exit);
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("standard output: cannot write"),
            err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void shouldGroupADefaultGivenExplicitlyWithTheDefault() throws IOException
    {
        result("a", "c1", 1, 0.80, 0.10, "0.05");
        final Path b = result("b", "c1", 2, 0.90, 0.10, "0.05");
        // an experiment's run names the default schedule explicitly and has no validation_images field
        Files.writeString(b, Files.readString(b).replace("\"pruning.w_th0\":\"0.05\"",
            "\"pruning.w_th0\":\"0.050\",\"pruning.start_images\":\"30000\",\"pruning.step_images\":\"5000\""));
        final Path c = result("c", "c1", 3, 0.70, 0.10, "0.05");
        Files.writeString(c, Files.readString(c).replace("\"pruning.w_th0\":\"0.05\"",
            "\"pruning.w_th0\":\"0.05\",\"pruning.start_images\":\"20000\""));

        final CliRun run = run("runs", dir.toString());

        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("| 2 | 1, 2 | 85.00% ± 7.07 |"), run.out);
        assertTrue(run.out.contains("| start_images=20000 w_th0=0.05 | 1 | 3 | 70.00% |"), run.out);
    }

    @Test
    void shouldNameTheFileAndTheFaultOfADamagedResult() throws IOException
    {
        result("runs/ok", "c1", 1, 0.80, 0.10, "0.036");
        final Path bad = Files.createDirectories(dir.resolve("runs/bad")).resolve("result.json");
        Files.writeString(bad, "{\"profile\":\"guo2020-mnist-100\",\"seed\":1,\"accuracy\":0.8");
        final CliRun truncated = run("runs", dir.resolve("runs").toString());
        assertEquals(Main.EXIT_BAD_INPUT, truncated.exit);
        assertTrue(truncated.err.contains(bad + ": not valid JSON"), truncated.err);
        assertFalse(truncated.err.contains("\tat "), truncated.err);

        Files.writeString(bad, "{\"profile\":\"guo2020-mnist-100\",\"seed\":1,\"accuracy\":\"NaN\"}");
        final CliRun nan = run("runs", bad.toString());
        assertEquals(Main.EXIT_BAD_INPUT, nan.exit);
        assertTrue(nan.err.contains(bad + ": field accuracy is missing or not a number"), nan.err);

        Files.writeString(bad, "{\"profile\":\"guo2020-mnist-100\",\"seed\":1,\"accuracy\":1.5}");
        final CliRun range = run("runs", bad.toString());
        assertTrue(range.err.contains("field accuracy is 1.5, expected a fraction in [0, 1]"), range.err);

        final CliRun none = run("runs", dir.resolve("nothing-here").toString());
        assertEquals(Main.EXIT_BAD_INPUT, none.exit);
        assertTrue(none.err.contains("nothing-here: no such file or folder"), none.err);
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(run("runs", dir.resolve("empty").toString()).err.contains("no result.json found"));
    }

    private static CliRun run(final String... args)
    {
        return CliRun.of(args);
    }
}
