package org.spikeprune.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.core.prune.PrunePolicy;
import org.spikeprune.engine.ThreadingMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spikeprune train}: trains and tests a network profile, writes result.json, weight maps and a summary. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a network profile on its data set, test it, and write result.json, a weight-map PNG, "
        + "a Markdown summary and the trained network (model.bin, for evaluate).")
public final class TrainCommand implements java.util.concurrent.Callable<Integer>
{
    @Option(names = "--profile", required = true,
        description = "Network profile: guo2020-mnist-100, guo2020-mnist-800, guo2020-fashion-100, "
            + "guo2020-fashion-800, dc2015-mnist-400 (paper A); nguyen2020-caltech, kheradpisheh2018-mnist (paper B).")
    String profile;

    @Option(names = "--pruning", defaultValue = "none",
        description = "Pruning method: none, constant, apt, apn, aptn, post-training, soft, neuron (paper A); "
            + "nguyen2020-dynamic, nguyen2020-post, nguyen2020 (paper B) (default ${DEFAULT-VALUE}).")
    String pruning;

    @Option(names = "--train-images", description = "Training images per epoch (default: all).")
    Long trainImages;

    @Option(names = "--test-images", description = "Test images (default: all).")
    Long testImages;

    @Option(names = "--assign-images",
        description = "Training images presented with learning off to assign labels (default: the training images).")
    Long assignImages;

    @Option(names = "--validation-images", paramLabel = "N",
        description = "Hold out the last N training images and test on them instead of the test set; training and "
            + "label assignment use only the training images before them (for choosing parameters).")
    Integer validationImages;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cores", defaultValue = "1", description = "Processing elements (default ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--threading", defaultValue = "invoker",
        description = "invoker, shared or dedicated (default ${DEFAULT-VALUE}).")
    String threading;

    @Option(names = "--data", description = "Folder holding the IDX files (default: the data cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    @Option(names = "--out", description = "Output folder (default: runs/<profile>-<pruning>-s<seed>).")
    Path out;

    @Option(names = "--config", description = "A key=value parameter file applied over the profile.")
    Path config;

    @Option(names = "--set", description = "Override one parameter, key=value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quick", description = "A short run: 3,000 training, 1,000 assignment and 1,000 test images.")
    boolean quick;

    @Option(names = "--hw", paramLabel = "PRESET|FILE",
        description = "Time the run on a hardware model (zedboard, zedboard-8pe, loihi-like, paper-a, or a "
            + "properties file): adds hw.* to result.json and writes activity.bin for `hw report`.")
    String hw;

    @picocli.CommandLine.Mixin
    org.spikeprune.cli.trace.TraceOptions trace = new org.spikeprune.cli.trace.TraceOptions();

    @Option(names = "--sequential-eval",
        description = "Run the assignment and test phases one after the other instead of side by side "
            + "(same results; for timing comparisons).")
    boolean sequentialEval;

    @Option(names = "--snapshot-every", paramLabel = "N",
        description = "Save the network every N training images as snapshots/model-<images>.bin (with the running "
            + "labels; `evaluate FILE --assign-images M` assigns them again), for accuracy against training length.")
    Long snapshotEvery;

    @Option(names = "--no-baseline",
        description = "With --pruning: do not run the unpruned baseline of the same seed alongside.")
    boolean noBaseline;

    @Override
    public Integer call()
    {
        if (profile.startsWith("nguyen2020") || profile.startsWith("kheradpisheh2018"))
        {
            return trainConvolutional();
        }
        if (!DcProfiles.isProfile(profile))
        {
            throw new UsageException("--profile " + profile + " is unknown (known: "
                + String.join(", ", DcProfiles.names()) + " (paper A); "
                + org.spikeprune.core.conv.ConvProfiles.NGUYEN2020_CALTECH + ", "
                + org.spikeprune.core.conv.ConvProfiles.KHERADPISHEH2018_MNIST + " (paper B))");
        }
        if (!pruning.equals("none"))
        {
            org.spikeprune.pruning.PruneMethod.parse(pruning); // an unknown method is refused before the data is read
        }
        final PrintStream err = System.err;
        final PrintStream stdout = System.out;
        final Map<String, String> setMap = Params.parseAssignments(sets);
        final Map<String, String> fileMap = config == null ? Map.of() : Params.readFile(config);
        final Params params = DcProfiles.params(profile, fileMap, config == null ? "config" : config.toString(), setMap);
        final DcParams p = new DcParams(params);
        final ThreadingMode mode = threadingMode(threading);
        if (cores < 1 || cores > p.excNeurons())
        {
            // refused before the data set is read
            throw new UsageException("--cores=" + cores + " is invalid: must be between 1 and the number of "
                + "excitatory neurons (" + p.excNeurons() + ")");
        }

        final MnistFiles files = loadData(p.dataSet());
        final DcTrainer.Data all = DcTrainer.Data.of(files);
        if (validationImages != null && trace.enabled())
        {
            // a replay rebuilds the run from its recorded options, which name the test set
            throw new UsageException("--validation-images cannot be combined with --trace");
        }
        final DcTrainer.Data d = validationImages == null ? all : all.holdOut(validationImages);
        final long nTrain = Math.min(trainImages != null ? trainImages : quick ? 3000 : d.trainCount(),
            d.trainCount());
        final long nTest = Math.min(testImages != null ? testImages : quick ? 1000 : d.testCount(), d.testCount());
        final long nAssign = assignImages != null ? assignImages
            : quick ? Math.min(1000, nTrain) : p.assignImages() > 0 ? p.assignImages() : nTrain;
        if (nTrain <= 0)
        {
            throw new InputException("--train-images=" + nTrain + " is invalid: must be > 0");
        }
        if (nTest <= 0)
        {
            // refused before training, not after it when the test phase cannot start
            throw new InputException("--test-images=" + nTest + " is invalid: must be > 0");
        }
        if (nAssign < 0)
        {
            throw new InputException("--assign-images=" + nAssign + " is invalid: must be >= 0 (0: all the training "
                + "images)");
        }
        final PrunePolicy policy = Policies.create(pruning, params, nTrain * p.epochs(), p.excNeurons(), p.wMax());
        if (snapshotEvery != null && (snapshotEvery <= 0 || snapshotEvery > nTrain * p.epochs()))
        {
            throw new UsageException("--snapshot-every=" + snapshotEvery + " is invalid: must be between 1 and the "
                + nTrain * p.epochs() + " training images of the run");
        }
        final RunOutput output = new RunOutput(out != null ? out
            : Path.of("runs", profile + "-" + pruning + "-s" + seed));

        stdout.printf(Locale.ROOT, "spikeprune train: %s, pruning %s, %d training images x %d epoch(s), %d "
            + "assignment, %d %s, seed %d, %d core(s), %s%n", profile, pruning, nTrain, p.epochs(), nAssign, nTest,
            validationImages == null ? "test" : "validation (held-out training images)", seed, cores,
            mode.name().toLowerCase(Locale.ROOT));
        final org.spikeprune.fpga.HardwareConfig hwConfig = hw == null ? null
            : org.spikeprune.fpga.HardwarePresets.load(hw);
        final org.spikeprune.fpga.activity.ActivityLog activity = hw == null ? null
            : new org.spikeprune.fpga.activity.ActivityLog(org.spikeprune.fpga.NetworkShape.paperA(p.excNeurons()));
        final org.spikeprune.traces.TraceRecorder recorder = trace.start(profile, seed,
            runConfigText(params, nTrain, nTest, nAssign, mode), "spikeprune train");
        final ActivitySink sink = org.spikeprune.core.activity.TeeSink.of(
            activity == null ? ActivitySink.NONE : activity,
            recorder == null ? ActivitySink.NONE
                : new org.spikeprune.cli.trace.TraceActivitySink(recorder, org.spikeprune.core.dc.DcNetwork.INPUTS));
        final DcTrainer.Observer snapshots = snapshotEvery == null ? DcTrainer.Observer.NONE
            : new Snapshots(new RunOutput(output.dir().resolve("snapshots")), snapshotEvery,
                runConfigText(params, nTrain, nTest, nAssign, mode), nTrain * p.epochs());
        final DcTrainer.Result result;
        DcTrainer.Result baseline = null;
        if (policy == PrunePolicy.NONE || noBaseline)
        {
            try (Progress progress = new Progress(err, profile))
            {
                result = DcTrainer.run(p, d, new DcTrainer.Request(seed, cores, mode, nTrain, nTest, nAssign, policy,
                    sink, progress, !sequentialEval).observedBy(snapshots));
            }
        }
        else
        {
            // the pruned run and its unpruned baseline of the same seed run side by side, one per CPU
            final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
                final Thread t = new Thread(r, "spikeprune-baseline");
                t.setDaemon(true);
                return t;
            });
            try (Progress progress = new Progress(err, profile + " " + pruning))
            {
                final Future<DcTrainer.Result> base = pool.submit(() -> DcTrainer.run(p, d, new DcTrainer.Request(seed,
                    cores, mode, nTrain, nTest, nAssign, PrunePolicy.NONE, ActivitySink.NONE,
                    DcTrainer.Progress.NONE)));
                result = DcTrainer.run(p, d, new DcTrainer.Request(seed, cores, mode, nTrain, nTest, nAssign, policy,
                    sink, progress).observedBy(snapshots));
                stdout.println("waiting for the unpruned baseline of the same seed ...");
                baseline = Futures.await(base);
            }
            finally
            {
                pool.shutdownNow();
            }
        }

        final Map<String, Object> json = ResultJson.of(profile, pruning, seed, cores, mode, nTrain, nTest, nAssign,
            p, params, configDigest(params), result, baseline);
        // accuracy, test_images and the confusion matrix then refer to the held-out training images
        json.put("validation_images", validationImages == null ? 0 : validationImages);
        ResultJson.putAfter(json, "accuracy_test_assigned", "accuracy_template",
            new org.spikeprune.core.dc.TemplateReadout(result.state(), result.assignments(), result.excNeurons())
                .accuracy(d.testImages(), d.testLabels(), (int)nTest));
        if (policy instanceof org.spikeprune.pruning.ReportingPrunePolicy)
        {
            json.put("pruning_log", ((org.spikeprune.pruning.ReportingPrunePolicy)policy).stepLog());
        }
        if (recorder != null)
        {
            recorder.finish(result.digest());
            recorder.close();
            stdout.printf(Locale.ROOT, "trace: %d records, %d bytes in %s%n", recorder.committedRecords(),
                recorder.committedBytes(), recorder.directory());
        }
        // the run's files replace an earlier run's all together, or not at all (a full disk part-way)
        try (org.spikeprune.core.io.SafeFiles.Batch batch = new org.spikeprune.core.io.SafeFiles.Batch())
        {
            final RunOutput staged = output.through(batch);
            staged.write("weights.png", o -> WeightMaps.write(result.weights(), result.excNeurons(), p.wMax(), o));
            if (activity != null)
            {
                activity.finish();
                final Path written = output.file(".activity.bin.staged");
                batch.adopt(written, output.file("activity.bin"));
                activity.write(written);
                json.put("hw", ResultJson.hw(hw, org.spikeprune.fpga.HardwareEstimate.of(hwConfig, activity)));
            }
            staged.writeBytes("model.bin", new org.spikeprune.core.dc.DcModel(runConfigText(params, nTrain, nTest,
                nAssign, mode), result.state(), result.assignments(), result.digest()).encode());
            staged.writeJson("result.json", json);
            staged.writeText("summary.md", ResultJson.summary(json, result, baseline));
            batch.commit();
        }
        stdout.print(ResultJson.shortReport(json));
        stdout.println("wrote " + output.dir().resolve("result.json") + ", weights.png, summary.md, model.bin");
        return 0;
    }

    /** Writes the network every N training images as {@code snapshots/model-<images>.bin}. */
    private static final class Snapshots implements DcTrainer.Observer
    {
        private final RunOutput dir;
        private final long every;
        private final String config;
        private final int digits;

        Snapshots(final RunOutput dir, final long every, final String config, final long total)
        {
            this.dir = dir;
            this.every = every;
            this.config = config;
            this.digits = Long.toString(total).length();
        }

        @Override
        public long every()
        {
            return every;
        }

        @Override
        public void afterImages(final long seen, final org.spikeprune.core.dc.DcNetwork net, final int[] labels)
        {
            final String name = String.format(Locale.ROOT, "model-%0" + digits + "d.bin", seen);
            dir.writeBytes(name, new org.spikeprune.core.dc.DcModel(config, net.state(), labels, net.digest(labels))
                .encode());
        }
    }

    /** Paper B's convolutional network (and its MNIST variant) through the same command. */
    private int trainConvolutional()
    {
        final Map<String, String> setMap = new LinkedHashMap<>();
        if (config != null)
        {
            setMap.putAll(Params.readFile(config));
        }
        setMap.putAll(Params.parseAssignments(sets));
        final String method = pruning.equals("none") || pruning.startsWith("nguyen2020") ? pruning
            : failUsage("--pruning " + pruning + " is not a method of the convolutional network: use none, "
                + "nguyen2020-dynamic, nguyen2020-post or nguyen2020");
        return org.spikeprune.cli.conv.ConvTrain.run(new org.spikeprune.cli.conv.ConvTrainOptions(profile, data,
            out != null ? out : Path.of("runs", profile + "-" + pruning + "-s" + seed), seed, cores,
            threadingMode(threading), method, setMap, quick,
            trainImages == null ? 0 : (int)Math.min(Integer.MAX_VALUE, trainImages),
            testImages == null ? 0 : (int)Math.min(Integer.MAX_VALUE, testImages), hw), System.out);
    }

    private static String failUsage(final String message)
    {
        throw new UsageException(message);
    }

    private MnistFiles loadData(final String dataSet)
    {
        if (data != null)
        {
            return MnistFiles.load(data);
        }
        final DataCache dc = DataCache.resolve(cache);
        return dc.load(dataSet.equals("mnist") ? CachedDataset.MNIST : CachedDataset.FASHION_MNIST);
    }

    /** The run as text: every parameter plus the run's options, enough for replay to rebuild it. */
    String runConfigText(final Params params, final long nTrain, final long nTest, final long nAssign,
        final ThreadingMode mode)
    {
        return runConfigText(profile, pruning, seed, cores, mode, params, nTrain, nTest, nAssign);
    }

    /**
     * Reads the text of {@link #runConfigText(String, String, long, int, ThreadingMode, Params, long, long, long)}
     * back: one {@code key=value} per line, in order.
     */
    static Map<String, String> parseRunConfigText(final String text)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        for (final String line : text.split("\n"))
        {
            final int eq = line.indexOf('=');
            if (eq > 0)
            {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    /**
     * A run as text, the form traces and saved networks carry: the run's options as {@code run.*} keys, then every
     * parameter.
     */
    public static String runConfigText(final String profile, final String pruning, final long seed, final int cores,
        final ThreadingMode mode, final Params params, final long nTrain, final long nTest, final long nAssign)
    {
        return "run.profile=" + profile + "\nrun.pruning=" + pruning + "\nrun.seed=" + seed + "\nrun.train_images="
            + nTrain + "\nrun.test_images=" + nTest + "\nrun.assign_images=" + nAssign + "\nrun.cores=" + cores
            + "\nrun.threading=" + mode.name().toLowerCase(Locale.ROOT) + "\n" + params.canonicalText();
    }

    static ThreadingMode threadingMode(final String text)
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "invoker":
                return ThreadingMode.INVOKER;
            case "shared":
                return ThreadingMode.SHARED;
            case "dedicated":
                return ThreadingMode.DEDICATED;
            default:
                throw new UsageException("--threading " + text + " is invalid: must be invoker, shared or dedicated");
        }
    }

    static String configDigest(final Params params)
    {
        try
        {
            final MessageDigest md = MessageDigest.getInstance("SHA-256");
            final byte[] h = md.digest(params.canonicalText().getBytes(StandardCharsets.UTF_8));
            final StringBuilder sb = new StringBuilder();
            for (final byte b : h)
            {
                sb.append(String.format("%02x", b & 0xff));
            }
            return sb.toString();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
