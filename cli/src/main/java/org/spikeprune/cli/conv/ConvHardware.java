package org.spikeprune.cli.conv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spikeprune.fpga.HardwareEstimate;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.timing.PhaseTiming;

/** The hardware figures of a convolutional run timed on a preset ({@code --hw}): JSON and summary lines. */
final class ConvHardware
{
    /** The recorded activity, in the run's output folder. */
    static final String ACTIVITY_FILE = "activity.bin";

    private ConvHardware()
    {
    }

    /**
     * The {@code hw} object of {@code result.json}: the preset, {@code cycles.train_per_image},
     * {@code cycles.infer_per_image}, {@code energy_pj.train_per_image}, {@code energy_pj.infer_per_image},
     * {@code us.train_per_image} and {@code us.infer_per_image} at the preset's clock, and per phase and layer the
     * cycles, SOPs, STDP updates and Decrement Track writes per image.
     *
     * @param preset   the preset name or file as given.
     * @param estimate the run timed on it.
     * @param shape    the network (layer names).
     * @return the object (ordered).
     */
    static Map<String, Object> json(final String preset, final HardwareEstimate estimate, final NetworkShape shape)
    {
        final Map<String, Object> hw = org.spikeprune.cli.ResultJson.hw(preset, estimate);
        final Map<String, Object> us = new LinkedHashMap<>();
        us.put("train_per_image", finite(estimate.timing().learning().microsecondsPerImage()));
        us.put("infer_per_image", finite(estimate.timing().inference().microsecondsPerImage()));
        hw.put("us", us);
        for (int phase = 0; phase < 2; phase++)
        {
            final PhaseTiming p = estimate.timing().phase(phase);
            final double n = p.images();
            final List<Map<String, Object>> layers = new ArrayList<>();
            for (int l = 0; l < p.layers(); l++)
            {
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("layer", l < shape.layers().size() ? shape.layers().get(l).name() : Integer.toString(l));
                m.put("cycles_per_image", finite(p.layerCycles(l) / n));
                m.put("sops_per_image", finite(p.layerSynapticOps(l) / n));
                m.put("spikes_in_per_image", finite(p.layerSpikesIn(l) / n));
                m.put("spikes_out_per_image", finite(p.layerSpikesOut(l) / n));
                m.put("stdp_updates_per_image", finite(p.layerStdpUpdates(l) / n));
                m.put("decrement_writes_per_image", finite(p.layerDecrements(l) / n));
                m.put("energy_pj_per_image", finite(p.layerEnergyPj(l) / n));
                layers.add(m);
            }
            hw.put(ActivityLog.PHASE_NAMES[phase] + "_layers", layers);
        }
        final Map<String, Object> prune = new LinkedHashMap<>();
        prune.put("passes", estimate.timing().learning().prunePasses());
        prune.put("evaluations", estimate.timing().learning().pruneEvaluations());
        prune.put("cycles_per_train_image", finite(estimate.timing().learning().pruneCyclesPerImage()));
        hw.put("prune_unit", prune);
        return hw;
    }

    /**
     * Summary lines (Markdown list items) of the estimate.
     *
     * @param preset   the preset name or file as given.
     * @param estimate the run timed on it.
     * @return the lines, each ending in a newline.
     */
    static String summary(final String preset, final HardwareEstimate estimate)
    {
        return summary(preset, estimate, true);
    }

    /**
     * Summary lines of the estimate, naming the activity file only when it was written.
     *
     * @param preset   the preset name or file as given.
     * @param estimate the run timed on it.
     * @param written  true when the activity was written to its file.
     * @return the lines, each ending in a newline.
     */
    static String summary(final String preset, final HardwareEstimate estimate, final boolean written)
    {
        final PhaseTiming l = estimate.timing().learning();
        final PhaseTiming i = estimate.timing().inference();
        final String learning = Double.isFinite(l.cyclesPerImage())
            ? String.format(Locale.ROOT, "learning %.0f cycles (%.1f µs, %.2f µJ) per image, of which Prune unit %.0f; ",
                l.cyclesPerImage(), l.microsecondsPerImage(), l.energyPjPerImage() / 1e6, l.pruneCyclesPerImage())
            : "no learning; ";
        return String.format(Locale.ROOT, "- hardware %s (%d PEs, %s MHz): %sinference %.0f cycles (%.1f µs, %.2f µJ) "
            + "per image%s%n", preset, estimate.config().processingElements(), estimate.config().clockMhz(),
            learning, i.cyclesPerImage(), i.microsecondsPerImage(), i.energyPjPerImage() / 1e6,
            written ? "; activity in " + ACTIVITY_FILE : "");
    }

    private static Object finite(final double v)
    {
        return Double.isFinite(v) ? v : null;
    }
}
