package org.spikeprune.fpga.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spikeprune.core.InputException;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.PruneScheme;
import org.spikeprune.fpga.UnitCounts;
import org.spikeprune.fpga.prune.PruneCost;
import org.spikeprune.fpga.prune.PruneUnitModel;
import org.spikeprune.fpga.prune.PruningOverhead;
import org.spikeprune.fpga.resources.GateCosts;
import org.spikeprune.fpga.resources.ResourceEstimate;
import org.spikeprune.fpga.resources.ResourceModel;
import org.spikeprune.fpga.resources.UnitResources;

/**
 * Paper A's overhead analysis (Guo et al. 2020 §4, Tables 4 and 5 and the energy comparison) computed from the
 * Prune unit and resource models for a network of {@code neurons} excitatory neurons and 784 inputs.
 *
 * @param config       the hardware (paper A's Prune unit, the requested groups).
 * @param neurons      excitatory neurons.
 * @param step         the cost of one pruning step.
 * @param overhead     the step's average over the run's images.
 * @param batch        images per pruning step.
 * @param pruneUnit    the Prune unit's resources.
 * @param snn          the rest of the core (the SNN) for the same network.
 * @param sopsPerImage training synaptic operations per image for the energy comparison.
 */
public record PaperAOverhead(
    HardwareConfig config, int neurons, PruneCost step, PruningOverhead overhead, long batch,
    UnitResources pruneUnit, ResourceEstimate.Totals snn, double sopsPerImage)
{
    /** Inputs of paper A's network (28 × 28 pixels). */
    public static final int INPUTS = 784;

    /**
     * Computes the analysis.
     *
     * @param base         the hardware; its Prune unit becomes paper A's with {@code groups} groups.
     * @param neurons      excitatory neurons, at least 1.
     * @param groups       neuron groups, at least 1.
     * @param batch        images per pruning step, at least 1.
     * @param images       training images, at least 1.
     * @param start        image count of the first step, at least 0.
     * @param sopsPerImage training SOPs per image for the energy comparison (paper A: 96,099).
     * @return the analysis.
     */
    public static PaperAOverhead compute(final HardwareConfig base, final int neurons, final int groups,
        final long batch, final long images, final long start, final double sopsPerImage)
    {
        positive("--neurons", neurons);
        positive("--groups", groups);
        positive("--batch", batch);
        positive("--images", images);
        if (start < 0)
        {
            throw new InputException("--start must be >= 0, found " + start);
        }
        final UnitCounts u = base.units();
        final HardwareConfig config = base.withPruneScheme(PruneScheme.ADAPTIVE).withUnits(new UnitCounts(
            u.stdpUnits(), u.pruneLanes(), u.neuronMultipliers(), u.stdpMultipliers(), groups));
        final long weights = (long) INPUTS * neurons;
        final PruneCost step = new PruneUnitModel(config).adaptive(neurons, weights, 0, groups);
        final ResourceEstimate estimate = ResourceModel.estimate(config, NetworkShape.paperA(neurons));
        return new PaperAOverhead(config, neurons, step, PruningOverhead.of(step, images, start, batch), batch,
            ResourceModel.adaptivePruneUnit(config, neurons, weights), estimate.baseline(), sopsPerImage);
    }

    /** @return Prune unit energy per training image in pJ (every operation at {@code energy.pruneOpPj}). */
    public double pruneEnergyPjPerImage()
    {
        return overhead.opsPerImage() * config.energy().pruneOpPj();
    }

    /** @return SOP energy per training image in pJ ({@code sopsPerImage × energy.sopPj}). */
    public double sopEnergyPjPerImage()
    {
        return sopsPerImage * config.energy().sopPj();
    }

    /**
     * The figures of Table 4 in the keys of {@code spikeprune hw overhead --json}: {@code cycles.grouping},
     * {@code cycles.adapting}, {@code cycles.pruning}, {@code ops.grouping}, {@code ops.adapting},
     * {@code ops.pruning}, {@code cycles_per_image} and {@code ops_per_image} (rounded to whole numbers as in
     * Table 4), then their unrounded values, the steps, Table 5 and the energy comparison.
     *
     * @return keys and values in a stable order.
     */
    public Map<String, Object> toMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycles.grouping", step.groupingCycles());
        m.put("cycles.adapting", step.adaptingCycles());
        m.put("cycles.pruning", step.pruningCycles());
        m.put("ops.grouping", step.groupingOps());
        m.put("ops.adapting", step.adaptingOps());
        m.put("ops.pruning", step.pruningOps());
        m.put("cycles_per_image", Math.round(overhead.cyclesPerImage()));
        m.put("ops_per_image", Math.round(overhead.opsPerImage()));
        m.put("cycles_per_image_exact", overhead.cyclesPerImage());
        m.put("ops_per_image_exact", overhead.opsPerImage());
        m.put("neurons", neurons);
        m.put("groups", config.units().pruneGroups());
        m.put("batch", batch);
        m.put("images", overhead.images());
        m.put("steps", overhead.steps());
        m.put("table5.adders", pruneUnit.adders());
        m.put("table5.comparators", pruneUnit.comparators());
        m.put("table5.register_bits", pruneUnit.registerBits());
        m.put("table5.nand", pruneUnit.nandGates());
        m.put("table5.bram18", pruneUnit.bram18());
        m.put("table5.snn_nand", snn.nand());
        m.put("table5.snn_bram18", snn.bram18());
        m.put("energy.prune_pj_per_image", pruneEnergyPjPerImage());
        m.put("energy.sop_pj_per_image", sopEnergyPjPerImage());
        m.put("energy.prune_share", pruneEnergyPjPerImage() / sopEnergyPjPerImage());
        return m;
    }

    /**
     * Table 5 and the energy comparison beside paper A's numbers, with the reasons for each difference.
     *
     * @return the rows.
     */
    public List<Comparison> table5()
    {
        final List<Comparison> rows = new ArrayList<>();
        final boolean paperNetwork = neurons == 100;
        final double nan = Double.NaN;
        rows.add(new Comparison("Prune unit Sub/Add (16-bit)", pruneUnit.adders(), PaperFigures.A_ADDERS, false,
            "boundary, group threshold, time adaptation, row address"));
        rows.add(new Comparison("Prune unit comparators (16-bit)", pruneUnit.comparators(),
            PaperFigures.A_COMPARATORS, false, "model: min, max, boundary, weight vs threshold, clamp; [A] does not "
            + "list its 18 (a parallel compare against the group boundaries would account for them)"));
        rows.add(new Comparison("Prune unit register bits", pruneUnit.registerBits(), PaperFigures.A_REGISTERS, false,
            "G x (threshold 24 + neuron address) bits; 20 x (24 + 7) = 620 for 100 neurons"));
        rows.add(new Comparison("Prune unit NAND equivalents", pruneUnit.nandGates(), PaperFigures.A_PRUNE_NAND, false,
            "model counts x GateCosts (+ scan counter and control); [A]'s own counts x GateCosts = "
            + paperCountsNand()));
        rows.add(new Comparison("Prune unit BRAM18", pruneUnit.bram18(), PaperFigures.A_PRUNE_BRAM18, false,
            "spike-count and threshold memories, one block RAM each"));
        rows.add(new Comparison("SNN NAND equivalents", snn.nand(), paperNetwork ? PaperFigures.A_SNN_NAND : nan, false,
            "[A] quotes Guo et al. 2020's per-neuron digital design; this core time-multiplexes "
            + config.processingElements() + " PEs and keeps state in block RAM"));
        rows.add(new Comparison("SNN BRAM18", snn.bram18(), paperNetwork ? PaperFigures.A_SNN_BRAM18 : nan, false,
            config.bits().weight() + "-bit weights in " + config.weightMemory().widthBits()
            + "-bit words; [A] does not give its weight format"));
        rows.add(new Comparison("Prune unit share of NAND", (double) pruneUnit.nandGates() / snn.nand(),
            paperNetwork ? PaperFigures.A_PRUNE_NAND / PaperFigures.A_SNN_NAND : nan, true, "fraction"));
        rows.add(new Comparison("Pruning energy per image (pJ)", pruneEnergyPjPerImage(),
            paperNetwork && batch == 100 ? PaperFigures.A_PRUNE_ENERGY_PJ_PER_IMAGE : nan, false,
            Math.round(overhead.opsPerImage()) + " ops x " + config.energy().pruneOpPj()
            + " pJ; [A]'s 3.4 nJ cannot be reproduced from its own 794 ops x 0.5 pJ = 397 pJ"));
        rows.add(new Comparison("SOP energy per image (pJ)", sopEnergyPjPerImage(),
            paperNetwork ? PaperFigures.A_SOP_ENERGY_PJ_PER_IMAGE : nan, false,
            Math.round(sopsPerImage) + " SOPs x " + config.energy().sopPj() + " pJ"));
        rows.add(new Comparison("Pruning / SOP energy", pruneEnergyPjPerImage() / sopEnergyPjPerImage(),
            paperNetwork && batch == 100 ? PaperFigures.A_PRUNE_ENERGY_SHARE : nan, true, "fraction"));
        return rows;
    }

    /** @return paper A's Table 5 counts priced with this model's gate costs (8,284 by construction). */
    public static long paperCountsNand()
    {
        return PaperFigures.A_ADDERS * 16 * GateCosts.ADDER_GE_PER_BIT
            + PaperFigures.A_COMPARATORS * 16 * GateCosts.COMPARATOR_GE_PER_BIT
            + PaperFigures.A_REGISTERS * GateCosts.REGISTER_GE_PER_BIT;
    }

    private static void positive(final String option, final long value)
    {
        if (value < 1)
        {
            throw new InputException(option + " must be at least 1, found " + value);
        }
    }
}
