package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spikeprune.cli.RunOutput;

/**
 * The finished runs of a sweep, gathered by setting: the CSV (one row per run), the Markdown report (one row per
 * setting with the statistics over its seeds) and the plots.
 */
final class Sweep
{
    /**
     * One combination of the varied values and its runs, one per seed.
     *
     * @param values the varied keys and their values, in the axes' order.
     * @param seeds  the seeds.
     * @param runs   the runs' ids, seed by seed.
     * @param bases  the ids of the unpruned runs of the same seeds (empty without baselines).
     */
    record Setting(Map<String, String> values, List<Long> seeds, List<String> runs, List<String> bases)
    {
    }

    /**
     * How the runs were made, for the report.
     *
     * @param title     the report's title.
     * @param protocol  one sentence on what each run trains on and is scored on.
     * @param opsHeader the column title of the two operation counts per image.
     * @param reductionHeader the column title of their reductions against the unpruned runs.
     * @param filesNote where each run's files are.
     * @param learningColumn the CSV name of the first count ({@code train_sops} for paper A, {@code learning_ops}).
     */
    record Text(String title, String protocol, String opsHeader, String reductionHeader, String filesNote,
        String learningColumn)
    {
    }

    /**
     * The statistics of one setting over its seeds.
     *
     * @param setting      the setting.
     * @param outcomes     its runs' outcomes, seed by seed.
     * @param baseOutcomes the unpruned runs' outcomes (empty without baselines).
     */
    record Row(Setting setting, List<RunOutcome> outcomes, List<RunOutcome> baseOutcomes)
    {
        double mean()
        {
            return Stats.mean(accuracies());
        }

        double sd()
        {
            return Stats.sd(accuracies());
        }

        double[] accuracies()
        {
            final double[] a = new double[outcomes.size()];
            for (int i = 0; i < a.length; i++)
            {
                a[i] = outcomes.get(i).accuracy();
            }
            return a;
        }

        double meanOf(final java.util.function.ToDoubleFunction<RunOutcome> f)
        {
            double s = 0;
            for (final RunOutcome o : outcomes)
            {
                s += f.applyAsDouble(o);
            }
            return s / outcomes.size();
        }

        /** The mean over seeds of f(run, its unpruned run); NaN without baselines. */
        double meanAgainstBase(final java.util.function.ToDoubleBiFunction<RunOutcome, RunOutcome> f)
        {
            if (baseOutcomes.isEmpty())
            {
                return Double.NaN;
            }
            double s = 0;
            for (int i = 0; i < outcomes.size(); i++)
            {
                s += f.applyAsDouble(outcomes.get(i), baseOutcomes.get(i));
            }
            return s / outcomes.size();
        }
    }

    private final List<SweepAxis> axes;
    private final List<Row> rows = new ArrayList<>();
    private final String pruning;
    private final Text text;
    private final boolean validation;
    private final Map<String, String> fixed;
    private final String command;
    private boolean plotted;

    Sweep(final List<SweepAxis> axes, final List<Setting> settings, final Map<String, RunOutcome> byId,
        final String pruning, final Text text, final boolean validation, final Map<String, String> fixed,
        final String command)
    {
        this.axes = List.copyOf(axes);
        for (final Setting s : settings)
        {
            final List<RunOutcome> o = new ArrayList<>();
            for (final String id : s.runs())
            {
                o.add(byId.get(id));
            }
            final List<RunOutcome> b = new ArrayList<>();
            for (final String id : s.bases())
            {
                b.add(byId.get(id));
            }
            rows.add(new Row(s, o, b));
        }
        this.pruning = pruning;
        this.text = text;
        this.validation = validation;
        this.fixed = new LinkedHashMap<>(fixed);
        this.command = command;
    }

    /** The settings' statistics, in the order of the combinations. */
    List<Row> rows()
    {
        return List.copyOf(rows);
    }

    /** True once {@link #write} has drawn {@code sweep.png}. */
    boolean plotted()
    {
        return plotted;
    }

    private boolean baselines()
    {
        return !rows.isEmpty() && !rows.get(0).baseOutcomes().isEmpty();
    }

    /**
     * Writes {@code sweep.csv}, {@code sweep.md} and, when the first axis is numeric, {@code sweep.png} (and with
     * pruning {@code sweep-connectivity.png}).
     *
     * @param out the sweep's folder.
     */
    void write(final RunOutput out)
    {
        out.writeText("sweep.csv", csv());
        plotted = plot(out);
        out.writeText("sweep.md", markdown());
    }

    /** One row per run. */
    String csv()
    {
        final StringBuilder sb = new StringBuilder();
        for (final SweepAxis a : axes)
        {
            sb.append(a.key()).append(',');
        }
        sb.append("seed,accuracy,connectivity,unpruned_fraction,").append(text.learningColumn())
            .append("_per_image,infer_sops_per_image,train_s,digest,run");
        if (baselines())
        {
            sb.append(",unpruned_accuracy,accuracy_loss,").append(text.learningColumn())
                .append("_reduction,infer_sops_reduction,unpruned_run");
        }
        sb.append('\n');
        for (final Row r : rows)
        {
            for (int i = 0; i < r.outcomes().size(); i++)
            {
                final RunOutcome o = r.outcomes().get(i);
                for (final SweepAxis a : axes)
                {
                    sb.append(quote(r.setting().values().get(a.key()))).append(',');
                }
                sb.append(r.setting().seeds().get(i)).append(',').append(num(o.accuracy())).append(',')
                    .append(num(o.connectivity())).append(',').append(num(o.unprunedFraction())).append(',')
                    .append(num(o.trainSopsPerImage())).append(',').append(num(o.inferSopsPerImage())).append(',')
                    .append(num(o.trainSeconds())).append(',').append(o.digest()).append(',').append(o.id());
                if (baselines())
                {
                    final RunOutcome b = r.baseOutcomes().get(i);
                    sb.append(',').append(num(b.accuracy())).append(',').append(num(b.accuracy() - o.accuracy()))
                        .append(',').append(num(1 - o.trainSopsPerImage() / b.trainSopsPerImage())).append(',')
                        .append(num(1 - o.inferSopsPerImage() / b.inferSopsPerImage())).append(',').append(b.id());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The table of settings as Markdown (also printed at the end of the command). */
    String table()
    {
        final List<String> header = new ArrayList<>();
        for (final SweepAxis a : axes)
        {
            header.add("`" + a.key() + "`");
        }
        header.add("seeds");
        header.add("accuracy, mean");
        header.add("sd");
        header.add("range");
        header.add("per seed");
        if (!pruning.equals("none"))
        {
            header.add("connectivity");
        }
        header.add(text.opsHeader());
        if (baselines())
        {
            header.add("loss against unpruned (points)");
            header.add(text.reductionHeader());
        }
        final List<List<String>> cells = new ArrayList<>();
        for (final Row r : rows)
        {
            final List<String> c = new ArrayList<>();
            for (final SweepAxis a : axes)
            {
                c.add(r.setting().values().get(a.key()));
            }
            final double[] acc = r.accuracies();
            c.add(Integer.toString(acc.length));
            c.add(MarkdownReport.pct(r.mean()));
            c.add(MarkdownReport.num("%.2f", 100 * r.sd()));
            c.add(acc.length < 2 ? "–" : MarkdownReport.pct(Stats.min(acc)) + "–" + MarkdownReport.pct(Stats.max(acc)));
            final List<String> per = new ArrayList<>();
            for (final double a : acc)
            {
                per.add(String.format(Locale.ROOT, "%.2f", 100 * a));
            }
            c.add(String.join(" / ", per));
            if (!pruning.equals("none"))
            {
                c.add(MarkdownReport.pct(r.meanOf(RunOutcome::connectivity)));
            }
            c.add(String.format(Locale.ROOT, "%,.0f / %,.0f", r.meanOf(RunOutcome::trainSopsPerImage),
                r.meanOf(RunOutcome::inferSopsPerImage)));
            if (baselines())
            {
                c.add(MarkdownReport.num("%.2f", 100 * r.meanAgainstBase((o, b) -> b.accuracy() - o.accuracy())));
                c.add(MarkdownReport.pct0(r.meanAgainstBase((o, b) -> 1 - o.trainSopsPerImage()
                    / b.trainSopsPerImage())) + " / " + MarkdownReport.pct0(r.meanAgainstBase((o, b) -> 1
                    - o.inferSopsPerImage() / b.inferSopsPerImage())));
            }
            cells.add(c);
        }
        return new MarkdownReport().table(header, cells).text();
    }

    /** The whole report. */
    String markdown()
    {
        final MarkdownReport md = new MarkdownReport();
        md.heading(1, text.title());
        md.code(command);
        final int seeds = rows.isEmpty() ? 0 : rows.get(0).outcomes().size();
        md.bullet(String.format(Locale.ROOT, "%d setting(s) × %d seed(s) = %d run(s)%s.", rows.size(), seeds,
            rows.size() * seeds, baselines() ? ", each beside the unpruned run of its seed" : ""));
        md.bullet(text.protocol());
        md.bullet("Fixed overrides: " + (fixed.isEmpty() ? "none (the profile's values)." : fixed + "."));
        md.endList();
        md.paragraph(table().trim());
        verdict(md);
        if (plotted)
        {
            md.image("accuracy against " + axes.get(0).key(), "sweep.png");
            if (!pruning.equals("none"))
            {
                md.image("accuracy against connectivity", "sweep-connectivity.png");
            }
        }
        md.paragraph("One row per run, with digests and run ids: `sweep.csv`. " + text.filesNote());
        return md.text();
    }

    /** The best setting by mean accuracy, and whether its lead over the next is larger than the seed noise. */
    private void verdict(final MarkdownReport md)
    {
        if (rows.size() < 2)
        {
            return;
        }
        Row best = null;
        Row second = null;
        for (final Row r : rows)
        {
            if (best == null || r.mean() > best.mean())
            {
                second = best;
                best = r;
            }
            else if (second == null || r.mean() > second.mean())
            {
                second = r;
            }
        }
        final double lead = 100 * (best.mean() - second.mean());
        final double se = 100 * Math.sqrt(square(best.sd()) / best.outcomes().size()
            + square(second.sd()) / second.outcomes().size());
        final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Highest mean accuracy: %s, %s; next: "
            + "%s, %s; lead %.2f points", label(best), MarkdownReport.pct(best.mean()), label(second),
            MarkdownReport.pct(second.mean()), lead));
        if (Double.isNaN(se))
        {
            sb.append(". With one seed per setting the spread between seeds is not measured: a lead of a point or "
                + "two may be seed noise (--seeds 1-3 measures it).");
        }
        else
        {
            sb.append(String.format(Locale.ROOT, ", standard error of the difference %.2f points (from the spread "
                + "between seeds): %s.", se, lead > 2 * se ? "more than twice the standard error"
                    : "within twice the standard error, not a clear difference"));
        }
        md.paragraph(sb.toString());
    }

    private String label(final Row r)
    {
        if (r.setting().values().isEmpty())
        {
            return "the profile's values";
        }
        final List<String> parts = new ArrayList<>();
        for (final Map.Entry<String, String> e : r.setting().values().entrySet())
        {
            parts.add(e.getKey() + "=" + e.getValue());
        }
        return "`" + String.join(" ", parts) + "`";
    }

    private boolean plot(final RunOutput out)
    {
        if (axes.isEmpty() || !axes.get(0).numeric())
        {
            return false;
        }
        final SweepAxis x = axes.get(0);
        final Map<String, List<Row>> series = new LinkedHashMap<>();
        for (final Row r : rows)
        {
            final List<String> rest = new ArrayList<>();
            for (final SweepAxis a : axes.subList(1, axes.size()))
            {
                rest.add(a.key() + "=" + r.setting().values().get(a.key()));
            }
            series.computeIfAbsent(rest.isEmpty() ? "mean over seeds" : String.join(" ", rest),
                k -> new ArrayList<>()).add(r);
        }
        if (series.size() > 12)
        {
            return false;
        }
        final List<Plots.Curve> curves = new ArrayList<>();
        final List<Plots.Curve> byConnectivity = new ArrayList<>();
        for (final Map.Entry<String, List<Row>> e : series.entrySet())
        {
            final List<Row> rs = e.getValue();
            final double[] xs = new double[rs.size()];
            final double[] ys = new double[rs.size()];
            final double[] cs = new double[rs.size()];
            for (int i = 0; i < xs.length; i++)
            {
                xs[i] = Double.parseDouble(rs.get(i).setting().values().get(x.key()));
                ys[i] = 100 * rs.get(i).mean();
                cs[i] = 100 * rs.get(i).meanOf(RunOutcome::connectivity);
            }
            curves.add(sorted(e.getKey(), xs, ys));
            byConnectivity.add(sorted(e.getKey(), cs, ys));
        }
        final double[] all = new double[x.values().size()];
        for (int i = 0; i < all.length; i++)
        {
            all[i] = Double.parseDouble(x.values().get(i));
        }
        final boolean log = x.geometric() || Stats.min(all) > 0 && Stats.max(all) / Stats.min(all) >= 100;
        final String what = validation ? "validation accuracy (%)" : "test accuracy (%)";
        Plots.write(out, "sweep.png", text.title().replace("`", "") + ": " + what + " against " + x.key(),
            log ? Plots.Axis.log(x.key()) : Plots.Axis.linear(x.key()), Plots.Axis.linear(what), curves);
        if (!pruning.equals("none"))
        {
            Plots.write(out, "sweep-connectivity.png", text.title().replace("`", "") + ": " + what
                + " against connectivity", Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear(what),
                byConnectivity);
        }
        return true;
    }

    private static Plots.Curve sorted(final String name, final double[] x, final double[] y)
    {
        final Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++)
        {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> x[i]));
        final double[] xs = new double[x.length];
        final double[] ys = new double[x.length];
        for (int i = 0; i < order.length; i++)
        {
            xs[i] = x[order[i]];
            ys[i] = y[order[i]];
        }
        return new Plots.Curve(name, xs, ys);
    }

    private static double square(final double v)
    {
        return v * v;
    }

    private static String num(final double v)
    {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(final String s)
    {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Means, standard deviations and extremes of small samples. */
    static final class Stats
    {
        private Stats()
        {
        }

        static double mean(final double[] a)
        {
            double s = 0;
            for (final double v : a)
            {
                s += v;
            }
            return a.length == 0 ? Double.NaN : s / a.length;
        }

        /** The sample standard deviation (NaN for fewer than two values). */
        static double sd(final double[] a)
        {
            if (a.length < 2)
            {
                return Double.NaN;
            }
            final double m = mean(a);
            double s = 0;
            for (final double v : a)
            {
                s += (v - m) * (v - m);
            }
            return Math.sqrt(s / (a.length - 1));
        }

        static double min(final double[] a)
        {
            double m = Double.POSITIVE_INFINITY;
            for (final double v : a)
            {
                m = Math.min(m, v);
            }
            return m;
        }

        static double max(final double[] a)
        {
            double m = Double.NEGATIVE_INFINITY;
            for (final double v : a)
            {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
