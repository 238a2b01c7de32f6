package org.spikeprune.cli.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.spikeprune.cli.UsageException;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikeprune experiment NAME}: runs a sweep that reproduces one of paper A's figures or tables. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Run a sweep that reproduces one of paper A's figures or tables and write a CSV file, PNG plots "
        + "and a Markdown report beside the paper's numbers into <out>/<NAME>/. Runs are cached in <out>/runs/, "
        + "so an interrupted sweep resumes and experiments writing into the same folder share runs.",
        "NAME: fig2, fig4, fig6, fig7, fig8, fig11, fig12, fig13-14, table2, table3, fig15, claim80, or all."})
public final class ExperimentCommand implements Callable<Integer>
{
    /** The quick form's training images. */
    static final long QUICK_TRAIN = 600;
    /** The quick form's assignment images. */
    static final long QUICK_ASSIGN = 200;
    /** The quick form's test images. */
    static final long QUICK_TEST = 200;

    @Parameters(index = "0", paramLabel = "NAME", description = "The experiment.")
    String name;

    @Option(names = "--neurons", defaultValue = "100", description = "Excitatory neurons: 100 or 800 "
        + "(default ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--dataset", description = "mnist or fashion-mnist (default: mnist; fashion-mnist for table3).")
    String dataset;

    @Option(names = "--quick", description = "A reduced sweep on " + QUICK_TRAIN + " training, " + QUICK_ASSIGN
        + " assignment and " + QUICK_TEST + " test images, the pruning schedule scaled to match.")
    boolean quick;

    @Option(names = "--out", description = "Output folder (default: experiments/<profile>[-quick]).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", defaultValue = "2", description = "Runs at a time, one thread each "
        + "(default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--train-images", description = "Training images per run (default: all; --quick: "
        + QUICK_TRAIN + ").")
    Long trainImages;

    @Option(names = "--test-images", description = "Test images per run (default: all; --quick: " + QUICK_TEST
        + ").")
    Long testImages;

    @Option(names = "--assign-images", description = "Assignment images per run (default: the training images; "
        + "--quick: " + QUICK_ASSIGN + ").")
    Long assignImages;

    @Option(names = "--set", description = "Override one parameter for every run, key=value (repeatable); the "
        + "values an experiment sweeps win over these.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--stop-below", paramLabel = "PCT", defaultValue = "0", description = "Stop a series of a "
        + "threshold sweep (figs. 4, 6, 7, 8, ...) once one of its runs ends below PCT%% connectivity: its higher "
        + "initial thresholds would prune further, and runs that prune almost everything are the slowest (every "
        + "image is shown again, brighter, up to 20 times). The runs left out are listed in the report. Default "
        + "${DEFAULT-VALUE}: every threshold runs.")
    double stopBelow;

    @Option(names = "--data", description = "Folder holding the IDX files of the data set (default: the cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    private final Map<String, DcTrainer.Data> loaded = new ConcurrentHashMap<>();

    @Override
    public Integer call()
    {
        final PrintStream stdout = System.out;
        final List<Experiment> experiments = Experiments.select(name);
        if (neurons != 100 && neurons != 800)
        {
            throw new UsageException("--neurons " + neurons + " is invalid: must be 100 or 800");
        }
        if (jobs < 1)
        {
            throw new UsageException("--jobs " + jobs + " is invalid: must be >= 1");
        }
        if (!(stopBelow >= 0 && stopBelow < 100))
        {
            throw new UsageException("--stop-below " + stopBelow + " is invalid: must be a percentage in [0, 100)");
        }
        final String dataSet = dataSet(experiments);
        final Map<String, String> setMap = Params.parseAssignments(sets);
        final String profile = ExperimentContext.profileOf(dataSet, neurons);
        // validates the overrides once, before anything runs
        final DcParams p = new DcParams(DcProfiles.params(profile, Map.of(), "config", setMap));
        final DcTrainer.Data d = load(dataSet);
        final long nTrain = Math.min(trainImages != null ? trainImages : quick ? QUICK_TRAIN : d.trainCount(),
            d.trainCount());
        final long nTest = Math.min(testImages != null ? testImages : quick ? QUICK_TEST : d.testCount(),
            d.testCount());
        final long nAssign = Math.min(assignImages != null ? assignImages
            : quick ? Math.min(QUICK_ASSIGN, nTrain) : p.assignImages() > 0 ? p.assignImages() : nTrain,
            d.trainCount());
        if (nTrain <= 0 || nTest <= 0 || nAssign <= 0)
        {
            throw new UsageException("image counts must be > 0: --train-images " + nTrain + ", --assign-images "
                + nAssign + ", --test-images " + nTest);
        }
        final Path outDir = out != null ? out : Path.of("experiments", profile + (quick ? "-quick" : ""));
        final String command = commandLine();
        stdout.printf(Locale.ROOT, "spikeprune experiment %s: %s, %d training, %d assignment, %d test images, seed "
            + "%d, %d job(s), into %s%n", name, profile, nTrain, nAssign, nTest, seed, jobs, outDir);
        try (RunPool pool = new RunPool(outDir, jobs, this::load, stdout))
        {
            for (final Experiment e : experiments)
            {
                if (e instanceof TenPercentTable && !((TenPercentTable)e).dataSet().equals(dataSet))
                {
                    continue;
                }
                final ExperimentContext ctx = new ExperimentContext(e.name(), dataSet, neurons, quick, seed, nTrain,
                    nAssign, nTest, setMap, outDir, pool, command, stopBelow / 100);
                stdout.printf(Locale.ROOT, "== %s: %s%n", e.name(), e.title());
                e.run(ctx);
                stdout.println("wrote " + outDir.resolve(e.name()).resolve(e.name() + ".md") + " (and .csv, *.png)");
            }
        }
        return 0;
    }

    private String dataSet(final List<Experiment> experiments)
    {
        String forced = null;
        for (final Experiment e : experiments)
        {
            if (e instanceof TenPercentTable)
            {
                forced = ((TenPercentTable)e).dataSet();
            }
        }
        if (dataset != null)
        {
            final String d = dataset.toLowerCase(Locale.ROOT);
            if (!d.equals("mnist") && !d.equals("fashion-mnist"))
            {
                throw new UsageException("--dataset " + dataset + " is invalid: must be mnist or fashion-mnist");
            }
            if (forced != null && !forced.equals(d) && experiments.size() == 1)
            {
                throw new UsageException(name + " is on " + forced + ", not --dataset " + dataset
                    + " (table2 is MNIST, table3 Fashion-MNIST)");
            }
            return d;
        }
        return forced != null && experiments.size() == 1 ? forced : "mnist";
    }

    private DcTrainer.Data load(final String dataSet)
    {
        return load(loaded, data, cache, dataSet);
    }

    /**
     * The images of a data set, read once into a map that keeps them.
     *
     * @param loaded  the data sets read so far, by name.
     * @param data    a folder of IDX files given with {@code --data}, or null for the cache.
     * @param cache   the cache folder given with {@code --cache}, or null for the default.
     * @param dataSet {@code mnist} or {@code fashion-mnist}.
     * @return its images.
     */
    static DcTrainer.Data load(final Map<String, DcTrainer.Data> loaded, final Path data, final Path cache,
        final String dataSet)
    {
        return loaded.computeIfAbsent(dataSet, k ->
        {
            final MnistFiles files = data != null ? MnistFiles.load(data)
                : DataCache.resolve(cache).load(k.equals("mnist") ? CachedDataset.MNIST
                    : CachedDataset.FASHION_MNIST);
            return DcTrainer.Data.of(files);
        });
    }

    /**
     * Appends the image-count options that were given to a command line for a report.
     *
     * @param sb     the command line.
     * @param train  {@code --train-images}, or null.
     * @param assign {@code --assign-images}, or null.
     * @param test   {@code --test-images}, or null.
     */
    static void appendImageCounts(final StringBuilder sb, final Long train, final Long assign, final Long test)
    {
        if (train != null)
        {
            sb.append(" --train-images ").append(train);
        }
        if (assign != null)
        {
            sb.append(" --assign-images ").append(assign);
        }
        if (test != null)
        {
            sb.append(" --test-images ").append(test);
        }
    }

    private String commandLine()
    {
        final StringBuilder sb = new StringBuilder("spikeprune experiment ").append(name);
        sb.append(" --neurons ").append(neurons);
        if (dataset != null)
        {
            sb.append(" --dataset ").append(dataset);
        }
        if (quick)
        {
            sb.append(" --quick");
        }
        if (seed != 1)
        {
            sb.append(" --seed ").append(seed);
        }
        appendImageCounts(sb, trainImages, assignImages, testImages);
        if (stopBelow > 0)
        {
            sb.append(" --stop-below ").append(RunSpec.number(stopBelow));
        }
        for (final String s : sets)
        {
            sb.append(" --set ").append(s);
        }
        return sb.toString();
    }
}
