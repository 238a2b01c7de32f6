package org.spikeprune.cli.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.spikeprune.cli.SeedList;
import org.spikeprune.cli.UsageException;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.pruning.PruneMethod;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spikeprune sweep}: trains and tests a paper A profile at every combination of the values of some
 * parameters, each over several seeds, on a pool of threads; caches every run (an interrupted sweep resumes), and
 * writes {@code sweep.csv} (one row per run), {@code sweep.md} (the settings side by side with the mean, standard
 * deviation and range of their accuracy over the seeds) and plots.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Train and test a paper A profile at every combination of the values given with --vary, each for "
        + "every seed of --seeds, several runs at a time (--jobs, one CPU each). Every run is cached in "
        + "<out>/runs/ under an id derived from its whole configuration, so an interrupted sweep resumes and "
        + "sweeps writing into the same folder share runs. Writes <out>/sweep.csv (one row per run), sweep.md (one "
        + "row per setting: mean, standard deviation and range of the accuracy over the seeds, connectivity, SOPs; "
        + "with a pruning method also the loss and SOP reductions against the unpruned run of the same seed) and "
        + "sweep.png.",
        "To choose values without looking at the test set, use --validation-images N: every run then trains on "
            + "the training images before the last N and is scored on those N.",
        "A sweep run gives the accuracy and digest of `train` with the same options on one core."})
public final class SweepCommand implements Callable<Integer>
{
    /** The most runs one sweep may hold. */
    static final long MAX_RUNS = 100_000;

    @Option(names = "--profile", defaultValue = "guo2020-mnist-100",
        description = "Network profile of paper A (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--pruning", defaultValue = "none", description = "Pruning method of every run (default "
        + "${DEFAULT-VALUE}).")
    String pruning;

    @Option(names = "--vary", paramLabel = "KEY=VALUES", description = "A parameter and its values (repeatable; "
        + "every combination runs): a list (syn.w_ie=12,17,25), a range START:STOP:STEP (input.intensity=2:4:0.5) "
        + "or a geometric range START:STOP:xFACTOR (exc.tau_theta_ms=1e6:1e8:x10).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "LIST", defaultValue = "1",
        description = "Seeds of every setting: numbers and ranges, e.g. 1-3 or 1,7,42 (default ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one parameter for every run "
        + "(repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A file of key = value overrides for every run "
        + "(--set wins over it, --vary over both).")
    Path config;

    @Option(names = "--jobs", defaultValue = "2", description = "Runs at a time, one thread each "
        + "(default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--train-images", description = "Training images per epoch (default: all).")
    Long trainImages;

    @Option(names = "--assign-images", description = "Assignment images (default: the profile's, else the "
        + "training images).")
    Long assignImages;

    @Option(names = "--test-images", description = "Test (or validation) images (default: all).")
    Long testImages;

    @Option(names = "--validation-images", paramLabel = "N", description = "Score every run on the last N training "
        + "images instead of the test set; training and label assignment see only the images before them.")
    Integer validationImages;

    @Option(names = "--quick", description = "3,000 training, 1,000 assignment and 1,000 test images per run (as "
        + "train --quick), unless given.")
    boolean quick;

    @Option(names = "--no-baseline", description = "With a pruning method: do not run the unpruned run of each "
        + "setting and seed (the loss and SOP reduction columns are then left out).")
    boolean noBaseline;

    @Option(names = "--list", description = "List the runs and whether each is already in the cache; run nothing.")
    boolean list;

    @Option(names = "--out", description = "Output folder (default: sweeps/<profile>-<pruning>).")
    Path out;

    @Option(names = "--data", description = "Folder holding the IDX files of the data set (default: the cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    private final Map<String, DcTrainer.Data> loaded = new ConcurrentHashMap<>();

    @Override
    public Integer call()
    {
        final PrintStream stdout = System.out;
        if (!DcProfiles.isProfile(profile))
        {
            throw new UsageException("--profile " + profile + " is unknown (known: " + String.join(", ",
                DcProfiles.names()) + "; paper B's seeds: conv experiment seeds)");
        }
        if (!pruning.equals("none"))
        {
            PruneMethod.parse(pruning);
        }
        if (jobs < 1)
        {
            throw new UsageException("--jobs " + jobs + " is invalid: must be >= 1");
        }
        final List<Long> seedList = SeedList.parse("--seeds", seeds);
        final List<SweepAxis> axes = new ArrayList<>();
        for (final String v : vary)
        {
            axes.add(SweepAxis.parse(v));
        }
        if (pruning.equals("none"))
        {
            for (final SweepAxis a : axes)
            {
                if (a.key().startsWith(org.spikeprune.pruning.PruneConfig.PREFIX))
                {
                    throw new UsageException("--vary " + a.key() + " changes nothing without a pruning method: "
                        + "add --pruning METHOD");
                }
            }
        }
        long total = seedList.size();
        for (final SweepAxis a : axes)
        {
            total *= a.values().size();
            if (total > MAX_RUNS)
            {
                throw new UsageException("--vary and --seeds make more than " + MAX_RUNS + " runs: sweep fewer values");
            }
        }
        final Map<String, String> fixed = new LinkedHashMap<>();
        if (config != null)
        {
            fixed.putAll(Params.readFile(config));
        }
        final Map<String, String> setMap = Params.parseAssignments(sets);
        SweepAxis.checkKeys(axes, setMap);
        fixed.putAll(setMap);
        for (final SweepAxis a : axes)
        {
            fixed.remove(a.key()); // a key of the config file that is varied takes the varied values
        }
        final DcParams p = new DcParams(DcProfiles.params(profile, Map.of(), "config", fixed));
        for (final SweepAxis a : axes)
        {
            if (a.key().startsWith(org.spikeprune.pruning.PruneConfig.PREFIX))
            {
                continue; // checked with the pruning method below, run by run
            }
            for (final String v : a.values())
            {
                final Map<String, String> m = new LinkedHashMap<>(fixed);
                m.put(a.key(), v);
                try
                {
                    new DcParams(DcProfiles.params(profile, Map.of(), "config", m));
                }
                catch (final org.spikeprune.core.InputException ex)
                {
                    throw new UsageException("--vary: " + ex.getMessage().replaceFirst("^--set: ", ""));
                }
            }
        }
        final DcTrainer.Data all = load(p.dataSet());
        final DcTrainer.Data d = validationImages == null ? all : all.holdOut(validationImages);
        final long nTrain = Math.min(trainImages != null ? trainImages : quick ? 3000 : d.trainCount(),
            d.trainCount());
        final long nTest = Math.min(testImages != null ? testImages : quick ? 1000 : d.testCount(), d.testCount());
        final long nAssign = Math.min(assignImages != null ? assignImages
            : quick ? Math.min(1000, nTrain) : p.assignImages() > 0 ? p.assignImages() : nTrain, d.trainCount());
        if (nTrain <= 0 || nTest <= 0 || nAssign <= 0)
        {
            throw new UsageException("image counts must be > 0: --train-images " + nTrain + ", --assign-images "
                + nAssign + ", --test-images " + nTest);
        }
        final long validation = validationImages == null ? 0 : validationImages;
        final boolean baselines = !pruning.equals("none") && !noBaseline;
        final List<Sweep.Setting> settings = new ArrayList<>();
        final List<RunSpec> specs = new ArrayList<>();
        for (final Map<String, String> combo : SweepAxis.combinations(axes))
        {
            final List<RunSpec> runs = new ArrayList<>();
            final List<RunSpec> bases = new ArrayList<>();
            for (final long seed : seedList)
            {
                final Map<String, String> m = new LinkedHashMap<>(fixed);
                m.putAll(combo);
                final RunSpec s = new RunSpec(profile, pruning, seed, nTrain, nAssign, nTest, m, validation);
                runs.add(s);
                specs.add(s);
                if (baselines)
                {
                    bases.add(s.baseline());
                    specs.add(s.baseline());
                }
            }
            settings.add(new Sweep.Setting(combo, runs, bases));
        }
        // every run's configuration is checked (key, value and rule named) before anything runs
        final Map<String, String> ids = new LinkedHashMap<>();
        for (final RunSpec s : specs)
        {
            ids.put(RunPool.id(s), describe(s, axes));
        }
        final Path outDir = out != null ? out : Path.of("sweeps", profile + "-" + pruning);
        final String command = commandLine(axes);
        stdout.printf(Locale.ROOT, "spikeprune sweep: %s, pruning %s, %d setting(s) x %d seed(s) = %d run(s)%s; %d "
            + "training x %d epoch(s), %d assignment, %d %s images; %d job(s), into %s%n", profile, pruning,
            settings.size(), seedList.size(), settings.size() * seedList.size(),
            baselines ? " + their unpruned runs" : "", nTrain, p.epochs(), nAssign, nTest,
            validation > 0 ? "validation" : "test", jobs, outDir);
        if (list)
        {
            for (final Map.Entry<String, String> e : ids.entrySet())
            {
                final boolean cached = java.nio.file.Files.isRegularFile(outDir.resolve("runs").resolve(e.getKey())
                    .resolve("result.json"));
                stdout.printf(Locale.ROOT, "%s  %-6s  %s%n", e.getKey(), cached ? "cached" : "to run", e.getValue());
            }
            return 0;
        }
        try (RunPool pool = new RunPool(outDir, jobs, this::load, stdout))
        {
            pool.describeWith(s -> describe(s, axes));
            final List<RunOutcome> outcomes = pool.run(specs);
            final Map<String, RunOutcome> byId = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++)
            {
                byId.put(RunPool.id(specs.get(i)), outcomes.get(i));
            }
            final Sweep sweep = new Sweep(axes, settings, byId, profile, pruning, nTrain, p.epochs(), nAssign, nTest,
                validation, fixed, command);
            sweep.write(new org.spikeprune.cli.RunOutput(outDir));
            stdout.print(sweep.table());
            stdout.println("wrote " + outDir.resolve("sweep.md") + ", sweep.csv" + (sweep.plotted() ? ", sweep.png"
                : ""));
        }
        return 0;
    }

    /** A run in a line: seed and the varied values. */
    private static String describe(final RunSpec s, final List<SweepAxis> axes)
    {
        final StringBuilder sb = new StringBuilder(s.method()).append(" seed ").append(s.seed());
        for (final SweepAxis a : axes)
        {
            final String v = s.setting(a.key());
            if (v != null)
            {
                sb.append(' ').append(a.key()).append('=').append(v);
            }
        }
        return sb.toString();
    }

    private DcTrainer.Data load(final String dataSet)
    {
        return loaded.computeIfAbsent(dataSet, k ->
        {
            final MnistFiles files = data != null ? MnistFiles.load(data)
                : DataCache.resolve(cache).load(k.equals("mnist") ? CachedDataset.MNIST
                    : CachedDataset.FASHION_MNIST);
            return DcTrainer.Data.of(files);
        });
    }

    private String commandLine(final List<SweepAxis> axes)
    {
        final StringBuilder sb = new StringBuilder("spikeprune sweep --profile ").append(profile);
        if (!pruning.equals("none"))
        {
            sb.append(" --pruning ").append(pruning);
        }
        for (final String v : vary)
        {
            sb.append(" --vary ").append(v);
        }
        sb.append(" --seeds ").append(seeds);
        if (quick)
        {
            sb.append(" --quick");
        }
        if (trainImages != null)
        {
            sb.append(" --train-images ").append(trainImages);
        }
        if (assignImages != null)
        {
            sb.append(" --assign-images ").append(assignImages);
        }
        if (testImages != null)
        {
            sb.append(" --test-images ").append(testImages);
        }
        if (validationImages != null)
        {
            sb.append(" --validation-images ").append(validationImages);
        }
        if (config != null)
        {
            sb.append(" --config ").append(config.getFileName());
        }
        for (final String s : sets)
        {
            sb.append(" --set ").append(s);
        }
        if (noBaseline)
        {
            sb.append(" --no-baseline");
        }
        return sb.toString();
    }
}
