package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.spikeprune.cli.RunOutput;

/** The parts every experiment's report shares, and writing its files. */
final class Reports
{
    /** Connectivities at which the reports read the curves. */
    static final double[] READ_AT = {0.05, 0.10, 0.15, 0.20, 0.30};

    private Reports()
    {
    }

    /**
     * The report's title, the command, the run sizes and the unpruned run beside paper A's.
     *
     * @param ctx   the experiment.
     * @param title the title.
     * @param base  the unpruned run.
     * @return a new report.
     */
    static MarkdownReport start(final ExperimentContext ctx, final String title, final RunOutcome base)
    {
        final MarkdownReport r = new MarkdownReport().heading(1, title);
        r.code(ctx.command());
        r.paragraph("Runs: " + ctx.describeRuns() + ". Every run is one independent training, assignment and test "
            + "run; the reductions and accuracy losses are against the unpruned run of the same seed and image "
            + "counts (`" + base.id() + "`). Per-run numbers: `" + ctx.experiment() + ".csv`; each run's full "
            + "result: `../runs/<run_id>/result.json`.");
        if (ctx.quick())
        {
            r.paragraph("**Quick form**: a few hundred images per run and a reduced sweep. It checks that the "
                + "experiment runs and has the right shape; its numbers are not comparable with paper A's.");
        }
        r.table(List.of("", "paper A", "ours"), List.of(List.of("unpruned accuracy",
            MarkdownReport.pct(PaperA.unprunedAccuracy(ctx.dataSet(), ctx.neurons())),
            MarkdownReport.pct(base.accuracy()))));
        return r;
    }

    /**
     * A section listing every run: series, initial threshold, connectivity, unpruned fraction, accuracy, loss,
     * reductions and FOM.
     *
     * @param r      the report.
     * @param points the runs.
     */
    static void runTable(final MarkdownReport r, final List<Point> points)
    {
        r.heading(2, "Every run");
        final List<List<String>> rows = new ArrayList<>();
        for (final Point p : points)
        {
            rows.add(List.of(p.series(), MarkdownReport.num("%.4g", p.initialThreshold()),
                MarkdownReport.pct(p.connectivity()), MarkdownReport.pct(p.unpruned()),
                MarkdownReport.pct(p.accuracy()), MarkdownReport.pct(p.accuracyLoss()),
                MarkdownReport.pct0(p.trainSopReduction()), MarkdownReport.pct0(p.inferSopReduction()),
                MarkdownReport.num("%.2f", p.fom()), "`" + p.run().id() + "`"));
        }
        r.table(List.of("series", "w_th0", "connectivity", "unpruned", "accuracy", "accuracy loss",
            "training SOP red.", "inference SOP red.", "FOM", "run"), rows);
    }

    /**
     * A table of each series' accuracy read at {@link #READ_AT} (linear interpolation; – outside a series'
     * range).
     *
     * @param r      the report.
     * @param names  the series, in order.
     * @param points every point.
     * @param x      the x of a point (connectivity or unpruned fraction).
     * @param xName  what x is called.
     */
    static void accuracyAt(final MarkdownReport r, final List<String> names, final List<Point> points,
        final ToDoubleFunction<Point> x, final String xName)
    {
        final List<String> header = new ArrayList<>();
        header.add("series \\ " + xName);
        for (final double c : READ_AT)
        {
            header.add(MarkdownReport.pct0(c));
        }
        final List<List<String>> rows = new ArrayList<>();
        for (final String s : names)
        {
            final List<String> row = new ArrayList<>();
            row.add(s);
            for (final double c : READ_AT)
            {
                row.add(MarkdownReport.pct(Curves.interpolate(Curves.series(points, s), x, Point::accuracy, c)));
            }
            rows.add(row);
        }
        r.table(header, rows);
    }

    /**
     * The span of x that every series covers, and each series' mean accuracy over it.
     *
     * @param lo    the span's lower end.
     * @param hi    the span's upper end.
     * @param names the series.
     * @param means per series, its mean accuracy over the span (NaN when the series share no span).
     */
    record CommonSpan(double lo, double hi, List<String> names, double[] means)
    {
        /** The index of the series with the highest mean, −1 if none. */
        int best()
        {
            return Reports.best(means);
        }

        /**
         * The span and the means as report text.
         *
         * @param xName what x is called.
         * @return e.g. "mean accuracy over connectivity 12%–45%: constant 80.1%, APTN 81.2%; best: **APTN**".
         */
        String text(final String xName)
        {
            if (Double.isNaN(lo))
            {
                return "not decided: the series share no " + xName + " span";
            }
            final StringBuilder sb = new StringBuilder("mean accuracy over " + xName + " "
                + MarkdownReport.pct0(lo) + "–" + MarkdownReport.pct0(hi) + ": ");
            for (int i = 0; i < names.size(); i++)
            {
                sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(MarkdownReport.pct(means[i]));
            }
            final int b = best();
            return sb.append(b >= 0 ? "; best: **" + names.get(b) + "**" : "").toString();
        }
    }

    /**
     * Each series' mean accuracy over the span of x that all of them cover (optionally capped), read at eleven
     * evenly spaced points by linear interpolation; so that series are compared over the same span.
     *
     * @param names  the series to compare.
     * @param points every point.
     * @param x      the x of a point.
     * @param cap    the largest x to include (1 for no cap).
     * @return the span and the means.
     */
    static CommonSpan commonSpan(final List<String> names, final List<Point> points, final ToDoubleFunction<Point> x,
        final double cap)
    {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (final String s : names)
        {
            final List<Point> ps = Curves.sorted(Curves.series(points, s), x);
            if (ps.isEmpty())
            {
                lo = Double.NaN;
                break;
            }
            lo = Math.max(lo, x.applyAsDouble(ps.get(0)));
            hi = Math.min(hi, x.applyAsDouble(ps.get(ps.size() - 1)));
        }
        hi = Math.min(hi, cap);
        final double[] means = new double[names.size()];
        if (Double.isNaN(lo) || lo > hi)
        {
            java.util.Arrays.fill(means, Double.NaN);
            return new CommonSpan(Double.NaN, Double.NaN, names, means);
        }
        final int n = lo == hi ? 1 : 11;
        for (int i = 0; i < names.size(); i++)
        {
            final List<Point> ps = Curves.series(points, names.get(i));
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                // the last sample is hi itself: lo + (hi - lo) can round past hi and fall off a series' end
                final double at = n == 1 || k == 0 ? lo : k == n - 1 ? hi : lo + (hi - lo) * k / (n - 1);
                sum += Curves.interpolate(ps, x, Point::accuracy, at);
            }
            means[i] = sum / n;
        }
        return new CommonSpan(lo, hi, names, means);
    }

    /**
     * {@link #commonSpan} over connectivity, uncapped.
     *
     * @param names  the series.
     * @param points every point.
     * @return the span and the means.
     */
    static CommonSpan commonSpan(final List<String> names, final List<Point> points)
    {
        return commonSpan(names, points, Point::connectivity, 1.0);
    }

    /**
     * The index of the largest finite value.
     *
     * @param values the values.
     * @return its index, or −1 if none is finite.
     */
    static int best(final double[] values)
    {
        int best = -1;
        for (int i = 0; i < values.length; i++)
        {
            if (!Double.isNaN(values[i]) && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }
        return best;
    }

    /**
     * Whether every run of one series at or below a connectivity is more accurate than the other series read at
     * the same connectivity.
     *
     * @param points every point.
     * @param a      the series that should win.
     * @param b      the reference.
     * @param limit  the connectivity limit.
     * @return the text for the report, starting with "yes" or "no".
     */
    static String beats(final List<Point> points, final String a, final String b, final double limit)
    {
        return beats(points, a, b, Point::connectivity, limit);
    }

    /**
     * Whether every run of one series with x at or below a limit is more accurate than the other series read at
     * the same x.
     *
     * @param points every point.
     * @param a      the series that should win.
     * @param b      the reference.
     * @param x      the x of a point (connectivity or unpruned fraction).
     * @param limit  the limit of x.
     * @return the text for the report, starting with "yes", "no" or "not decided".
     */
    static String beats(final List<Point> points, final String a, final String b, final ToDoubleFunction<Point> x,
        final double limit)
    {
        int wins = 0;
        int compared = 0;
        final StringBuilder sb = new StringBuilder();
        for (final Point p : Curves.sorted(Curves.series(points, a), x))
        {
            final double at = x.applyAsDouble(p);
            if (at > limit)
            {
                continue;
            }
            final double other = Curves.interpolate(Curves.series(points, b), x, Point::accuracy, at);
            if (Double.isNaN(other))
            {
                continue;
            }
            compared++;
            wins += p.accuracy() > other ? 1 : 0;
            sb.append(a).append(" at ").append(MarkdownReport.pct(at)).append(": ")
                .append(MarkdownReport.pct(p.accuracy())).append(" vs ").append(MarkdownReport.pct(other))
                .append("; ");
        }
        if (compared == 0)
        {
            return "not decided: no " + a + " run at or below " + MarkdownReport.pct0(limit) + " falls inside the "
                + b + " sweep";
        }
        return (wins == compared ? "**yes**" : "**no**") + " (" + wins + " of " + compared + "): "
            + sb.toString().trim();
    }

    /**
     * The initial threshold at which each series reaches a connectivity, read off its runs; a series whose runs all
     * end on one side of it is given its run nearest to it instead.
     *
     * @param names  the series.
     * @param points every point.
     * @param c      the connectivity (a fraction).
     * @return e.g. "w_th0 for 20% connectivity: constant 0.2039, SI=10 below 20% at every w_th0 (17.88% at 0.01)".
     */
    static String thresholdFor(final List<String> names, final List<Point> points, final double c)
    {
        final StringBuilder sb = new StringBuilder("w_th0 for " + MarkdownReport.pct0(c) + " connectivity: ");
        for (int i = 0; i < names.size(); i++)
        {
            final List<Point> series = Curves.series(points, names.get(i));
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ');
            final double w = Curves.interpolate(series, Point::connectivity, Point::initialThreshold, c);
            if (!Double.isNaN(w) || series.isEmpty())
            {
                sb.append(MarkdownReport.num("%.4g", w));
                continue;
            }
            final Point near = Curves.nearest(series, Point::connectivity, c);
            sb.append(near.connectivity() < c ? "below " : "above ").append(MarkdownReport.pct0(c))
                .append(" at every w_th0 (").append(MarkdownReport.pct(near.connectivity())).append(" at ")
                .append(RunSpec.number(near.initialThreshold())).append(')');
        }
        return sb.toString();
    }

    /**
     * For each series, at how many of its runs it is more accurate than a reference series read at the same
     * connectivity (runs outside the reference's span are not counted): decides the comparison for series that
     * share no span with one another, such as APT f2's, whose runs end within a point of one connectivity.
     *
     * @param points    every point.
     * @param series    the series to compare.
     * @param reference the reference series.
     * @return e.g. "ahead of constant at each run: APT f2 b=1.1 6 of 6 (by 2.5 points on average), ...".
     */
    static String aheadCounts(final List<Point> points, final List<String> series, final String reference)
    {
        final List<Point> ref = Curves.series(points, reference);
        final StringBuilder sb = new StringBuilder("ahead of " + reference + " at each run: ");
        for (int i = 0; i < series.size(); i++)
        {
            int wins = 0;
            int compared = 0;
            double margin = 0;
            for (final Point p : Curves.series(points, series.get(i)))
            {
                final double other = Curves.interpolate(ref, Point::connectivity, Point::accuracy, p.connectivity());
                if (!Double.isNaN(other))
                {
                    compared++;
                    wins += p.accuracy() > other ? 1 : 0;
                    margin += p.accuracy() - other;
                }
            }
            sb.append(i == 0 ? "" : ", ").append(series.get(i)).append(' ');
            if (compared == 0)
            {
                sb.append("no run inside the ").append(reference).append(" sweep");
            }
            else
            {
                sb.append(wins).append(" of ").append(compared).append(" (by ")
                    .append(MarkdownReport.num("%.2f", 100 * margin / compared)).append(" points on average)");
            }
        }
        return sb.toString();
    }

    /**
     * Writes the CSV file and the report.
     *
     * @param ctx    the experiment.
     * @param report the report.
     * @param points the runs.
     */
    static void write(final ExperimentContext ctx, final MarkdownReport report, final List<Point> points)
    {
        final List<String> notRun = ctx.notRun();
        if (!notRun.isEmpty())
        {
            report.heading(2, "Runs left out");
            report.paragraph("`--stop-below` stopped these series once a run had pruned below the floor; their "
                + "higher initial thresholds would have pruned further.");
            for (final String n : notRun)
            {
                report.bullet(n);
            }
            report.endList();
        }
        final RunOutput out = ctx.output();
        out.writeText(ctx.experiment() + ".csv", CsvFile.of(ctx, points));
        out.writeText(ctx.experiment() + ".md", report.text());
    }
}
