package org.spikeprune.cli.conv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import org.spikeprune.cli.RunOutput;
import org.spikeprune.cli.UsageException;
import org.spikeprune.core.conv.ConvNetConfig;
import org.spikeprune.pruning.nguyen.NguyenPruning;

/**
 * Paper B's experiments on the convolutional network, each as CSV + PNG + a Markdown report beside the paper's
 * numbers: {@code connectivity} (Fig. 6), {@code alpha-sweep} (Fig. 7a), {@code stages} (Fig. 9),
 * {@code operations} (Figs. 7b, 10) and {@code all}; and {@code seeds}, the unpruned and both-stage runs over
 * several seeds, as a distribution. Runs shared by several experiments are done once.
 */
public final class ConvExperiments
{
    /** Experiment names. */
    public static final List<String> NAMES = List.of("connectivity", "alpha-sweep", "stages", "operations", "all",
        "seeds");
    /** Paper B's unpruned accuracy on Caltech Faces/Motorbikes, %. */
    static final double PAPER_UNPRUNED = 95.7;
    /** Paper B's connections removed with both stages, %. */
    static final double PAPER_REMOVED = 92.83;
    /** α values of the sweep. */
    static final List<String> ALPHAS = List.of("8000", "16000", "32000", "64000");
    /** α values of the quick sweep (k = 100 there, so P is about a fifth of the full run's). */
    static final List<String> QUICK_ALPHAS = List.of("3200");

    /** Energy proxy per synaptic operation, pJ (Loihi's minimum, MODEL-REFERENCE §6). */
    static final double E_SOP_PJ = 23.6;
    /** Energy proxy per STDP weight update, pJ. */
    static final double E_UPDATE_PJ = 120.0;
    /** Energy proxy per Decrement Track write or prune evaluation (an SRAM access), pJ. */
    static final double E_MEM_PJ = 0.5;

    private final ConvTrainOptions base;
    private final ConvNetConfig config;
    private final PrintStream out;
    private final Map<String, ConvRun.Result> runs = new LinkedHashMap<>();
    private ConvRun.Dataset data;

    private ConvExperiments(final ConvTrainOptions base, final PrintStream out)
    {
        this.base = base;
        this.config = ConvRun.configure(base);
        this.out = out;
    }

    /**
     * Runs an experiment.
     *
     * @param name one of {@link #NAMES}.
     * @param base options of the runs (profile, data, seed, cores, quick, settings); its output folder receives
     *             the files.
     * @param out  progress and report.
     * @return the exit code (0).
     */
    public static int run(final String name, final ConvTrainOptions base, final PrintStream out)
    {
        return run(name, base, List.of(), out);
    }

    /**
     * Runs an experiment.
     *
     * @param name  one of {@link #NAMES}.
     * @param base  options of the runs (profile, data, seed, cores, quick, settings); its output folder receives
     *              the files.
     * @param seeds the seeds of {@code seeds} (empty for the base seed and the nine after it).
     * @param out   progress and report.
     * @return the exit code (0).
     */
    public static int run(final String name, final ConvTrainOptions base, final List<Long> seeds,
        final PrintStream out)
    {
        if (!NAMES.contains(name))
        {
            throw new UsageException("unknown experiment '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        final ConvExperiments e = new ConvExperiments(base, out);
        if ("seeds".equals(name))
        {
            final List<Long> list = new ArrayList<>(seeds);
            if (list.isEmpty())
            {
                for (long s = base.seed(); s < base.seed() + 10; s++)
                {
                    list.add(s);
                }
            }
            final String report = e.seeds(list);
            e.write("seeds.md", report);
            out.printf(Locale.ROOT, "wrote %s%n", base.out().resolve("seeds.md"));
            return 0;
        }
        final StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "# Paper B experiments on %s%s%n%n", base.profile(),
            base.quick() ? " (quick form: fewer iterations and images, not comparable with the paper)" : ""));
        report.append(String.format(Locale.ROOT, "Seed %d, %d core(s) %s, settings %s. Default α = %s, k = %d, "
            + "β = 0.9/0.9/0.7.%n%n", base.seed(), base.cores(), base.mode(), new TreeMap<>(base.sets()),
            base.sets().getOrDefault("pruning.alpha",
                base.quick() ? ConvRun.QUICK_ALPHA : NguyenPruning.ALPHA_DEFAULT_TEXT),
            base.quick() ? Integer.parseInt(ConvRun.QUICK_K) : NguyenPruning.K_DEFAULT));
        final boolean all = "all".equals(name);
        if (all || "stages".equals(name))
        {
            report.append(e.stages());
        }
        if (all || "connectivity".equals(name))
        {
            report.append(e.connectivity());
        }
        if (all || "alpha-sweep".equals(name))
        {
            report.append(e.alphaSweep());
        }
        if (all || "operations".equals(name))
        {
            report.append(e.operations());
        }
        e.write("report.md", report.toString());
        out.printf(Locale.ROOT, "wrote %s%n", base.out().resolve("report.md"));
        return 0;
    }

    /** The experiments' runs with these options as the base (for {@link ConvSweepRunner}). */
    static ConvExperiments over(final ConvTrainOptions base, final ConvRun.Dataset data, final PrintStream out)
    {
        final ConvExperiments e = new ConvExperiments(base, out);
        e.data = data;
        return e;
    }

    /** The run of the base options' pruning and settings, run or read from {@code runs/}. */
    ConvRun.Result baseRun()
    {
        return result(base.pruning(), Map.of());
    }

    /** Where {@link #baseRun()} is kept. */
    Path baseRunFile()
    {
        return cacheFile(base.pruning(), extra(base.pruning(), Map.of()));
    }

    private Map<String, String> extra(final String pruning, final Map<String, String> given)
    {
        // The default α is written out, so that a run with the default and one with the same α given are one run.
        final Map<String, String> extra = new TreeMap<>(given);
        if ((NguyenPruning.DYNAMIC.equals(pruning) || NguyenPruning.BOTH.equals(pruning))
            && !base.sets().containsKey("pruning.alpha"))
        {
            extra.putIfAbsent("pruning.alpha", base.quick() ? ConvRun.QUICK_ALPHA : NguyenPruning.ALPHA_DEFAULT_TEXT);
        }
        return extra;
    }

    private ConvRun.Result result(final String pruning, final Map<String, String> given)
    {
        final Map<String, String> extra = extra(pruning, given);
        final String key = pruning + new TreeMap<>(extra);
        ConvRun.Result r = runs.get(key);
        final Path cached = cacheFile(pruning, extra);
        if (r == null && Files.isRegularFile(cached))
        {
            r = readCached(cached);
            if (r != null)
            {
                out.printf(Locale.ROOT, "run: pruning %s %s (reused %s)%n", pruning, extra.isEmpty() ? "" : extra,
                    cached.getFileName());
                runs.put(key, r);
            }
        }
        if (r == null)
        {
            if (data == null)
            {
                data = ConvRun.load(base, config);
                out.printf(Locale.ROOT, "images from %s%n", data.folder());
            }
            out.printf(Locale.ROOT, "run: pruning %s %s%n", pruning, extra.isEmpty() ? "" : extra);
            final ConvTrainOptions o = base.with(pruning, extra, base.out());
            r = ConvRun.execute(o, config, data, base.quick() ? 10 : 50, null);
            out.printf(Locale.ROOT, "  accuracy %.2f%%, removed %.2f%%, learning ops %d, %.1f s%n",
                100 * r.testAccuracy(), 100 * r.removed(), r.learningOps(), r.wallSeconds());
            runs.put(key, r);
            writeCached(cached, r);
        }
        return r;
    }

    /**
     * Where a run's result is kept for reuse by later experiments with the same options: {@code runs/} in the
     * output folder, named by a hash of everything that determines the run. Delete the folder to recompute.
     */
    private Path cacheFile(final String pruning, final Map<String, String> extra)
    {
        final Map<String, String> sets = new TreeMap<>(base.sets());
        sets.putAll(extra);
        final String id = String.join("|", base.profile(), String.valueOf(base.data()), Long.toString(base.seed()),
            Boolean.toString(base.quick()), Integer.toString(base.trainLimit()), Integer.toString(base.testLimit()),
            pruning, sets.toString());
        return base.out().resolve("runs").resolve(pruning + "-" + Integer.toHexString(id.hashCode()) + ".ser");
    }

    private static ConvRun.Result readCached(final Path file)
    {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(Files.newInputStream(file)))
        {
            return (ConvRun.Result)in.readObject();
        }
        catch (final IOException | ClassNotFoundException | ClassCastException ex)
        {
            return null;
        }
    }

    private static void writeCached(final Path file, final ConvRun.Result r)
    {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes))
        {
            o.writeObject(r);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot serialise the run kept in " + file, ex);
        }
        final RunOutput dir = new RunOutput(file.getParent());
        dir.writeBytes(file.getFileName().toString(), bytes.toByteArray());
        // the learned network beside it, for conv evaluate
        final String name = file.getFileName().toString();
        dir.writeBytes(name.substring(0, name.length() - ".ser".length()) + ".model.bin", r.model().encode());
    }

    /**
     * The unpruned and both-stage runs over several seeds: per-seed accuracy, removal and learning-operation
     * reduction, and their distribution (mean, standard deviation, median, range, the paired difference).
     */
    private String seeds(final List<Long> seeds)
    {
        final StringBuilder csv = new StringBuilder("seed,unpruned_accuracy,unpruned_train_accuracy,both_accuracy,"
            + "both_removed,conv1_live,conv2_live,conv3_live,learning_ops_reduction,inference_sops_reduction,"
            + "unpruned_digest,both_digest\n");
        final StringBuilder rows = new StringBuilder();
        final double[] none = new double[seeds.size()];
        final double[] both = new double[seeds.size()];
        final double[] removed = new double[seeds.size()];
        final double[] learning = new double[seeds.size()];
        final List<Double> xs = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++)
        {
            final long seed = seeds.get(i);
            final ConvExperiments at = seed == base.seed() ? this : new ConvExperiments(withSeed(seed), out);
            at.data = data == null ? ConvRun.load(base, config) : data;
            data = at.data;
            final ConvRun.Result n = at.result(NguyenPruning.NONE, Map.of());
            final ConvRun.Result b = at.result(NguyenPruning.BOTH, Map.of());
            none[i] = 100 * n.testAccuracy();
            both[i] = 100 * b.testAccuracy();
            removed[i] = 100 * b.removed();
            learning[i] = (double)n.learningOps() / b.learningOps();
            final double inference = n.inferenceOpsPerImage() / b.inferenceOpsPerImage();
            xs.add((double)seed);
            csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.4f,%d,%d,%d,%.3f,%.3f,%s,%s%n", seed,
                n.testAccuracy(), n.trainAccuracy(), b.testAccuracy(), b.removed(), b.live()[0], b.live()[1],
                b.live()[2], learning[i], inference, n.digest(), b.digest()));
            rows.append(String.format(Locale.ROOT, "| %d | %.2f%% | %.2f%% | %.2f%% | %+.2f | %.2f%% | %d / %d / %d "
                + "| %.2f× | %.2f× |%n", seed, none[i], 100 * n.trainAccuracy(), both[i], both[i] - none[i],
                removed[i], b.live()[0], b.live()[1], b.live()[2], learning[i], inference));
        }
        write("seeds.csv", csv.toString());
        final double[] diff = new double[none.length];
        int reached = 0;
        int notLower = 0;
        int removedEnough = 0;
        for (int i = 0; i < none.length; i++)
        {
            diff[i] = both[i] - none[i];
            reached += none[i] >= PAPER_UNPRUNED ? 1 : 0;
            notLower += diff[i] >= 0 ? 1 : 0;
            removedEnough += removed[i] >= PAPER_REMOVED ? 1 : 0;
        }
        final int k = none.length;
        final StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Paper B over %d seeds: unpruned "
            + "and both pruning stages%n%n%s, %d core(s) %s, settings %s; seeds %s.%n%n", k, base.profile(),
            base.cores(), base.mode(), new TreeMap<>(base.sets()), seeds));
        md.append("| seed | unpruned | unpruned, training images | both stages | change (points) | removed "
            + "| conv1 / conv2 / conv3 live | learning ops | inference SOPs |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
        md.append(rows);
        md.append('\n');
        md.append(String.format(Locale.ROOT, "| | mean | standard deviation | median | min | max |%n"
            + "|---|---|---|---|---|---|%n"));
        md.append(statsRow("unpruned accuracy (%)", none));
        md.append(statsRow("both stages accuracy (%)", both));
        md.append(statsRow("change, both − unpruned (points)", diff));
        md.append(statsRow("connections removed (%)", removed));
        md.append(statsRow("learning operations, unpruned / both (×)", learning));
        md.append(String.format(Locale.ROOT, "%nUnpruned at or above paper B's %.1f%%: %d of %d seeds. Both stages "
            + "no lower than the same seed's unpruned run: %d of %d (mean change %+.2f points, standard error "
            + "%.2f). At least %.2f%% removed: %d of %d.%n%n", PAPER_UNPRUNED, reached, k, notLower, k, mean(diff),
            k > 1 ? sd(diff) / Math.sqrt(k) : Double.NaN, PAPER_REMOVED, removedEnough, k));
        md.append("Files: `seeds.csv`, `seeds.png`; the runs (with their networks, `*.model.bin`) in `runs/`.\n");
        final XYChart chart = new XYChartBuilder().width(800).height(500)
            .title("Test accuracy by seed (paper B: " + PAPER_UNPRUNED + "% unpruned)").xAxisTitle("seed")
            .yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.addSeries("unpruned", xs, toList(none)).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("both stages", xs, toList(both)).setMarker(SeriesMarkers.DIAMOND);
        final double first = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        final double last = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        chart.addSeries("paper B, unpruned", List.of(first, last), List.of(PAPER_UNPRUNED, PAPER_UNPRUNED))
            .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        png("seeds.png", chart);
        return md.toString();
    }

    private ConvTrainOptions withSeed(final long seed)
    {
        return new ConvTrainOptions(base.profile(), base.data(), base.out(), seed, base.cores(), base.mode(),
            base.pruning(), base.sets(), base.quick(), base.trainLimit(), base.testLimit(), base.hw());
    }

    private static String statsRow(final String what, final double[] v)
    {
        final double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        final int n = sorted.length;
        final double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", what, mean(v),
            n > 1 ? sd(v) : Double.NaN, median, sorted[0], sorted[n - 1]);
    }

    private static double mean(final double[] v)
    {
        double s = 0;
        for (final double x : v)
        {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation. */
    private static double sd(final double[] v)
    {
        final double m = mean(v);
        double s = 0;
        for (final double x : v)
        {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static List<Double> toList(final double[] v)
    {
        final List<Double> l = new ArrayList<>();
        for (final double x : v)
        {
            l.add(x);
        }
        return l;
    }

    private String stages()
    {
        final String[] names = {NguyenPruning.NONE, NguyenPruning.DYNAMIC, NguyenPruning.POST, NguyenPruning.BOTH};
        final ConvRun.Result none = result(NguyenPruning.NONE, Map.of());
        final StringBuilder csv = new StringBuilder("pruning,accuracy,removed,conv1_live,conv2_live,conv3_live,"
            + "learning_ops,learning_speedup,learning_energy_saving,inference_sops_per_image,wall_s\n");
        final List<String> labels = new ArrayList<>();
        final List<Double> removed = new ArrayList<>();
        final List<Double> speedup = new ArrayList<>();
        final List<Double> saving = new ArrayList<>();
        final StringBuilder md = new StringBuilder("## Dynamic vs post-learning vs both (paper B Fig. 9)\n\n"
            + "| pruning | test accuracy | connections removed | conv1 / conv2 / conv3 live | learning-op speed-up "
            + "| learning energy saving (proxy) |\n|---|---|---|---|---|---|\n");
        for (final String n : names)
        {
            final ConvRun.Result r = result(n, Map.of());
            final double sp = (double)none.learningOps() / r.learningOps();
            final double es = 1 - learningEnergy(r) / learningEnergy(none);
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%d,%d,%d,%d,%.3f,%.4f,%.1f,%.1f%n", n,
                r.testAccuracy(), r.removed(), r.live()[0], r.live()[1], r.live()[2], r.learningOps(), sp, es,
                r.inferenceOpsPerImage(), r.wallSeconds()));
            md.append(String.format(Locale.ROOT, "| %s | %.2f%% | %.2f%% | %d / %d / %d | %.2f× | %.1f%% |%n", n,
                100 * r.testAccuracy(), 100 * r.removed(), r.live()[0], r.live()[1], r.live()[2], sp, 100 * es));
            labels.add(n.equals(NguyenPruning.BOTH) ? "both" : n.replace("nguyen2020-", ""));
            removed.add(100 * r.removed());
            speedup.add(sp);
            saving.add(100 * es);
        }
        md.append("\nPaper B (Fig. 9): dynamic pruning alone gives the larger learning speed-up and energy saving, "
            + "post-learning pruning alone the larger connectivity reduction; both together: 92.83% removed, 2.1× "
            + "learning speed-up, 64% learning energy saved, no accuracy loss.\n\n");
        write("stages.csv", csv.toString());
        final CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
            .title("Pruning stages (paper B Fig. 9)").xAxisTitle("pruning").yAxisTitle("% / ×").build();
        chart.addSeries("connections removed (%)", labels, removed);
        chart.addSeries("learning energy saving, proxy (%)", labels, saving);
        chart.addSeries("learning-op speed-up (×10)", labels, speedup.stream().map(v -> v * 10).toList());
        png("stages.png", chart);
        md.append("Files: `stages.csv`, `stages.png`.\n\n");
        return md.toString();
    }

    private String connectivity()
    {
        final ConvRun.Result r = result(NguyenPruning.BOTH, Map.of());
        final StringBuilder csv = new StringBuilder("iteration,learning_layer,conv1,conv2,conv3,total\n");
        final List<Double> x = new ArrayList<>();
        final List<List<Double>> ys = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>());
        for (final long[] row : r.curve())
        {
            long live = 0;
            for (int c = 0; c < r.total().length; c++)
            {
                live += row[c + 2];
            }
            final double total = 100.0 * live / r.connectionTotal();
            csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f,%.4f%n", row[0], row[1] + 1,
                100.0 * row[2] / r.total()[0], 100.0 * row[3] / r.total()[1], 100.0 * row[4] / r.total()[2],
                total));
            x.add((double)row[0]);
            for (int c = 0; c < 3; c++)
            {
                ys.get(c).add(100.0 * row[c + 2] / r.total()[c]);
            }
            ys.get(3).add(total);
        }
        write("connectivity.csv", csv.toString());
        final XYChart chart = new XYChartBuilder().width(900).height(500)
            .title("Connectivity during learning (paper B Fig. 6)").xAxisTitle("learning iteration")
            .yAxisTitle("connectivity (%)").build();
        final String[] names = {"conv1", "conv2", "conv3", "network"};
        for (int i = 0; i < 4; i++)
        {
            final XYSeries s = chart.addSeries(names[i], x, ys.get(i));
            s.setMarker(SeriesMarkers.NONE);
        }
        png("connectivity.png", chart);
        final int[] it = config.iterationsPerLayer();
        return String.format(Locale.ROOT, "## Connectivity vs iteration (paper B Fig. 6)%n%n"
            + "Pruning `nguyen2020`: after conv1 learned (iteration %d) %.2f%% of all connections removed; after "
            + "conv2 (iteration %d) %.2f%%; at the end %.2f%%. conv1's pruned weights are %.3f%% of all "
            + "connections. Final connectivity conv1 %.2f%%, conv2 %.2f%%, conv3 %.2f%%; accuracy %.2f%%.%n%n"
            + "Paper B: > 60%% removed after conv2, > 92%% at the end (92.83%%); conv1 ≈ 0.13%% of all "
            + "connections.%n%nFiles: `connectivity.csv`, `connectivity.png`.%n%n",
            it[0], 100 * removedAt(r, it[0]), it[0] + it[1], 100 * removedAt(r, it[0] + it[1]), 100 * r.removed(),
            100.0 * (r.total()[0] - r.live()[0]) / r.connectionTotal(), 100.0 * r.live()[0] / r.total()[0],
            100.0 * r.live()[1] / r.total()[1], 100.0 * r.live()[2] / r.total()[2], 100 * r.testAccuracy());
    }

    private static double removedAt(final ConvRun.Result r, final long iteration)
    {
        long[] last = r.curve().get(0);
        for (final long[] row : r.curve())
        {
            if (row[0] <= iteration)
            {
                last = row;
            }
        }
        long live = 0;
        for (int c = 0; c < r.total().length; c++)
        {
            live += last[c + 2];
        }
        return 1.0 - (double)live / r.connectionTotal();
    }

    private String alphaSweep()
    {
        final ConvRun.Result none = result(NguyenPruning.NONE, Map.of());
        final List<String> alphas = base.quick() ? QUICK_ALPHAS : ALPHAS;
        final StringBuilder csv = new StringBuilder("alpha,accuracy,accuracy_loss,removed,conv1_live,conv2_live,"
            + "conv3_live,learning_speedup\n");
        final StringBuilder md = new StringBuilder("## Connectivity/accuracy trade-off, α sweep (paper B Fig. 7a)\n\n"
            + String.format(Locale.ROOT, "Unpruned accuracy %.2f%%.%n%n", 100 * none.testAccuracy())
            + "| α | test accuracy | loss vs unpruned | connections removed | learning-op speed-up |\n"
            + "|---|---|---|---|---|\n");
        final List<Double> x = new ArrayList<>();
        final List<Double> acc = new ArrayList<>();
        for (final String a : alphas)
        {
            final ConvRun.Result r = result(NguyenPruning.BOTH, Map.of("pruning.alpha", a));
            final double loss = none.testAccuracy() - r.testAccuracy();
            final double sp = (double)none.learningOps() / r.learningOps();
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%d,%d,%d,%.3f%n", a, r.testAccuracy(), loss,
                r.removed(), r.live()[0], r.live()[1], r.live()[2], sp));
            md.append(String.format(Locale.ROOT, "| %s | %.2f%% | %+.2f pp | %.2f%% | %.2f× |%n", a,
                100 * r.testAccuracy(), -100 * loss, 100 * r.removed(), sp));
            x.add(100 * r.removed());
            acc.add(100 * r.testAccuracy());
        }
        md.append("\nPaper B (Fig. 7a): 92.83% removed with no loss; 92.9% with ≤ 1.2% loss; 93.35% with ≤ 1.8%; "
            + "95.07% with ≤ 2%.\n\nFiles: `alpha-sweep.csv`, `alpha-sweep.png`.\n\n");
        write("alpha-sweep.csv", csv.toString());
        final XYChart chart = new XYChartBuilder().width(800).height(500)
            .title("Connectivity reduction vs accuracy (paper B Fig. 7a)").xAxisTitle("connections removed (%)")
            .yAxisTitle("test accuracy (%)").build();
        chart.addSeries("nguyen2020, α sweep", x, acc);
        chart.addSeries("unpruned", List.of(0.0), List.of(100 * none.testAccuracy()));
        png("alpha-sweep.png", chart);
        return md.toString();
    }

    private String operations()
    {
        final ConvRun.Result none = result(NguyenPruning.NONE, Map.of());
        final ConvRun.Result both = result(NguyenPruning.BOTH, Map.of());
        final String[][] rows = {
            {"learning SOPs", "" + none.learning().totalSynapticOps(), "" + both.learning().totalSynapticOps()},
            {"learning STDP updates", "" + none.learning().totalStdpUpdates(), "" + both.learning().totalStdpUpdates()},
            {"learning decrement writes", "" + none.learning().totalDecrementWrites(),
                "" + both.learning().totalDecrementWrites()},
            {"learning prune evaluations", "" + none.learning().totalPruneEvaluations(),
                "" + both.learning().totalPruneEvaluations()},
            {"learning operations (sum)", "" + none.learningOps(), "" + both.learningOps()},
            {"inference SOPs per image", String.format(Locale.ROOT, "%.0f", none.inferenceOpsPerImage()),
                String.format(Locale.ROOT, "%.0f", both.inferenceOpsPerImage())},
            {"inference spikes per image", String.format(Locale.ROOT, "%.0f",
                (double)none.inference().totalSpikes() / none.inference().images()),
                String.format(Locale.ROOT, "%.0f", (double)both.inference().totalSpikes() / both.inference().images())},
            {"learning energy proxy (µJ)", String.format(Locale.ROOT, "%.1f", learningEnergy(none) / 1e6),
                String.format(Locale.ROOT, "%.1f", learningEnergy(both) / 1e6)},
            {"inference energy proxy per image (µJ)",
                String.format(Locale.ROOT, "%.3f", none.inferenceOpsPerImage() * E_SOP_PJ / 1e6),
                String.format(Locale.ROOT, "%.3f", both.inferenceOpsPerImage() * E_SOP_PJ / 1e6)},
            {"learning wall time (s)", String.format(Locale.ROOT, "%.1f", none.learnSeconds()),
                String.format(Locale.ROOT, "%.1f", both.learnSeconds())},
            {"inference wall time (s)", String.format(Locale.ROOT, "%.1f", none.inferSeconds()),
                String.format(Locale.ROOT, "%.1f", both.inferSeconds())},
        };
        final StringBuilder csv = new StringBuilder("quantity,unpruned,pruned,ratio_unpruned_over_pruned\n");
        final StringBuilder md = new StringBuilder("## Learning and inference operations, pruned vs unpruned "
            + "(paper B Figs. 7b, 10)\n\n| quantity | unpruned | nguyen2020 | unpruned / pruned |\n"
            + "|---|---|---|---|\n");
        for (final String[] row : rows)
        {
            final double a = Double.parseDouble(row[1]);
            final double b = Double.parseDouble(row[2]);
            final String ratio = b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
            csv.append(String.join(",", row[0], row[1], row[2], ratio)).append('\n');
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" | ")
                .append(ratio).append(" |\n");
        }
        final double learnSpeed = (double)none.learningOps() / both.learningOps();
        final double learnSave = 1 - learningEnergy(both) / learningEnergy(none);
        final double inferSpeed = none.inferenceOpsPerImage() / both.inferenceOpsPerImage();
        md.append(String.format(Locale.ROOT, "%nLearning: %.2f× fewer operations, %.1f%% less energy (proxy). "
            + "Inference: %.2f× fewer SOPs per image (%.1f%% less SOP energy); accuracy %.2f%% unpruned, %.2f%% "
            + "pruned.%n%nPaper B, in its FPGA: learning 2.1× faster with 64%% less energy; inference 2.83× faster "
            + "with 78.24%% less energy (2.83–3.1× and 78.24–81.47%% at 92.83–95%% removed). Our figures are "
            + "operation counts of the functional model (energy proxy: %.1f pJ per SOP, %.0f pJ per STDP update, "
            + "%.1f pJ per Decrement Track write or prune evaluation); cycle and energy figures of a board come "
            + "from the fpga-model. Wall times depend on the machine's load while each run ran; compare the "
            + "operation counts.%n%nFiles: `operations.csv`, `operations.png`.%n%n", learnSpeed, 100 * learnSave,
            inferSpeed, 100 * (1 - 1 / inferSpeed), 100 * none.testAccuracy(), 100 * both.testAccuracy(), E_SOP_PJ,
            E_UPDATE_PJ, E_MEM_PJ));
        write("operations.csv", csv.toString());
        final CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
            .title("Pruned / unpruned (paper B Figs. 7b, 10)").xAxisTitle("quantity").yAxisTitle("pruned / unpruned")
            .build();
        chart.addSeries("nguyen2020 / none",
            List.of("learning ops", "learning energy", "inference SOPs", "inference spikes"),
            List.of(1 / learnSpeed, 1 - learnSave, 1 / inferSpeed,
                ((double)both.inference().totalSpikes() / both.inference().images())
                    / ((double)none.inference().totalSpikes() / none.inference().images())));
        png("operations.png", chart);
        return md.toString();
    }

    static double learningEnergy(final ConvRun.Result r)
    {
        return r.learning().totalSynapticOps() * E_SOP_PJ + r.learning().totalStdpUpdates() * E_UPDATE_PJ
            + (r.learning().totalDecrementWrites() + r.learning().totalPruneEvaluations()) * E_MEM_PJ;
    }

    private void write(final String name, final String text)
    {
        new RunOutput(base.out()).writeText(name, text);
    }

    private void png(final String name, final org.knowm.xchart.internal.chartpart.Chart<?, ?> chart)
    {
        final byte[] bytes;
        try
        {
            bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot render " + base.out().resolve(name), ex);
        }
        new RunOutput(base.out()).writeBytes(name, bytes);
    }
}
