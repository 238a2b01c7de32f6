package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;

import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PruneProfile;

/**
 * Paper A Fig. 11: APTN with pruning starting after 1,000, 10,000, 20,000, 30,000, 50,000 or 60,000 training images
 * (scaled to the run's length), accuracy vs connectivity. Each start has its own number of steps, so its initial
 * thresholds are mapped from the common final-threshold grid through its own time adaptation.
 */
final class PruningStartSweep implements Experiment
{
    /** Starts of the full sweep, in paper A's images. */
    static final long[] STARTS = {1_000, 10_000, 20_000, 30_000, 50_000, 60_000};
    /** Starts of the quick sweep. */
    static final long[] STARTS_QUICK = {10_000, 30_000, 60_000};

    @Override
    public String name()
    {
        return "fig11";
    }

    @Override
    public String title()
    {
        return "paper A Fig. 11: APTN with pruning starting after 1,000 ... 60,000 training images";
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final PruneProfile p = PruneProfile.of(PruneMethod.APTN, ctx.neurons());
        final List<Series> series = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final long start : ctx.quick() ? STARTS_QUICK : STARTS)
        {
            final long s = Math.max(1, Math.min(ctx.trainImages(), ctx.paperImages(start)));
            final String name = String.format(java.util.Locale.ROOT, "start %,d", start);
            final int steps = Grids.steps(ctx.trainImages(), s, ctx.stepImages());
            series.add(Series.thresholds(name, Series.aptn(ctx).with(PruneConfig.START_IMAGES_KEY, s),
                Grids.initial(Grids.finals(ctx), p.timeFunction(), p.timeFactor(p.timeFunction()), steps)));
            names.add(name);
        }
        final Series.Result result = Series.run(ctx, series);
        final List<Point> points = result.points();
        final MarkdownReport r = Reports.start(ctx, "Paper A Fig. 11: when pruning starts", result.base());
        r.paragraph("APTN with paper A's factors; the start is in paper A's images (60,000 per epoch), scaled to "
            + "the run's " + ctx.trainImages() + " training images; one step per " + ctx.stepImages()
            + " images after it. Start 60,000 is a single step at the end of training (like post-training "
            + "pruning with APTN's per-group thresholds).");
        r.heading(2, "Paper A beside ours, statement by statement");
        final String span = Reports.commonSpan(names, points).text("connectivity");
        r.table(List.of("paper A", "ours"), List.of(
            List.of("30,000 pre-pruning images is the best start; earlier starts lose accuracy, and so do late ones "
                + "(50,000) that leave no time for adaptation", span),
            List.of("APTN from 30,000 beats pruning at 60,000 (post-training) when the network is very sparse",
                Reports.beats(points, "start 30,000", "start 60,000", 0.10))));
        r.heading(2, "Accuracy read at fixed connectivities");
        Reports.accuracyAt(r, names, points, Point::connectivity, "connectivity");
        final List<Plots.Curve> acc = new ArrayList<>();
        for (final String s : names)
        {
            acc.add(Plots.curve(s, Curves.series(points, s), q -> 100 * q.connectivity(), q -> 100 * q.accuracy()));
        }
        Plots.write(ctx.output(), "fig11-accuracy.png", "Fig. 11 APTN: accuracy vs connectivity by pruning start",
            Plots.Axis.linear("connectivity (%)"), Plots.Axis.linear("accuracy (%)"), acc);
        r.heading(2, "Figures");
        r.image("accuracy vs connectivity by pruning start", "fig11-accuracy.png");
        Reports.runTable(r, points);
        Reports.write(ctx, r, points);
    }
}
