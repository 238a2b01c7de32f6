package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;

import org.spikeprune.pruning.AdaptationFunction;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PruneProfile;

/**
 * Paper A Fig. 8: APN with f1 (paper A's factor) for spike-count intervals SI = 10, 30, 50 and infinity (one
 * group, i.e. online constant pruning): connectivity vs initial threshold and accuracy vs connectivity.
 */
final class SpikeIntervalSweep implements Experiment
{
    /** The intervals of the full sweep, in spikes per 5,000-image batch. */
    static final double[] INTERVALS = {10, 30, 50, Double.POSITIVE_INFINITY};
    /** The intervals of the quick sweep. */
    static final double[] INTERVALS_QUICK = {30, Double.POSITIVE_INFINITY};

    @Override
    public String name()
    {
        return "fig8";
    }

    @Override
    public String title()
    {
        return "paper A Fig. 8: APN spike-count interval SI = 10, 30, 50, inf";
    }

    static String seriesName(final double si)
    {
        return "SI=" + (Double.isInfinite(si) ? "inf" : RunSpec.number(si));
    }

    /** Each other series' runs against {@code reference} read at their connectivity, if the sweep has it. */
    private static void appendAhead(final StringBuilder sb, final List<Point> points, final List<String> names,
        final String reference)
    {
        if (names.contains(reference))
        {
            final List<String> others = new ArrayList<>(names);
            others.remove(reference);
            sb.append("; ").append(Reports.aheadCounts(points, others, reference));
        }
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final double a = PruneProfile.of(PruneMethod.APN, ctx.neurons()).neuronFactor(AdaptationFunction.F1);
        final List<Series> series = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final double si : ctx.quick() ? INTERVALS_QUICK : INTERVALS)
        {
            final String s = seriesName(si);
            series.add(Series.thresholds(s, Series.apn(ctx, AdaptationFunction.F1, a, si), Series.constantGrid(ctx)));
            names.add(s);
        }
        final Series.Result result = Series.run(ctx, series);
        final List<Point> points = result.points();
        final MarkdownReport r = Reports.start(ctx, "Paper A Fig. 8: spike-count interval of APN", result.base());
        r.paragraph("APN with f1, a = " + RunSpec.number(a) + "; SI in spikes per 5,000-image batch, scaled to the "
            + "run's step (" + ctx.stepImages() + " images: SI 30 is " + RunSpec.number(ctx.spikeInterval(30))
            + "). The same initial thresholds for every SI.");
        r.heading(2, "Paper A beside ours, statement by statement");
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Fig. 8A: a smaller SI needs a smaller initial threshold for a given connectivity",
            Reports.thresholdFor(names, points, 0.2)));
        final String span = Reports.commonSpan(names, points).text("connectivity");
        final StringBuilder readings = new StringBuilder(span);
        appendAhead(readings, points, names, seriesName(30));
        appendAhead(readings, points, names, seriesName(Double.POSITIVE_INFINITY));
        rows.add(List.of("Fig. 8B: SI = 30 gives the best accuracy vs connectivity", readings.toString()));
        r.table(List.of("paper A", "ours"), rows);
        r.heading(2, "Accuracy read at fixed connectivities");
        Reports.accuracyAt(r, names, points, Point::connectivity, "connectivity");
        final List<Plots.Curve> conn = new ArrayList<>();
        final List<Plots.Curve> acc = new ArrayList<>();
        for (final String s : names)
        {
            final List<Point> ps = Curves.series(points, s);
            conn.add(Plots.curve(s, ps, Point::initialThreshold, p -> 100 * p.connectivity()));
            acc.add(Plots.curve(s, ps, p -> 100 * p.connectivity(), p -> 100 * p.accuracy()));
        }
        Plots.write(ctx.output(), "fig8-connectivity.png", "Fig. 8A APN: connectivity vs initial threshold",
            Plots.Axis.log("initial threshold w_th0"), Plots.Axis.linear("connectivity (%)"), conn);
        Plots.write(ctx.output(), "fig8-accuracy.png", "Fig. 8B APN: accuracy vs connectivity",
            Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear("accuracy (%)"), acc);
        r.heading(2, "Figures");
        r.image("connectivity vs initial threshold", "fig8-connectivity.png");
        r.image("accuracy vs connectivity", "fig8-accuracy.png");
        Reports.runTable(r, points);
        Reports.write(ctx, r, points);
    }
}
