package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.spikeprune.core.InputException;
import org.spikeprune.core.dc.LearningDynamics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Paper A Fig. 2: the unpruned network's dynamics during training, every 5,000 training images (scaled to the run's
 * length): (A) the excitatory neurons' firing, (B) statistics of the weight updates Δw. Paper A reads from it that
 * learning settles after about 30,000 images, and starts pruning there. The figure comes from the unpruned run that
 * every other experiment shares; its batches are recorded by {@link LearningDynamics} in every run.
 */
final class LearningDynamicsFigure implements Experiment
{
    /**
     * A quantity has settled from the first batch after which every batch stays within this share of its mean over
     * the last {@link #SETTLED_TAIL} batches (batch-to-batch noise of the Δw variance is about ±20% at the end of a
     * full epoch, so a narrower band reads noise as change).
     */
    static final double SETTLED_WITHIN = 0.25;
    /** Batches at the end whose mean is the settled value. */
    static final int SETTLED_TAIL = 3;

    @Override
    public String name()
    {
        return "fig2";
    }

    @Override
    public String title()
    {
        return "paper A Fig. 2: firing and weight-update statistics every 5,000 training images, no pruning";
    }

    @Override
    public void run(final ExperimentContext ctx)
    {
        final RunSpec spec = ctx.baseline();
        final RunOutcome base = ctx.run(List.of(spec)).get(0);
        final JsonNode tree = ctx.pool().result(spec, "dynamics");
        final List<LearningDynamics.Point> points = points(tree.get("dynamics"), base.id());
        if (points.isEmpty())
        {
            throw new InputException("run " + base.id() + " recorded no monitored batch: it trained on fewer images "
                + "than one batch");
        }
        final long batch = points.get(0).batchImages();
        final MarkdownReport r = Reports.start(ctx, "Paper A Fig. 2: network dynamics during training", base);
        r.paragraph(String.format(Locale.ROOT, "The unpruned run, monitored every %,d training images (paper A: "
            + "every 5,000 of 60,000). Firing: each excitatory neuron's spikes within the presentations of the batch "
            + "(the readout's window; re-presentations of quiet images included). Δw: each input weight's change "
            + "over the batch, over the %,d synapses; it includes the weight normalisation before every image, which "
            + "keeps each neuron's weights summing to `norm.total`, so the mean Δw stays near 0 without pruning and "
            + "the spread of Δw (variance, mean \\|Δw\\|) carries the learning. The first batch also holds the first "
            + "normalisation of the random initial weights. Paper A does not say over what it takes "
            + "its Δw statistics; this is the reading used here. A quantity counts as settled from the first batch "
            + "after which every batch stays within %.0f%% of its mean over the last %d batches. \"Regular\" firing "
            + "is read as the spread of the spike counts over the neurons (their standard deviation) settling: the "
            + "winner-take-all layer fires about the same number of spikes per image throughout, so the mean moves "
            + "little. The running accuracy classifies each training image, as it is learnt, with the labels "
            + "assigned from the responses to an earlier window of training images (Diehl & Cook's monitoring; "
            + "not the test accuracy).", batch, points.get(0).synapses(), 100 * SETTLED_WITHIN, SETTLED_TAIL));
        final long firing = settledFrom(points, LearningDynamics.Point::spikesSd);
        final long firingMean = settledFrom(points, LearningDynamics.Point::spikesMean);
        final long variance = settledFrom(points, LearningDynamics.Point::dwVariance);
        final long meanAbs = settledFrom(points, LearningDynamics.Point::dwMeanAbs);
        final long allFire = allFireFrom(points);
        final long start = ctx.paperImages(ExperimentContext.PAPER_START_IMAGES);
        r.heading(2, "Paper A beside ours, statement by statement");
        r.table(List.of("paper A", "ours"), List.of(
            List.of("neurons start to fire regularly after training over 30,000 images (Fig. 2A)",
                "spread of the spikes per neuron per batch (sd over the neurons) settled from image "
                    + images(firing) + ", their mean from image " + images(firingMean) + "; every neuron fires in "
                    + "every batch from image " + images(allFire) + String.format(Locale.ROOT,
                    " (the pruning start, scaled to this run: image %,d)", start)),
            List.of("the mean and variance of the weight updates reveal the same behaviour (Fig. 2B)",
                "variance of Δw settled from image " + images(variance) + ", mean \\|Δw\\| from image "
                    + images(meanAbs))));
        final List<Plots.Curve> firingCurves = List.of(
            curve("mean over the neurons", points, LearningDynamics.Point::spikesMean),
            curve("standard deviation over the neurons", points, LearningDynamics.Point::spikesSd));
        Plots.write(ctx.output(), "fig2-firing.png", "Fig. 2A: spikes per excitatory neuron per batch",
            Plots.Axis.linear("training images"), Plots.Axis.linear("spikes per neuron in the batch"), firingCurves);
        Plots.write(ctx.output(), "fig2-silent.png", "Neurons that did not fire in the batch",
            Plots.Axis.linear("training images"), Plots.Axis.linear("neurons"),
            List.of(curve("silent neurons", points, q -> q.silentNeurons())));
        final List<Plots.Curve> dwCurves = List.of(
            curve("variance of dw", points, LearningDynamics.Point::dwVariance),
            curve("mean |dw|", points, LearningDynamics.Point::dwMeanAbs));
        Plots.write(ctx.output(), "fig2-dw.png", "Fig. 2B: weight change over each batch",
            Plots.Axis.linear("training images"), Plots.Axis.log("per synapse"), dwCurves);
        Plots.write(ctx.output(), "fig2-accuracy.png", "Running accuracy on each batch while learning",
            Plots.Axis.linear("training images"), Plots.Axis.linear("accuracy (%)"),
            List.of(curve("running accuracy", points, q -> 100 * q.trainingAccuracy())));
        r.heading(2, "Figures");
        r.image("firing per batch", "fig2-firing.png");
        r.image("silent neurons per batch", "fig2-silent.png");
        r.image("weight change per batch", "fig2-dw.png");
        r.image("running accuracy per batch", "fig2-accuracy.png");
        r.heading(2, "Every batch");
        final List<List<String>> rows = new ArrayList<>();
        for (final LearningDynamics.Point q : points)
        {
            rows.add(List.of(String.format(Locale.ROOT, "%,d", q.images()),
                String.format(Locale.ROOT, "%.1f ± %.1f", q.spikesMean(), q.spikesSd()),
                String.format(Locale.ROOT, "%d / %d", q.spikesMin(), q.spikesMax()),
                Integer.toString(q.silentNeurons()),
                MarkdownReport.num("%.3f", q.presentations() / (double)q.batchImages()),
                MarkdownReport.num("%.3g", q.dwMean()), MarkdownReport.num("%.3g", q.dwVariance()),
                MarkdownReport.num("%.3g", q.dwMeanAbs()), MarkdownReport.num("%.4f", q.weightMean()),
                MarkdownReport.num("%.2f", q.thetaMean())));
        }
        r.table(List.of("images", "spikes per neuron (mean ± sd)", "min / max", "silent neurons",
            "presentations per image", "mean Δw", "variance of Δw", "mean \\|Δw\\|", "mean weight", "mean θ (mV)", "running accuracy"), rows);
        ctx.output().writeText("fig2.csv", csv(points));
        ctx.output().writeText("fig2.md", r.text());
    }

    /**
     * The first monitored image count from which every later batch's value stays within {@link #SETTLED_WITHIN} of
     * the mean of the last {@link #SETTLED_TAIL} batches; -1 if that mean is not finite.
     */
    static long settledFrom(final List<LearningDynamics.Point> points,
        final ToDoubleFunction<LearningDynamics.Point> value)
    {
        final int tail = Math.min(SETTLED_TAIL, points.size());
        double settled = 0;
        for (int k = points.size() - tail; k < points.size(); k++)
        {
            settled += value.applyAsDouble(points.get(k)) / tail;
        }
        if (!Double.isFinite(settled))
        {
            return -1;
        }
        long from = -1;
        for (int k = points.size() - 1; k >= 0; k--)
        {
            final double v = value.applyAsDouble(points.get(k));
            if (!(Math.abs(v - settled) <= SETTLED_WITHIN * Math.abs(settled)))
            {
                break;
            }
            from = points.get(k).images();
        }
        return from;
    }

    /** The first monitored image count from which no neuron is silent in any later batch; -1 if one is at the end. */
    static long allFireFrom(final List<LearningDynamics.Point> points)
    {
        long from = -1;
        for (int k = points.size() - 1; k >= 0 && points.get(k).silentNeurons() == 0; k--)
        {
            from = points.get(k).images();
        }
        return from;
    }

    private static String images(final long images)
    {
        return images < 0 ? "(never, within the run)" : String.format(Locale.ROOT, "%,d", images);
    }

    private static Plots.Curve curve(final String name, final List<LearningDynamics.Point> points,
        final ToDoubleFunction<LearningDynamics.Point> y)
    {
        final List<double[]> xy = new ArrayList<>();
        for (final LearningDynamics.Point q : points)
        {
            final double v = y.applyAsDouble(q);
            if (Double.isFinite(v))
            {
                xy.add(new double[] {q.images(), v});
            }
        }
        final double[] xs = new double[xy.size()];
        final double[] ys = new double[xy.size()];
        for (int k = 0; k < xs.length; k++)
        {
            xs[k] = xy.get(k)[0];
            ys[k] = xy.get(k)[1];
        }
        return new Plots.Curve(name, xs, ys);
    }

    private static String csv(final List<LearningDynamics.Point> points)
    {
        final StringBuilder sb = new StringBuilder("images,batch_images,presentations,neurons,spikes_per_neuron_mean,"
            + "spikes_per_neuron_sd,spikes_per_neuron_min,spikes_per_neuron_max,silent_neurons,synapses,dw_mean,"
            + "dw_variance,dw_mean_abs,weight_mean,theta_mean_mv,training_accuracy\n");
        for (final LearningDynamics.Point q : points)
        {
            sb.append(q.images()).append(',').append(q.batchImages()).append(',').append(q.presentations())
                .append(',').append(q.neurons()).append(',').append(q.spikesMean()).append(',').append(q.spikesSd())
                .append(',').append(q.spikesMin()).append(',').append(q.spikesMax()).append(',')
                .append(q.silentNeurons()).append(',').append(q.synapses()).append(',').append(q.dwMean())
                .append(',').append(q.dwVariance()).append(',').append(q.dwMeanAbs()).append(',')
                .append(q.weightMean()).append(',').append(q.thetaMean()).append(',').append(q.trainingAccuracy())
                .append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads the monitored batches of a run's {@code result.json}.
     *
     * @param node   the {@code "dynamics"} array.
     * @param source the run, for messages.
     * @return the batches.
     */
    static List<LearningDynamics.Point> points(final JsonNode node, final String source)
    {
        if (node == null || !node.isArray())
        {
            throw new InputException("run " + source + ": expected the array dynamics in result.json, found "
                + (node == null ? "none" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        final List<LearningDynamics.Point> out = new ArrayList<>();
        for (final JsonNode q : node)
        {
            out.add(new LearningDynamics.Point(q.path("images").asLong(), q.path("batch_images").asLong(),
                q.path("presentations").asLong(), q.path("neurons").asInt(), real(q, "spikes_per_neuron_mean"),
                real(q, "spikes_per_neuron_sd"), q.path("spikes_per_neuron_min").asLong(),
                q.path("spikes_per_neuron_max").asLong(), q.path("silent_neurons").asInt(),
                q.path("synapses").asLong(), real(q, "dw_mean"), real(q, "dw_variance"), real(q, "dw_mean_abs"),
                real(q, "weight_mean"), real(q, "theta_mean_mv"), real(q, "training_accuracy")));
        }
        return out;
    }

    private static double real(final JsonNode q, final String field)
    {
        final JsonNode v = q.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }
}
