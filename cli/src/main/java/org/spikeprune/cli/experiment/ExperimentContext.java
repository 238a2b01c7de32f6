package org.spikeprune.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spikeprune.cli.RunOutput;
import org.spikeprune.core.InputException;
import org.spikeprune.pruning.PruneConfig;

/**
 * What an experiment runs on: the network profile, the image counts and seed, the pruning schedule scaled to the
 * training length, the user's overrides, the run pool and the experiment's output folder.
 *
 * <p>Paper A prunes from image 30,000 of 60,000, one step per 5,000 images (7 steps). With {@code N} training
 * images the schedule is scaled by {@code N / 60,000}: start {@code round(30,000 · N / 60,000)}, step
 * {@code round(5,000 · N / 60,000)} (at least 1), unless {@code --set pruning.start_images} or
 * {@code pruning.step_images} say otherwise. Spike-count intervals SI are counts per batch, so they are scaled by
 * {@code step / 5,000} as well (SI = 30 at a 5,000-image step is 0.3 at a 50-image step).
 *
 * <p>Precedence of settings, lowest first: the profile's defaults, the scaled schedule, {@code --set}, then the
 * values the experiment sweeps.
 */
public final class ExperimentContext
{
    /** Paper A's training length. */
    public static final long PAPER_TRAIN_IMAGES = 60_000L;
    /** Paper A's pruning start. */
    public static final long PAPER_START_IMAGES = 30_000L;
    /** Paper A's pruning step (batch). */
    public static final long PAPER_STEP_IMAGES = 5_000L;

    private final String experiment;
    private final String profile;
    private final String dataSet;
    private final int neurons;
    private final boolean quick;
    private final long seed;
    private final long trainImages;
    private final long assignImages;
    private final long testImages;
    private final Map<String, String> sets;
    private final Path outDir;
    private final RunPool pool;
    private final String command;
    private final double stopBelow;
    private final List<String> notRun = new ArrayList<>();

    /**
     * @param experiment   the experiment's name.
     * @param dataSet      {@code mnist} or {@code fashion-mnist}.
     * @param neurons      excitatory neurons, 100 or 800.
     * @param quick        the reduced sweep.
     * @param seed         the seed of every run.
     * @param trainImages  training images per run.
     * @param assignImages assignment images per run.
     * @param testImages   test images per run.
     * @param sets         {@code --set} overrides for every run ({@code pruning.*} ones for pruned runs only).
     * @param outDir       the output folder shared by experiments ({@code runs/} inside, one folder per experiment).
     * @param pool         the run pool.
     * @param command      the command line, for the report.
     * @param stopBelow    a connectivity (fraction) below which a threshold series stops: once one of its runs ends
     *                     below it, the series' higher initial thresholds are not run; 0 runs every threshold.
     */
    public ExperimentContext(final String experiment, final String dataSet, final int neurons, final boolean quick,
        final long seed, final long trainImages, final long assignImages, final long testImages,
        final Map<String, String> sets, final Path outDir, final RunPool pool, final String command,
        final double stopBelow)
    {
        if (!(stopBelow >= 0 && stopBelow < 1))
        {
            throw new InputException("--stop-below " + 100 * stopBelow + " is invalid: must be a percentage in "
                + "[0, 100)");
        }
        this.experiment = experiment;
        this.dataSet = dataSet;
        this.neurons = neurons;
        this.profile = profileOf(dataSet, neurons);
        this.quick = quick;
        this.seed = seed;
        this.trainImages = trainImages;
        this.assignImages = assignImages;
        this.testImages = testImages;
        this.sets = new LinkedHashMap<>(sets);
        this.outDir = outDir;
        this.pool = pool;
        this.command = command;
        this.stopBelow = stopBelow;
    }

    /**
     * The network profile of a data set and size.
     *
     * @param dataSet {@code mnist} or {@code fashion-mnist}.
     * @param neurons 100 or 800.
     * @return {@code guo2020-mnist-100}, …
     */
    public static String profileOf(final String dataSet, final int neurons)
    {
        return "guo2020-" + (dataSet.equals("mnist") ? "mnist" : "fashion") + "-" + neurons;
    }

    /**
     * A copy for another experiment writing into the same folder and pool.
     *
     * @param name    the other experiment.
     * @param newData the data set it runs on.
     * @return the copy.
     */
    public ExperimentContext forExperiment(final String name, final String newData)
    {
        return new ExperimentContext(name, newData, neurons, quick, seed, trainImages, assignImages, testImages, sets,
            outDir, pool, command, stopBelow);
    }

    /** The experiment's name. */
    public String experiment()
    {
        return experiment;
    }

    /** The network profile. */
    public String profile()
    {
        return profile;
    }

    /** The data set, {@code mnist} or {@code fashion-mnist}. */
    public String dataSet()
    {
        return dataSet;
    }

    /** Excitatory neurons. */
    public int neurons()
    {
        return neurons;
    }

    /** True for the reduced sweep. */
    public boolean quick()
    {
        return quick;
    }

    /**
     * The connectivity (fraction) below which a threshold series stops; 0 when every threshold runs.
     */
    public double stopBelow()
    {
        return stopBelow;
    }

    /**
     * Records runs of a series that were not run because the series had fallen below {@link #stopBelow()}.
     *
     * @param note what was left out and why.
     */
    void notRun(final String note)
    {
        notRun.add(note);
    }

    /** The notes of {@link #notRun(String)}, in order. */
    List<String> notRun()
    {
        return List.copyOf(notRun);
    }

    /** Training images per run. */
    public long trainImages()
    {
        return trainImages;
    }

    /** The seed of every run. */
    public long seed()
    {
        return seed;
    }

    /** The command line that made this experiment. */
    public String command()
    {
        return command;
    }

    /** The run pool. */
    public RunPool pool()
    {
        return pool;
    }

    /** The output folder of this experiment's CSV, plots and report ({@code <out>/<experiment>}). */
    public RunOutput output()
    {
        return new RunOutput(outDir.resolve(experiment));
    }

    /**
     * Runs (or reads) runs.
     *
     * @param specs the runs.
     * @return their outcomes, in order.
     */
    public List<RunOutcome> run(final List<RunSpec> specs)
    {
        return pool.run(specs);
    }

    /** The schedule's pruning start, in images. */
    public long startImages()
    {
        final String s = sets.get(PruneConfig.START_IMAGES_KEY);
        return s != null ? images(PruneConfig.START_IMAGES_KEY, s) : paperImages(PAPER_START_IMAGES);
    }

    /** The schedule's pruning step, in images. */
    public long stepImages()
    {
        final String s = sets.get(PruneConfig.STEP_IMAGES_KEY);
        final long step = s != null ? images(PruneConfig.STEP_IMAGES_KEY, s)
            : Math.max(1, paperImages(PAPER_STEP_IMAGES));
        if (step <= 0)
        {
            throw new InputException("--set " + PruneConfig.STEP_IMAGES_KEY + ": expected a number of images > 0, "
                + "found " + step);
        }
        return step;
    }

    private static long images(final String key, final String text)
    {
        try
        {
            return Long.parseLong(text.trim().replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException("--set " + key + ": expected a whole number of images, found '" + text + "'",
                ex);
        }
    }

    /**
     * A number of images of paper A's 60,000-image run, scaled to this run's training length.
     *
     * @param images images in paper A.
     * @return {@code round(images · N / 60,000)}.
     */
    public long paperImages(final long images)
    {
        return Math.round(images * (double)trainImages / PAPER_TRAIN_IMAGES);
    }

    /**
     * A spike-count interval of paper A, scaled to this run's step.
     *
     * @param si SI in spikes per 5,000-image batch (infinity: one group).
     * @return SI in spikes per batch of {@link #stepImages()}.
     */
    public double spikeInterval(final double si)
    {
        return Double.isInfinite(si) ? si : si * stepImages() / (double)PAPER_STEP_IMAGES;
    }

    /** The unpruned run of the same profile, seed and image counts. */
    public RunSpec baseline()
    {
        return spec("none").baseline();
    }

    /**
     * A run of a pruning method with the schedule and the user's overrides; the experiment adds what it sweeps.
     *
     * @param method the method's command-line name.
     * @return the run.
     */
    public RunSpec spec(final String method)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(PruneConfig.START_IMAGES_KEY, Long.toString(startImages()));
        m.put(PruneConfig.STEP_IMAGES_KEY, Long.toString(stepImages()));
        m.putAll(sets);
        final RunSpec s = new RunSpec(profile, method, seed, trainImages, assignImages, testImages, m);
        return method.equals("none") ? s.baseline() : s;
    }

    /**
     * A run of a pruning method whose spike-count interval is paper A's {@code si}, scaled (unless {@code --set
     * pruning.si} fixes it).
     *
     * @param method the method's command-line name.
     * @param si     SI in spikes per 5,000-image batch.
     * @return the run.
     */
    public RunSpec spec(final String method, final double si)
    {
        final RunSpec s = spec(method);
        return sets.containsKey(PruneConfig.SI_KEY) ? s : s.with(PruneConfig.SI_KEY, spikeInterval(si));
    }

    /** A one-line description of the run sizes and schedule, for reports. */
    public String describeRuns()
    {
        return String.format(java.util.Locale.ROOT, "profile `%s`, seed %d, %,d training images (one epoch), %,d "
            + "assignment images, %,d test images; pruning from image %,d, one step per %,d images%s", profile, seed,
            trainImages, assignImages, testImages, startImages(), stepImages(),
            sets.isEmpty() ? "" : "; overrides " + sets);
    }
}
