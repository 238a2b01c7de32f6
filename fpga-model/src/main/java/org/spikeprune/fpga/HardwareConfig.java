package org.spikeprune.fpga;

import java.util.Objects;

import org.spikeprune.core.InputException;
import org.spikeprune.fpga.resources.ResourceEstimate;
import org.spikeprune.fpga.resources.ResourceModel;

/**
 * A configured learning and pruning neuromorphic core (paper B §4, Fig. 5): a Controller, {@code processingElements}
 * PEs fed through FIFOs of {@code fifoDepth} spikes, Potential / Spike / Weight memories, an STDP unit with a
 * Decrement Track memory and a Prune unit, at a clock of {@code clockMhz}.
 *
 * <p>Every field is checked on construction; a bad value raises an {@link InputException} that names the field
 * (in the dotted form used by preset files, e.g. {@code weightMemory.readLatency}), what was expected and what
 * was found. Named presets and files are read by {@link HardwarePresets}.
 *
 * @param name               the preset or file the configuration came from.
 * @param processingElements number of PEs, at least 1.
 * @param clockMhz           clock frequency in MHz, finite and positive.
 * @param fifoDepth          spikes each Controller→PE FIFO holds, at least 1.
 * @param pruneScheme        which pruning hardware is present.
 * @param weightMemory       the Weight memory.
 * @param potentialMemory    the Potential memory.
 * @param spikeMemory        the Spike memory.
 * @param decrementMemory    the Decrement Track memory (used with {@link PruneScheme#DECREMENT}).
 * @param bits               bit widths.
 * @param cycles             per-action cycle costs.
 * @param units              replicated datapath elements.
 * @param energy             per-action energies.
 * @param device             the FPGA the design is placed on.
 */
public record HardwareConfig(
    String name,
    int processingElements,
    double clockMhz,
    int fifoDepth,
    PruneScheme pruneScheme,
    MemoryConfig weightMemory,
    MemoryConfig potentialMemory,
    MemoryConfig spikeMemory,
    MemoryConfig decrementMemory,
    BitWidths bits,
    CycleCosts cycles,
    UnitCounts units,
    EnergyTable energy,
    Device device)
{
    /** Upper bound on sizes that would overflow the cycle arithmetic or make no sense for one core. */
    private static final int MAX_COUNT = 1 << 20;

    /** Validates every field. */
    public HardwareConfig
    {
        Objects.requireNonNull(name, "name");
        final String where = where(name);
        atLeast(where, "processingElements", processingElements, 1);
        positive(where, "clockMhz", clockMhz);
        atLeast(where, "fifoDepth", fifoDepth, 1);
        present(where, "pruneScheme", pruneScheme);
        memory(where, "weightMemory", weightMemory);
        memory(where, "potentialMemory", potentialMemory);
        memory(where, "spikeMemory", spikeMemory);
        memory(where, "decrementMemory", decrementMemory);
        present(where, "bits", bits);
        between(where, "bits.weight", bits.weight(), 1, 64);
        between(where, "bits.potential", bits.potential(), 1, 64);
        between(where, "bits.spike", bits.spike(), 1, 64);
        between(where, "bits.decrement", bits.decrement(), 1, 64);
        between(where, "bits.threshold", bits.threshold(), 1, 64);
        between(where, "bits.spikeCount", bits.spikeCount(), 1, 64);
        present(where, "cycles", cycles);
        atLeast(where, "cycles.dispatch", cycles.dispatch(), 1);
        atLeast(where, "cycles.sop", cycles.sop(), 1);
        atLeast(where, "cycles.neuronUpdate", cycles.neuronUpdate(), 1);
        atLeast(where, "cycles.stdpUpdate", cycles.stdpUpdate(), 1);
        atLeast(where, "cycles.pruneEvaluation", cycles.pruneEvaluation(), 1);
        atLeast(where, "cycles.groupScan", cycles.groupScan(), 0);
        atLeast(where, "cycles.groupBuild", cycles.groupBuild(), 0);
        atLeast(where, "cycles.adaptCompare", cycles.adaptCompare(), 0);
        atLeast(where, "cycles.tickOverhead", cycles.tickOverhead(), 0);
        present(where, "units", units);
        atLeast(where, "units.stdpUnits", units.stdpUnits(), 1);
        atLeast(where, "units.pruneLanes", units.pruneLanes(), 1);
        atLeast(where, "units.neuronMultipliers", units.neuronMultipliers(), 0);
        atLeast(where, "units.stdpMultipliers", units.stdpMultipliers(), 0);
        atLeast(where, "units.pruneGroups", units.pruneGroups(), 1);
        present(where, "energy", energy);
        nonNegative(where, "energy.dispatchPj", energy.dispatchPj());
        nonNegative(where, "energy.sopPj", energy.sopPj());
        nonNegative(where, "energy.neuronUpdatePj", energy.neuronUpdatePj());
        nonNegative(where, "energy.stdpUpdatePj", energy.stdpUpdatePj());
        nonNegative(where, "energy.weightAccessPj", energy.weightAccessPj());
        nonNegative(where, "energy.potentialAccessPj", energy.potentialAccessPj());
        nonNegative(where, "energy.spikeAccessPj", energy.spikeAccessPj());
        nonNegative(where, "energy.decrementAccessPj", energy.decrementAccessPj());
        nonNegative(where, "energy.pruneOpPj", energy.pruneOpPj());
        nonNegative(where, "energy.staticMw", energy.staticMw());
        present(where, "device", device);
        present(where, "device.name", device.name());
        atLeast(where, "device.luts", device.luts(), 1);
        atLeast(where, "device.ffs", device.ffs(), 1);
        atLeast(where, "device.bram36", device.bram36(), 0);
        atLeast(where, "device.dsps", device.dsps(), 0);
    }

    /** @return the clock period in nanoseconds. */
    public double clockPeriodNs()
    {
        return 1000.0 / clockMhz;
    }

    /** @return bits of one stored weight entry: the weight plus a pruned flag when the design prunes. */
    public int weightEntryBits()
    {
        return bits.weight() + (pruneScheme == PruneScheme.NONE ? 0 : 1);
    }

    /** @return weights packed in one Weight memory word. */
    public int weightsPerWord()
    {
        return weightMemory.entriesPerWord(weightEntryBits());
    }

    /**
     * Checks that a network fits this design: its weights, potentials, spikes and decrement counters in the
     * block RAMs, and the logic in the device.
     *
     * @param shape the network.
     * @return the resource estimate, when it fits.
     * @throws InputException naming the memory or resource that does not fit, what it needs and what the device
     *                        has.
     */
    public ResourceEstimate checkFits(final NetworkShape shape)
    {
        final ResourceEstimate estimate = ResourceModel.estimate(this, shape);
        final String problem = estimate.fitProblem();
        if (problem != null)
        {
            throw new InputException("hardware config '" + name + "': network '" + shape.name()
                + "' does not fit the " + device.name() + ": " + problem);
        }
        return estimate;
    }

    /** @return a copy with another name. */
    public HardwareConfig withName(final String name)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with {@code processingElements} PEs. */
    public HardwareConfig withProcessingElements(final int processingElements)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy at another clock. */
    public HardwareConfig withClockMhz(final double clockMhz)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with another FIFO depth. */
    public HardwareConfig withFifoDepth(final int fifoDepth)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with other pruning hardware. */
    public HardwareConfig withPruneScheme(final PruneScheme pruneScheme)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with another Weight memory. */
    public HardwareConfig withWeightMemory(final MemoryConfig weightMemory)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with another Potential memory. */
    public HardwareConfig withPotentialMemory(final MemoryConfig potentialMemory)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with another Spike memory. */
    public HardwareConfig withSpikeMemory(final MemoryConfig spikeMemory)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with other cycle costs. */
    public HardwareConfig withCycles(final CycleCosts cycles)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with other unit counts. */
    public HardwareConfig withUnits(final UnitCounts units)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /** @return a copy with another energy table. */
    public HardwareConfig withEnergy(final EnergyTable energy)
    {
        return new HardwareConfig(name, processingElements, clockMhz, fifoDepth, pruneScheme, weightMemory,
            potentialMemory, spikeMemory, decrementMemory, bits, cycles, units, energy, device);
    }

    /**
     * The start of the message of an invalid field: {@code hardware config 'NAME': }.
     *
     * @param name the configuration's name.
     * @return the prefix.
     */
    static String where(final String name)
    {
        return "hardware config '" + name + "': ";
    }

    private static void memory(final String where, final String field, final MemoryConfig m)
    {
        present(where, field, m);
        present(where, field + ".sharing", m.sharing());
        between(where, field + ".ports", m.ports(), 1, 64);
        between(where, field + ".widthBits", m.widthBits(), 1, 4096);
        between(where, field + ".readLatency", m.readLatency(), 0, 1024);
    }

    private static void present(final String where, final String field, final Object value)
    {
        if (value == null)
        {
            throw new InputException(where + field + " is missing");
        }
    }

    private static void atLeast(final String where, final String field, final int value, final int min)
    {
        between(where, field, value, min, MAX_COUNT);
    }

    private static void between(final String where, final String field, final int value, final int min,
        final int max)
    {
        if (value < min || value > max)
        {
            throw new InputException(where + field + " must be an integer in [" + min + ", " + max + "], found "
                + value);
        }
    }

    private static void positive(final String where, final String field, final double value)
    {
        if (!Double.isFinite(value) || value <= 0)
        {
            throw new InputException(where + field + " must be a finite number > 0, found " + value);
        }
    }

    private static void nonNegative(final String where, final String field, final double value)
    {
        if (!Double.isFinite(value) || value < 0)
        {
            throw new InputException(where + field + " must be a finite number >= 0, found " + value);
        }
    }
}
