package org.spikeprune.fpga.paper;

import java.util.List;
import java.util.Locale;

import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.timing.PhaseTiming;
import org.spikeprune.fpga.timing.RunTiming;

/**
 * Paper B's hardware comparison as Markdown: the model's speed-ups, energy reductions and overheads beside paper
 * B's; cycles, latency and energy per image of both runs; and per layer and phase where the cycles go.
 */
public final class PaperBReport
{
    private PaperBReport()
    {
    }

    /**
     * Renders a comparison.
     *
     * @param c           the comparison.
     * @param shape       the network (for the layer names).
     * @param removed     connections the pruned run removed (fraction), NaN when unknown.
     * @param description one line saying where the two runs come from.
     * @return the Markdown text, ending in a newline.
     */
    public static String markdown(final PaperBComparison c, final NetworkShape shape, final double removed,
        final String description)
    {
        final StringBuilder s = new StringBuilder();
        final String board = c.withPruning().config().name();
        s.append("# Paper B hardware comparison on ").append(board).append("\n\n");
        s.append(description).append("\n\n");
        s.append("| | model | paper B | note |\n|---|---|---|---|\n");
        if (Double.isFinite(removed))
        {
            row(s, "Connections removed", percent(removed), percent(PaperFigures.B_CONNECTIVITY_REDUCTION),
                "Prune unit passes of the pruned run over the plastic weights");
        }
        for (final Comparison r : c.rows())
        {
            row(s, r.metric(), r.ratio() ? percent(r.model()) : number(r.model()),
                r.ratio() ? percent(r.paper()) : number(r.paper()), r.note());
        }
        s.append("\nPer image (paper B gives only the ratios above):\n\n");
        s.append("| run | phase | images | cycles / image | latency / image | energy / image | SOPs / image "
            + "| STDP updates / image | Prune unit cycles / image |\n|---|---|---|---|---|---|---|---|---|\n");
        for (final String run : new String[] {"unpruned", "pruned"})
        {
            final RunTiming t = run.equals("unpruned") ? c.unpruned() : c.pruned();
            for (int phase = 0; phase < 2; phase++)
            {
                final PhaseTiming p = t.phase(phase);
                final double n = p.images();
                s.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s µs | %s µJ | %s | %s | %s |%n", run,
                    ActivityLog.PHASE_NAMES[phase], p.images(), number(p.cyclesPerImage()),
                    number(p.microsecondsPerImage()), number(p.energyPjPerImage() / 1e6),
                    number(p.synapticOps() / n), number(p.stdpUpdates() / n), number(p.pruneCyclesPerImage())));
            }
        }
        for (int phase = 0; phase < 2; phase++)
        {
            layers(s, c, shape, phase);
        }
        return s.toString();
    }

    private static void layers(final StringBuilder s, final PaperBComparison c, final NetworkShape shape,
        final int phase)
    {
        final PhaseTiming u = c.unpruned().phase(phase);
        final PhaseTiming p = c.pruned().phase(phase);
        final double nu = u.images();
        final double np = p.images();
        s.append("\n").append(phase == ActivityLog.LEARNING ? "Learning" : "Inference")
            .append(", per layer (per ").append(ActivityLog.PHASE_NAMES[phase])
            .append(" image; a layer's cycles are those of its time steps: accumulate, threshold, STDP, handshake)"
                + ":\n\n");
        s.append("| layer | cycles unpruned | cycles pruned | speed-up | SOPs unpruned | SOPs pruned "
            + "| spikes in / out (pruned) | STDP updates pruned | Decrement Track writes | energy unpruned "
            + "| energy pruned |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        final List<NetworkShape.Layer> names = shape.layers();
        for (int l = 0; l < Math.min(u.layers(), p.layers()); l++)
        {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s nJ | %s nJ |%n",
                l < names.size() ? names.get(l).name() : Integer.toString(l), number(u.layerCycles(l) / nu),
                number(p.layerCycles(l) / np), ratio(u.layerCycles(l) / nu, p.layerCycles(l) / np),
                number(u.layerSynapticOps(l) / nu), number(p.layerSynapticOps(l) / np),
                number(p.layerSpikesIn(l) / np), number(p.layerSpikesOut(l) / np),
                number(p.layerStdpUpdates(l) / np), number(p.layerDecrements(l) / np),
                number(u.layerEnergyPj(l) / nu / 1e3), number(p.layerEnergyPj(l) / np / 1e3)));
        }
        s.append(String.format(Locale.ROOT, "| all | %s | %s | %s | %s | %s | | | | %s nJ | %s nJ |%n",
            number(u.cyclesPerImage()), number(p.cyclesPerImage()), ratio(u.cyclesPerImage(), p.cyclesPerImage()),
            number(u.synapticOps() / nu), number(p.synapticOps() / np), number(u.energyPjPerImage() / 1e3),
            number(p.energyPjPerImage() / 1e3)));
    }

    private static void row(final StringBuilder s, final String metric, final String model, final String paper,
        final String note)
    {
        s.append("| ").append(metric).append(" | ").append(model).append(" | ").append(paper).append(" | ")
            .append(note.replace("|", "/")).append(" |\n");
    }

    private static String ratio(final double a, final double b)
    {
        return b == 0 || !Double.isFinite(a / b) ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static String percent(final double f)
    {
        return Double.isFinite(f) ? String.format(Locale.ROOT, "%.2f%%", 100 * f) : "–";
    }

    static String number(final double v)
    {
        if (!Double.isFinite(v))
        {
            return "–";
        }
        final double a = Math.abs(v);
        if (a != 0 && a < 10 && v != Math.rint(v))
        {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
