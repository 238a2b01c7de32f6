package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;

import com.fasterxml.jackson.databind.JsonNode;

/** The --quick run of paper A's network on real MNIST: it learns, stays in bounds, and counts consistently. */
class TrainQuickIT
{
    @Test
    void shouldLearnMnistInAQuickRun(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final int code = Main.execute("train", "--profile", "guo2020-mnist-100", "--quick", "--seed", "3",
            "--out", out.toString());
        assertEquals(0, code);
        final JsonNode r = RunOutput.json().readTree(Files.readAllBytes(out.resolve("result.json")));
        final double accuracy = r.get("accuracy").asDouble();
        assertTrue(accuracy > 0.30, "well above chance (10%): " + accuracy);
        // the diagnostics with labels from the test responses read the same network: well above chance as well
        final double selfAssigned = r.get("accuracy_test_assigned").get("same_images").asDouble();
        final double twoFold = r.get("accuracy_test_assigned").get("two_fold").asDouble();
        assertTrue(selfAssigned > 0.30 && selfAssigned <= 1.0, "self-assigned " + selfAssigned);
        assertTrue(twoFold > 0.30 && twoFold <= 1.0, "two folds " + twoFold);
        assertTrue(r.get("state").get("weight_min").asDouble() >= 0);
        assertTrue(r.get("state").get("weight_max").asDouble() <= 1.0);
        assertTrue(r.get("state").get("theta_min_mv").asDouble() >= 0);
        assertTrue(r.get("state").get("theta_max_mv").asDouble() < 50, "theta below E_exc - v_th");
        final JsonNode sops = r.get("sops");
        // dense network: every input spike costs one accumulation per excitatory neuron
        assertEquals(sops.get("infer_input_spikes_per_image").asDouble() * 100,
            sops.get("infer_per_image").asDouble(), 1e-6);
        assertEquals(sops.get("train_input_spikes_per_image").asDouble() * 100,
            sops.get("train_accumulations_per_image").asDouble(), 1e-6);
        assertEquals(sops.get("train_accumulations_per_image").asDouble()
            + sops.get("train_exc_spikes_per_image").asDouble() * 784,
            sops.get("train_stdp_updates_per_image").asDouble(), 1e-6);
        assertTrue(Files.size(out.resolve("weights.png")) > 1000);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("accuracy"));
        assertEquals(64, r.get("digest").asText().length());
    }

    @Test
    void shouldRunAptnWithItsBaselineAndReportReductions(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final int code = Main.execute("train", "--profile", "guo2020-mnist-100", "--pruning", "aptn",
            "--train-images", "1200", "--assign-images", "400", "--test-images", "300",
            "--set", "pruning.start_images=600", "--set", "pruning.step_images=200", "--set", "pruning.w_th0=0.05",
            "--out", out.toString());
        assertEquals(0, code);
        final JsonNode r = RunOutput.json().readTree(Files.readAllBytes(out.resolve("result.json")));
        final double connectivity = r.get("connectivity").asDouble();
        assertTrue(connectivity < 1.0 && connectivity > 0, "connectivity " + connectivity);
        assertEquals(4, r.get("pruning_steps").size(), "steps at 600, 800, 1000, 1200");
        double previous = 1.0;
        for (final JsonNode step : r.get("pruning_steps"))
        {
            assertTrue(step.get("connectivity").asDouble() <= previous);
            previous = step.get("connectivity").asDouble();
        }
        final JsonNode base = r.get("baseline_unpruned");
        assertTrue(base.get("infer_sop_reduction").asDouble() > 0, "pruning removes inference work");
        assertTrue(base.get("train_sop_reduction").asDouble() > 0, "pruning removes training work");
    }

    @Test
    void shouldPruneWithOneGroupExactlyAsOnlineConstantPruning(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        // APN with SI = inf puts every neuron in group G0, and APN keeps its threshold over time: paper A's
        // Fig. 8 "SI = Inf" series is online constant pruning, synapse for synapse
        final String[] base = {"train", "--profile", "guo2020-mnist-100", "--no-baseline", "--train-images", "400",
            "--assign-images", "100", "--test-images", "100", "--seed", "6", "--set", "pruning.start_images=200",
            "--set", "pruning.step_images=50", "--set", "pruning.w_th0=0.12"};
        assertEquals(0, Main.execute(concat(base, "--pruning", "constant", "--out", out.resolve("c").toString())));
        assertEquals(0, Main.execute(concat(base, "--pruning", "apn", "--set", "pruning.si=inf", "--out",
            out.resolve("inf").toString())));
        assertEquals(0, Main.execute(concat(base, "--pruning", "apn", "--set", "pruning.si=30", "--out",
            out.resolve("si30").toString())));
        final JsonNode c = RunOutput.json().readTree(Files.readAllBytes(out.resolve("c/result.json")));
        final JsonNode inf = RunOutput.json().readTree(Files.readAllBytes(out.resolve("inf/result.json")));
        final JsonNode si30 = RunOutput.json().readTree(Files.readAllBytes(out.resolve("si30/result.json")));
        assertTrue(c.get("connectivity").asDouble() < 1.0, "the threshold prunes");
        assertEquals(c.get("digest").asText(), inf.get("digest").asText());
        assertEquals(c.get("connectivity").asDouble(), inf.get("connectivity").asDouble(), 0.0);
        assertEquals(c.get("accuracy").asDouble(), inf.get("accuracy").asDouble(), 0.0);
        assertTrue(si30.get("connectivity").asDouble() < c.get("connectivity").asDouble(),
            "groups above G0 get higher thresholds and prune more");
    }

    @Test
    void shouldTimeARunOnTwoPresetsWithoutChangingIt(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final String[] base = {"train", "--profile", "guo2020-mnist-100", "--train-images", "150", "--assign-images",
            "60", "--test-images", "40", "--seed", "9"};
        assertEquals(0, Main.execute(concat(base, "--out", out.resolve("plain").toString())));
        assertEquals(0, Main.execute(concat(base, "--hw", "zedboard", "--out", out.resolve("a").toString())));
        assertEquals(0, Main.execute(concat(base, "--hw", "zedboard-8pe", "--out", out.resolve("b").toString())));
        final JsonNode plain = RunOutput.json().readTree(Files.readAllBytes(out.resolve("plain/result.json")));
        final JsonNode a = RunOutput.json().readTree(Files.readAllBytes(out.resolve("a/result.json")));
        final JsonNode b = RunOutput.json().readTree(Files.readAllBytes(out.resolve("b/result.json")));
        assertEquals(plain.get("digest").asText(), a.get("digest").asText(), "timing does not change the run");
        assertEquals(plain.get("digest").asText(), b.get("digest").asText());
        for (final String k : new String[] {"train_per_image", "infer_per_image"})
        {
            assertTrue(a.get("hw").get("cycles").get(k).asDouble() > 0);
            assertTrue(a.get("hw").get("energy_pj").get(k).asDouble() > 0);
        }
        assertTrue(a.get("hw").get("cycles").get("infer_per_image").asDouble()
            != b.get("hw").get("cycles").get("infer_per_image").asDouble(), "presets differ");
        assertTrue(Files.size(out.resolve("a/activity.bin")) > 0);
        // the saved network timed again by evaluate, labels assigned from the same 60 images: the run's inference
        // figures exactly (the run's inference is its assignment and test passes)
        assertEquals(0, Main.execute("evaluate", out.resolve("a").toString(), "--assign-images", "60",
            "--test-images", "40", "--hw", "zedboard", "--out", out.resolve("a-eval").toString()));
        final JsonNode e = RunOutput.json().readTree(Files.readAllBytes(out.resolve("a-eval/evaluation.json")));
        assertEquals(a.get("digest").asText(), e.get("digest").asText());
        assertEquals(a.get("hw").get("cycles").get("infer_per_image").asDouble(),
            e.get("hw").get("cycles").get("infer_per_image").asDouble(), 0.0);
        assertEquals(a.get("hw").get("energy_pj").get("infer_per_image").asDouble(),
            e.get("hw").get("energy_pj").get("infer_per_image").asDouble(), 0.0);
        assertTrue(e.get("hw").get("cycles").get("train_per_image") == null, "no training in an evaluation");
        assertTrue(Files.size(out.resolve("a-eval/activity.bin")) > 0);
        // an unknown preset is refused before anything runs
        assertEquals(2, Main.execute("evaluate", out.resolve("a").toString(), "--hw", "no-such-preset"));
        // the run's own activity.bin is not replaced by an evaluation's
        final byte[] activity = Files.readAllBytes(out.resolve("a/activity.bin"));
        final CliRun into = CliRun.of("evaluate", out.resolve("a").toString(), "--test-images", "40", "--hw",
            "zedboard", "--out", out.resolve("a").toString());
        assertEquals(2, into.exit, into.err);
        assertTrue(into.err.contains("is the folder of the network being evaluated"), into.err);
        assertTrue(java.util.Arrays.equals(activity, Files.readAllBytes(out.resolve("a/activity.bin"))));
    }

    @Test
    void shouldTestOnHeldOutTrainingImagesWhenValidating(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final String[] base = {"train", "--profile", "guo2020-mnist-100", "--train-images", "150", "--assign-images",
            "60", "--seed", "4", "--set", "network.exc_neurons=20"};
        assertEquals(0, Main.execute(concat(base, "--test-images", "50", "--out", out.resolve("test").toString())));
        assertEquals(0, Main.execute(concat(base, "--validation-images", "50", "--out",
            out.resolve("validation").toString())));
        final JsonNode test = RunOutput.json().readTree(Files.readAllBytes(out.resolve("test/result.json")));
        final JsonNode val = RunOutput.json().readTree(Files.readAllBytes(out.resolve("validation/result.json")));
        assertEquals(0, test.get("validation_images").asInt());
        assertEquals(50, val.get("validation_images").asInt());
        assertEquals(50, val.get("test_images").asInt());
        // the same first 150 training images train both networks; only the evaluated images differ
        assertEquals(test.get("sops").get("train_per_image").asDouble(),
            val.get("sops").get("train_per_image").asDouble(), 0.0);
        assertEquals(test.get("digest").asText(), val.get("digest").asText(), "same training and assignment");
        // the confusion rows count the evaluated images by true class: the last 50 training labels
        final byte[] labels = DataCache.resolve(null).load(CachedDataset.MNIST).train().labels().labels();
        final int[] expected = new int[10];
        for (int i = labels.length - 50; i < labels.length; i++)
        {
            expected[labels[i]]++;
        }
        final JsonNode rows = val.get("confusion_rows_true_cols_unclassified_then_predicted");
        for (int c = 0; c < 10; c++)
        {
            int total = 0;
            for (final JsonNode cell : rows.get(Integer.toString(c)))
            {
                total += cell.asInt();
            }
            assertEquals(expected[c], total, "held-out images of class " + c);
        }
        assertEquals(2, Main.execute(concat(base, "--validation-images", "60000", "--out",
            out.resolve("bad").toString())), "no training image left");
    }

    @Test
    void shouldKeepTheEarlierResultWhenTheDiskFillsUp(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        final String[] base = {"train", "--profile", "guo2020-mnist-100", "--train-images", "150", "--assign-images",
            "60", "--test-images", "50", "--set", "network.exc_neurons=20", "--out", out.toString()};
        assertEquals(0, Main.execute(concat(base, "--seed", "4")));
        final byte[] earlier = Files.readAllBytes(out.resolve("result.json"));
        // result.json is written through a hidden sibling: here a link to a device that is always full
        Files.createSymbolicLink(out.resolve(".result.json.tmp"), full);
        final CliRun run = CliRun.of(concat(base, "--seed", "5"));
        final String message = run.err;
        assertEquals(Main.EXIT_BAD_INPUT, run.exit, message);
        assertTrue(message.contains(out.resolve("result.json") + ": cannot write: No space left on device"), message);
        assertTrue(!message.contains("\tat "), "no stack trace: " + message);
        assertTrue(java.util.Arrays.equals(earlier, Files.readAllBytes(out.resolve("result.json"))),
            "the earlier result.json is kept whole");
        assertTrue(!Files.exists(out.resolve(".result.json.tmp"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        // and so are the files written before it: the folder holds one run, not two
        try (java.util.stream.Stream<Path> files = Files.list(out))
        {
            for (final Path f : (Iterable<Path>)files::iterator)
            {
                assertTrue(!f.getFileName().toString().startsWith("."), "no hidden file is left: " + f);
            }
        }
        final CliRun earlierModel = CliRun.of("evaluate", out.toString(), "--test-images", "10");
        assertEquals(0, earlierModel.exit, earlierModel.err);
        final String digest4 = RunOutput.json().readTree(earlier).get("digest").asText().substring(0, 16);
        assertTrue(earlierModel.out.contains("digest " + digest4 + " (the model's)"),
            "model.bin is still the seed-4 run's: " + earlierModel.out);
    }

    @Test
    void shouldTestASavedNetworkAsTheRunThatSavedIt(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        // soft pruning leaves frozen synapses beside plastic and pruned ones: all three must come back
        assertEquals(0, Main.execute("train", "--profile", "guo2020-mnist-100", "--pruning", "soft", "--no-baseline",
            "--train-images", "800", "--assign-images", "300", "--test-images", "200", "--seed", "5",
            "--set", "pruning.start_images=400", "--set", "pruning.step_images=200", "--cores", "2",
            "--out", out.resolve("run").toString()));
        final JsonNode run = RunOutput.json().readTree(Files.readAllBytes(out.resolve("run/result.json")));
        assertTrue(run.get("frozen_synapses").asLong() > 0, "the run froze synapses");
        assertEquals(0, Main.execute("evaluate", out.resolve("run").toString(), "--test-images", "200",
            "--out", out.resolve("saved").toString()));
        assertEquals(0, Main.execute("evaluate", out.resolve("run/model.bin").toString(), "--test-images", "200",
            "--assign-images", "300", "--threading", "shared", "--cores", "3", "--out",
            out.resolve("again").toString()));
        for (final String name : new String[] {"saved", "again"})
        {
            final JsonNode e = RunOutput.json().readTree(Files.readAllBytes(out.resolve(name + "/evaluation.json")));
            assertEquals(run.get("accuracy").asDouble(), e.get("accuracy").asDouble(), 0.0, name);
            assertEquals(run.get("digest").asText(), e.get("digest").asText(), name);
            assertEquals(run.get("sops").get("infer_per_image").asDouble(), e.get("sops_infer_per_image").asDouble(),
                0.0, name);
            // the non-spiking template readout of the same weights and labels: above chance (10%) even after 800
            // images, when most templates are still near their random start
            final double template = e.get("accuracy_template").asDouble();
            assertTrue(template > 0.1 && template <= 1, name + ": template readout " + template);
            assertEquals(run.get("accuracy_template").asDouble(), template, 0.0, name + ": as the run reported it");
        }
        assertEquals(RunOutput.json().readTree(Files.readAllBytes(out.resolve("saved/evaluation.json")))
            .get("accuracy_template").asDouble(), RunOutput.json().readTree(Files.readAllBytes(
                out.resolve("again/evaluation.json"))).get("accuracy_template").asDouble(), 0.0);
        // exported as arrays and imported back, the network tests as the run: plastic, frozen and pruned synapses,
        // delays, thresholds and labels all make the round trip
        assertEquals(0, Main.execute("export", out.resolve("run").toString(), "--out", out.resolve("npy").toString()));
        assertEquals(0, Main.execute("import", out.resolve("npy").toString(), "--profile", "guo2020-mnist-100",
            "--seed", "5", "--out", out.resolve("imported").toString()));
        assertEquals(0, Main.execute("evaluate", out.resolve("imported").toString(), "--test-images", "200",
            "--out", out.resolve("imported-eval").toString()));
        final JsonNode imported = RunOutput.json().readTree(Files.readAllBytes(
            out.resolve("imported-eval/evaluation.json")));
        assertEquals(run.get("digest").asText(), imported.get("digest").asText());
        assertEquals(run.get("accuracy").asDouble(), imported.get("accuracy").asDouble(), 0.0);
        assertEquals(run.get("sops").get("infer_per_image").asDouble(),
            imported.get("sops_infer_per_image").asDouble(), 0.0);
        // a damaged model is refused with its name, and nothing is written
        final byte[] bytes = Files.readAllBytes(out.resolve("run/model.bin"));
        bytes[bytes.length / 3] ^= 1;
        final Path bad = out.resolve("bad.bin");
        Files.write(bad, bytes);
        assertEquals(2, Main.execute("evaluate", bad.toString(), "--out", out.resolve("bad").toString()));
        assertTrue(!Files.exists(out.resolve("bad/evaluation.json")));
        assertEquals(2, Main.execute("evaluate", out.resolve("missing.bin").toString()));
    }

    @Test
    void shouldTestASavedNetworkWhoseWeightsTheNormalisationScaledPastWMax(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        // after a hard prune the normalisation scales the few weights left back to a total of 78, past w_max = 1
        // (as Diehl & Cook's normalisation would: it does not clip)
        assertEquals(0, Main.execute("train", "--profile", "guo2020-mnist-100", "--train-images", "600",
            "--assign-images", "200", "--test-images", "200", "--seed", "3", "--pruning", "constant",
            "--no-baseline", "--set", "pruning.w_th0=0.3", "--set", "pruning.start_images=300", "--set",
            "pruning.step_images=100", "--out", out.resolve("run").toString()));
        final org.spikeprune.core.dc.DcModel m = org.spikeprune.core.dc.DcModel.decode(
            Files.readAllBytes(out.resolve("run/model.bin")), "model.bin");
        float max = 0;
        for (final float w : m.state().weights())
        {
            max = Math.max(max, w);
        }
        assertTrue(max > 1f, "largest weight " + max);
        assertEquals(0, Main.execute("evaluate", out.resolve("run").toString(), "--test-images", "200", "--out",
            out.resolve("eval").toString()));
        final JsonNode run = RunOutput.json().readTree(Files.readAllBytes(out.resolve("run/result.json")));
        final JsonNode e = RunOutput.json().readTree(Files.readAllBytes(out.resolve("eval/evaluation.json")));
        assertEquals(run.get("digest").asText(), e.get("digest").asText());
        assertEquals(run.get("accuracy").asDouble(), e.get("accuracy").asDouble(), 0.0);
    }

    @Test
    void shouldSnapshotTheNetworkWhileItLearnsAndTestTheLastSnapshotAsTheRun(@TempDir final Path out)
        throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        assertEquals(0, Main.execute("train", "--profile", "guo2020-mnist-100", "--train-images", "600",
            "--assign-images", "200", "--test-images", "200", "--seed", "4", "--cores", "2", "--snapshot-every", "250",
            "--out", out.resolve("run").toString()));
        final Path snaps = out.resolve("run/snapshots");
        try (java.util.stream.Stream<Path> files = Files.list(snaps))
        {
            assertEquals(java.util.List.of("model-250.bin", "model-500.bin"),
                files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // the network at 500 images is not the trained one; with the labels assigned again, the trained one is
        // tested at the end of the run: a snapshot at the last image would be that network
        assertEquals(0, Main.execute("train", "--profile", "guo2020-mnist-100", "--train-images", "600",
            "--assign-images", "200", "--test-images", "200", "--seed", "4", "--snapshot-every", "600",
            "--out", out.resolve("last").toString()));
        final JsonNode run = RunOutput.json().readTree(Files.readAllBytes(out.resolve("run/result.json")));
        final JsonNode last = RunOutput.json().readTree(Files.readAllBytes(out.resolve("last/result.json")));
        assertEquals(run.get("digest").asText(), last.get("digest").asText(), "snapshots change nothing in the run");
        assertEquals(0, Main.execute("evaluate", out.resolve("last/snapshots/model-600.bin").toString(),
            "--assign-images", "200", "--test-images", "200", "--out", out.resolve("eval").toString()));
        final JsonNode e = RunOutput.json().readTree(Files.readAllBytes(out.resolve("eval/evaluation.json")));
        assertEquals(run.get("digest").asText(), e.get("digest").asText());
        assertEquals(run.get("accuracy").asDouble(), e.get("accuracy").asDouble(), 0.0);
        assertEquals(2, Main.execute("train", "--profile", "guo2020-mnist-100", "--train-images", "600",
            "--snapshot-every", "0", "--out", out.resolve("bad").toString()));
        assertEquals(2, Main.execute("train", "--profile", "guo2020-mnist-100", "--train-images", "600",
            "--snapshot-every", "601", "--out", out.resolve("bad").toString()));
        assertTrue(!Files.exists(out.resolve("bad/result.json")));
    }

    @Test
    void shouldPruneASavedNetworkAsPostTrainingPruningDoes(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final String[] base = {"train", "--profile", "guo2020-mnist-100", "--train-images", "600", "--assign-images",
            "200", "--test-images", "200", "--seed", "4"};
        assertEquals(0, Main.execute(concat(base, "--pruning", "post-training", "--no-baseline", "--set",
            "pruning.target_connectivity=0.15", "--out", out.resolve("post").toString())));
        assertEquals(0, Main.execute(concat(base, "--out", out.resolve("none").toString())));
        assertEquals(0, Main.execute("evaluate", out.resolve("none").toString(), "--prune-to", "0.15", "--test-images",
            "200", "--out", out.resolve("eval").toString()));
        final JsonNode post = RunOutput.json().readTree(Files.readAllBytes(out.resolve("post/result.json")));
        final JsonNode eval = RunOutput.json().readTree(Files.readAllBytes(out.resolve("eval/evaluation.json")));
        // the same training, the same end-of-training pass, labels from the same 200 training images
        assertEquals(post.get("digest").asText(), eval.get("digest").asText());
        assertEquals(post.get("accuracy").asDouble(), eval.get("accuracy").asDouble(), 0.0);
        assertEquals(post.get("connectivity").asDouble(), eval.get("connectivity").asDouble(), 0.0);
        assertEquals(0.15, eval.get("connectivity").asDouble(), 1e-3);
        assertEquals(2, Main.execute("evaluate", out.resolve("none").toString(), "--prune-to", "1.5"));
    }

    private static String[] concat(final String[] a, final String... b)
    {
        final String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
