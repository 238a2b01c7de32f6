package org.spikeprune.cli.conv;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.spikeprune.cli.UsageException;
import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.conv.ConvGeometry;
import org.spikeprune.core.conv.ConvModel;
import org.spikeprune.core.conv.ConvNetConfig;
import org.spikeprune.core.conv.ConvNetwork;
import org.spikeprune.core.conv.ConvProfiles;
import org.spikeprune.core.conv.ImageResampler;
import org.spikeprune.core.conv.InputSpikes;
import org.spikeprune.core.conv.KernelPrunePolicy;
import org.spikeprune.core.conv.LearningListener;
import org.spikeprune.core.conv.OperationCounts;
import org.spikeprune.core.conv.SvmReadout;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.IdxDataset;
import org.spikeprune.core.data.ImageFolderDataset;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.pruning.nguyen.NguyenPruning;

/** One learn-and-test run of a convolutional profile: configuration, data, network, readout, numbers. */
final class ConvRun
{
    /** Folder name of the Caltech copy looked for beside the working directory's ancestors. */
    static final String SHARED_CALTECH = "shared/datasets/caltech101-faces-motorbikes";
    /** Quick form: learning iterations per convolution. */
    static final int[] QUICK_ITERATIONS = {300, 400, 400};
    /** Quick form: learning-rate doubling period (the rates reach their cap within the short learning). */
    static final int QUICK_RATE_PERIOD = 25;
    /** Quick form: images per split. */
    static final int QUICK_IMAGES = 60;
    /** Quick form: k of dynamic pruning unless set. */
    static final String QUICK_K = "100";
    /** Quick form: α of dynamic pruning unless set (the default α scaled by k: 32000 · 100 / 500). */
    static final String QUICK_ALPHA = "6400";

    /** C of the linear SVM of the MNIST profile (SpykeTorch's LinearSVC). */
    static final double LINEAR_C = 2.4;

    private static final Set<String> NET_KEYS = Set.of("learn.iterations", "learn.order", "learn.rate-period",
        "learn.schedule", "stdp.pre", "init.mean", "init.std");
    /** Settings of the RBF readout. */
    static final String READOUT_SEARCH = "readout.search";
    /** C of the RBF readout when not searched. */
    static final String READOUT_C = "readout.c";
    /** Gamma of the RBF readout when not searched. */
    static final String READOUT_GAMMA = "readout.gamma";
    /** Folds of the readout's cross-validated search. */
    static final String READOUT_FOLDS = "readout.folds";
    private static final Set<String> READOUT_KEYS = Set.of(READOUT_SEARCH, READOUT_C, READOUT_GAMMA, READOUT_FOLDS);

    private ConvRun()
    {
    }

    /** Encoded images of both splits. */
    record Dataset(Path folder, List<InputSpikes> train, List<InputSpikes> test)
    {
    }

    /** What a run measured. */
    record Result(String pruning, Map<String, String> sets, ConvGeometry geometry, double testAccuracy,
        double trainAccuracy, int trainImages, int testImages, long[] live, long[] total,
        OperationCounts learning, OperationCounts inference, List<long[]> curve, double[] convergence,
        double learnSeconds, double inferSeconds, double wallSeconds, String digest, SvmReadout.Choice readout,
        ConvModel model, Features features)
        implements java.io.Serializable
    {
        long liveTotal()
        {
            long s = 0;
            for (final long v : live)
            {
                s += v;
            }
            return s;
        }

        long connectionTotal()
        {
            long s = 0;
            for (final long v : total)
            {
                s += v;
            }
            return s;
        }

        /** Fraction of connections removed. */
        double removed()
        {
            return 1.0 - (double)liveTotal() / connectionTotal();
        }

        /** Learning operations: SOPs + STDP updates + Decrement Track writes + prune evaluations. */
        long learningOps()
        {
            return learning.totalSynapticOps() + learning.totalStdpUpdates() + learning.totalDecrementWrites()
                + learning.totalPruneEvaluations();
        }

        /** Inference operations per image: SOPs. */
        double inferenceOpsPerImage()
        {
            return (double)inference.totalSynapticOps() / Math.max(1, inference.images());
        }
    }

    /** The network configuration of the options (profile, quick form, {@code learn.*}/{@code init.*} settings). */
    static ConvNetConfig configure(final ConvTrainOptions o)
    {
        final ConvNetConfig base;
        try
        {
            base = ConvProfiles.byName(o.profile());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        ConvNetConfig cfg = base;
        for (final String key : o.sets().keySet())
        {
            if (!key.startsWith("pruning.") && !NET_KEYS.contains(key) && !READOUT_KEYS.contains(key))
            {
                throw new UsageException("--set " + key + ": unknown setting for profile " + o.profile()
                    + " (known: " + NET_KEYS + ", " + READOUT_KEYS
                    + " and pruning.alpha, pruning.k, pruning.beta, pruning.tpost)");
            }
        }
        readout(o, base);
        if (o.quick())
        {
            // one count per convolution of the profile: the first ones, the last repeated for deeper networks
            final int[] quick = new int[cfg.convCount()];
            for (int c = 0; c < quick.length; c++)
            {
                quick[c] = QUICK_ITERATIONS[Math.min(c, QUICK_ITERATIONS.length - 1)];
            }
            cfg = cfg.withLearnIterations(quick).withRateDoublingPeriod(QUICK_RATE_PERIOD);
        }
        final String period = o.sets().get("learn.rate-period");
        if (period != null)
        {
            cfg = cfg.withRateDoublingPeriod(parseInt("learn.rate-period", period));
        }
        final String it = o.sets().get("learn.iterations");
        if (it != null)
        {
            final String[] parts = it.split(",");
            if (parts.length != cfg.convCount())
            {
                throw new InputException("--set learn.iterations: expected " + cfg.convCount()
                    + " comma-separated counts, found '" + it + "'");
            }
            final int[] v = new int[parts.length];
            for (int i = 0; i < parts.length; i++)
            {
                v[i] = parseInt("learn.iterations", parts[i]);
            }
            cfg = cfg.withLearnIterations(v);
        }
        final String order = o.sets().get("learn.order");
        if (order != null)
        {
            switch (order.toLowerCase(Locale.ROOT))
            {
                case "shuffled":
                    cfg = cfg.withOrder(ConvNetConfig.LearningOrder.SHUFFLED);
                    break;
                case "sequential":
                    cfg = cfg.withOrder(ConvNetConfig.LearningOrder.SEQUENTIAL);
                    break;
                case "class-permuted":
                    cfg = cfg.withOrder(ConvNetConfig.LearningOrder.CLASS_PERMUTED);
                    break;
                default:
                    throw new InputException("--set learn.order: expected sequential, class-permuted or shuffled, "
                        + "found '" + order + "'");
            }
        }
        final String schedule = o.sets().get("learn.schedule");
        if (schedule != null)
        {
            switch (schedule.toLowerCase(Locale.ROOT))
            {
                case "layer":
                    cfg = cfg.withSchedule(ConvNetConfig.Schedule.LAYER);
                    break;
                case "global":
                    cfg = cfg.withSchedule(ConvNetConfig.Schedule.GLOBAL);
                    break;
                default:
                    throw new InputException("--set learn.schedule: expected layer or global, found '" + schedule
                        + "'");
            }
        }
        final String pre = o.sets().get("stdp.pre");
        if (pre != null)
        {
            switch (pre.toLowerCase(Locale.ROOT))
            {
                case "once":
                    cfg = cfg.withCountPreSpikes(false);
                    break;
                case "count":
                    cfg = cfg.withCountPreSpikes(true);
                    break;
                default:
                    throw new InputException("--set stdp.pre: expected once or count, found '" + pre + "'");
            }
        }
        if (o.sets().containsKey("init.mean") || o.sets().containsKey("init.std"))
        {
            cfg = cfg.withInit(parseDouble("init.mean", o.sets().getOrDefault("init.mean", "" + cfg.initMean())),
                parseDouble("init.std", o.sets().getOrDefault("init.std", "" + cfg.initStd())));
        }
        return cfg;
    }

    /**
     * The RBF readout's settings: the profile's ({@link SvmReadout.Settings#REFERENCE}: C = 1, gamma = 1 / number
     * of features) with the {@code readout.*} settings applied. {@code readout.search} is {@code none} or
     * {@code cv}; {@code readout.c} (a finite number &gt; 0) and {@code readout.gamma} ({@code auto} or a finite
     * number &gt; 0) fix C and gamma and so go only with {@code none}; {@code readout.folds} (an integer &ge; 2)
     * goes only with {@code cv}.
     *
     * @param o   the options.
     * @param cfg the network configuration (its readout must be the RBF one for any {@code readout.*} setting).
     * @return the settings, or null for the linear readout of a pooled-spike profile.
     * @throws InputException naming the key, the value and the rule for a bad value or combination.
     */
    static SvmReadout.Settings readout(final ConvTrainOptions o, final ConvNetConfig cfg)
    {
        final Map<String, String> sets = o.sets();
        if (cfg.readoutPool() != null)
        {
            for (final String key : READOUT_KEYS)
            {
                if (sets.containsKey(key))
                {
                    throw new InputException("--set " + key + "=" + sets.get(key) + ": profile " + o.profile()
                        + " reads out with a linear SVM (C = " + LINEAR_C + "); the readout.* settings apply to the "
                        + "RBF readout of " + ConvProfiles.NGUYEN2020_CALTECH);
                }
            }
            return null;
        }
        final SvmReadout.Settings base = SvmReadout.Settings.REFERENCE;
        SvmReadout.Search search = base.search();
        final String searchValue = sets.get(READOUT_SEARCH);
        if (searchValue != null)
        {
            switch (searchValue.trim().toLowerCase(Locale.ROOT))
            {
                case "none":
                    search = SvmReadout.Search.NONE;
                    break;
                case "cv":
                    search = SvmReadout.Search.CV;
                    break;
                default:
                    throw new InputException("--set " + READOUT_SEARCH + ": expected none or cv, found '"
                        + searchValue + "'");
            }
        }
        double c = base.c();
        double gamma = base.gamma();
        int folds = base.folds();
        final String cValue = sets.get(READOUT_C);
        if (cValue != null)
        {
            c = positive(READOUT_C, cValue, "");
        }
        final String gammaValue = sets.get(READOUT_GAMMA);
        if (gammaValue != null)
        {
            gamma = "auto".equalsIgnoreCase(gammaValue.trim()) ? 0 : positive(READOUT_GAMMA, gammaValue, "auto or ");
        }
        final String foldsValue = sets.get(READOUT_FOLDS);
        if (foldsValue != null)
        {
            folds = parseInt(READOUT_FOLDS, foldsValue);
            if (folds < 2)
            {
                throw new InputException("--set " + READOUT_FOLDS + ": expected an integer >= 2, found '"
                    + foldsValue + "'");
            }
        }
        if (search == SvmReadout.Search.CV)
        {
            for (final String key : new String[] {READOUT_C, READOUT_GAMMA})
            {
                if (sets.containsKey(key))
                {
                    throw new InputException("--set " + key + "=" + sets.get(key) + ": fixes the readout's "
                        + key.substring("readout.".length()) + ", so it cannot go with " + READOUT_SEARCH
                        + "=cv, which chooses it");
                }
            }
        }
        else if (foldsValue != null)
        {
            throw new InputException("--set " + READOUT_FOLDS + "=" + foldsValue + ": applies only with "
                + READOUT_SEARCH + "=cv");
        }
        return new SvmReadout.Settings(search, c, gamma, folds);
    }

    private static double positive(final String key, final String v, final String alternative)
    {
        final double d;
        try
        {
            d = Double.parseDouble(v.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException("--set " + key + ": expected " + alternative + "a finite number > 0, found '"
                + v + "'", ex);
        }
        if (!(d > 0) || Double.isInfinite(d))
        {
            throw new InputException("--set " + key + ": expected " + alternative + "a finite number > 0, found '"
                + v + "'");
        }
        return d;
    }

    /** What the readout chose and measured, and the dense features it read (null for the sparse linear readout). */
    record Readout(SvmReadout.Choice choice, SvmReadout.Result result, Features features)
    {
        Readout(final SvmReadout.Choice choice, final SvmReadout.Result result)
        {
            this(choice, result, null);
        }
    }

    /**
     * The feature rows of both splits as the readout saw them (before standardisation), with their labels.
     *
     * @param train       training rows.
     * @param trainLabels their labels.
     * @param test        test rows.
     * @param testLabels  their labels.
     */
    record Features(double[][] train, int[] trainLabels, double[][] test, int[] testLabels)
        implements java.io.Serializable
    {
        /**
         * @return CSV: {@code split,image,label,f1,...,fN}, training rows first, each split in the order the run
         *         read it; values printed exactly (shortest round-trip decimal form).
         */
        String csv()
        {
            final int width = train.length > 0 ? train[0].length : test.length > 0 ? test[0].length : 0;
            final StringBuilder s = new StringBuilder(64 + (train.length + test.length) * (16 + width * 10));
            s.append("split,image,label");
            for (int f = 1; f <= width; f++)
            {
                s.append(",f").append(f);
            }
            s.append('\n');
            rows(s, "train", train, trainLabels);
            rows(s, "test", test, testLabels);
            return s.toString();
        }

        private static void rows(final StringBuilder s, final String split, final double[][] rows, final int[] labels)
        {
            for (int i = 0; i < rows.length; i++)
            {
                s.append(split).append(',').append(i).append(',').append(labels[i]);
                for (final double v : rows[i])
                {
                    s.append(',').append(v);
                }
                s.append('\n');
            }
        }
    }

    /**
     * Trains and tests the RBF readout: C and gamma are chosen from the training features and labels alone (the
     * test features and labels are used only to measure the trained SVM), then the SVM is trained on all training
     * features. (The linear readout of the pooled-spike profiles is read in {@link #extractAndRead}.)
     *
     * @param settings    the RBF readout's settings.
     * @param train       training features.
     * @param trainLabels their labels.
     * @param test        test features.
     * @param testLabels  their labels.
     * @param seed        seeds the folds of a search.
     * @return the choice and the accuracies.
     */
    static Readout read(final SvmReadout.Settings settings, final double[][] train, final int[] trainLabels,
        final double[][] test, final int[] testLabels, final long seed)
    {
        if (settings.search() == SvmReadout.Search.CV && settings.folds() > train.length)
        {
            throw new InputException("--set " + READOUT_FOLDS + ": expected at most the number of training images ("
                + train.length + "), found " + settings.folds());
        }
        final SvmReadout.Choice choice = SvmReadout.choose(train, trainLabels, settings, seed);
        return new Readout(choice, SvmReadout.fitAndTest(train, trainLabels, test, testLabels, choice.c(),
            choice.gamma()));
    }

    /**
     * Extracts the features of both splits and reads them out. The RBF readout standardises dense rows; the linear
     * readout of the pooled-spike features keeps each row only in sparse form, as it comes, so that 60,000 rows of
     * 12,150 binary features fit in memory.
     *
     * @param net         the network, learned.
     * @param o           the options.
     * @param cfg         the configuration.
     * @param data        the encoded images.
     * @param extractedAt receives the {@link System#nanoTime()} at which the extraction ended.
     * @return the readout's choice and accuracies.
     */
    static Readout extractAndRead(final ConvNetwork net, final ConvTrainOptions o, final ConvNetConfig cfg,
        final Dataset data, final long[] extractedAt)
    {
        final int[] ytrain = data.train().stream().mapToInt(InputSpikes::label).toArray();
        final int[] ytest = data.test().stream().mapToInt(InputSpikes::label).toArray();
        final SvmReadout.Settings settings = readout(o, cfg);
        if (settings != null)
        {
            final double[][] ftrain = net.features(data.train());
            final double[][] ftest = net.features(data.test());
            extractedAt[0] = System.nanoTime();
            final Readout r = read(settings, ftrain, ytrain, ftest, ytest, o.seed());
            return new Readout(r.choice(), r.result(), new Features(ftrain, ytrain, ftest, ytest));
        }
        final de.bwaldvogel.liblinear.Feature[][] strain = new de.bwaldvogel.liblinear.Feature[ytrain.length][];
        final de.bwaldvogel.liblinear.Feature[][] stest = new de.bwaldvogel.liblinear.Feature[ytest.length][];
        final int[] width = new int[1];
        net.features(data.train(), (i, row) ->
        {
            strain[i] = SvmReadout.sparse(row);
            width[0] = row.length;
        });
        net.features(data.test(), (i, row) -> stest[i] = SvmReadout.sparse(row));
        extractedAt[0] = System.nanoTime();
        return new Readout(null, SvmReadout.fitAndTestLinear(strain, width[0], ytrain, stest, ytest, LINEAR_C));
    }

    /** The pruning policy of the options. */
    static KernelPrunePolicy policy(final ConvTrainOptions o)
    {
        final Map<String, String> sets = new HashMap<>(o.sets());
        if (o.quick())
        {
            // P grows with the decrements of a window, so α scales with k: k = 100 instead of 500.
            sets.putIfAbsent("pruning.k", QUICK_K);
            sets.putIfAbsent("pruning.alpha", QUICK_ALPHA);
        }
        return NguyenPruning.create(o.pruning(), sets);
    }

    private static int parseInt(final String key, final String v)
    {
        try
        {
            final int n = Integer.parseInt(v.trim());
            if (n < 0)
            {
                throw new InputException("--set " + key + ": expected counts >= 0, found " + n);
            }
            return n;
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException("--set " + key + ": expected an integer, found '" + v + "'", ex);
        }
    }

    private static double parseDouble(final String key, final String v)
    {
        try
        {
            return Double.parseDouble(v.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException("--set " + key + ": expected a number, found '" + v + "'", ex);
        }
    }

    /**
     * The data folder: the given one, or the shared Caltech copy found by walking up from the working directory.
     */
    static Path dataFolder(final Path given)
    {
        if (given != null)
        {
            return given;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null)
        {
            final Path candidate = dir.resolve(SHARED_CALTECH);
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new UsageException("no data folder: give --data DIR (a folder with train/<class>/*.jpg and "
            + "test/<class>/*.jpg, e.g. the Caltech 101 Faces and Motorbikes split)");
    }

    /** Loads and encodes both splits (in parallel; the result does not depend on the thread count). */
    static Dataset load(final ConvTrainOptions o, final ConvNetConfig cfg)
    {
        final int trainLimit = o.trainLimit() > 0 ? o.trainLimit() : o.quick() ? QUICK_IMAGES : 0;
        final int testLimit = o.testLimit() > 0 ? o.testLimit() : o.quick() ? QUICK_IMAGES : 0;
        if (ConvProfiles.KHERADPISHEH2018_MNIST.equals(o.profile()))
        {
            final Path dir = o.data() != null ? o.data() : DataCache.resolve(null).mnistDir();
            if (!MnistFiles.isPresent(dir))
            {
                throw new UsageException("MNIST is not in " + dir + ": run 'spikeprune fetch-data mnist' first, "
                    + "or give --data DIR with the four IDX files");
            }
            final MnistFiles mnist = MnistFiles.load(dir);
            return new Dataset(dir, encode(mnist.train(), cfg, trainLimit), encode(mnist.test(), cfg, testLimit));
        }
        final Path folder = dataFolder(o.data());
        return new Dataset(folder, encode(folder, "train", cfg, trainLimit), encode(folder, "test", cfg, testLimit));
    }

    private static List<InputSpikes> encode(final IdxDataset images, final ConvNetConfig cfg, final int limit)
    {
        final int n = limit > 0 ? Math.min(limit, images.count()) : images.count();
        final InputSpikes[] out = new InputSpikes[n];
        final int pixels = images.rows() * images.cols();
        IntStream.range(0, n).parallel().forEach(i ->
        {
            final float[] g = images.copyImage(i, new float[pixels]);
            final double[] gray = new double[pixels];
            for (int p = 0; p < pixels; p++)
            {
                gray[p] = g[p];
            }
            out[i] = cfg.coding().encode(gray, images.label(i));
        });
        return List.of(out);
    }

    private static List<InputSpikes> encode(final Path folder, final String split, final ConvNetConfig cfg,
        final int limit)
    {
        final int h = cfg.coding().height();
        final int w = cfg.coding().width();
        final ImageFolderDataset images = ImageFolderDataset.read(folder, split);
        final int[] chosen = choose(images, limit);
        final InputSpikes[] out = new InputSpikes[chosen.length];
        IntStream.range(0, chosen.length).parallel().forEach(i ->
        {
            final int image = chosen[i];
            final float[] g = images.gray(image);
            final double[] gray = new double[g.length];
            for (int p = 0; p < g.length; p++)
            {
                gray[p] = g[p];
            }
            final int ih = images.height(image);
            final int iw = images.width(image);
            final double[] sized = ih == h && iw == w ? gray : ImageResampler.resize(gray, ih, iw, h, w);
            out[i] = cfg.coding().encode(sized, images.label(image));
        });
        return List.of(out);
    }

    /** The images to use: all, or the first of each class in turn up to {@code limit}. */
    static int[] choose(final ImageFolderDataset images, final int limit)
    {
        final int n = images.count();
        if (limit <= 0 || limit >= n)
        {
            return IntStream.range(0, n).toArray();
        }
        final int classes = images.classCount();
        final int[] quota = new int[classes];
        for (int c = 0; c < classes; c++)
        {
            quota[c] = limit / classes + (c < limit % classes ? 1 : 0);
        }
        return IntStream.range(0, n).filter(i -> quota[images.label(i)]-- > 0).toArray();
    }

    /**
     * Learns, extracts features, trains and tests the SVM.
     *
     * @param o        the options.
     * @param cfg      the network configuration.
     * @param data     the encoded images.
     * @param sample   iterations between two connectivity samples.
     * @param progress where to print progress (null for none).
     * @return the numbers.
     */
    static Result execute(final ConvTrainOptions o, final ConvNetConfig cfg, final Dataset data, final int sample,
        final PrintStream progress)
    {
        return execute(o, cfg, data, sample, progress, ActivitySink.NONE);
    }

    /**
     * Learns, extracts features, trains and tests the SVM, reporting every tick's work to a sink.
     *
     * @param o        the options.
     * @param cfg      the network configuration.
     * @param data     the encoded images.
     * @param sample   iterations between two connectivity samples.
     * @param progress where to print progress (null for none).
     * @param sink     receives the network's per-layer activity (learning, then inference on the training and
     *                 the test images).
     * @return the numbers.
     */
    static Result execute(final ConvTrainOptions o, final ConvNetConfig cfg, final Dataset data, final int sample,
        final PrintStream progress, final ActivitySink sink)
    {
        final KernelPrunePolicy policy = policy(o);
        final long start = System.nanoTime();
        try (ConvNetwork net = new ConvNetwork(cfg, o.seed(), o.cores(), o.mode(), sink))
        {
            final int convs = net.geometry().convCount();
            final List<long[]> curve = new ArrayList<>();
            curve.add(sampleRow(net, 0, -1));
            final long totalIterations = IntStream.of(cfg.iterationsPerLayer()).asLongStream().sum();
            net.learn(data.train(), policy, new LearningListener()
            {
                @Override
                public void onIteration(final int convLayer, final int iteration, final long global)
                {
                    if (iteration % sample == 0)
                    {
                        curve.add(sampleRow(net, global, convLayer));
                    }
                    if (progress != null && global % 1000 == 0)
                    {
                        progress.printf(Locale.ROOT, "  learning conv%d: %d/%d iterations, connectivity %.2f%%%n",
                            convLayer + 1, global, totalIterations, 100.0 * net.liveConnections()
                            / net.totalConnections());
                    }
                }

                @Override
                public void onPrune(final int convLayer, final int iteration, final boolean post, final long evaluated,
                    final long pruned)
                {
                    long global = 0;
                    for (int c = 0; c < convLayer; c++)
                    {
                        global += cfg.iterationsPerLayer()[c];
                    }
                    curve.add(sampleRow(net, global + iteration, convLayer));
                }
            });
            final long learned = System.nanoTime();
            final long[] extractedAt = new long[1];
            final Readout readout = extractAndRead(net, o, cfg, data, extractedAt);
            final long extracted = extractedAt[0];
            final SvmReadout.Result r = readout.result();
            final long end = System.nanoTime();
            final long[] live = new long[convs];
            final long[] total = new long[convs];
            final double[] convergence = new double[convs];
            for (int c = 0; c < convs; c++)
            {
                live[c] = net.weights(c).liveCount();
                total[c] = net.weights(c).size();
                convergence[c] = net.weights(c).convergence();
            }
            final String digest = digest(net, r.testAccuracy());
            return new Result(o.pruning(), o.sets(), net.geometry(), r.testAccuracy(), r.trainAccuracy(),
                data.train().size(), data.test().size(), live, total, net.learningCounts(), net.inferenceCounts(),
                curve, convergence, (learned - start) / 1e9, (extracted - learned) / 1e9, (end - start) / 1e9,
                digest, readout.choice(), ConvModel.of(optionsText(o, data.folder()), net, digest),
                readout.features());
        }
    }

    /** What testing a saved network measured. */
    record Evaluation(double testAccuracy, double trainAccuracy, int trainImages, int testImages, long[] live,
        long[] total, OperationCounts inference, double seconds, String digest, SvmReadout.Choice readout,
        Features features)
    {
    }

    /**
     * Tests a saved network: loads its weights and pruned flags, extracts the features of both splits, trains the
     * readout on the training features and tests it. With the run's options and images it gives the run's accuracy
     * and digest.
     *
     * @param o      the run's options (its readout settings and seed).
     * @param cfg    the network configuration of those options.
     * @param data   the encoded images.
     * @param model  the saved network.
     * @param source the model file's name, for error messages.
     * @param sink   receives the network's per-layer activity (inference on the training, then the test images).
     * @return the numbers.
     */
    static Evaluation evaluate(final ConvTrainOptions o, final ConvNetConfig cfg, final Dataset data,
        final ConvModel model, final String source, final ActivitySink sink)
    {
        final long start = System.nanoTime();
        try (ConvNetwork net = new ConvNetwork(cfg, o.seed(), o.cores(), o.mode(), sink))
        {
            model.validate(net, source);
            model.loadInto(net);
            final Readout readout = extractAndRead(net, o, cfg, data, new long[1]);
            final int convs = net.geometry().convCount();
            final long[] live = new long[convs];
            final long[] total = new long[convs];
            for (int c = 0; c < convs; c++)
            {
                live[c] = net.weights(c).liveCount();
                total[c] = net.weights(c).size();
            }
            final SvmReadout.Result r = readout.result();
            return new Evaluation(r.testAccuracy(), r.trainAccuracy(), data.train().size(), data.test().size(), live,
                total, net.inferenceCounts(), (System.nanoTime() - start) / 1e9, digest(net, r.testAccuracy()),
                readout.choice(), readout.features());
        }
    }

    /** Keys of the options text of a saved network. */
    private static final List<String> OPTION_KEYS = List.of("profile", "pruning", "seed", "quick", "train_images",
        "test_images");

    /**
     * The options that determine a run's network and readout, as text: one {@code key=value} per line
     * ({@code profile}, {@code pruning}, {@code seed}, {@code quick}, {@code train_images}, {@code test_images},
     * then {@code set.KEY=VALUE} for each setting, sorted), and the data folder the run read ({@code data}).
     */
    static String optionsText(final ConvTrainOptions o, final Path dataFolder)
    {
        final StringBuilder s = new StringBuilder();
        s.append("data=").append(dataFolder == null ? "" : dataFolder.toAbsolutePath().normalize()).append('\n');
        s.append("profile=").append(o.profile()).append('\n');
        s.append("pruning=").append(o.pruning()).append('\n');
        s.append("seed=").append(o.seed()).append('\n');
        s.append("quick=").append(o.quick()).append('\n');
        s.append("train_images=").append(o.trainLimit()).append('\n');
        s.append("test_images=").append(o.testLimit()).append('\n');
        for (final Map.Entry<String, String> e : new java.util.TreeMap<>(o.sets()).entrySet())
        {
            s.append("set.").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return s.toString();
    }

    /**
     * Reads the options text of a saved network back.
     *
     * @param text      the text.
     * @param source    the model file's name, for error messages.
     * @param data      the data folder to test on (null for the run's when it is still a folder, else the
     *                  profile's default).
     * @param out       the output folder.
     * @param cores     processing elements.
     * @param mode      threading mode.
     * @param trainImages training images to use (0 for the run's).
     * @param testImages  test images to use (0 for the run's).
     * @return the options.
     * @throws InputException naming {@code source} and the line for a malformed text.
     */
    static ConvTrainOptions parseOptionsText(final String text, final String source, final Path data, final Path out,
        final int cores, final org.spikeprune.engine.ThreadingMode mode, final int trainImages, final int testImages)
    {
        final Map<String, String> values = new HashMap<>();
        final Map<String, String> sets = new java.util.TreeMap<>();
        for (final String line : text.split("\n"))
        {
            if (line.isBlank())
            {
                continue;
            }
            final int eq = line.indexOf('=');
            if (eq <= 0)
            {
                throw new InputException(source + ": malformed options line '" + line + "' (expected key=value)");
            }
            final String key = line.substring(0, eq);
            final String value = line.substring(eq + 1);
            if (key.startsWith("set."))
            {
                sets.put(key.substring(4), value);
            }
            else if (OPTION_KEYS.contains(key) || "data".equals(key))
            {
                values.put(key, value);
            }
            else
            {
                throw new InputException(source + ": unknown option '" + key + "' in the model's options");
            }
        }
        for (final String key : OPTION_KEYS)
        {
            if (!values.containsKey(key))
            {
                throw new InputException(source + ": the model's options lack '" + key + "'");
            }
        }
        try
        {
            final int runTrain = Integer.parseInt(values.get("train_images"));
            final int runTest = Integer.parseInt(values.get("test_images"));
            Path folder = data;
            final String runData = values.get("data");
            if (folder == null && runData != null && !runData.isEmpty() && Files.isDirectory(Path.of(runData)))
            {
                folder = Path.of(runData);
            }
            return new ConvTrainOptions(values.get("profile"), folder, out, Long.parseLong(values.get("seed")), cores,
                mode, values.get("pruning"), sets, Boolean.parseBoolean(values.get("quick")),
                trainImages > 0 ? trainImages : runTrain, testImages > 0 ? testImages : runTest);
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException(source + ": malformed number in the model's options: " + ex.getMessage(), ex);
        }
    }

    private static long[] sampleRow(final ConvNetwork net, final long global, final int learning)
    {
        final int convs = net.geometry().convCount();
        final long[] row = new long[convs + 2];
        row[0] = global;
        row[1] = learning;
        for (int c = 0; c < convs; c++)
        {
            row[c + 2] = net.weights(c).liveCount();
        }
        return row;
    }

    /** SHA-256 over every final weight (float bits, conv1 first) and the test accuracy (double bits). */
    static String digest(final ConvNetwork net, final double accuracy)
    {
        try
        {
            final MessageDigest md = MessageDigest.getInstance("SHA-256");
            final ByteBuffer buf = ByteBuffer.allocate(8);
            for (int c = 0; c < net.geometry().convCount(); c++)
            {
                for (final float w : net.weights(c).toArray())
                {
                    buf.clear();
                    buf.putInt(Float.floatToIntBits(w));
                    md.update(buf.array(), 0, 4);
                }
            }
            buf.clear();
            buf.putLong(Double.doubleToLongBits(accuracy));
            md.update(buf.array(), 0, 8);
            return HexFormat.of().formatHex(md.digest());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 missing", ex);
        }
    }
}
