package org.spikeprune.cli.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.Main;
import org.spikeprune.engine.ThreadingMode;

@Tag("slow")
class ConvTrainTest
{
    @TempDir
    static Path tmp;

    static Path data;

    /** Two synthetic classes: vertical and horizontal bars of random period and phase, with noise. */
    @BeforeAll
    static void makeData() throws IOException
    {
        data = makeBars(tmp.resolve("bars"));
    }

    static Path makeBars(final Path data) throws IOException
    {
        final SplittableRandom r = new SplittableRandom(5);
        for (final String split : new String[] {"train", "test"})
        {
            for (int c = 0; c < 2; c++)
            {
                for (int i = 0; i < 30; i++)
                {
                    final Path f = data.resolve(split + "/" + (c == 0 ? "Horizontal" : "Vertical") + "/img_"
                        + i + ".png");
                    Files.createDirectories(f.getParent());
                    final int period = 14 + r.nextInt(12);
                    final int phase = r.nextInt(period);
                    final BufferedImage img = new BufferedImage(250, 160, BufferedImage.TYPE_BYTE_GRAY);
                    for (int y = 0; y < 160; y++)
                    {
                        for (int x = 0; x < 250; x++)
                        {
                            final int coord = c == 0 ? y : x;
                            final boolean bar = (coord + phase) % period < 4;
                            final int v = (bar ? 200 : 40) + r.nextInt(30);
                            img.getRaster().setSample(x, y, 0, v);
                        }
                    }
                    ImageIO.write(img, "png", f.toFile());
                }
            }
        }
        return data;
    }

    private static JsonNode train(final String pruning, final Path out, final int cores)
        throws IOException
    {
        return train(pruning, out, cores, ThreadingMode.INVOKER);
    }

    private static JsonNode train(final String pruning, final Path out, final int cores, final ThreadingMode mode)
        throws IOException
    {
        return train(pruning, out, cores, mode, Map.of(), 0);
    }

    private static JsonNode train(final String pruning, final Path out, final int cores, final ThreadingMode mode,
        final Map<String, String> sets, final int images) throws IOException
    {
        final ConvTrainOptions o = new ConvTrainOptions("nguyen2020-caltech", data, out, 3, cores, mode, pruning,
            sets, true, images, images);
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertEquals(0, ConvTrain.run(o, new PrintStream(buf, true, StandardCharsets.UTF_8)));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("test accuracy"));
        return new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    @Test
    void shouldLearnBeatChanceAndPruneWhenQuick() throws IOException
    {
        final JsonNode none = train("none", tmp.resolve("none"), 1);
        assertEquals(60, none.get("test_images").asInt());
        assertTrue(none.get("accuracy").asDouble() >= 0.75, "accuracy " + none.get("accuracy"));
        // Initial weights N(0.8, 0.01) have w(1 − w) ≈ 0.16; STDP drives them towards 0 or 1.
        for (final String c : new String[] {"conv1", "conv2"})
        {
            assertTrue(none.get("convergence").get(c).asDouble() < 0.08, c + " " + none.get("convergence"));
        }
        assertEquals(0.0, none.get("connections_removed").asDouble(), 0.0);
        assertTrue(none.get("learning").get("stdp_updates").asLong() > 0);
        assertEquals(0, none.get("learning").get("decrement_writes").asLong());
        final JsonNode readout = none.get("readout");
        assertEquals("rbf", readout.get("kernel").asText());
        assertEquals("none", readout.get("search").asText());
        assertEquals(1.0, readout.get("c").asDouble(), 0.0);
        assertEquals(1.0 / 20, readout.get("gamma").asDouble(), 0.0);

        final JsonNode both = train("nguyen2020", tmp.resolve("both"), 2);
        assertTrue(both.get("connections_removed").asDouble() > 0.5, "removed " + both.get("connections_removed"));
        assertTrue(both.get("learning").get("decrement_writes").asLong() > 0);
        assertTrue(both.get("learning").get("prune_evaluations").asLong() > 0);
        assertTrue(both.get("inference").get("conv_sops").asLong() < none.get("inference").get("conv_sops").asLong(),
            "pruned connections cost no SOP");
        assertTrue(both.get("accuracy").asDouble() > 0.5, "accuracy " + both.get("accuracy"));
    }

    @Test
    void shouldGiveTheSameDigestWhenTheCoreCountChanges() throws IOException
    {
        final Map<String, String> small = Map.of("learn.iterations", "100,120,120");
        final JsonNode one = train("nguyen2020", tmp.resolve("p1"), 1, ThreadingMode.INVOKER, small, 20);
        final JsonNode three = train("nguyen2020", tmp.resolve("p3"), 3, ThreadingMode.INVOKER, small, 20);
        final JsonNode dedicated = train("nguyen2020", tmp.resolve("p2d"), 2, ThreadingMode.DEDICATED, small, 20);
        assertEquals(one.get("digest").asText(), three.get("digest").asText());
        assertEquals(one.get("digest").asText(), dedicated.get("digest").asText());
        assertEquals(one.get("learning").get("sops").asLong(), three.get("learning").get("sops").asLong());
    }

    @Test
    void shouldFollowTheReferenceScheduleAndGiveTheSameDigestWhenTheCoreCountChanges() throws IOException
    {
        final Map<String, String> ref = Map.of("learn.iterations", "100,120,120", "learn.schedule", "global",
            "stdp.pre", "count", "learn.order", "class-permuted");
        final JsonNode one = train("none", tmp.resolve("g1"), 1, ThreadingMode.INVOKER, ref, 20);
        final JsonNode two = train("none", tmp.resolve("g2"), 2, ThreadingMode.SHARED, ref, 20);
        assertEquals(one.get("digest").asText(), two.get("digest").asText());
        assertEquals(101 + 121 + 118, one.get("learning").get("images").asLong(),
            "global counter: one more image for conv1 and conv2, the rest for conv3");
        final JsonNode layer = train("none", tmp.resolve("g0"), 1, ThreadingMode.INVOKER,
            Map.of("learn.iterations", "100,120,120"), 20);
        assertEquals(340, layer.get("learning").get("images").asLong());
    }

    @Test
    void shouldRecordTheCrossValidatedReadoutAndKeepTheWeights() throws IOException
    {
        final Map<String, String> small = Map.of("learn.iterations", "100,120,120");
        final Map<String, String> cv = Map.of("learn.iterations", "100,120,120", "readout.search", "cv");
        final JsonNode ref = train("none", tmp.resolve("r0"), 1, ThreadingMode.INVOKER, small, 20);
        final JsonNode searched = train("none", tmp.resolve("r1"), 1, ThreadingMode.INVOKER, cv, 20);
        final JsonNode readout = searched.get("readout");
        assertEquals("cv", readout.get("search").asText());
        assertEquals(5, readout.get("folds").asInt());
        final double c = readout.get("c").asDouble();
        final double gamma = readout.get("gamma").asDouble() * 20;
        assertEquals(c, Math.scalb(1.0, Math.getExponent(c)), 0.0, "C on the grid: " + c);
        assertEquals(gamma, Math.scalb(1.0, Math.getExponent(gamma)), 0.0, "gamma on the grid: " + gamma);
        assertTrue(readout.get("cv_accuracy").asDouble() >= 0 && readout.get("cv_accuracy").asDouble() <= 1);
        assertTrue(Files.readString(tmp.resolve("r1/summary.md")).contains("5-fold cross-validation"));
        // The readout does not touch the network: same learning, same operation counts.
        assertEquals(ref.get("learning").get("sops").asLong(), searched.get("learning").get("sops").asLong());
        assertEquals(ref.get("convergence").toString(), searched.get("convergence").toString());
    }

    /** Runs the command line, returning the exit code, standard output and standard error. */
    private static String[] cli(final String... args)
    {
        final PrintStream savedOut = System.out;
        final PrintStream savedErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            final int code = Main.execute(args);
            return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
        }
        finally
        {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void shouldEvaluateTheSavedNetworkToTheRunsAccuracyAndDigestWhateverTheCores() throws IOException
    {
        final Map<String, String> small = Map.of("learn.iterations", "100,120,120");
        final Path run = tmp.resolve("saved");
        final JsonNode trained = train("nguyen2020", run, 1, ThreadingMode.INVOKER, small, 20);
        assertTrue(Files.size(run.resolve("model.bin")) > 4 * 33_220, "weights and flags of 33,220 connections");
        final Path eval = tmp.resolve("saved-eval");
        final String[] shared = cli("conv", "evaluate", run.toString(), "--cores", "2", "--threading", "SHARED",
            "--out", eval.toString());
        assertEquals("0", shared[0], shared[1] + shared[2]);
        final JsonNode e = new ObjectMapper().readTree(eval.resolve("evaluation.json").toFile());
        assertEquals(trained.get("digest").asText(), e.get("digest").asText());
        assertEquals(trained.get("digest").asText(), e.get("model_digest").asText());
        assertEquals(trained.get("accuracy").asDouble(), e.get("accuracy").asDouble(), 0.0);
        assertEquals(trained.get("connections_removed").asDouble(), e.get("connections_removed").asDouble(), 0.0);
        assertEquals(trained.get("inference").get("sops").asDouble() / trained.get("inference").get("images").asLong(),
            e.get("inference_sops_per_image").asDouble(), 1e-9);
        assertEquals(20, e.get("test_images").asInt());
        assertTrue(shared[1].contains("(the model's)"), shared[1]);
        // the feature rows: one per image of each split, one column per conv3 map, non-negative potentials, and
        // the same bytes on one core
        final List<String> rows = Files.readAllLines(eval.resolve("features.csv"));
        final int width = 20;
        assertEquals("split,image,label," + String.join(",",
            java.util.stream.IntStream.rangeClosed(1, width).mapToObj(f -> "f" + f).toList()), rows.get(0));
        assertEquals(1 + e.get("train_images").asInt() + e.get("test_images").asInt(), rows.size());
        assertTrue(rows.get(1).startsWith("train,0,") && rows.get(rows.size() - 1).startsWith("test,19,"),
            rows.get(rows.size() - 1));
        for (final String row : rows.subList(1, rows.size()))
        {
            final String[] cells = row.split(",");
            assertEquals(3 + width, cells.length, row);
            assertTrue(cells[2].equals("0") || cells[2].equals("1"), row);
            for (int f = 3; f < cells.length; f++)
            {
                final double v = Double.parseDouble(cells[f]);
                assertTrue(Double.isFinite(v) && v >= 0, row);
            }
        }
        final Path eval1 = tmp.resolve("saved-eval-1");
        assertEquals("0", cli("conv", "evaluate", run.toString(), "--out", eval1.toString())[0]);
        assertArrayEquals(Files.readAllBytes(eval.resolve("features.csv")),
            Files.readAllBytes(eval1.resolve("features.csv")));
        // the training run wrote the same rows
        assertArrayEquals(Files.readAllBytes(run.resolve("features.csv")),
            Files.readAllBytes(eval1.resolve("features.csv")));

        // exported as arrays and imported back: the same network, tested with the run's images, gives the run's
        // accuracy and digest; an imported network has no run digest, and evaluate says so
        final Path arrays = tmp.resolve("saved-npy");
        assertEquals("0", cli("export", run.toString(), "--out", arrays.toString())[0]);
        final Path imported = tmp.resolve("saved-imported");
        final String[] imp = cli("import", arrays.toString(), "--profile", "nguyen2020-caltech", "--seed", "3", "--set",
            "learn.iterations=100,120,120", "--out", imported.toString());
        assertEquals("0", imp[0], imp[1] + imp[2]);
        final String[] again = cli("conv", "evaluate", imported.toString(), "--data", data.toString(),
            "--train-images", "20", "--test-images", "20", "--out", tmp.resolve("saved-imported-eval").toString());
        assertEquals("0", again[0], again[1] + again[2]);
        final JsonNode ie = new ObjectMapper().readTree(tmp.resolve("saved-imported-eval/evaluation.json").toFile());
        assertEquals(trained.get("digest").asText(), ie.get("digest").asText());
        assertEquals(trained.get("accuracy").asDouble(), ie.get("accuracy").asDouble(), 0.0);
        assertEquals(trained.get("connections_removed").asDouble(), ie.get("connections_removed").asDouble(), 0.0);
        assertTrue(again[1].contains("an imported network"), again[1]);
        // kernels of the wrong shape are refused, naming the file and the profile's shape
        final Path misshapen = Files.createDirectories(tmp.resolve("wrong-npy"));
        Files.copy(arrays.resolve("conv2_weights.npy"), misshapen.resolve("conv1_weights.npy"));
        final String[] refused = cli("import", misshapen.toString(), "--profile", "nguyen2020-caltech", "--out",
            tmp.resolve("wrong-model").toString());
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), refused[0]);
        assertTrue(refused[2].contains("conv1_weights.npy") && refused[2].contains("[4, 1, 5, 5]"), refused[2]);

        // other images: another digest, and said so
        final String[] fewer = cli("conv", "evaluate", run.resolve("model.bin").toString(), "--test-images", "10");
        assertEquals("0", fewer[0], fewer[2]);
        assertTrue(fewer[1].contains("on 10 test images") && fewer[1].contains("other images"), fewer[1]);

        // a damaged model: exit 2, the file named, nothing written
        final Path damaged = tmp.resolve("damaged.bin");
        final byte[] bytes = Files.readAllBytes(run.resolve("model.bin"));
        bytes[bytes.length / 3] ^= 1;
        Files.write(damaged, bytes);
        final Path none = tmp.resolve("damaged-eval");
        final String[] bad = cli("conv", "evaluate", damaged.toString(), "--out", none.toString());
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), bad[0]);
        assertTrue(bad[2].contains(damaged.toString()) && bad[2].contains("damaged"), bad[2]);
        assertTrue(!Files.exists(none.resolve("evaluation.json")));
        // the top-level evaluate tests it the same way, and refuses the options of paper A's network
        final String[] top = cli("evaluate", run.toString());
        assertEquals("0", top[0], top[2]);
        assertTrue(top[1].contains(trained.get("digest").asText().substring(0, 16) + " (the model's)"), top[1]);
        final String[] wrong = cli("evaluate", run.toString(), "--prune-to", "0.5");
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), wrong[0]);
        assertTrue(wrong[2].contains("convolutional") && wrong[2].contains("--prune-to"), wrong[2]);
    }

    private static String badInput(final Path folder) throws IOException
    {
        final PrintStream saved = System.err;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            final int code = Main.execute("conv", "train", "--quick", "--data", folder.toString(), "--out",
                tmp.resolve("x").toString());
            assertEquals(Main.EXIT_BAD_INPUT, code);
        }
        finally
        {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldExitWithBadInputNamingTheProblemWhenTheDataFolderIsBad() throws IOException
    {
        Files.createDirectories(tmp.resolve("oneclass/train/Only"));
        Files.copy(data.resolve("train/Vertical/img_0.png"), tmp.resolve("oneclass/train/Only/a.png"));
        assertTrue(badInput(tmp.resolve("oneclass")).contains("class"));

        final Path broken = tmp.resolve("broken");
        Files.createDirectories(broken.resolve("train/A"));
        Files.createDirectories(broken.resolve("train/B"));
        Files.copy(data.resolve("train/Vertical/img_0.png"), broken.resolve("train/A/a.png"));
        Files.writeString(broken.resolve("train/B/broken.jpg"), "not a jpeg");
        assertTrue(badInput(broken).contains("broken.jpg"));

        final Path empty = tmp.resolve("emptyclass");
        Files.createDirectories(empty.resolve("train/A"));
        Files.createDirectories(empty.resolve("train/Nothing"));
        Files.copy(data.resolve("train/Vertical/img_0.png"), empty.resolve("train/A/a.png"));
        assertTrue(badInput(empty).contains("Nothing"));

        final Path small = tmp.resolve("small");
        Files.createDirectories(small.resolve("train/A"));
        Files.copy(data.resolve("train/Vertical/img_0.png"), small.resolve("train/A/a.png"));
        final Path tiny = small.resolve("train/B/tiny.png");
        Files.createDirectories(tiny.getParent());
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", tiny.toFile());
        assertTrue(badInput(small).contains("tiny.png"));
    }
}
