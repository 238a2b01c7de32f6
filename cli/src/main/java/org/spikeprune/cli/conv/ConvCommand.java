package org.spikeprune.cli.conv;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.UsageException;
import org.spikeprune.core.conv.ConvProfiles;
import org.spikeprune.engine.ThreadingMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spikeprune conv train|evaluate|experiment}: the convolutional network of paper B (to be folded into
 * {@code train}/{@code experiment}).
 */
@Command(name = "conv", mixinStandardHelpOptions = true, versionProvider = ConvCommand.Version.class,
    description = "Paper B's deep convolutional TTFS network with dynamic and post-learning pruning.",
    subcommands = {ConvCommand.Train.class, ConvCommand.Evaluate.class, ConvCommand.Experiment.class})
public final class ConvCommand implements Runnable
{
    /** The most processing elements a run may use (more only add threads with no work). */
    static final int MAX_CORES = 256;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version of the command, from the resource the build writes. */
    static final class Version implements picocli.CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion() throws java.io.IOException
        {
            final java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = org.spikeprune.cli.Main.class.getResourceAsStream("version.properties"))
            {
                if (in != null)
                {
                    p.load(in);
                }
            }
            return new String[] {"spikeprune " + p.getProperty("version", "unknown")};
        }
    }

    /** The options shared by both subcommands. */
    static final class Common
    {
        @Option(names = "--profile", defaultValue = ConvProfiles.NGUYEN2020_CALTECH,
            description = "Network profile (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--data", description = "Data folder with train/<class>/ and test/<class>/ images "
            + "(default: the shared Caltech Faces/Motorbikes copy when present).")
        Path data;

        @Option(names = "--out", defaultValue = "runs/conv", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--cores", defaultValue = "1", description = "Processing elements (default: ${DEFAULT-VALUE}).")
        int cores;

        @Option(names = "--threading", defaultValue = "INVOKER",
            description = "Threading mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        ThreadingMode threading;

        @Option(names = "--set", description = "key=value: pruning.alpha, pruning.k, pruning.beta, pruning.tpost, "
            + "learn.iterations, learn.order, learn.rate-period, learn.schedule, stdp.pre, init.mean, init.std, "
            + "readout.search, readout.c, readout.gamma, readout.folds.")
        Map<String, String> sets = new LinkedHashMap<>();

        @Option(names = "--quick", description = "CI-speed form: fewer iterations and images.")
        boolean quick;

        @Option(names = "--train-images", defaultValue = "0", description = "At most this many training images.")
        int trainImages;

        @Option(names = "--test-images", defaultValue = "0", description = "At most this many test images.")
        int testImages;

        @Option(names = "--hw", paramLabel = "PRESET|FILE",
            description = "Time the run on a hardware model (zedboard, zedboard-8pe, loihi-like, or a properties "
                + "file): records the per-layer activity into activity.bin (for `hw compare` and `hw report`) and "
                + "adds hw.* to result.json.")
        String hw;

        ConvTrainOptions options(final String pruning)
        {
            if (cores <= 0 || cores > MAX_CORES)
            {
                throw new UsageException("--cores must be between 1 and " + MAX_CORES + ", found " + cores);
            }
            if (trainImages < 0 || testImages < 0)
            {
                throw new UsageException("--train-images and --test-images must be >= 0 (0: all), found "
                    + trainImages + " and " + testImages);
            }
            return new ConvTrainOptions(profile, data, out, seed, cores, threading, pruning, sets, quick, trainImages,
                testImages, hw);
        }
    }

    /** {@code conv train}. */
    @Command(name = "train", mixinStandardHelpOptions = true, versionProvider = ConvCommand.Version.class,
        description = "Learn, prune, extract features, test.")
    static final class Train implements Callable<Integer>
    {
        @Mixin
        Common common = new Common();

        @Option(names = "--pruning", defaultValue = "none",
            description = "none | nguyen2020-dynamic | nguyen2020-post | nguyen2020 (default: ${DEFAULT-VALUE}).")
        String pruning;

        @Override
        public Integer call()
        {
            final PrintStream out = System.out;
            return ConvTrain.run(common.options(pruning), out);
        }
    }

    /** {@code conv evaluate MODEL}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = ConvCommand.Version.class,
        description = "Test a network saved by conv train (the model.bin of its output folder) without learning it "
            + "again: features of both splits, the run's readout trained on the training features, the test.")
    static final class Evaluate implements Callable<Integer>
    {
        @Parameters(index = "0", paramLabel = "MODEL", description = "A model.bin file, or a conv train output folder.")
        Path model;

        @Option(names = "--data", description = "Data folder with train/<class>/ and test/<class>/ images "
            + "(default: the folder the run read, when it is still there; else the profile's, as for conv train).")
        Path data;

        @Option(names = "--out", description = "Folder for evaluation.json and features.csv (the feature rows of "
            + "both splits, before standardisation, for a readout of your own; default: print only).")
        Path out;

        @Option(names = "--cores", defaultValue = "1", description = "Processing elements (default: ${DEFAULT-VALUE}).")
        int cores;

        @Option(names = "--threading", defaultValue = "INVOKER",
            description = "Threading mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        ThreadingMode threading;

        @Option(names = "--train-images", defaultValue = "0",
            description = "Training images for the readout (default: the run's).")
        int trainImages;

        @Option(names = "--test-images", defaultValue = "0", description = "Test images (default: the run's).")
        int testImages;

        @Option(names = "--hw", paramLabel = "PRESET|FILE",
            description = "Time the inference on a hardware model (as conv train --hw); with --out, also writes "
                + "activity.bin.")
        String hw;

        @Override
        public Integer call()
        {
            if (cores <= 0 || cores > MAX_CORES)
            {
                throw new UsageException("--cores must be between 1 and " + MAX_CORES + ", found " + cores);
            }
            return ConvEvaluate.run(model, data, out, cores, threading, trainImages, testImages, hw, System.out);
        }
    }

    /**
     * Parses a seed list: comma-separated numbers and inclusive ranges {@code a-b}.
     *
     * @param text the list, or null for none.
     * @return the seeds, in the order given, without repeats.
     * @throws UsageException naming the part that is not a seed or a range.
     */
    static java.util.List<Long> parseSeeds(final String text)
    {
        return org.spikeprune.cli.SeedList.parse("--seeds", text);
    }

    /** {@code conv experiment NAME}. */
    @Command(name = "experiment", mixinStandardHelpOptions = true, versionProvider = ConvCommand.Version.class,
        description = "Paper B figures: connectivity | alpha-sweep | stages | operations | all; seeds: the unpruned "
            + "and both-stage runs over several seeds (--seeds).")
    static final class Experiment implements Callable<Integer>
    {
        @Mixin
        Common common = new Common();

        @Parameters(index = "0", description = "connectivity | alpha-sweep | stages | operations | all | seeds")
        String name;

        @Option(names = "--seeds", paramLabel = "LIST",
            description = "Seeds of the seeds experiment: numbers and ranges, e.g. 1-20 or 1,7,42 (default: --seed "
                + "and the nine after it).")
        String seeds;

        @Override
        public Integer call()
        {
            return ConvExperiments.run(name, common.options("none"), parseSeeds(seeds), System.out);
        }
    }
}
