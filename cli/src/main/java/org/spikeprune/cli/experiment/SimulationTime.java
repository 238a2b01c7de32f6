package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Paper A Fig. 15A: simulation time of training per image against connectivity, from the APTN sweep's runs (the
 * same runs as fig12) and the unpruned run. Times are wall-clock seconds of each run's training phase, pruning
 * steps included; runs that shared the CPUs with other runs ({@code --jobs} above 1, or a busy machine) are slower
 * and noisier, so for this figure {@code --jobs 1} on an idle machine is the clean setting.
 */
final class SimulationTime implements Experiment
{
    @Override
    public String name()
    {
        return "fig15";
    }

    @Override
    public String title()
    {
        return "paper A Fig. 15A: training simulation time per image vs connectivity (APTN)";
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final Series.Result result = Series.run(ctx,
            List.of(Series.thresholds("APTN", Series.aptn(ctx), Series.aptnGrid(ctx))));
        final List<Point> points = new ArrayList<>(Curves.sorted(result.points(), Point::connectivity));
        final RunOutcome base = result.base();
        final MarkdownReport r = Reports.start(ctx, "Paper A Fig. 15A: simulation time vs connectivity", base);
        r.paragraph("Training time per image = the training phase's wall time (pruning steps included) over the "
            + "training images, as each run measured it: with runs side by side or a busy machine the times carry "
            + "that load, and a run read from the cache keeps the time of the sweep that made it (`spikeprune bench "
            + "--connectivity ...` measures the same curve in CPU time, split by hardware unit). Paper A's Fig. 15B (the pruning algorithm's share of the runtime, ~0.001% at batch "
            + "5,000) is not measured separately here: the Prune unit's time is inside the training time.");
        final Point sparsest = points.get(0);
        final double timeRatio = sparsest.run().trainMillisPerImage() / base.trainMillisPerImage();
        r.heading(2, "Paper A beside ours, statement by statement");
        r.table(List.of("paper A", "ours"), List.of(
            List.of("the training runtime falls as connectivity falls (pruning removes work)",
                "time per training image: unpruned " + MarkdownReport.num("%.3f ms", base.trainMillisPerImage())
                    + ", sparsest run (" + MarkdownReport.pct(sparsest.connectivity()) + ") "
                    + MarkdownReport.num("%.3f ms", sparsest.run().trainMillisPerImage()) + " (x"
                    + MarkdownReport.num("%.2f", timeRatio) + "); its training SOPs x"
                    + MarkdownReport.num("%.2f", sparsest.normalisedTrainSops()) + "; time falls with connectivity "
                    + "at " + MarkdownReport.pct0(Curves.nonRisingFraction(withBase(points, base),
                        p -> -p.connectivity(), p -> p.run().trainMillisPerImage())) + " of the steps from the "
                    + "unpruned run down")));
        final List<Point> all = withBase(points, base);
        final List<Plots.Curve> time = new ArrayList<>();
        time.add(Plots.curve("APTN (100% = unpruned)", all, p -> 100 * p.connectivity(),
            p -> p.run().trainMillisPerImage()));
        Plots.write(ctx.output(), "fig15-time.png", "Fig. 15A: training time per image vs connectivity",
            Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear("training wall time per image (ms)"), time);
        final List<Plots.Curve> norm = new ArrayList<>();
        norm.add(Plots.curve("time", all, p -> 100 * p.connectivity(),
            p -> p.run().trainMillisPerImage() / base.trainMillisPerImage()));
        norm.add(Plots.curve("training SOPs", all, p -> 100 * p.connectivity(), Point::normalisedTrainSops));
        Plots.write(ctx.output(), "fig15-normalised.png", "Training time and SOPs per image, normalised",
            Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear("relative to the unpruned run"), norm);
        r.heading(2, "Figures");
        r.image("training time per image", "fig15-time.png");
        r.image("normalised time and SOPs", "fig15-normalised.png");
        r.heading(2, "Every run");
        final List<List<String>> rows = new ArrayList<>();
        for (final Point p : all)
        {
            rows.add(List.of(p.series(), MarkdownReport.pct(p.connectivity()),
                MarkdownReport.num("%.3f", p.run().trainMillisPerImage()),
                MarkdownReport.num("%.1f", p.run().trainSeconds()), MarkdownReport.num("%.2f",
                    p.normalisedTrainSops()), "`" + p.run().id() + "`"));
        }
        r.table(List.of("series", "connectivity", "training ms/image", "training s", "normalised training SOPs",
            "run"), rows);
        Reports.write(ctx, r, all);
    }

    private static List<Point> withBase(final List<Point> points, final RunOutcome base)
    {
        final List<Point> all = new ArrayList<>(points);
        all.add(new Point("unpruned", base, base));
        return all;
    }
}
