package org.spikeprune.fpga.explore;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.resources.ResourceEstimate;
import org.spikeprune.fpga.resources.ResourceModel;
import org.spikeprune.fpga.timing.RunTiming;
import org.spikeprune.fpga.timing.TimingModel;

/**
 * Architecture exploration: a grid of configurations around a base (processing elements × clock × Weight memory
 * ports × FIFO depth), each timed on the same recorded run, with the Pareto front over time per training image,
 * energy per training image and LUTs (points that do not fit the device are never on it).
 *
 * @param processingElements PE counts to try.
 * @param clocksMhz          clocks to try.
 * @param weightPorts        Weight memory ports to try.
 * @param fifoDepths         FIFO depths to try.
 */
public record DesignSpace(int[] processingElements, double[] clocksMhz, int[] weightPorts, int[] fifoDepths)
{
    /** The full sweep: 5 × 3 × 2 × 3 = 90 configurations. */
    public static final DesignSpace FULL = new DesignSpace(new int[] {1, 2, 4, 8, 16}, new double[] {50, 100, 200},
        new int[] {1, 2}, new int[] {2, 8, 32});
    /** The quick sweep for CI: 2 × 1 × 2 × 2 = 8 configurations. */
    public static final DesignSpace QUICK = new DesignSpace(new int[] {1, 4}, new double[] {100}, new int[] {1, 2},
        new int[] {2, 16});

    /** The CSV columns of {@link #writeCsv}. */
    public static final String CSV_HEADER = "config,pes,clock_mhz,weight_ports,fifo_depth,cycles_train_per_image,"
        + "cycles_infer_per_image,us_train_per_image,us_infer_per_image,energy_pj_train_per_image,"
        + "energy_pj_infer_per_image,controller_stall_cycles,conflict_stall_cycles,luts,ffs,bram18,dsps,nand,fits,"
        + "pareto";

    /**
     * The configurations of the grid.
     *
     * @param base the configuration the others vary.
     * @return the configurations, PEs varying slowest.
     */
    public List<HardwareConfig> configurations(final HardwareConfig base)
    {
        final List<HardwareConfig> list = new ArrayList<>();
        for (final int pes : processingElements)
        {
            for (final double clock : clocksMhz)
            {
                for (final int ports : weightPorts)
                {
                    for (final int depth : fifoDepths)
                    {
                        final String name = String.format(Locale.ROOT, "%s/pe%d/%sMHz/wp%d/fifo%d", base.name(), pes,
                            number(clock), ports, depth);
                        list.add(base.withName(name).withProcessingElements(pes).withClockMhz(clock)
                            .withWeightMemory(base.weightMemory().withPorts(ports)).withFifoDepth(depth));
                    }
                }
            }
        }
        return list;
    }

    /**
     * Times a run on every configuration of the grid and marks the Pareto front.
     *
     * @param base the configuration the others vary.
     * @param run  the recorded run.
     * @return one point per configuration, in grid order.
     */
    public List<DesignPoint> evaluate(final HardwareConfig base, final ActivityLog run)
    {
        final List<DesignPoint> points = new ArrayList<>();
        for (final HardwareConfig c : configurations(base))
        {
            final RunTiming t = new TimingModel(c).time(run);
            final ResourceEstimate r = ResourceModel.estimate(c, run.shape());
            points.add(new DesignPoint(c, t.learning().cyclesPerImage(), t.inference().cyclesPerImage(),
                t.learning().microsecondsPerImage(), t.inference().microsecondsPerImage(),
                t.learning().energyPjPerImage(), t.inference().energyPjPerImage(), t.learning().controllerStall(),
                t.learning().conflictStall(), r.total(), r.fits(), false));
        }
        if (run.images(ActivityLog.LEARNING) == 0)
        {
            throw new InputException("activity of network '" + run.shape().name() + "' has no learning image: "
                + "the exploration ranks configurations by their time and energy per training image");
        }
        return pareto(points);
    }

    /**
     * Marks the Pareto front: fitting points no other fitting point dominates.
     *
     * @param points the points.
     * @return the same points with {@link DesignPoint#pareto()} set.
     */
    public static List<DesignPoint> pareto(final List<DesignPoint> points)
    {
        final List<DesignPoint> marked = new ArrayList<>(points.size());
        for (final DesignPoint p : points)
        {
            boolean dominated = !p.fits();
            for (final DesignPoint q : points)
            {
                if (dominated)
                {
                    break;
                }
                dominated = q != p && q.fits() && q.dominates(p);
            }
            marked.add(p.withPareto(!dominated));
        }
        return marked;
    }

    /**
     * Writes the points as CSV ({@link #CSV_HEADER}).
     *
     * @param points the points.
     * @param file   the file.
     */
    public static void writeCsv(final List<DesignPoint> points, final Path file)
    {
        SafeFiles.write(file, out ->
        {
            final BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(CSV_HEADER);
            w.write('\n');
            for (final DesignPoint p : points)
            {
                final HardwareConfig c = p.config();
                final ResourceEstimate.Totals r = p.resources();
                w.write(String.format(Locale.ROOT, "%s,%d,%s,%d,%d,%.1f,%.1f,%.3f,%.3f,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,"
                    + "%b,%b%n", c.name(), c.processingElements(), number(c.clockMhz()), c.weightMemory().ports(),
                    c.fifoDepth(), p.cyclesTrainPerImage(), p.cyclesInferPerImage(), p.usTrainPerImage(),
                    p.usInferPerImage(), p.energyTrainPj(), p.energyInferPj(), p.controllerStall(), p.conflictStall(),
                    r.luts(), r.ffs(), r.bram18(), r.dsps(), r.nand(), p.fits(), p.pareto()));
            }
            w.flush();
        });
    }

    private static String number(final double d)
    {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
