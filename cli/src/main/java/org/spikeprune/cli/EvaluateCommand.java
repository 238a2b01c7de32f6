package org.spikeprune.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcModel;
import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.core.dc.TemplateReadout;
import org.spikeprune.core.prune.PrunePolicy;
import org.spikeprune.engine.ThreadingMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spikeprune evaluate MODEL}: tests a network saved by {@code train} ({@code model.bin} in its output folder)
 * without training it again, with its saved labels or with labels assigned again from training images.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Test a network saved by train (the model.bin of its output folder) without training it again: "
        + "with its saved labels, or with labels assigned again from training images (--assign-images). A "
        + "convolutional network (paper B) is tested as 'conv evaluate' does.")
public final class EvaluateCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.bin file, or a train output folder.")
    Path model;

    @Option(names = "--test-images", description = "Test images (default: all).")
    Long testImages;

    @Option(names = "--assign-images",
        description = "Assign the labels again from this many training images, learning off (default: the saved "
            + "labels; with --prune-to, as many images as the training run assigned from).")
    Long assignOption;

    @Option(names = "--seed", description = "Seed of the input streams (default: the training run's).")
    Long seed;

    @Option(names = "--cores", defaultValue = "1", description = "Processing elements (default ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--threading", defaultValue = "invoker",
        description = "invoker | shared | dedicated (default ${DEFAULT-VALUE}).")
    String threading;

    @Option(names = "--data", description = "Folder holding the IDX files (default: the data cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    @Option(names = "--out", description = "Folder for evaluation.json (default: print only).")
    Path out;

    @Option(names = "--prune-to", paramLabel = "CONNECTIVITY",
        description = "Prune the saved network after training, Rathi et al.'s post-training pruning as paper A uses "
            + "it: one global threshold leaving this fraction of the input synapses (0 < C <= 1), no retraining.")
    Double pruneTo;

    @Option(names = "--hw", paramLabel = "PRESET|FILE",
        description = "Time the evaluation on a hardware model (zedboard, zedboard-8pe, loihi-like, paper-a, or a "
            + "properties file): adds hw.* (cycles and energy per inference image) to evaluation.json and, with "
            + "--out, writes activity.bin for `hw report`.")
    String hw;

    @Option(names = "--sequential-eval",
        description = "Run the assignment and test phases one after the other instead of side by side.")
    boolean sequentialEval;

    @Override
    public Integer call()
    {
        // the options first, before any file is read
        if (cores < 1)
        {
            throw new InputException("--cores=" + cores + " is invalid: must be >= 1");
        }
        if ((assignOption != null && assignOption < 0) || (testImages != null && testImages <= 0))
        {
            throw new InputException("--assign-images must be >= 0 and --test-images > 0, found " + assignOption
                + " and " + testImages);
        }
        if (pruneTo != null && !(pruneTo > 0 && pruneTo <= 1))
        {
            throw new InputException("--prune-to=" + pruneTo + " is invalid: must be in (0, 1]");
        }
        final ThreadingMode mode = TrainCommand.threadingMode(threading);
        final Path file = SavedModels.file(model);
        if (hw != null)
        {
            SavedModels.refuseRunFolder(out, file, "activity.bin");
        }
        final byte[] bytes = SavedModels.read(file);
        if (org.spikeprune.cli.conv.ConvEvaluate.isConvModel(bytes))
        {
            return convolutional(file, mode);
        }
        final DcModel m = DcModel.decode(bytes, file.toString());
        final Map<String, String> run = TrainCommand.parseRunConfigText(m.configText());
        final String profile = required(run, "run.profile", file);
        final String pruning = required(run, "run.pruning", file);
        final long runSeed = parseLong(required(run, "run.seed", file), "run.seed", file);
        final long runTrainImages = parseLong(required(run, "run.train_images", file), "run.train_images", file);
        final long runAssignImages = parseLong(required(run, "run.assign_images", file), "run.assign_images", file);
        final long assignImages = assignOption != null ? assignOption : pruneTo == null ? 0
            : runAssignImages > 0 ? runAssignImages : runTrainImages;
        run.keySet().removeIf(k -> k.startsWith("run."));
        final Params params = DcProfiles.params(profile, Map.of(), file.toString(), run);
        final DcParams p = new DcParams(params);
        m.validate(p, file.toString());
        final MnistFiles files = data != null ? MnistFiles.load(data) : DataCache.resolve(cache).load(
            p.dataSet().equals("mnist") ? CachedDataset.MNIST : CachedDataset.FASHION_MNIST);
        final DcTrainer.Data d = DcTrainer.Data.of(files);
        for (int j = 0; j < m.excNeurons(); j++)
        {
            if (m.assignments()[j] >= d.classes())
            {
                throw new InputException(file + ": neuron " + j + " has label " + m.assignments()[j] + ", but the data "
                    + "set has " + d.classes() + " classes");
            }
        }
        final long s = seed != null ? seed : runSeed;
        DcNetwork.State state = m.state();
        if (pruneTo != null)
        {
            final Map<String, String> pruneSets = new LinkedHashMap<>();
            pruneSets.put("pruning.target_connectivity", Double.toString(pruneTo));
            final Params pruneParams = DcProfiles.params(profile, Map.of(), "--prune-to", mergedWith(run, pruneSets));
            final long trained = runTrainImages * p.epochs();
            state = DcTrainer.pruneAtEnd(p, state, Policies.create("post-training", pruneParams, Math.max(1, trained),
                p.excNeurons(), p.wMax()), Math.max(1, trained));
        }
        final org.spikeprune.fpga.HardwareConfig hwConfig = hw == null ? null
            : org.spikeprune.fpga.HardwarePresets.load(hw);
        final org.spikeprune.fpga.NetworkShape shape = org.spikeprune.fpga.NetworkShape.paperA(m.excNeurons());
        if (hwConfig != null)
        {
            hwConfig.checkFits(shape);
        }
        final org.spikeprune.fpga.activity.ActivityLog activity = hwConfig == null ? null
            : new org.spikeprune.fpga.activity.ActivityLog(shape);
        final long nTest = Math.min(testImages != null ? testImages : d.testCount(), d.testCount());
        final PrintStream stdout = System.out;
        stdout.printf(Locale.ROOT, "spikeprune evaluate: %s (%s, pruning %s, %d neurons), %s, %d test images, "
            + "seed %d%n", file, profile, pruning, m.excNeurons(), assignImages > 0 ? "labels from " + assignImages
            + " training images" : "saved labels", nTest, s);
        final DcTrainer.Evaluation e;
        try (Progress progress = new Progress(System.err, "evaluate " + profile))
        {
            e = DcTrainer.evaluate(p, d, state, m.assignments(), new DcTrainer.Request(s, cores, mode, 0, nTest,
                assignImages, PrunePolicy.NONE, activity == null ? ActivitySink.NONE : activity, progress,
                !sequentialEval));
        }
        final boolean sameNetwork = assignImages > 0 || pruneTo != null || e.digest().equals(m.digest());
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", file.toString());
        json.put("profile", profile);
        json.put("pruning", pruning);
        json.put("seed", s);
        json.put("exc_neurons", m.excNeurons());
        json.put("test_images", nTest);
        json.put("assign_images", assignImages);
        json.put("accuracy", e.accuracy());
        json.put("accuracy_test_assigned", ResultJson.selfAssigned(e.accuracyTestAssigned(),
            e.accuracyTestAssigned2Fold()));
        final double templateAccuracy = new TemplateReadout(state, e.assignments(), m.excNeurons())
            .accuracy(d.testImages(), d.testLabels(), (int)nTest);
        json.put("accuracy_template", templateAccuracy);
        long live = 0;
        for (final byte st : state.status())
        {
            live += st != 0 ? 1 : 0;
        }
        json.put("post_training_target_connectivity", pruneTo == null ? Double.NaN : pruneTo);
        json.put("connectivity", live / (double)state.status().length);
        json.put("sops_infer_per_image", e.test().sopsPerImage(false));
        json.put("presentations_per_image", e.test().presentations() / (double)Math.max(1, e.test().images()));
        json.put("images_per_s_test", e.test().imagesPerSecond());
        json.put("wall_s", e.wallSeconds());
        json.put("digest", e.digest());
        json.put("model_digest", m.digest());
        json.put("confusion_rows_true_cols_unclassified_then_predicted", e.confusion());
        org.spikeprune.fpga.HardwareEstimate estimate = null;
        if (activity != null)
        {
            activity.finish();
            estimate = org.spikeprune.fpga.HardwareEstimate.of(hwConfig, activity);
            json.put("hw", ResultJson.hw(hw, estimate));
        }
        if (out != null)
        {
            final RunOutput folder = new RunOutput(out);
            try (org.spikeprune.core.io.SafeFiles.Batch batch = new org.spikeprune.core.io.SafeFiles.Batch())
            {
                if (activity != null)
                {
                    final Path written = folder.file(".activity.bin.staged");
                    batch.adopt(written, folder.file("activity.bin"));
                    activity.write(written);
                }
                folder.through(batch).writeJson("evaluation.json", json);
                batch.commit();
            }
        }
        stdout.printf(Locale.ROOT, "accuracy %.2f%%  connectivity %.2f%%  SOPs/image infer %.0f%n",
            100 * e.accuracy(), 100 * (double)json.get("connectivity"), e.test().sopsPerImage(false));
        stdout.printf(Locale.ROOT, "templates (non-spiking diagnostic: nearest input-weight template by cosine, "
            + "same labels): accuracy %.2f%%%n", 100 * templateAccuracy);
        stdout.printf(Locale.ROOT, "images/s test %.0f  wall %.1f s  digest %s%s%n", e.test().imagesPerSecond(),
            e.wallSeconds(), e.digest().substring(0, 16), pruneTo != null ? " (pruned after training)"
                : assignImages > 0 ? " (labels assigned again)"
                : sameNetwork ? " (the model's)" : " (DIFFERENT from the model's " + m.digest().substring(0, 16) + ")");
        if (estimate != null)
        {
            stdout.printf(Locale.ROOT, "hw %s: %.0f cycles and %.3f uJ per inference image (the %d assignment and "
                + "test images)%n", hw, estimate.cyclesInferPerImage(), estimate.energyPjInferPerImage() / 1e6,
                e.test().images() + e.assign().images());
        }
        if (out != null)
        {
            stdout.println("wrote " + out.resolve("evaluation.json") + (activity != null ? " and "
                + out.resolve("activity.bin") : ""));
        }
        return sameNetwork ? 0 : 1;
    }

    /** A network saved by {@code conv train}: tested by {@code conv evaluate}, with the options that apply to it. */
    private int convolutional(final Path file, final ThreadingMode mode)
    {
        if (assignOption != null || pruneTo != null || seed != null || cache != null || sequentialEval)
        {
            throw new UsageException(file + " is a convolutional network (conv train): --assign-images, --prune-to, "
                + "--seed, --cache and --sequential-eval do not apply to it (see 'spikeprune conv evaluate --help')");
        }
        final int tests = testImages == null ? 0 : (int)Math.min(Integer.MAX_VALUE, testImages);
        return org.spikeprune.cli.conv.ConvEvaluate.run(file, data, out, cores, mode, 0, tests, null, System.out);
    }

    private static Map<String, String> mergedWith(final Map<String, String> a, final Map<String, String> b)
    {
        final Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String required(final Map<String, String> run, final String key, final Path file)
    {
        final String v = run.get(key);
        if (v == null)
        {
            throw new InputException(file + ": the model's configuration has no " + key);
        }
        return v;
    }

    private static long parseLong(final String text, final String key, final Path file)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException(file + ": the model's configuration has " + key + "=" + text
                + ", not an integer", ex);
        }
    }
}
