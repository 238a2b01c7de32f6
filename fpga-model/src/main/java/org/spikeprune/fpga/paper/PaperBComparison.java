package org.spikeprune.fpga.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spikeprune.fpga.Device;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.PruneScheme;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.resources.ResourceEstimate;
import org.spikeprune.fpga.resources.ResourceModel;
import org.spikeprune.fpga.timing.PhaseTiming;
import org.spikeprune.fpga.timing.RunTiming;
import org.spikeprune.fpga.timing.TimingModel;

/**
 * Paper B's results (Nguyen et al. abstract, §5.1, §6.2, §6.4) from the model: an unpruned run timed on the core
 * without pruning hardware and a pruned run timed on the core with paper B's Prune unit and Decrement Track
 * memory; speed-ups ({@code t_unpruned / t_pruned}), energy reductions ({@code 1 − E_pruned / E_unpruned}), and
 * the pruning hardware's resource and power overhead, beside 2.1× / 2.83× / 64% / 78.24% and 3.52% LUT/FF, 8.7%
 * BRAM, 11 DSP, 0.56% power.
 *
 * @param unpruned          the unpruned run on the core without pruning hardware.
 * @param pruned            the pruned run on the core with it.
 * @param withPruning       resources of the core with pruning hardware.
 */
public record PaperBComparison(RunTiming unpruned, RunTiming pruned, ResourceEstimate withPruning)
{
    /**
     * Compares two recorded runs on a configuration.
     *
     * @param config         the hardware; the unpruned run is timed with {@link PruneScheme#NONE}, the pruned one
     *                       with {@link PruneScheme#DECREMENT}.
     * @param unprunedRun    the activity of the run without pruning (learning and inference).
     * @param prunedRun      the activity of the run with pruning.
     * @return the comparison.
     */
    public static PaperBComparison compare(final HardwareConfig config, final ActivityLog unprunedRun,
        final ActivityLog prunedRun)
    {
        final HardwareConfig base = config.withPruneScheme(PruneScheme.NONE);
        final HardwareConfig pruning = config.withPruneScheme(PruneScheme.DECREMENT);
        return new PaperBComparison(new TimingModel(base).time(unprunedRun), new TimingModel(pruning).time(prunedRun),
            ResourceModel.estimate(pruning, prunedRun.shape()));
    }

    /** @return learning speed-up, learning cycles per image unpruned / pruned. */
    public double learningSpeedup()
    {
        return unpruned.learning().cyclesPerImage() / pruned.learning().cyclesPerImage();
    }

    /** @return inference speed-up. */
    public double inferenceSpeedup()
    {
        return unpruned.inference().cyclesPerImage() / pruned.inference().cyclesPerImage();
    }

    /** @return learning energy reduction, 1 − E_pruned / E_unpruned per image. */
    public double learningEnergyReduction()
    {
        return 1 - pruned.learning().energyPjPerImage() / unpruned.learning().energyPjPerImage();
    }

    /** @return inference energy reduction. */
    public double inferenceEnergyReduction()
    {
        return 1 - pruned.inference().energyPjPerImage() / unpruned.inference().energyPjPerImage();
    }

    /**
     * Connections the pruned run removed: the Prune unit passes' pruned connections over the network's plastic
     * weights.
     *
     * @param prunedRun the pruned run's activity.
     * @return the fraction, 0 without plastic weights.
     */
    public static double connectionsRemoved(final ActivityLog prunedRun)
    {
        long pruned = 0;
        for (int i = 0; i < prunedRun.pruneRecords(); i++)
        {
            pruned += prunedRun.prunePruned(i);
        }
        final long total = prunedRun.shape().plasticWeights();
        return total == 0 ? 0 : (double) pruned / total;
    }

    /** @return pruning LUTs over the baseline design's LUTs. */
    public double lutOverhead()
    {
        return (double) withPruning.pruning().luts() / withPruning.baseline().luts();
    }

    /** @return pruning flip-flops over the baseline design's. */
    public double ffOverhead()
    {
        return (double) withPruning.pruning().ffs() / withPruning.baseline().ffs();
    }

    /** @return pruning block RAMs over the baseline design's. */
    public double bramOverhead()
    {
        return (double) withPruning.pruning().bram18() / withPruning.baseline().bram18();
    }

    /** @return DSP slices of the pruning hardware. */
    public long pruningDsps()
    {
        return withPruning.pruning().dsps();
    }

    /**
     * The pruning hardware's power over the rest of the core while the pruned run learns: the Prune unit's and
     * Decrement Track memory's dynamic energy over the others', over the same time.
     *
     * @return the fraction.
     */
    public double powerOverhead()
    {
        final PhaseTiming l = pruned.learning();
        final double prune = l.pruningEnergyPj();
        return prune / (l.energyPj() - prune);
    }

    /**
     * The model beside paper B, with the reason for each difference.
     *
     * @return the rows.
     */
    public List<Comparison> rows()
    {
        final List<Comparison> rows = new ArrayList<>();
        final Device device = withPruning.config().device();
        rows.add(new Comparison("Learning speed-up (x)", learningSpeedup(), PaperFigures.B_LEARNING_SPEEDUP, false,
            "learning cycles per image, unpruned / pruned; depends on how early and how much the run prunes"));
        rows.add(new Comparison("Inference speed-up (x)", inferenceSpeedup(), PaperFigures.B_INFERENCE_SPEEDUP, false,
            "inference cycles per image; threshold compares and handshakes do not shrink with pruning"));
        rows.add(new Comparison("Learning energy reduction", learningEnergyReduction(),
            PaperFigures.B_LEARNING_ENERGY_REDUCTION, true, "operation-count energy (energy.* of the preset)"));
        rows.add(new Comparison("Inference energy reduction", inferenceEnergyReduction(),
            PaperFigures.B_INFERENCE_ENERGY_REDUCTION, true, "operation-count energy"));
        rows.add(new Comparison("Pruning LUT overhead", lutOverhead(), PaperFigures.B_LUT_FF_OVERHEAD, true,
            "over the baseline design's LUTs (" + withPruning.baseline().luts() + "); over the device: "
            + percent((double) withPruning.pruning().luts() / device.luts())));
        rows.add(new Comparison("Pruning FF overhead", ffOverhead(), PaperFigures.B_LUT_FF_OVERHEAD, true,
            "over the baseline's flip-flops (" + withPruning.baseline().ffs() + "); over the device: "
            + percent((double) withPruning.pruning().ffs() / device.ffs())));
        rows.add(new Comparison("Pruning BRAM overhead", bramOverhead(), PaperFigures.B_BRAM_OVERHEAD, true,
            "Decrement Track memory and pruned flags over the baseline's " + withPruning.baseline().bram18()
            + " BRAM18; over the device: " + percent((double) withPruning.pruning().bram18() / device.bram18())));
        rows.add(new Comparison("Pruning DSP slices", pruningDsps(), PaperFigures.B_DSPS, false,
            "2 multipliers per Prune unit lane (units.pruneLanes = " + withPruning.config().units().pruneLanes()
            + "); [B] does not describe its datapath"));
        rows.add(new Comparison("Pruning power overhead", powerOverhead(), PaperFigures.B_POWER_OVERHEAD, true,
            "dynamic energy of Prune unit + Decrement Track over the rest while learning; Vivado's figure also "
            + "holds static and clock power, which this model does not"));
        return rows;
    }

    /**
     * The figures under stable keys: speed-ups, reductions and overheads, then per run ({@code unpruned},
     * {@code pruned}) and phase ({@code learning}, {@code inference}) cycles, microseconds and picojoules per
     * image.
     *
     * @return the figures.
     */
    public Map<String, Object> toMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>(ratios());
        for (final String run : new String[] {"unpruned", "pruned"})
        {
            final RunTiming r = run.equals("unpruned") ? unpruned : pruned;
            for (int phase = 0; phase < 2; phase++)
            {
                final PhaseTiming p = r.phase(phase);
                final String k = run + "." + ActivityLog.PHASE_NAMES[phase] + ".";
                m.put(k + "images", p.images());
                m.put(k + "cycles_per_image", p.cyclesPerImage());
                m.put(k + "us_per_image", p.microsecondsPerImage());
                m.put(k + "energy_pj_per_image", p.energyPjPerImage());
            }
        }
        return m;
    }

    /** @return the nine figures set beside paper B's, under stable keys (speed-ups, reductions, overheads). */
    public Map<String, Object> ratios()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("learning_speedup", learningSpeedup());
        m.put("inference_speedup", inferenceSpeedup());
        m.put("learning_energy_reduction", learningEnergyReduction());
        m.put("inference_energy_reduction", inferenceEnergyReduction());
        m.put("lut_overhead", lutOverhead());
        m.put("ff_overhead", ffOverhead());
        m.put("bram_overhead", bramOverhead());
        m.put("pruning_dsps", pruningDsps());
        m.put("power_overhead", powerOverhead());
        return m;
    }

    private static String percent(final double f)
    {
        return String.format(Locale.ROOT, "%.2f%%", 100 * f);
    }
}
