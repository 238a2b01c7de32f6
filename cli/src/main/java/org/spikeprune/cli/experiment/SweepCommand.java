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
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.cli.conv.ConvTrainOptions;
import org.spikeprune.engine.ThreadingMode;
import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.nguyen.NguyenPruning;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spikeprune sweep}: trains and tests a paper A profile at every combination of the values of some
 * parameters, each over several seeds, on a pool of threads; caches every run (an interrupted sweep resumes), and
 * writes {@code sweep.csv} (one row per run), {@code sweep.md} (the settings side by side with the mean, standard
 * deviation and range of their accuracy over the seeds) and plots.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Train and test a network profile (paper A's, or paper B's convolutional one) at every combination of the values given with --vary, each for "
        + "every seed of --seeds, several runs at a time (--jobs, one CPU each). Every run is cached in "
        + "<out>/runs/ under an id derived from its whole configuration, so an interrupted sweep resumes and "
        + "sweeps writing into the same folder share runs. Writes <out>/sweep.csv (one row per run), sweep.md (one "
        + "row per setting: mean, standard deviation and range of the accuracy over the seeds, connectivity, SOPs; "
        + "with a pruning method also the loss and SOP reductions against the unpruned run of the same seed) and "
        + "sweep.png.",
        "To choose values without looking at the test set, use --validation-images N (paper A): every run then "
            + "trains on the training images before the last N and is scored on those N.",
        "Paper B's runs (--profile nguyen2020-caltech, --pruning nguyen2020|nguyen2020-dynamic|nguyen2020-post, the "
            + "pruning.*, learn.*, init.*, stdp.pre and readout.* keys) are kept in runs/ as conv experiment keeps "
            + "them.",
        "A sweep run gives the accuracy and digest of `train` (`conv train`) with the same options."})
public final class SweepCommand implements Callable<Integer>
{
    /** The most runs one sweep may hold. */
    static final long MAX_RUNS = 100_000;

    @Option(names = "--profile", defaultValue = "guo2020-mnist-100",
        description = "Network profile: paper A's (default ${DEFAULT-VALUE}) or paper B's nguyen2020-caltech, "
            + "kheradpisheh2018-mnist.")
    String profile;

    @Option(names = "--pruning", defaultValue = "none", description = "Pruning method of every run (default "
        + "${DEFAULT-VALUE}).")
    String pruning;

    @Option(names = "--vary", paramLabel = "KEY=VALUES", description = "A parameter and its values (repeatable; "
        + "every combination runs): a list (syn.w_ie=12,17,25; with semicolons when values hold commas: "
        + "learn.iterations=3000,5000,6000;3000,5000,9000), a range START:STOP:STEP (input.intensity=2:4:0.5) "
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
        + "(default ${DEFAULT-VALUE}; paper B's runs go one at a time).")
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

    @Option(names = "--data", description = "Folder holding the IDX files of the data set (default: the cache); for "
        + "nguyen2020-caltech the image folder with train/ and test/ (default: the shared Caltech copy).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    private final Map<String, DcTrainer.Data> loaded = new ConcurrentHashMap<>();

    @Override
    public Integer call()
    {
        final boolean conv = org.spikeprune.core.conv.ConvProfiles.NGUYEN2020_CALTECH.equals(profile)
            || org.spikeprune.core.conv.ConvProfiles.KHERADPISHEH2018_MNIST.equals(profile);
        if (!conv && !DcProfiles.isProfile(profile))
        {
            throw new UsageException("--profile " + profile + " is unknown (known: " + String.join(", ",
                DcProfiles.names()) + " (paper A); " + org.spikeprune.core.conv.ConvProfiles.NGUYEN2020_CALTECH + ", "
                + org.spikeprune.core.conv.ConvProfiles.KHERADPISHEH2018_MNIST + " (paper B))");
        }
        if (conv && !List.of("none", NguyenPruning.DYNAMIC, NguyenPruning.POST, NguyenPruning.BOTH).contains(pruning))
        {
            throw new UsageException("--pruning " + pruning + " is invalid for " + profile + ": none, "
                + NguyenPruning.DYNAMIC + ", " + NguyenPruning.POST + " or " + NguyenPruning.BOTH);
        }
        if (!conv && !pruning.equals("none"))
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
        long total = seedList.size();
        for (final SweepAxis a : axes)
        {
            total *= a.values().size();
            if (total > MAX_RUNS)
            {
                throw new UsageException("--vary and --seeds make more than " + MAX_RUNS + " runs: sweep fewer values");
            }
        }
        if (pruning.equals("none"))
        {
            for (final SweepAxis a : axes)
            {
                if (a.key().startsWith(PruneConfig.PREFIX))
                {
                    throw new UsageException("--vary " + a.key() + " changes nothing without a pruning method: "
                        + "add --pruning METHOD");
                }
            }
        }
        final Map<String, String> fixed = new LinkedHashMap<>();
        if (config != null)
        {
            if (conv)
            {
                throw new UsageException("--config is for paper A's profiles; give " + profile + "'s settings with "
                    + "--set");
            }
            fixed.putAll(Params.readFile(config));
        }
        final Map<String, String> setMap = Params.parseAssignments(sets);
        SweepAxis.checkKeys(axes, setMap);
        fixed.putAll(setMap);
        for (final SweepAxis a : axes)
        {
            fixed.remove(a.key()); // a key of the config file that is varied takes the varied values
        }
        final Path outDir = out != null ? out : Path.of("sweeps", profile + "-" + pruning);
        final boolean baselines = !pruning.equals("none") && !noBaseline;
        return conv ? convolutional(axes, seedList, fixed, outDir, baselines)
            : paperA(axes, seedList, fixed, outDir, baselines);
    }

    private int paperA(final List<SweepAxis> axes, final List<Long> seedList, final Map<String, String> fixed,
        final Path outDir, final boolean baselines)
    {
        final PrintStream stdout = System.out;
        // every combination of the varied values is checked with the fixed ones (rules between keys, such as
        // norm.total against norm.kind, hold only for the combination); pruning.* keys are checked with the
        // pruning method below, run by run
        DcParams p = null;
        for (final Map<String, String> combo : SweepAxis.combinations(axes))
        {
            final Map<String, String> m = new LinkedHashMap<>(fixed);
            m.putAll(RunSpec.withoutPruning(combo));
            try
            {
                final DcParams q = new DcParams(DcProfiles.params(profile, Map.of(), "config", m));
                p = p == null ? q : p;
            }
            catch (final org.spikeprune.core.InputException ex)
            {
                throw new UsageException((combo.isEmpty() ? "" : "--vary " + describeCombo(combo) + ": ")
                    + ex.getMessage().replaceFirst("^--set: ", ""));
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
        final List<Sweep.Setting> settings = new ArrayList<>();
        final List<RunSpec> specs = new ArrayList<>();
        // every run's configuration is checked (key, value and rule named) before anything runs
        final Map<String, String> ids = new LinkedHashMap<>();
        for (final Map<String, String> combo : SweepAxis.combinations(axes))
        {
            final List<String> runs = new ArrayList<>();
            final List<String> bases = new ArrayList<>();
            for (final long seed : seedList)
            {
                final Map<String, String> m = new LinkedHashMap<>(fixed);
                m.putAll(combo);
                final RunSpec s = new RunSpec(profile, pruning, seed, nTrain, nAssign, nTest, m, validation);
                final List<RunSpec> both = baselines ? List.of(s, s.baseline()) : List.of(s);
                for (final RunSpec r : both)
                {
                    final String id = RunPool.id(r);
                    specs.add(r);
                    ids.put(id, describe(r.method(), r.seed(), r.sets(), axes));
                }
                runs.add(RunPool.id(s));
                if (baselines)
                {
                    bases.add(RunPool.id(s.baseline()));
                }
            }
            settings.add(new Sweep.Setting(combo, seedList, runs, bases));
        }
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
        final String protocol = String.format(Locale.ROOT, "Each run: %,d training images × %d epoch(s), labels "
            + "from %,d training images (learning off), %s; one core.", nTrain, p.epochs(), nAssign,
            validation > 0 ? String.format(Locale.ROOT, "accuracy on %,d of the last %,d training images, held out "
                + "(training and labels use only the images before them; the test set is not used)", nTest,
                validation) : String.format(Locale.ROOT, "accuracy on %,d test images", nTest));
        try (RunPool pool = new RunPool(outDir, jobs, this::load, stdout))
        {
            pool.describeWith(s -> describe(s.method(), s.seed(), s.sets(), axes));
            final List<RunOutcome> outcomes = pool.run(specs);
            final Map<String, RunOutcome> byId = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++)
            {
                byId.put(RunPool.id(specs.get(i)), outcomes.get(i));
            }
            finish(new Sweep(axes, settings, byId, pruning, new Sweep.Text("Sweep: `" + profile + "`, pruning `"
                + pruning + "`", protocol, "training / inference SOPs per image", "training / inference SOP reduction", "Each run's `result.json` and "
                + "`model.bin` (for `spikeprune evaluate`) are in `runs/<run>/`.", "train_sops"), validation > 0, fixed,
                commandLine()), outDir);
        }
        return 0;
    }

    private static String describeCombo(final Map<String, String> combo)
    {
        final StringBuilder b = new StringBuilder();
        for (final Map.Entry<String, String> e : combo.entrySet())
        {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    private int convolutional(final List<SweepAxis> axes, final List<Long> seedList, final Map<String, String> fixed,
        final Path outDir, final boolean baselines)
    {
        final PrintStream stdout = System.out;
        if (validationImages != null || assignImages != null)
        {
            throw new UsageException((validationImages != null ? "--validation-images" : "--assign-images")
                + " is for paper A's profiles: paper B's readout is an SVM on the training images' features");
        }
        final int trainLimit = limit("--train-images", trainImages);
        final int testLimit = limit("--test-images", testImages);
        final org.spikeprune.cli.conv.ConvSweepRunner runner = new org.spikeprune.cli.conv.ConvSweepRunner(stdout);
        final List<Sweep.Setting> settings = new ArrayList<>();
        final List<ConvTrainOptions> runsToDo = new ArrayList<>();
        final Map<String, String> ids = new LinkedHashMap<>();
        for (final Map<String, String> combo : SweepAxis.combinations(axes))
        {
            final List<String> runs = new ArrayList<>();
            final List<String> bases = new ArrayList<>();
            for (final long seed : seedList)
            {
                final Map<String, String> m = new LinkedHashMap<>(fixed);
                m.putAll(combo);
                final ConvTrainOptions o = new ConvTrainOptions(profile, data, outDir, seed, 1, ThreadingMode.INVOKER,
                    pruning, m, quick, trainLimit, testLimit);
                final String id = check(runner, o);
                runsToDo.add(o);
                ids.put(id, describe(pruning, seed, m, axes));
                runs.add(id);
                if (baselines)
                {
                    final Map<String, String> unpruned = RunSpec.withoutPruning(m);
                    final ConvTrainOptions b = new ConvTrainOptions(profile, data, outDir, seed, 1,
                        ThreadingMode.INVOKER, "none", unpruned, quick, trainLimit, testLimit);
                    final String bid = check(runner, b);
                    runsToDo.add(b);
                    ids.put(bid, describe("none", seed, unpruned, axes));
                    bases.add(bid);
                }
            }
            settings.add(new Sweep.Setting(combo, seedList, runs, bases));
        }
        stdout.printf(Locale.ROOT, "spikeprune sweep: %s, pruning %s, %d setting(s) x %d seed(s) = %d run(s)%s%s, "
            + "one at a time, into %s%n", profile, pruning, settings.size(), seedList.size(),
            settings.size() * seedList.size(), baselines ? " + their unpruned runs" : "", quick ? " (quick form)" : "",
            outDir);
        if (list)
        {
            final Map<String, Boolean> shown = new LinkedHashMap<>();
            for (final ConvTrainOptions o : runsToDo)
            {
                final String id = check(runner, o);
                if (shown.put(id, Boolean.TRUE) == null)
                {
                    stdout.printf(Locale.ROOT, "%s  %-6s  %s%n", id, runner.cached(o) ? "cached" : "to run",
                        ids.get(id));
                }
            }
            return 0;
        }
        final Map<String, RunOutcome> byId = new LinkedHashMap<>();
        for (final ConvTrainOptions o : runsToDo)
        {
            final String id = check(runner, o);
            if (byId.containsKey(id))
            {
                continue;
            }
            final org.spikeprune.cli.conv.ConvSweepRunner.Run r = runner.run(o);
            stdout.printf(Locale.ROOT, "[%d/%d] %s %s: accuracy %.2f%%, removed %.2f%%, %.0f s%n", byId.size() + 1,
                ids.size(),
                r.id(), ids.get(id), 100 * r.accuracy(), 100 * r.removed(), r.wallSeconds());
            final Map<String, String> pruningSettings = new LinkedHashMap<>();
            for (final Map.Entry<String, String> e : new java.util.TreeMap<>(o.sets()).entrySet())
            {
                if (e.getKey().startsWith(PruneConfig.PREFIX))
                {
                    pruningSettings.put(e.getKey(), e.getValue());
                }
            }
            byId.put(id, new RunOutcome(r.id(), o.pruning(), pruningSettings, r.accuracy(), 1 - r.removed(),
                1 - r.removed(), r.live(), 0, 0, 0, r.learningOpsPerImage(), r.inferenceOpsPerImage(),
                r.learningImages(), r.learnSeconds(), r.wallSeconds(), r.digest()));
        }
        final String protocol = "Each run: " + profile + " learns layer by layer" + (quick ? " (quick form: fewer "
            + "iterations and images)" : "") + ", then an SVM is trained on the training images' features; accuracy "
            + "on the test images" + (testLimit > 0 ? " (at most " + testLimit + ")" : "") + "; one core.";
        finish(new Sweep(axes, settings, byId, pruning, new Sweep.Text("Sweep: `" + profile + "`, pruning `" + pruning
            + "`", protocol, "learning operations per learning image / inference SOPs per image", "learning operations / "
            + "inference SOP reduction", "Each run's "
            + "numbers and learned network are in `runs/<run>.ser` and `runs/<run>.model.bin` (for `spikeprune conv "
            + "evaluate`), shared with `conv experiment`.", "learning_ops"), false, fixed, commandLine()), outDir);
        return 0;
    }

    private static String check(final org.spikeprune.cli.conv.ConvSweepRunner runner, final ConvTrainOptions o)
    {
        try
        {
            return runner.check(o);
        }
        catch (final UsageException | org.spikeprune.core.InputException ex)
        {
            throw new UsageException("--vary/--set: " + ex.getMessage().replaceFirst("^--set ", ""));
        }
    }

    private static int limit(final String option, final Long value)
    {
        if (value == null)
        {
            return 0;
        }
        if (value <= 0 || value > Integer.MAX_VALUE)
        {
            throw new UsageException(option + " " + value + " is invalid: must be > 0");
        }
        return (int)(long)value;
    }

    private void finish(final Sweep sweep, final Path outDir)
    {
        sweep.write(new org.spikeprune.cli.RunOutput(outDir));
        System.out.print(sweep.table());
        System.out.println("wrote " + outDir.resolve("sweep.md") + ", sweep.csv" + (sweep.plotted() ? ", sweep.png"
            : ""));
    }

    /** A run in a line: method, seed and the varied values. */
    private static String describe(final String method, final long seed, final Map<String, String> sets,
        final List<SweepAxis> axes)
    {
        final StringBuilder sb = new StringBuilder(method).append(" seed ").append(seed);
        for (final SweepAxis a : axes)
        {
            final String v = sets.get(a.key());
            if (v != null)
            {
                sb.append(' ').append(a.key()).append('=').append(v);
            }
        }
        return sb.toString();
    }

    private DcTrainer.Data load(final String dataSet)
    {
        return ExperimentCommand.load(loaded, data, cache, dataSet);
    }

    private String commandLine()
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
        ExperimentCommand.appendImageCounts(sb, trainImages, assignImages, testImages);
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
