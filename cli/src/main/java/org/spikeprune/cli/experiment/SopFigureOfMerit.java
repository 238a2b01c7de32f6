package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Paper A Fig. 12: APTN over a sweep of initial thresholds; (A) training and inference SOPs per image normalised to
 * the unpruned run, (B) the figure of merit FOM = accuracy loss (percentage points) × normalised total SOPs per
 * image, and the FOM-best connectivity with its SOP reductions and accuracy loss.
 */
final class SopFigureOfMerit implements Experiment
{
    @Override
    public String name()
    {
        return "fig12";
    }

    @Override
    public String title()
    {
        return "paper A Fig. 12: APTN normalised SOPs and FOM vs connectivity; the FOM-best connectivity";
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final Series.Result result = Series.run(ctx,
            List.of(Series.thresholds("APTN", Series.aptn(ctx), Series.aptnGrid(ctx))));
        final List<Point> points = Curves.sorted(result.points(), Point::connectivity);
        Point best = null;
        for (final Point p : points)
        {
            if (best == null || p.fom() < best.fom())
            {
                best = p;
            }
        }
        final int n = ctx.neurons();
        final MarkdownReport r = Reports.start(ctx, "Paper A Fig. 12: SOPs and figure of merit of APTN",
            result.base());
        r.paragraph("FOM = accuracy loss in percentage points × (training + inference SOPs per image) / (the same "
            + "for the unpruned run); lower is better. A run more accurate than the unpruned one has a negative FOM "
            + "(not clipped). The FOM-best point is the sweep's run with the lowest FOM; its connectivity is only as "
            + "fine as the sweep. The unpruned run itself (FOM 0) is not a candidate.");
        if (n < 400)
        {
            r.paragraph("Note on paper A's numbers: with FOM defined as the product above, its own claim of "
                + "< 1% loss at 20% connectivity on MNIST would give a lower FOM (about 1 x 0.65) than its FOM-best "
                + "point at 14.5% (2.85% loss x about 0.6), so the paper's FOM-best cannot be the minimum of this "
                + "product over its sweep; it may have weighted the terms differently. We report the minimum of the "
                + "product as defined.");
        }
        r.heading(2, "FOM-best connectivity, paper A beside ours");
        r.table(List.of("", "paper A (" + n + " neurons)", "ours"), List.of(
            List.of("FOM-best connectivity", MarkdownReport.pct(PaperA.fomBestConnectivity(n)),
                MarkdownReport.pct(best.connectivity())),
            List.of("training SOP reduction", MarkdownReport.pct0(PaperA.fomBestTrainReduction(n)),
                MarkdownReport.pct0(best.trainSopReduction())),
            List.of("inference SOP reduction", MarkdownReport.pct0(PaperA.fomBestInferReduction(n)),
                MarkdownReport.pct0(best.inferSopReduction())),
            List.of("accuracy loss", MarkdownReport.pct(PaperA.fomBestLoss(n)),
                MarkdownReport.pct(best.accuracyLoss())),
            List.of("FOM", "–", MarkdownReport.num("%.3f", best.fom())),
            List.of("initial threshold w_th0", "–", MarkdownReport.num("%.4g", best.initialThreshold()))));
        r.heading(2, "Paper A beside ours, statement by statement");
        final double inferSlope = slope(points, true);
        final double trainSlope = slope(points, false);
        r.table(List.of("paper A", "ours"), List.of(
            List.of("SOPs per image fall almost linearly with connectivity",
                "least-squares slope of normalised SOPs per unit connectivity: inference "
                    + MarkdownReport.num("%.2f", inferSlope) + ", training " + MarkdownReport.num("%.2f", trainSlope)),
            List.of("inference SOPs fall more than training SOPs",
                "at the sparsest run (" + MarkdownReport.pct(points.get(0).connectivity()) + "): inference -"
                    + MarkdownReport.pct0(points.get(0).inferSopReduction()) + ", training -"
                    + MarkdownReport.pct0(points.get(0).trainSopReduction()))));
        final List<Point> withBase = new ArrayList<>(points);
        withBase.add(new Point("unpruned", result.base(), result.base()));
        final List<Plots.Curve> sops = new ArrayList<>();
        sops.add(Plots.curve("training", withBase, p -> 100 * p.connectivity(), Point::normalisedTrainSops));
        sops.add(Plots.curve("inference", withBase, p -> 100 * p.connectivity(), Point::normalisedInferSops));
        Plots.write(ctx.output(), "fig12-sops.png", "Fig. 12A APTN: normalised SOPs/image vs connectivity",
            Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear("SOPs/image / unpruned"), sops);
        Plots.write(ctx.output(), "fig12-fom.png", "Fig. 12B APTN: FOM vs connectivity",
            Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear("FOM (accuracy loss % x normalised SOPs)"),
            List.of(Plots.curve("FOM", points, p -> 100 * p.connectivity(), Point::fom)));
        r.heading(2, "Figures");
        r.image("normalised SOPs", "fig12-sops.png");
        r.image("FOM", "fig12-fom.png");
        Reports.runTable(r, points);
        Reports.write(ctx, r, points);
    }

    /** Least-squares slope of normalised SOPs (inference or training) against connectivity. */
    private static double slope(final List<Point> points, final boolean inference)
    {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        final int n = points.size();
        for (final Point p : points)
        {
            final double x = p.connectivity();
            final double y = inference ? p.normalisedInferSops() : p.normalisedTrainSops();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        final double d = n * sxx - sx * sx;
        return n < 2 || d == 0 ? Double.NaN : (n * sxy - sx * sy) / d;
    }
}
