package org.spikeprune.cli.conv;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.spikeprune.cli.RunOutput;
import org.spikeprune.cli.SavedModels;
import org.spikeprune.cli.UsageException;
import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.conv.ConvModel;
import org.spikeprune.core.conv.ConvNetConfig;
import org.spikeprune.engine.ThreadingMode;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwareEstimate;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;

/**
 * {@code conv evaluate MODEL}: tests a convolutional network saved by {@code conv train} without learning it again.
 * The saved weights and pruned connections are loaded, the features of both splits extracted, the readout trained
 * on the training features with the run's settings and tested. With the run's images it reproduces the run's
 * accuracy and digest; other images, core counts, threading modes or a hardware model can be given.
 */
public final class ConvEvaluate
{
    /** The evaluation's file in {@code --out}. */
    public static final String EVALUATION_FILE = "evaluation.json";

    /** The feature rows of both splits in {@code --out} (dense readouts only). */
    public static final String FEATURES_FILE = "features.csv";

    private ConvEvaluate()
    {
    }

    /**
     * True when the bytes start as a convolutional model file does.
     *
     * @param bytes a file's bytes.
     * @return whether it is one.
     */
    public static boolean isConvModel(final byte[] bytes)
    {
        return bytes.length >= ConvModel.MAGIC.length
            && java.util.Arrays.equals(bytes, 0, ConvModel.MAGIC.length, ConvModel.MAGIC, 0, ConvModel.MAGIC.length);
    }

    /**
     * Runs one evaluation.
     *
     * @param model       the model file, or a {@code conv train} output folder.
     * @param data        the data folder (null for the run's when it is still there, else the profile's default).
     * @param out         folder for {@code evaluation.json} (and {@code activity.bin} with a hardware model); null to
     *                    print only.
     * @param cores       processing elements.
     * @param mode        threading mode.
     * @param trainImages training images for the readout (0 for the run's).
     * @param testImages  test images (0 for the run's).
     * @param hw          hardware preset or file, or null.
     * @param stdout      where the results go.
     * @return 0 when the network tested is the saved one with the run's images (or other images were asked for), 1
     *         when the run's images gave another digest.
     */
    public static int run(final Path model, final Path data, final Path out, final int cores, final ThreadingMode mode,
        final int trainImages, final int testImages, final String hw, final PrintStream stdout)
    {
        if (cores <= 0)
        {
            throw new UsageException("--cores must be > 0, found " + cores);
        }
        if (trainImages < 0 || testImages < 0)
        {
            throw new UsageException("--train-images and --test-images must not be negative");
        }
        final Path file = SavedModels.file(model);
        if (hw != null)
        {
            SavedModels.refuseRunFolder(out, file, FEATURES_FILE, "activity.bin");
        }
        else
        {
            SavedModels.refuseRunFolder(out, file, FEATURES_FILE);
        }
        final byte[] bytes = SavedModels.read(file);
        final String source = file.toString();
        final ConvModel m = ConvModel.decode(bytes, source);
        final ConvTrainOptions o = ConvRun.parseOptionsText(m.optionsText(), source, data, out, cores, mode,
            trainImages, testImages);
        final ConvNetConfig cfg;
        try
        {
            cfg = ConvRun.configure(o);
        }
        catch (final UsageException | InputException ex)
        {
            throw new InputException(source + ": the model's options are not valid: " + ex.getMessage(), ex);
        }
        final HardwareConfig hwConfig = hw == null ? null : HardwarePresets.load(hw);
        final NetworkShape shape = NetworkShape.ofConv(o.profile(), cfg.geometry());
        if (hwConfig != null)
        {
            hwConfig.checkFits(shape);
        }
        final ConvRun.Dataset d = ConvRun.load(o, cfg);
        stdout.printf(Locale.ROOT, "conv evaluate: %s (%s, pruning %s, seed %d), images from %s: %d training and %d "
            + "test images; %d core(s), %s%n", file, o.profile(), o.pruning(), o.seed(), d.folder(), d.train().size(),
            d.test().size(), cores, mode);
        final ActivityLog activity = hwConfig == null ? null : new ActivityLog(shape);
        final ConvRun.Evaluation e = ConvRun.evaluate(o, cfg, d, m, source,
            activity == null ? ActivitySink.NONE : activity);
        final String runData = runData(m.optionsText());
        final boolean otherImages = trainImages > 0 || testImages > 0
            || !runData.isEmpty() && !d.folder().toAbsolutePath().normalize().toString().equals(runData);
        // an imported network carries no run digest: there is nothing to compare with
        final boolean imported = m.digest().isEmpty();
        final boolean same = e.digest().equals(m.digest());
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", source);
        json.put("profile", o.profile());
        json.put("pruning", o.pruning());
        json.put("seed", o.seed());
        json.put("cores", cores);
        json.put("threading", mode.name());
        json.put("data", d.folder().toString());
        json.put("train_images", e.trainImages());
        json.put("test_images", e.testImages());
        json.put("accuracy", e.testAccuracy());
        json.put("train_accuracy", e.trainAccuracy());
        json.put("readout", ConvTrain.readout(e.readout()));
        final Map<String, Object> conn = new LinkedHashMap<>();
        long live = 0;
        long total = 0;
        for (int c = 0; c < e.live().length; c++)
        {
            conn.put("conv" + (c + 1), ConvTrain.connectivity(e.live()[c], e.total()[c]));
            live += e.live()[c];
            total += e.total()[c];
        }
        conn.put("total", ConvTrain.connectivity(live, total));
        json.put("connectivity", conn);
        json.put("connections_removed", 1.0 - (double)live / total);
        json.put("inference_sops_per_image", (double)e.inference().totalSynapticOps()
            / Math.max(1, e.inference().images()));
        json.put("inference_spikes_per_image", (double)e.inference().totalSpikes()
            / Math.max(1, e.inference().images()));
        json.put("wall_s", e.seconds());
        json.put("digest", e.digest());
        json.put("model_digest", m.digest());
        String hwSummary = "";
        RunOutput output = null;
        if (out != null)
        {
            output = new RunOutput(out);
        }
        if (activity != null)
        {
            activity.finish();
            final HardwareEstimate estimate = HardwareEstimate.of(hwConfig, activity);
            json.put("hw", ConvHardware.json(hw, estimate, shape));
            hwSummary = ConvHardware.summary(hw, estimate, output != null);
        }
        if (output != null)
        {
            // the files replace earlier ones all together once complete, or none does
            try (org.spikeprune.core.io.SafeFiles.Batch batch = new org.spikeprune.core.io.SafeFiles.Batch())
            {
                if (activity != null)
                {
                    final Path written = output.file("." + ConvHardware.ACTIVITY_FILE + ".staged");
                    batch.adopt(written, output.file(ConvHardware.ACTIVITY_FILE));
                    activity.write(written);
                }
                final RunOutput staged = output.through(batch);
                if (e.features() != null)
                {
                    staged.writeText(FEATURES_FILE, e.features().csv());
                }
                staged.writeJson(EVALUATION_FILE, json);
                batch.commit();
            }
        }
        stdout.printf(Locale.ROOT, "accuracy %.2f%% on %d test images (train %.2f%% on %d), %.2f%% of the connections "
            + "removed, %.0f SOPs per image%n", 100 * e.testAccuracy(), e.testImages(), 100 * e.trainAccuracy(),
            e.trainImages(), 100 * (1.0 - (double)live / total), (double)json.get("inference_sops_per_image"));
        stdout.printf(Locale.ROOT, "wall %.1f s, digest %s%s%n", e.seconds(), e.digest().substring(0, 16),
            imported ? " (an imported network: no run digest to compare with)"
                : otherImages ? " (other images than the run's: not comparable with the model's)"
                : same ? " (the model's)" : " (DIFFERENT from the model's " + m.digest().substring(0, 16) + ")");
        stdout.print(hwSummary);
        if (output != null)
        {
            stdout.println("wrote " + out.resolve(EVALUATION_FILE)
                + (e.features() != null ? ", " + out.resolve(FEATURES_FILE) : "")
                + (activity != null ? " and " + out.resolve(ConvHardware.ACTIVITY_FILE) : ""));
        }
        return same || otherImages || imported ? 0 : 1;
    }

    /** The data folder a saved run read, from its options text ("" when not recorded). */
    private static String runData(final String optionsText)
    {
        for (final String line : optionsText.split("\n"))
        {
            if (line.startsWith("data="))
            {
                return line.substring("data=".length());
            }
        }
        return "";
    }
}
