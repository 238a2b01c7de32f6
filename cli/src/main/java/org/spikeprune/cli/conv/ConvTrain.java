package org.spikeprune.cli.conv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.spikeprune.cli.RunOutput;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.conv.ConvGeometry;
import org.spikeprune.core.conv.ConvNetConfig;
import org.spikeprune.core.conv.OperationCounts;
import org.spikeprune.core.conv.SvmReadout;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwareEstimate;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;

/**
 * {@code train} for the convolutional profiles ({@code nguyen2020-caltech}, {@code kheradpisheh2018-mnist}):
 * layer-wise STDP learning with the chosen pruning, feature extraction, SVM readout; writes {@code result.json},
 * {@code summary.md} and the learned network ({@code model.bin}, for {@code conv evaluate}) into the output folder.
 */
public final class ConvTrain
{
    /** The saved network's file name in a run's output folder. */
    public static final String MODEL_FILE = "model.bin";

    private ConvTrain()
    {
    }

    /**
     * Runs one training and test.
     *
     * @param opts the options.
     * @param out  where progress and the summary go.
     * @return the exit code (0).
     */
    public static int run(final ConvTrainOptions opts, final PrintStream out)
    {
        final ConvNetConfig cfg = ConvRun.configure(opts);
        ConvRun.policy(opts);
        final HardwareConfig hwConfig = opts.hw() == null ? null : HardwarePresets.load(opts.hw());
        final NetworkShape shape = NetworkShape.ofConv(opts.profile(), cfg.geometry());
        if (hwConfig != null)
        {
            hwConfig.checkFits(shape);
        }
        final ConvRun.Dataset data = ConvRun.load(opts, cfg);
        out.printf(Locale.ROOT, "%s: images from %s%n", opts.profile(), data.folder());
        out.printf(Locale.ROOT, "%s: %d training and %d test images; pruning %s; %d core(s), %s%n", opts.profile(),
            data.train().size(), data.test().size(), opts.pruning(), opts.cores(), opts.mode());
        final ActivityLog activity = hwConfig == null ? null : new ActivityLog(shape);
        final ConvRun.Result r = ConvRun.execute(opts, cfg, data, 100, out,
            activity == null ? ActivitySink.NONE : activity);
        Map<String, Object> hwJson = null;
        String hwSummary = "";
        if (activity != null)
        {
            activity.finish();
            final HardwareEstimate estimate = HardwareEstimate.of(hwConfig, activity);
            hwJson = ConvHardware.json(opts.hw(), estimate, shape);
            hwSummary = ConvHardware.summary(opts.hw(), estimate);
        }
        write(opts, data, r, hwJson, hwSummary, activity);
        final String summary = summary(opts, r) + hwSummary;
        out.print(summary);
        out.printf(Locale.ROOT, "wrote %s, %s%s and %s%s%n", opts.out().resolve("result.json"),
            opts.out().resolve("summary.md"), r.features() == null ? ""
            : ", " + opts.out().resolve(ConvEvaluate.FEATURES_FILE), opts.out().resolve(MODEL_FILE),
            activity == null ? "" : " and " + opts.out().resolve(ConvHardware.ACTIVITY_FILE));
        return 0;
    }

    static void write(final ConvTrainOptions opts, final ConvRun.Dataset data, final ConvRun.Result r)
    {
        write(opts, data, r, null, "", null);
    }

    static void write(final ConvTrainOptions opts, final ConvRun.Dataset data, final ConvRun.Result r,
        final Map<String, Object> hw, final String hwSummary,
        final org.spikeprune.fpga.activity.ActivityLog activity)
    {
        final RunOutput folder = new RunOutput(opts.out());
        final Map<String, Object> json = json(opts, data, r);
        if (hw != null)
        {
            json.put("hw", hw);
        }
        // each file is written beside its final name, and all are moved into place together once complete: a
        // failure part-way leaves every earlier file as it was
        try (org.spikeprune.core.io.SafeFiles.Batch batch = new org.spikeprune.core.io.SafeFiles.Batch())
        {
            final RunOutput output = folder.through(batch);
            if (activity != null)
            {
                final java.nio.file.Path written = folder.file("." + ConvHardware.ACTIVITY_FILE + ".staged");
                batch.adopt(written, folder.file(ConvHardware.ACTIVITY_FILE));
                activity.write(written);
            }
            output.writeBytes(MODEL_FILE, r.model().encode());
            if (r.features() != null)
            {
                output.writeText(ConvEvaluate.FEATURES_FILE, r.features().csv());
            }
            output.writeJson("result.json", json);
            output.writeText("summary.md", summary(opts, r) + hwSummary);
            batch.commit();
        }
    }

    /** The result as a JSON tree (ordered maps). */
    static Map<String, Object> json(final ConvTrainOptions opts, final ConvRun.Dataset data, final ConvRun.Result r)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", opts.profile());
        m.put("pruning", opts.pruning());
        m.put("settings", new TreeMap<>(opts.sets()));
        m.put("seed", opts.seed());
        m.put("cores", opts.cores());
        m.put("threading", opts.mode().name());
        m.put("quick", opts.quick());
        m.put("data", data.folder().toString());
        m.put("train_images", r.trainImages());
        m.put("test_images", r.testImages());
        m.put("accuracy", r.testAccuracy());
        m.put("train_accuracy", r.trainAccuracy());
        m.put("readout", readout(r.readout()));
        final Map<String, Object> conn = new LinkedHashMap<>();
        for (int c = 0; c < r.live().length; c++)
        {
            conn.put("conv" + (c + 1), connectivity(r.live()[c], r.total()[c]));
        }
        conn.put("total", connectivity(r.liveTotal(), r.connectionTotal()));
        m.put("connectivity", conn);
        m.put("connections_removed", r.removed());
        final Map<String, Object> conv = new LinkedHashMap<>();
        for (int c = 0; c < r.convergence().length; c++)
        {
            conv.put("conv" + (c + 1), r.convergence()[c]);
        }
        m.put("convergence", conv);
        m.put("learning", counts(r.learning(), r.geometry()));
        m.put("inference", counts(r.inference(), r.geometry()));
        m.put("learning_operations", r.learningOps());
        m.put("inference_sops_per_image", r.inferenceOpsPerImage());
        m.put("learn_s", r.learnSeconds());
        m.put("inference_s", r.inferSeconds());
        m.put("wall_s", r.wallSeconds());
        m.put("digest", r.digest());
        return m;
    }

    /** The readout's kernel, C and gamma and how they were chosen. */
    static Map<String, Object> readout(final SvmReadout.Choice choice)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        if (choice == null)
        {
            m.put("kernel", "linear");
            m.put("c", ConvRun.LINEAR_C);
            return m;
        }
        m.put("kernel", "rbf");
        m.put("search", choice.search().name().toLowerCase(Locale.ROOT));
        m.put("c", choice.c());
        m.put("gamma", choice.gamma());
        if (choice.search() == SvmReadout.Search.CV)
        {
            m.put("folds", choice.folds());
            m.put("cv_accuracy", choice.cvAccuracy());
        }
        return m;
    }

    /** One line on the readout for the summary. */
    static String readoutLine(final SvmReadout.Choice choice)
    {
        if (choice == null)
        {
            return String.format(Locale.ROOT, "- readout: linear SVM, C = %s%n", ConvRun.LINEAR_C);
        }
        final String how = choice.search() == SvmReadout.Search.CV
            ? String.format(Locale.ROOT, "chosen by %d-fold cross-validation on the training features, CV accuracy "
                + "%.2f%%", choice.folds(), 100 * choice.cvAccuracy())
            : "fixed";
        return String.format(Locale.ROOT, "- readout: RBF SVM, C = %s, gamma = %s (%s)%n", choice.c(),
            choice.gamma(), how);
    }

    /** Live, total and their fraction, for result.json and evaluation.json. */
    static Map<String, Object> connectivity(final long live, final long total)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("live", live);
        m.put("total", total);
        m.put("fraction", (double)live / total);
        return m;
    }

    private static Map<String, Object> counts(final OperationCounts c, final ConvGeometry g)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", c.images());
        m.put("sops", c.totalSynapticOps());
        m.put("conv_sops", c.convSynapticOps(g));
        m.put("stdp_updates", c.totalStdpUpdates());
        m.put("ltd_updates", c.totalLtd());
        m.put("decrement_writes", c.totalDecrementWrites());
        m.put("prune_evaluations", c.totalPruneEvaluations());
        m.put("pruned", c.totalPruned());
        m.put("spikes", c.totalSpikes());
        m.put("input_spikes", c.spikes(0));
        final List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 1; l < g.layerCount(); l++)
        {
            final Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("layer", l);
            lm.put("kind", g.spec(l).isConv() ? "conv" + (g.convOrdinal(l) + 1) : "pool");
            lm.put("sops", c.synapticOps(l));
            lm.put("spikes", c.spikes(l));
            lm.put("neuron_updates", c.neuronUpdates(l));
            lm.put("stdp_updates", c.stdpUpdates(l));
            lm.put("decrement_writes", c.decrementWrites(l));
            lm.put("prune_evaluations", c.pruneEvaluations(l));
            lm.put("pruned", c.pruned(l));
            layers.add(lm);
        }
        m.put("layers", layers);
        return m;
    }

    /** A short Markdown summary. */
    static String summary(final ConvTrainOptions opts, final ConvRun.Result r)
    {
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# %s, pruning %s%n%n", opts.profile(), opts.pruning()));
        s.append(String.format(Locale.ROOT, "- test accuracy: **%.2f%%** on %d images (train %.2f%% on %d)%n",
            100 * r.testAccuracy(), r.testImages(), 100 * r.trainAccuracy(), r.trainImages()));
        s.append(readoutLine(r.readout()));
        s.append(String.format(Locale.ROOT, "- connections removed: **%.2f%%** (%d of %d live)%n", 100 * r.removed(),
            r.liveTotal(), r.connectionTotal()));
        for (int c = 0; c < r.live().length; c++)
        {
            s.append(String.format(Locale.ROOT, "  - conv%d connectivity %.2f%% (%d of %d)%n", c + 1,
                100.0 * r.live()[c] / r.total()[c], r.live()[c], r.total()[c]));
        }
        s.append(String.format(Locale.ROOT, "- learning: %d SOPs, %d STDP updates, %d decrement writes, %d prune "
            + "evaluations (%d images, %.1f s)%n", r.learning().totalSynapticOps(), r.learning().totalStdpUpdates(),
            r.learning().totalDecrementWrites(), r.learning().totalPruneEvaluations(), r.learning().images(),
            r.learnSeconds()));
        s.append(String.format(Locale.ROOT, "- inference: %.0f SOPs per image (%d images, %.1f s)%n",
            r.inferenceOpsPerImage(), r.inference().images(), r.inferSeconds()));
        s.append(String.format(Locale.ROOT, "- seed %d, %d core(s) %s, wall %.1f s, digest `%s`%n", opts.seed(),
            opts.cores(), opts.mode(), r.wallSeconds(), r.digest()));
        return s.toString();
    }
}
