package org.spikeprune.fpga.resources;

import java.util.ArrayList;
import java.util.List;

import org.spikeprune.fpga.BitWidths;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.MemoryConfig;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.PruneScheme;

/**
 * LUT / FF / BRAM / DSP and NAND-equivalent estimates of each unit of the core for a network, from the
 * primitives each unit needs (costs in {@link GateCosts}). Per unit, with a = address bits:
 *
 * <pre>
 *  Controller            FSM (60 LUT, 30 FF); spike counter (a_spike); row-pointer adder (a_weight);
 *                        spike + row registers
 *  Processing element ×N input FIFO (fifoDepth × a_spike); accumulate adder and threshold comparator
 *                        (potential bits); pipeline registers (weight + 2 potential + a_partition bits);
 *                        neuron address counter; neuron-model multipliers (potential × potential); FSM (20, 10)
 *  Weight memory         plastic weights × (weight bits [+1 pruned flag]) in its banks and ports
 *  Potential memory      potentials held at once × potential bits
 *  Spike memory          (inputs + neurons) × spike bits
 *  STDP unit ×U          multipliers (weight × 18-bit rate); 2 adders and 2 clamp comparators (weight bits);
 *                        registers (4 weights + a_weight); FSM (40, 20)
 *  pruning, paper B      Decrement Track memory (plastic weights × decrement bits); decrement adder and
 *                        register in the STDP unit; Prune unit: per lane 2 multipliers (α·w, d·t_post), a
 *                        comparator, registers; scan counter; FSM (40, 20); the pruned-flag bit's share of
 *                        Weight memory
 *  pruning, paper A      Prune unit: 4 adders (boundary, group threshold, time adaptation, row address) and
 *                        5 comparators (spike-count bits: min, max, boundary, weight-vs-threshold, clamp),
 *                        a register file of G × (threshold + a_neuron) bits, scan counter, FSM; spike-count
 *                        and threshold memories (one single-port BRAM each at least); a spike-count
 *                        incrementer; the pruned-flag bit's share of Weight memory
 * </pre>
 * The FSM allowances are model choices (a small state machine and its multiplexers), not measurements.
 */
public final class ResourceModel
{
    private static final int RATE_BITS = 18;
    private static final int ALPHA_BITS = 16;

    private ResourceModel()
    {
    }

    /**
     * Estimates the resources of a configured core holding a network.
     *
     * @param config the hardware.
     * @param shape  the network.
     * @return per-unit estimates.
     */
    public static ResourceEstimate estimate(final HardwareConfig config, final NetworkShape shape)
    {
        final BitWidths bits = config.bits();
        final int pes = config.processingElements();
        final long neurons = shape.neurons();
        final long weights = Math.max(1, shape.weights());
        final int aSpike = addressBits(shape.inputs() + neurons);
        final int aWeight = addressBits(weights);
        final int aPartition = addressBits(ceilDiv(shape.potentialNeurons(), pes));
        final List<UnitResources> units = new ArrayList<>();

        units.add(new LogicTally().control(60, 30).counter(aSpike).adder(aWeight).register(aSpike + aWeight)
            .toUnit("Controller", 1, false));

        final LogicTally pe = new LogicTally().fifo(config.fifoDepth(), aSpike).adder(bits.potential())
            .comparator(bits.potential()).register(bits.weight() + 2L * bits.potential() + aPartition)
            .counter(aPartition).control(20, 10);
        for (int m = 0; m < config.units().neuronMultipliers(); m++)
        {
            pe.multiplier(bits.potential(), bits.potential());
        }
        units.add(pe.toUnit("Processing element", pes, false));

        final MemoryConfig wm = config.weightMemory();
        final long plain = BlockRam.bram18(shape.weights(), bits.weight(), wm.ports(), wm.banks(pes));
        final long flagged = BlockRam.bram18(shape.weights(), config.weightEntryBits(), wm.ports(), wm.banks(pes));
        units.add(new UnitResources("Weight memory", 1, false, 0, 0, 0, 0, 0, 0, plain, 0, 0));
        final MemoryConfig pm = config.potentialMemory();
        units.add(new UnitResources("Potential memory", 1, false, 0, 0, 0, 0, 0, 0,
            BlockRam.bram18(shape.potentialNeurons(), bits.potential(), pm.ports(), pm.banks(pes)), 0, 0));
        final MemoryConfig sm = config.spikeMemory();
        units.add(new UnitResources("Spike memory", 1, false, 0, 0, 0, 0, 0, 0,
            BlockRam.bram18(shape.inputs() + neurons, bits.spike(), sm.ports(), sm.banks(pes)), 0, 0));

        final LogicTally stdp = new LogicTally().adder(bits.weight()).adder(bits.weight())
            .comparator(bits.weight()).comparator(bits.weight()).register(4L * bits.weight() + aWeight)
            .control(40, 20);
        for (int m = 0; m < config.units().stdpMultipliers(); m++)
        {
            stdp.multiplier(bits.weight(), RATE_BITS);
        }
        units.add(stdp.toUnit("STDP unit", config.units().stdpUnits(), false));

        if (config.pruneScheme() != PruneScheme.NONE)
        {
            units.add(new UnitResources("Pruned flags (Weight memory)", 1, true, 0, 0, 0, 0, 0, 0, flagged - plain,
                0, 0));
        }
        if (config.pruneScheme() == PruneScheme.DECREMENT)
        {
            final MemoryConfig dm = config.decrementMemory();
            units.add(new UnitResources("Decrement Track memory", 1, true, 0, 0, 0, 0, 0, 0,
                BlockRam.bram18(shape.plasticWeights(), bits.decrement(), dm.ports(), dm.banks(pes)), 0, 0));
            units.add(new LogicTally().adder(bits.decrement()).register(bits.decrement())
                .toUnit("Decrement logic (STDP unit)", config.units().stdpUnits(), true));
            units.add(decrementPruneUnit(config, aWeight));
        }
        else if (config.pruneScheme() == PruneScheme.ADAPTIVE)
        {
            units.add(adaptivePruneUnit(config, shape.prunedNeurons(), shape.plasticWeights()));
            units.add(new LogicTally().adder(bits.spikeCount()).toUnit("Spike-count incrementer", 1, true));
        }
        return new ResourceEstimate(config, shape, units);
    }

    /**
     * Paper A's Prune unit (Guo et al. 2020 Table 5): adders and comparators of spike-count width, a register
     * file of per-group boundaries/thresholds, the spike-count and threshold memories.
     *
     * @param config  the hardware (bit widths, groups).
     * @param neurons neurons grouped.
     * @param weights weights scanned.
     * @return the unit.
     */
    public static UnitResources adaptivePruneUnit(final HardwareConfig config, final long neurons,
        final long weights)
    {
        final BitWidths bits = config.bits();
        final int groups = config.units().pruneGroups();
        final LogicTally t = new LogicTally();
        // boundary accumulation (S + SI), group threshold by shift and add, time adaptation of the base threshold
        // by shift and add, weight row address (neuron × inputs).
        for (int i = 0; i < 4; i++)
        {
            t.adder(bits.spikeCount());
        }
        // min search, max search, count vs boundary, weight vs threshold, threshold clamp below w_max.
        for (int i = 0; i < 5; i++)
        {
            t.comparator(bits.spikeCount());
        }
        t.register((long) groups * (bits.threshold() + addressBits(neurons)));
        t.counter(addressBits(Math.max(1, weights))).control(40, 20);
        // One port each: paper A assumes no parallelism, so each memory serves one access at a time.
        t.memory(neurons, bits.spikeCount(), 1, 1).memory(neurons, bits.threshold(), 1, 1);
        return t.toUnit("Prune unit", 1, true);
    }

    private static UnitResources decrementPruneUnit(final HardwareConfig config, final int aWeight)
    {
        final BitWidths bits = config.bits();
        final int lanes = config.units().pruneLanes();
        final LogicTally lane = new LogicTally().multiplier(ALPHA_BITS, bits.weight())
            .multiplier(bits.decrement() + 4, bits.decrement() + 4)
            .comparator(bits.decrement() + bits.weight()).register(bits.weight() + bits.decrement() + ALPHA_BITS);
        final UnitResources l = lane.toUnit("lane", lanes, true);
        final UnitResources shared = new LogicTally().counter(aWeight).register(ALPHA_BITS).control(40, 20)
            .toUnit("shared", 1, true);
        return new UnitResources("Prune unit", lanes, true, l.adders() + shared.adders(),
            l.comparators() + shared.comparators(), l.registerBits() + shared.registerBits(),
            l.multipliers() + shared.multipliers(), l.luts() + shared.luts(), l.ffs() + shared.ffs(),
            l.bram18() + shared.bram18(), l.dsps() + shared.dsps(), l.nandGates() + shared.nandGates());
    }

    /**
     * Address bits for {@code n} entries.
     *
     * @param n entries.
     * @return ceil(log2 n), at least 1.
     */
    public static int addressBits(final long n)
    {
        return n <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    private static long ceilDiv(final long a, final long b)
    {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
