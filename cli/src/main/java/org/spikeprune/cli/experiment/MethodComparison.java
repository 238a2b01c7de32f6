package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;

import org.spikeprune.pruning.AdaptationFunction;
import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PruneProfile;

/**
 * Paper A Fig. 7 (the three functions with their selected factors, for APT and for APN) and the method comparison
 * of Fig. 9 (constant, APT, APN, APTN and post-training pruning): accuracy against connectivity.
 */
final class MethodComparison implements Experiment
{
    /** Post-training target connectivities of the full sweep. */
    static final double[] TARGETS = {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5};
    /** Post-training target connectivities of the quick sweep. */
    static final double[] TARGETS_QUICK = {0.1, 0.3};

    @Override
    public String name()
    {
        return "fig7";
    }

    @Override
    public String title()
    {
        return "paper A Figs. 7 and 9: adaptation functions compared (APT, APN) and constant vs APT vs APN vs APTN "
            + "vs post-training, accuracy vs connectivity";
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final List<Series> series = new ArrayList<>();
        series.add(Series.thresholds("constant", Series.constant(ctx), Series.constantGrid(ctx)));
        final PruneProfile apt = PruneProfile.of(PruneMethod.APT, ctx.neurons());
        final PruneProfile apn = PruneProfile.of(PruneMethod.APN, ctx.neurons());
        final List<String> panelA = new ArrayList<>(List.of("constant"));
        final List<String> panelB = new ArrayList<>(List.of("constant"));
        for (final AdaptationFunction f : AdaptationFunction.values())
        {
            final double a = apt.timeFactor(f);
            final String sa = ThresholdSweep.seriesName("APT", f, a);
            series.add(Series.timeAdapted(ctx, sa, Series.apt(ctx, f, a), f, a));
            panelA.add(sa);
            final double n = apn.neuronFactor(f);
            final String sn = ThresholdSweep.seriesName("APN", f, n);
            series.add(Series.thresholds(sn, Series.apn(ctx, f, n, 30), Series.constantGrid(ctx)));
            panelB.add(sn);
        }
        series.add(Series.thresholds("APTN", Series.aptn(ctx), Series.aptnGrid(ctx)));
        final List<RunSpec> post = new ArrayList<>();
        for (final double t : ctx.quick() ? TARGETS_QUICK : TARGETS)
        {
            post.add(ctx.spec("post-training").with(PruneConfig.TARGET_CONNECTIVITY_KEY, t));
        }
        series.add(new Series("post-training", post));
        final String aptF1 = panelA.get(1);
        final String apnF1 = panelB.get(1);
        final List<String> panelC = List.of("constant", aptF1, apnF1, "APTN", "post-training");

        final Series.Result result = Series.run(ctx, series);
        final List<Point> points = result.points();
        final MarkdownReport r = Reports.start(ctx, "Paper A Figs. 7 and 9: pruning methods compared",
            result.base());
        r.paragraph("Each method uses paper A's selected function and factors for this network size "
            + "(PruneProfile); initial thresholds as in fig4/fig6 (a final-threshold grid mapped through each "
            + "series' time adaptation). Post-training pruning is swept over its target connectivity.");
        r.heading(2, "Paper A beside ours, statement by statement");
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Fig. 7A: for APT, f1 gives the highest accuracy at connectivity < 15%",
            Reports.commonSpan(panelA.subList(1, panelA.size()), points, Point::connectivity, 0.15)
                .text("connectivity")));
        rows.add(List.of("Fig. 7B: for APN, f1 gives the highest accuracy at connectivity < 15%",
            Reports.commonSpan(panelB.subList(1, panelB.size()), points, Point::connectivity, 0.15)
                .text("connectivity")));
        rows.add(List.of("APTN is more accurate than online constant pruning at every connectivity <= 15% "
            + "(acceptance)", Reports.beats(points, "APTN", "constant", 0.15)));
        rows.add(List.of("post-training pruning is slightly better than constant pruning",
            Reports.commonSpan(List.of("post-training", "constant"), points).text("connectivity")));
        rows.add(List.of("... but much worse than APTN below 10% connectivity",
            Reports.beats(points, "APTN", "post-training", 0.10)));
        rows.add(List.of("APTN is the most effective method (Fig. 9A)",
            Reports.commonSpan(panelC, points).text("connectivity")));
        r.table(List.of("paper A", "ours"), rows);
        r.heading(2, "Accuracy read at fixed connectivities");
        final List<String> names = new ArrayList<>();
        for (final Series s : series)
        {
            names.add(s.name());
        }
        Reports.accuracyAt(r, names, points, Point::connectivity, "connectivity");
        r.heading(2, "Figures");
        plot(ctx, r, "fig7-apt.png", "Fig. 7A APT: functions compared", panelA, points);
        plot(ctx, r, "fig7-apn.png", "Fig. 7B APN (SI = 30): functions compared", panelB, points);
        plot(ctx, r, "fig7-methods.png", "Fig. 9 methods compared", panelC, points);
        Reports.runTable(r, points);
        Reports.write(ctx, r, points);
    }

    private static void plot(final ExperimentContext ctx, final MarkdownReport r, final String file,
        final String title, final List<String> names, final List<Point> points)
    {
        final List<Plots.Curve> curves = new ArrayList<>();
        for (final String s : names)
        {
            curves.add(Plots.curve(s, Curves.series(points, s), p -> 100 * p.connectivity(),
                p -> 100 * p.accuracy()));
        }
        Plots.write(ctx.output(), file, title + ": accuracy vs connectivity", Plots.Axis.linear("connectivity (%)"),
            Plots.Axis.linear("accuracy (%)"), curves);
        r.image(title, file);
    }
}
