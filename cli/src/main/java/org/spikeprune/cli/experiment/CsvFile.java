package org.spikeprune.cli.experiment;

import java.util.List;
import java.util.Locale;

import org.spikeprune.pruning.PruneConfig;

/** The CSV file of an experiment: one row per run of each series, with every number of the run. */
final class CsvFile
{
    private static final List<String> SETTINGS = PruneConfig.KEYS;

    private CsvFile()
    {
    }

    /**
     * The CSV text.
     *
     * @param ctx    the experiment.
     * @param points the rows.
     * @return the text, a header line then one line per point.
     */
    static String of(final ExperimentContext ctx, final List<Point> points)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("experiment,series,run_id,method,profile,seed,train_images");
        for (final String k : SETTINGS)
        {
            sb.append(',').append(k.substring(PruneConfig.PREFIX.length()));
        }
        sb.append(",accuracy,connectivity,unpruned_fraction,live_synapses,frozen_synapses,neurons_pruned,prune_steps,"
            + "train_sops_per_image,infer_sops_per_image,baseline_accuracy,accuracy_loss,train_sop_reduction,"
            + "infer_sop_reduction,normalised_train_sops,normalised_infer_sops,normalised_total_sops,fom,"
            + "train_seconds,train_ms_per_image,wall_seconds,baseline_id,digest\n");
        for (final Point p : points)
        {
            final RunOutcome r = p.run();
            sb.append(ctx.experiment()).append(',').append(quote(p.series())).append(',').append(r.id()).append(',')
                .append(r.method()).append(',').append(ctx.profile()).append(',').append(ctx.seed()).append(',')
                .append(r.trainImages());
            for (final String k : SETTINGS)
            {
                final String v = r.setting(k);
                sb.append(',').append(v == null ? "" : quote(v));
            }
            for (final double v : new double[] {r.accuracy(), r.connectivity(), r.unprunedFraction()})
            {
                sb.append(',').append(num(v));
            }
            sb.append(',').append(r.liveSynapses()).append(',').append(r.frozenSynapses()).append(',')
                .append(r.neuronsPruned()).append(',').append(r.pruneSteps());
            for (final double v : new double[] {r.trainSopsPerImage(), r.inferSopsPerImage(), p.base().accuracy(),
                p.accuracyLoss(), p.trainSopReduction(), p.inferSopReduction(), p.normalisedTrainSops(),
                p.normalisedInferSops(), p.normalisedTotalSops(), p.fom(), r.trainSeconds(), r.trainMillisPerImage(),
                r.wallSeconds()})
            {
                sb.append(',').append(num(v));
            }
            sb.append(',').append(p.base().id()).append(',').append(r.digest()).append('\n');
        }
        return sb.toString();
    }

    private static String num(final double v)
    {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(final String s)
    {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0)
        {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
