package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.spikeprune.pruning.PruneConfig;

/**
 * Paper A Figs. 13 and 14: online adaptive neuron pruning (ANP) against constant (CWP) and adaptive (AWP = APTN)
 * weight pruning, accuracy and normalised SOPs vs connectivity (Fig. 13); online soft pruning against both,
 * accuracy and normalised SOPs vs the unpruned percentage (Fig. 14; soft pruning keeps every synapse, so its
 * connectivity stays 100%).
 */
final class NeuronAndSoftPruning implements Experiment
{
    /** Fractions of neurons removed, full sweep. */
    static final double[] FRACTIONS = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95};
    /** Fractions of neurons removed, quick sweep. */
    static final double[] FRACTIONS_QUICK = {0.5, 0.9};

    @Override
    public String name()
    {
        return "fig13-14";
    }

    @Override
    public String title()
    {
        return "paper A Figs. 13 and 14: adaptive neuron pruning and soft pruning vs constant and adaptive weight "
            + "pruning";
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final List<RunSpec> anp = new ArrayList<>();
        for (final double f : ctx.quick() ? FRACTIONS_QUICK : FRACTIONS)
        {
            anp.add(ctx.spec("neuron").with(PruneConfig.NEURON_TARGET_FRACTION_KEY, f));
        }
        final List<Series> series = List.of(
            Series.thresholds("CWP", Series.constant(ctx), Series.constantGrid(ctx)),
            Series.thresholds("AWP", Series.aptn(ctx), Series.aptnGrid(ctx)),
            new Series("ANP", anp),
            Series.thresholds("soft", ctx.spec("soft"), Series.constantGrid(ctx)));
        final Series.Result result = Series.run(ctx, series);
        final List<Point> points = result.points();
        final List<String> fig13 = List.of("CWP", "AWP", "ANP");
        final List<String> fig14 = List.of("CWP", "AWP", "soft");

        final MarkdownReport r = Reports.start(ctx, "Paper A Figs. 13 and 14: neuron pruning and soft pruning",
            result.base());
        r.paragraph("CWP = online constant weight pruning, AWP = APTN, ANP = online adaptive neuron pruning (the "
            + "least active neurons removed with all their synapses, a linear ramp to the target fraction; swept over "
            + "the fraction), soft = weights below a constant threshold frozen at their value (still transmitting, no "
            + "STDP). Fig. 14's x axis is the unpruned percentage: synapses neither pruned nor frozen; for CWP and "
            + "AWP it equals the connectivity.");
        r.heading(2, "Paper A beside ours, statement by statement");
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Fig. 13A: neuron pruning is less accurate than weight pruning",
            Reports.beats(points, "AWP", "ANP", 1.0)));
        rows.add(List.of("Fig. 13B: neuron pruning needs fewer training SOPs than AWP and far fewer inference SOPs",
            sopsAt(points, List.of("AWP", "ANP"), 0.10)));
        rows.add(List.of("Fig. 14A: soft pruning beats constant pruning once the unpruned percentage is below 10%",
            Reports.beats(points, "soft", "CWP", Point::unpruned, 0.10)));
        rows.add(List.of("Fig. 14A: AWP beats soft pruning for unpruned percentages between 5% and 20% ...",
            between(points, "AWP", "soft", 0.05, 0.20)));
        rows.add(List.of("... and is worse than soft pruning below 5%",
            Reports.beats(points, "soft", "AWP", Point::unpruned, 0.05)));
        rows.add(List.of("Fig. 14B: soft pruning reduces training SOPs less and inference SOPs not at all",
            sopsAtUnpruned(points, List.of("AWP", "soft"), 0.10)));
        r.table(List.of("paper A", "ours"), rows);
        r.heading(2, "Accuracy read at fixed connectivities (Fig. 13)");
        Reports.accuracyAt(r, fig13, points, Point::connectivity, "connectivity");
        r.heading(2, "Accuracy read at fixed unpruned percentages (Fig. 14)");
        Reports.accuracyAt(r, fig14, points, Point::unpruned, "unpruned");

        r.heading(2, "Figures");
        plots(ctx, r, "fig13", "Fig. 13", fig13, points, Point::connectivity, "connectivity (%)");
        plots(ctx, r, "fig14", "Fig. 14", fig14, points, Point::unpruned, "unpruned weights (%)");
        Reports.runTable(r, points);
        Reports.write(ctx, r, points);
    }

    private static void plots(final ExperimentContext ctx, final MarkdownReport r, final String stem,
        final String figure, final List<String> names, final List<Point> points, final ToDoubleFunction<Point> x,
        final String xTitle)
    {
        final List<Plots.Curve> acc = new ArrayList<>();
        final List<Plots.Curve> sops = new ArrayList<>();
        for (final String s : names)
        {
            final List<Point> ps = Curves.series(points, s);
            acc.add(Plots.curve(s, ps, p -> 100 * x.applyAsDouble(p), p -> 100 * p.accuracy()));
            sops.add(Plots.curve(s + " training", ps, p -> 100 * x.applyAsDouble(p), Point::normalisedTrainSops));
            sops.add(Plots.curve(s + " inference", ps, p -> 100 * x.applyAsDouble(p), Point::normalisedInferSops));
        }
        Plots.write(ctx.output(), stem + "-accuracy.png", figure + "A: accuracy", Plots.Axis.linear(xTitle),
            Plots.Axis.linear("accuracy (%)"), acc);
        Plots.write(ctx.output(), stem + "-sops.png", figure + "B: normalised SOPs/image", Plots.Axis.linear(xTitle),
            Plots.Axis.linear("SOPs/image / unpruned"), sops);
        r.image(figure + "A", stem + "-accuracy.png").image(figure + "B", stem + "-sops.png");
    }

    private static String between(final List<Point> points, final String a, final String b, final double lo,
        final double hi)
    {
        final StringBuilder sb = new StringBuilder();
        int wins = 0;
        int compared = 0;
        for (final double u : new double[] {0.05, 0.10, 0.15, 0.20})
        {
            if (u < lo || u > hi)
            {
                continue;
            }
            final double va = Curves.interpolate(Curves.series(points, a), Point::unpruned, Point::accuracy, u);
            final double vb = Curves.interpolate(Curves.series(points, b), Point::unpruned, Point::accuracy, u);
            if (Double.isNaN(va) || Double.isNaN(vb))
            {
                continue;
            }
            compared++;
            wins += va > vb ? 1 : 0;
            sb.append("at ").append(MarkdownReport.pct0(u)).append(": ").append(a).append(' ')
                .append(MarkdownReport.pct(va)).append(" vs ").append(b).append(' ').append(MarkdownReport.pct(vb))
                .append("; ");
        }
        if (compared == 0)
        {
            return "not decided: the sweeps do not both cover " + MarkdownReport.pct0(lo) + "–"
                + MarkdownReport.pct0(hi);
        }
        return (wins == compared ? "**yes**" : "**no**") + " (" + wins + " of " + compared + "): "
            + sb.toString().trim();
    }

    private static String sopsAt(final List<Point> points, final List<String> names, final double c)
    {
        final StringBuilder sb = new StringBuilder("nearest runs to " + MarkdownReport.pct0(c) + " connectivity: ");
        for (final String s : names)
        {
            final Point p = Curves.nearest(Curves.series(points, s), Point::connectivity, c);
            if (p != null)
            {
                sb.append(s).append(" (").append(MarkdownReport.pct(p.connectivity())).append(") training ")
                    .append(MarkdownReport.num("%.2f", p.normalisedTrainSops())).append(", inference ")
                    .append(MarkdownReport.num("%.2f", p.normalisedInferSops())).append("; ");
            }
        }
        return sb.toString().trim();
    }

    private static String sopsAtUnpruned(final List<Point> points, final List<String> names, final double u)
    {
        final StringBuilder sb = new StringBuilder("nearest runs to " + MarkdownReport.pct0(u) + " unpruned: ");
        for (final String s : names)
        {
            final Point p = Curves.nearest(Curves.series(points, s), Point::unpruned, u);
            if (p != null)
            {
                sb.append(s).append(" (").append(MarkdownReport.pct(p.unpruned())).append(") training ")
                    .append(MarkdownReport.num("%.2f", p.normalisedTrainSops())).append(", inference ")
                    .append(MarkdownReport.num("%.2f", p.normalisedInferSops())).append("; ");
            }
        }
        return sb.toString().trim();
    }
}
