package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spikeprune.pruning.AdaptationFunction;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PruneProfile;

/**
 * Paper A Figs. 4 (APT) and 6 (APN, SI = 30): for each adaptation function f1, f2, f3 and a few factors, the
 * connectivity reached from each initial threshold, and the accuracy against connectivity, with online constant
 * pruning (every factor at its identity) as the reference in every panel.
 */
final class ThresholdSweep implements Experiment
{
    private final String name;
    private final PruneMethod method;
    private final double[][] factors;

    private ThresholdSweep(final String name, final PruneMethod method, final double[][] factors)
    {
        this.name = name;
        this.method = method;
        this.factors = factors;
    }

    /** Fig. 4: APT, a ∈ {1.1, 1.3, 1.5}, b ∈ {1.1, 1.2, 1.3}, c ∈ {0.01, 0.02, 0.03}. */
    static ThresholdSweep apt()
    {
        return new ThresholdSweep("fig4", PruneMethod.APT,
            new double[][] {{1.1, 1.3, 1.5}, {1.1, 1.2, 1.3}, {0.01, 0.02, 0.03}});
    }

    /** Fig. 6: APN with SI = 30, a ∈ {1.05, 1.15, 1.3}, b ∈ {1.05, 1.1, 1.2}, c ∈ {0.01, 0.03, 0.05}. */
    static ThresholdSweep apn()
    {
        return new ThresholdSweep("fig6", PruneMethod.APN,
            new double[][] {{1.05, 1.15, 1.3}, {1.05, 1.1, 1.2}, {0.01, 0.03, 0.05}});
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public String title()
    {
        return method == PruneMethod.APT
            ? "paper A Fig. 4: APT, connectivity vs initial threshold and accuracy vs connectivity for f1, f2, f3"
            : "paper A Fig. 6: APN (SI = 30), connectivity vs initial threshold and accuracy vs connectivity for f1, "
                + "f2, f3";
    }

    private static String letter(final AdaptationFunction f)
    {
        return f == AdaptationFunction.F1 ? "a" : f == AdaptationFunction.F2 ? "b" : "c";
    }

    static String seriesName(final String prefix, final AdaptationFunction f, final double factor)
    {
        return String.format(Locale.ROOT, "%s %s %s=%s", prefix, f.key(), letter(f), RunSpec.number(factor));
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final String prefix = method == PruneMethod.APT ? "APT" : "APN";
        final PruneProfile profile = PruneProfile.of(method, ctx.neurons());
        final int steps = Series.steps(ctx);
        final List<Series> series = new ArrayList<>();
        series.add(Series.thresholds("constant", Series.constant(ctx), Series.constantGrid(ctx)));
        final List<List<String>> panels = new ArrayList<>();
        for (final AdaptationFunction f : AdaptationFunction.values())
        {
            final List<String> panel = new ArrayList<>();
            panel.add("constant");
            final double selected = method == PruneMethod.APT ? profile.timeFactor(f) : profile.neuronFactor(f);
            final double[] fs = ctx.quick() ? new double[] {selected} : factors[f.ordinal()];
            for (final double factor : fs)
            {
                final String s = seriesName(prefix, f, factor);
                if (method == PruneMethod.APT)
                {
                    series.add(Series.timeAdapted(ctx, s, Series.apt(ctx, f, factor), f, factor));
                }
                else
                {
                    series.add(Series.thresholds(s, Series.apn(ctx, f, factor, 30),
                        Grids.initial(Grids.finals(ctx), null, 1, steps)));
                }
                panel.add(s);
            }
            panels.add(panel);
        }
        final Series.Result result = Series.run(ctx, series);
        final List<Point> points = result.points();

        final String figure = method == PruneMethod.APT ? "Fig. 4" : "Fig. 6";
        final MarkdownReport r = Reports.start(ctx, "Paper A " + figure + ": " + (method == PruneMethod.APT
            ? "online adaptive pruning over time (APT)" : "online adaptive pruning over neurons (APN, SI = 30)"),
            result.base());
        r.paragraph(method == PruneMethod.APT
            ? "Initial thresholds: for each series, those whose time-adapted threshold at the last step lands on "
                + "the common grid of final thresholds (see Grids); constant pruning uses the final grid itself."
            : "Initial thresholds: the same grid for every series (adaptation over neurons keeps the base "
                + "threshold for the lowest group G0 and raises it for the others).");
        r.heading(2, "Paper A beside ours, statement by statement");
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("connectivity falls as the initial threshold rises (panels A, C, E)",
            "every series: " + monotone(series, points)));
        for (int k = 0; k < panels.size(); k++)
        {
            final AdaptationFunction f = AdaptationFunction.values()[k];
            final List<String> panel = panels.get(k);
            final List<String> adapted = panel.subList(1, panel.size());
            rows.add(List.of(f.key() + ": a larger factor needs a smaller initial threshold for a given connectivity",
                Reports.thresholdFor(adapted, points, 0.2)));
            rows.add(List.of(f.key() + ": adaptation (factor > identity) beats constant pruning; paper's choice "
                + selectedText(f, profile), Reports.commonSpan(panel, points).text("connectivity") + "; "
                + Reports.aheadCounts(points, adapted, panel.get(0))));
        }
        if (method == PruneMethod.APT)
        {
            final StringBuilder f2 = new StringBuilder();
            for (final String s : panels.get(1).subList(1, panels.get(1).size()))
            {
                final Point lowest = Curves.sorted(Curves.series(points, s), Point::initialThreshold).get(0);
                f2.append(f2.length() == 0 ? "" : "; ").append(s).append(": ")
                    .append(MarkdownReport.pct(lowest.connectivity())).append(" at w_th0 = ")
                    .append(MarkdownReport.num("%.4g", lowest.initialThreshold()));
            }
            rows.add(List.of("f2 (b > 1): connectivity < 15% even from a very low initial threshold (Fig. 4C)",
                f2.toString()));
        }
        r.table(List.of("paper A", "ours"), rows);
        r.heading(2, "Accuracy read at fixed connectivities");
        final List<String> names = new ArrayList<>();
        for (final Series s : series)
        {
            names.add(s.name());
        }
        Reports.accuracyAt(r, names, points, Point::connectivity, "connectivity");

        final String[] letters = {"A", "C", "E"};
        r.heading(2, "Figures");
        for (int k = 0; k < panels.size(); k++)
        {
            final AdaptationFunction f = AdaptationFunction.values()[k];
            final List<Plots.Curve> conn = new ArrayList<>();
            final List<Plots.Curve> acc = new ArrayList<>();
            for (final String s : panels.get(k))
            {
                final List<Point> ps = Curves.series(points, s);
                conn.add(Plots.curve(s, ps, Point::initialThreshold, p -> 100 * p.connectivity()));
                acc.add(Plots.curve(s, ps, p -> 100 * p.connectivity(), p -> 100 * p.accuracy()));
            }
            final String c = name + "-" + f.key() + "-connectivity.png";
            final String a = name + "-" + f.key() + "-accuracy.png";
            Plots.write(ctx.output(), c, figure + letters[k] + " " + prefix + " " + f.key()
                + ": connectivity vs initial threshold", Plots.Axis.log("initial threshold w_th0"),
                Plots.Axis.linear("connectivity (%)"), conn);
            Plots.write(ctx.output(), a, figure + (char)(letters[k].charAt(0) + 1) + " " + prefix + " " + f.key()
                + ": accuracy vs connectivity", Plots.Axis.linear("connectivity (%)"),
                Plots.Axis.linear("accuracy (%)"), acc);
            r.image(f.key() + " connectivity", c).image(f.key() + " accuracy", a);
        }
        Reports.runTable(r, points);
        Reports.write(ctx, r, points);
    }

    private static String selectedText(final AdaptationFunction f, final PruneProfile profile)
    {
        final double v = profile.method() == PruneMethod.APT ? profile.timeFactor(f) : profile.neuronFactor(f);
        return letter(f) + " = " + RunSpec.number(v);
    }

    private static String monotone(final List<Series> series, final List<Point> points)
    {
        final StringBuilder sb = new StringBuilder();
        final StringBuilder single = new StringBuilder();
        int all = 0;
        int swept = 0;
        for (final Series s : series)
        {
            final double f = Curves.nonRisingFraction(Curves.series(points, s.name()), Point::initialThreshold,
                Point::connectivity);
            if (Double.isNaN(f))
            {
                single.append(single.length() == 0 ? "" : ", ").append(s.name());
                continue;
            }
            swept++;
            if (f == 1.0)
            {
                all++;
            }
            else
            {
                sb.append(sb.length() == 0 ? "" : ", ").append(s.name()).append(' ')
                    .append(MarkdownReport.pct0(f)).append(" of steps");
            }
        }
        return all + " of " + swept + " series never rise" + (sb.length() == 0 ? "" : "; not monotone: " + sb)
            + (single.length() == 0 ? "" : "; one run only: " + single);
    }
}
