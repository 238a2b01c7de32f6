package org.spikeprune.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spikeprune.core.config.Params;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.core.dc.LearningDynamics;
import org.spikeprune.engine.ThreadingMode;

/** The content of a paper-A run's result.json, its Markdown summary and the short report printed at the end. */
public final class ResultJson
{
    /**
     * The hardware figures of a run or an evaluation for its JSON: the preset, then each figure of {@link
     * org.spikeprune.fpga.HardwareEstimate#toMap()} grouped by its first key part ({@code cycles}, {@code energy_pj}).
     *
     * @param preset   the preset name or file given.
     * @param estimate the estimate.
     * @return the {@code hw} object.
     */
    public static Map<String, Object> hw(final String preset, final org.spikeprune.fpga.HardwareEstimate estimate)
    {
        final Map<String, Object> hwJson = new LinkedHashMap<>();
        hwJson.put("preset", preset);
        for (final Map.Entry<String, Double> e : estimate.toMap().entrySet())
        {
            final String[] parts = e.getKey().split("\\.", 2);
            @SuppressWarnings("unchecked")
            final Map<String, Object> group = (Map<String, Object>)hwJson.computeIfAbsent(parts[0],
                k -> new LinkedHashMap<String, Object>());
            group.put(parts[1], e.getValue());
        }
        return hwJson;
    }

    private ResultJson()
    {
    }

    /**
     * The content of result.json.
     *
     * @param profile      the network profile.
     * @param pruning      the pruning method's command-line name.
     * @param seed         the seed.
     * @param cores        processing elements.
     * @param mode         the threading mode.
     * @param nTrain       training images per epoch.
     * @param nTest        test images.
     * @param nAssign      assignment images.
     * @param p            the network parameters.
     * @param params       every parameter.
     * @param configDigest SHA-256 of the canonical parameter text.
     * @param r            the run.
     * @param base         the unpruned run of the same seed, or null.
     * @return the tree, in insertion order (callers may add keys).
     */
    public static Map<String, Object> of(final String profile, final String pruning, final long seed, final int cores,
        final ThreadingMode mode, final long nTrain, final long nTest, final long nAssign, final DcParams p,
        final Params params, final String configDigest, final DcTrainer.Result r, final DcTrainer.Result base)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile);
        m.put("pruning", pruning);
        m.put("seed", seed);
        m.put("train_images", nTrain);
        m.put("epochs", p.epochs());
        m.put("test_images", nTest);
        m.put("assign_images", nAssign);
        m.put("cores", cores);
        m.put("threading", mode.name().toLowerCase(Locale.ROOT));
        m.put("exc_neurons", r.excNeurons());
        m.put("accuracy", r.accuracy());
        m.put("accuracy_test_assigned", selfAssigned(r.accuracyTestAssigned(), r.accuracyTestAssigned2Fold()));
        m.put("connectivity", r.connectivity());
        m.put("live_synapses", r.liveSynapses());
        m.put("frozen_synapses", r.frozenSynapses());
        m.put("unpruned_fraction", (r.liveSynapses() - r.frozenSynapses()) / (double)(784L * r.excNeurons()));
        m.put("sops", sops(r));
        float wMin = Float.POSITIVE_INFINITY;
        float wMax = Float.NEGATIVE_INFINITY;
        for (final float w : r.weights())
        {
            wMin = Math.min(wMin, w);
            wMax = Math.max(wMax, w);
        }
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        double tSum = 0;
        for (final double t : r.thetas())
        {
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
            tSum += t;
        }
        final Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("weight_min", wMin);
        bounds.put("weight_max", wMax);
        bounds.put("theta_min_mv", tMin);
        bounds.put("theta_mean_mv", tSum / r.thetas().length);
        bounds.put("theta_max_mv", tMax);
        m.put("state", bounds);
        final Map<String, Object> speed = new LinkedHashMap<>();
        speed.put("train", r.train().imagesPerSecond());
        speed.put("assign", r.assign().imagesPerSecond());
        speed.put("test", r.test().imagesPerSecond());
        m.put("images_per_s", speed);
        final Map<String, Object> pres = new LinkedHashMap<>();
        pres.put("train", r.train().presentations());
        pres.put("assign", r.assign().presentations());
        pres.put("test", r.test().presentations());
        m.put("presentations", pres);
        final Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("ticks_run", r.engineTicks()[0]);
        engine.put("ticks_skipped", r.engineTicks()[1]);
        m.put("engine", engine);
        m.put("wall_s", r.wallSeconds());
        m.put("digest", r.digest());
        m.put("config_digest", configDigest);
        final List<Object> steps = new ArrayList<>();
        for (final DcTrainer.PruneStep s : r.steps())
        {
            final Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("step", s.step());
            sm.put("images", s.images());
            sm.put("connectivity", s.connectivity());
            sm.put("live", s.live());
            sm.put("pruned", s.pruned());
            sm.put("threshold_min", nanToNull(s.thresholdMin()));
            sm.put("threshold_mean", nanToNull(s.thresholdMean()));
            sm.put("threshold_max", nanToNull(s.thresholdMax()));
            steps.add(sm);
        }
        m.put("pruning_steps", steps);
        m.put("dynamics", dynamics(r.dynamics()));
        if (base != null)
        {
            final Map<String, Object> b = new LinkedHashMap<>();
            b.put("accuracy", base.accuracy());
            b.put("digest", base.digest());
            b.put("sops", sops(base));
            b.put("accuracy_loss", base.accuracy() - r.accuracy());
            b.put("train_sop_reduction", 1 - r.train().sopsPerImage(true) / base.train().sopsPerImage(true));
            b.put("infer_sop_reduction", 1 - r.test().sopsPerImage(false) / base.test().sopsPerImage(false));
            final double norm = (r.train().sopsPerImage(true) + r.test().sopsPerImage(false))
                / (base.train().sopsPerImage(true) + base.test().sopsPerImage(false));
            b.put("normalised_total_sops", norm);
            b.put("fom", Math.max(0, base.accuracy() - r.accuracy()) * 100 * norm);
            m.put("baseline_unpruned", b);
        }
        final Map<String, Object> cm = new LinkedHashMap<>();
        final int classes = r.classes();
        for (int c = 0; c < classes; c++)
        {
            final List<Integer> row = new ArrayList<>();
            for (int k = 0; k <= classes; k++)
            {
                row.add(r.confusion()[c * (classes + 1) + k]);
            }
            cm.put(Integer.toString(c), row);
        }
        m.put("confusion_rows_true_cols_unclassified_then_predicted", cm);
        m.put("params", new LinkedHashMap<>(params.asMap()));
        return m;
    }

    private static Object nanToNull(final double v)
    {
        return Double.isNaN(v) ? null : v;
    }

    private static Map<String, Object> sops(final DcTrainer.Result r)
    {
        final Map<String, Object> s = new LinkedHashMap<>();
        s.put("train_per_image", r.train().sopsPerImage(true));
        s.put("infer_per_image", r.test().sopsPerImage(false));
        s.put("train_input_spikes_per_image", r.train().inputSpikes() / (double)Math.max(1, r.train().images()));
        s.put("infer_input_spikes_per_image", r.test().inputSpikes() / (double)Math.max(1, r.test().images()));
        s.put("train_exc_spikes_per_image", r.train().excToInhEvents() / (double)Math.max(1, r.train().images()));
        s.put("train_accumulations_per_image", r.train().synapticOps() / (double)Math.max(1, r.train().images()));
        s.put("train_stdp_updates_per_image", r.train().stdpUpdates() / (double)Math.max(1, r.train().images()));
        s.put("train_exc_to_inh_per_image", r.train().excToInhEvents() / (double)Math.max(1, r.train().images()));
        s.put("train_inh_to_exc_per_image", r.train().inhToExcEvents() / (double)Math.max(1, r.train().images()));
        s.put("infer_exc_to_inh_per_image", r.test().excToInhEvents() / (double)Math.max(1, r.test().images()));
        s.put("infer_inh_to_exc_per_image", r.test().inhToExcEvents() / (double)Math.max(1, r.test().images()));
        return s;
    }

    /**
     * The {@code accuracy_test_assigned} object of {@code result.json} and {@code evaluation.json}.
     *
     * @param sameImages labels from all the test responses, the same images classified.
     * @param twoFold    labels from one half of the test images, the other half classified, both ways.
     */
    static Map<String, Object> selfAssigned(final double sameImages, final double twoFold)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("note", "labels assigned from the test responses themselves, as Diehl & Cook's demonstration "
            + "evaluation does: optimistic, not the reported accuracy");
        m.put("same_images", sameImages);
        m.put("two_fold", twoFold);
        return m;
    }

    /**
     * Puts {@code key} right after {@code after} (at the end when {@code after} is absent), keeping the order of the
     * other entries.
     */
    static void putAfter(final Map<String, Object> j, final String after, final String key, final Object value)
    {
        final Map<String, Object> copy = new LinkedHashMap<>(j);
        j.clear();
        for (final Map.Entry<String, Object> e : copy.entrySet())
        {
            j.put(e.getKey(), e.getValue());
            if (e.getKey().equals(after))
            {
                j.put(key, value);
            }
        }
        j.putIfAbsent(key, value);
    }

    @SuppressWarnings("unchecked")
    static String shortReport(final Map<String, Object> j)
    {
        final Map<String, Object> sops = (Map<String, Object>)j.get("sops");
        final Map<String, Object> speed = (Map<String, Object>)j.get("images_per_s");
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "accuracy %.2f%%  connectivity %.2f%%  SOPs/image train %.0f infer %.0f%n",
            100 * (double)j.get("accuracy"), 100 * (double)j.get("connectivity"), (double)sops.get("train_per_image"),
            (double)sops.get("infer_per_image")));
        sb.append(String.format(Locale.ROOT, "images/s train %.0f test %.0f  wall %.1f s  digest %s%n",
            (double)speed.get("train"), (double)speed.get("test"), (double)j.get("wall_s"),
            ((String)j.get("digest")).substring(0, 16)));
        final Map<String, Object> b = (Map<String, Object>)j.get("baseline_unpruned");
        if (b != null)
        {
            sb.append(String.format(Locale.ROOT, "unpruned baseline (same seed): accuracy %.2f%%  -> accuracy loss "
                + "%.2f%%, training SOP reduction %.1f%%, inference SOP reduction %.1f%%%n",
                100 * (double)b.get("accuracy"), 100 * (double)b.get("accuracy_loss"),
                100 * (double)b.get("train_sop_reduction"), 100 * (double)b.get("infer_sop_reduction")));
        }
        return sb.toString();
    }

    static String summary(final Map<String, Object> j, final DcTrainer.Result r, final DcTrainer.Result base)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("# spikeprune run: ").append(j.get("profile")).append(", pruning ").append(j.get("pruning"))
            .append("\n\n");
        sb.append("| | value |\n|---|---|\n");
        for (final String k : new String[] {"seed", "train_images", "epochs", "assign_images", "test_images", "cores",
            "threading", "exc_neurons"})
        {
            sb.append("| ").append(k).append(" | ").append(j.get(k)).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "| accuracy (labels from training images) | %.2f%% |%n",
            100 * r.accuracy()));
        sb.append(String.format(Locale.ROOT, "| diagnostic: labels from the test responses (same images / two folds) "
            + "| %.2f%% / %.2f%% |%n", 100 * r.accuracyTestAssigned(), 100 * r.accuracyTestAssigned2Fold()));
        if (j.get("accuracy_template") instanceof Double t)
        {
            sb.append(String.format(Locale.ROOT, "| diagnostic: the input weights as templates, no spikes (nearest by "
                + "cosine, same labels) | %.2f%% |%n", 100 * t));
        }
        sb.append(String.format(Locale.ROOT, "| connectivity | %.2f%% |%n", 100 * r.connectivity()));
        sb.append(String.format(Locale.ROOT, "| training SOPs per image | %.0f |%n", r.train().sopsPerImage(true)));
        sb.append(String.format(Locale.ROOT, "| inference SOPs per image | %.0f |%n", r.test().sopsPerImage(false)));
        sb.append(String.format(Locale.ROOT, "| images/s (train / test) | %.0f / %.0f |%n",
            r.train().imagesPerSecond(), r.test().imagesPerSecond()));
        sb.append("| digest | `").append(r.digest()).append("` |\n");
        if (base != null)
        {
            sb.append("\n## Against the unpruned run of the same seed\n\n| | pruned | unpruned |\n|---|---|---|\n");
            sb.append(String.format(Locale.ROOT, "| accuracy | %.2f%% | %.2f%% |%n", 100 * r.accuracy(),
                100 * base.accuracy()));
            sb.append(String.format(Locale.ROOT, "| training SOPs/image | %.0f | %.0f |%n",
                r.train().sopsPerImage(true), base.train().sopsPerImage(true)));
            sb.append(String.format(Locale.ROOT, "| inference SOPs/image | %.0f | %.0f |%n",
                r.test().sopsPerImage(false), base.test().sopsPerImage(false)));
        }
        if (!r.steps().isEmpty())
        {
            sb.append("\n## Pruning steps\n\n| step | images | connectivity | pruned | threshold min / mean / max |\n"
                + "|---|---|---|---|---|\n");
            for (final DcTrainer.PruneStep s : r.steps())
            {
                sb.append(String.format(Locale.ROOT, "| %d | %d | %.2f%% | %d | %.4f / %.4f / %.4f |%n", s.step(),
                    s.images(), 100 * s.connectivity(), s.pruned(), s.thresholdMin(), s.thresholdMean(),
                    s.thresholdMax()));
            }
        }
        if (!r.dynamics().isEmpty())
        {
            sb.append("\n## Learning dynamics (paper A Fig. 2)\n\nEvery ").append(r.dynamics().get(0).batchImages())
                .append(" training images: spikes per neuron in the batch (mean ± sd over the neurons), neurons that "
                + "did not fire, and the change of the input weights over the batch.\n\n"
                + "| images | spikes per neuron | silent neurons | presentations per image | mean Δw | variance of Δw "
                + "| mean weight | mean θ (mV) | running accuracy |\n|---|---|---|---|---|---|---|---|---|\n");
            for (final LearningDynamics.Point q : r.dynamics())
            {
                sb.append(String.format(Locale.ROOT, "| %d | %.1f ± %.1f | %d | %.3f | %.3g | %.3g | %.4f | %.2f | %s |%n",
                    q.images(), q.spikesMean(), q.spikesSd(), q.silentNeurons(),
                    q.presentations() / (double)q.batchImages(), q.dwMean(), q.dwVariance(), q.weightMean(),
                    q.thetaMean(), Double.isNaN(q.trainingAccuracy()) ? "–"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * q.trainingAccuracy())));
            }
        }
        sb.append("\nWeight maps: `weights.png` (one 28x28 tile per excitatory neuron).\n");
        return sb.toString();
    }

    /**
     * The monitored batches of a run as JSON-ready maps (NaN as null).
     *
     * @param points the batches.
     * @return one map per batch.
     */
    public static List<Object> dynamics(final List<LearningDynamics.Point> points)
    {
        final List<Object> out = new ArrayList<>();
        for (final LearningDynamics.Point q : points)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("images", q.images());
            m.put("batch_images", q.batchImages());
            m.put("presentations", q.presentations());
            m.put("neurons", q.neurons());
            m.put("spikes_per_neuron_mean", nanToNull(q.spikesMean()));
            m.put("spikes_per_neuron_sd", nanToNull(q.spikesSd()));
            m.put("spikes_per_neuron_min", q.spikesMin());
            m.put("spikes_per_neuron_max", q.spikesMax());
            m.put("silent_neurons", q.silentNeurons());
            m.put("synapses", q.synapses());
            m.put("dw_mean", nanToNull(q.dwMean()));
            m.put("dw_variance", nanToNull(q.dwVariance()));
            m.put("dw_mean_abs", nanToNull(q.dwMeanAbs()));
            m.put("weight_mean", nanToNull(q.weightMean()));
            m.put("theta_mean_mv", nanToNull(q.thetaMean()));
            m.put("training_accuracy", nanToNull(q.trainingAccuracy()));
            out.add(m);
        }
        return out;
    }
}
