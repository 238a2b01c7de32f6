package org.spikeprune.fpga.timing;

import org.spikeprune.fpga.EnergyTable;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.PruneScheme;

/**
 * Cycles, activity and energy of one phase (learning or inference) of a run on a configured core.
 */
public final class PhaseTiming
{
    private final HardwareConfig config;

    long images;
    long presentations;
    long tickRecords;
    long closedFormTicks;

    long accumulateCycles;
    long thresholdCycles;
    long stdpCycles;
    long overheadCycles;
    long pruneCycles;

    long controllerBusy;
    long controllerStall;
    long peBusy;
    long conflictStall;
    long stdpBusy;

    long weightAccesses;
    long potentialAccesses;
    long spikeAccesses;
    long decrementAccesses;
    long pruneWeightAccesses;
    long pruneDecrementAccesses;

    long spikes;
    long synapticOps;
    long neuronUpdates;
    long stdpUpdates;
    long decrements;
    long spikesOut;
    long prunePasses;
    long pruneEvaluations;
    long prunePruned;
    long pruneOps;

    /** Per layer (index of the network shape's layers): {@link #LAYER_FIELDS} totals. */
    final long[][] layer;
    /** Per layer: dynamic energy of its tick records (Prune unit passes excluded), picojoules. */
    final double[] layerEnergy;

    /** Per-layer field: cycles of the layer's tick records. */
    static final int L_CYCLES = 0;
    /** Per-layer field: tick records. */
    static final int L_TICKS = 1;
    /** Per-layer field: spikes dispatched to the layer. */
    static final int L_SPIKES = 2;
    /** Per-layer field: synaptic operations. */
    static final int L_SOPS = 3;
    /** Per-layer field: neuron updates. */
    static final int L_UPDATES = 4;
    /** Per-layer field: STDP updates. */
    static final int L_STDP = 5;
    /** Per-layer field: Decrement Track writes. */
    static final int L_DECREMENTS = 6;
    /** Per-layer field: spikes out. */
    static final int L_OUT = 7;
    /** Per-layer fields. */
    static final int LAYER_FIELDS = 8;

    PhaseTiming(final HardwareConfig config, final int layers)
    {
        this.config = config;
        this.layer = new long[Math.max(1, layers)][LAYER_FIELDS];
        this.layerEnergy = new double[Math.max(1, layers)];
    }

    /** @return layers the per-layer figures cover (those of the run's network shape). */
    public int layers()
    {
        return layer.length;
    }

    /** @return cycles of layer {@code l}'s tick records (accumulate, threshold, STDP and handshake). */
    public long layerCycles(final int l)
    {
        return layer[l][L_CYCLES];
    }

    /** @return tick records of layer {@code l}. */
    public long layerTickRecords(final int l)
    {
        return layer[l][L_TICKS];
    }

    /** @return spikes the Controller dispatched to layer {@code l}. */
    public long layerSpikesIn(final int l)
    {
        return layer[l][L_SPIKES];
    }

    /** @return synaptic operations into layer {@code l}. */
    public long layerSynapticOps(final int l)
    {
        return layer[l][L_SOPS];
    }

    /** @return neuron updates (threshold compares) of layer {@code l}. */
    public long layerNeuronUpdates(final int l)
    {
        return layer[l][L_UPDATES];
    }

    /** @return STDP updates of layer {@code l}'s weights. */
    public long layerStdpUpdates(final int l)
    {
        return layer[l][L_STDP];
    }

    /** @return Decrement Track writes for layer {@code l}'s weights. */
    public long layerDecrements(final int l)
    {
        return layer[l][L_DECREMENTS];
    }

    /** @return spikes layer {@code l} wrote to Spike memory. */
    public long layerSpikesOut(final int l)
    {
        return layer[l][L_OUT];
    }

    /** @return dynamic energy of layer {@code l}'s tick records in picojoules (Prune unit passes excluded). */
    public double layerEnergyPj(final int l)
    {
        return layerEnergy[l];
    }

    /** @return distinct images of the phase. */
    public long images()
    {
        return images;
    }

    /** @return presentations of the phase (re-presentations included). */
    public long presentations()
    {
        return presentations;
    }

    /** @return tick records (ticks × layers) of the phase. */
    public long tickRecords()
    {
        return tickRecords;
    }

    /** @return tick records timed by the closed form rather than the event simulation. */
    public long closedFormTicks()
    {
        return closedFormTicks;
    }

    /** @return total cycles of the phase, Prune unit passes included. */
    public long cycles()
    {
        return accumulateCycles + thresholdCycles + stdpCycles + overheadCycles + pruneCycles;
    }

    /** @return cycles of the accumulate stage (Controller, FIFOs, PEs). */
    public long accumulateCycles()
    {
        return accumulateCycles;
    }

    /** @return cycles of the end-of-tick threshold stage. */
    public long thresholdCycles()
    {
        return thresholdCycles;
    }

    /** @return cycles of the STDP stage. */
    public long stdpCycles()
    {
        return stdpCycles;
    }

    /** @return cycles of the end-of-tick handshakes. */
    public long overheadCycles()
    {
        return overheadCycles;
    }

    /** @return cycles of the Prune unit passes. */
    public long pruneCycles()
    {
        return pruneCycles;
    }

    /** @return Controller cycles lost to full FIFOs. */
    public long controllerStall()
    {
        return controllerStall;
    }

    /** @return PE-cycles lost waiting for a memory port held by another PE. */
    public long conflictStall()
    {
        return conflictStall;
    }

    /** @return spikes dispatched in the phase (all layers). */
    public long spikes()
    {
        return spikes;
    }

    /** @return neuron updates of the phase. */
    public long neuronUpdates()
    {
        return neuronUpdates;
    }

    /** @return Decrement Track writes of the phase (decrements reported by the run). */
    public long decrements()
    {
        return decrements;
    }

    /** @return spikes written to Spike memory in the phase. */
    public long spikesOut()
    {
        return spikesOut;
    }

    /** @return Prune unit connection evaluations of the phase. */
    public long pruneEvaluations()
    {
        return pruneEvaluations;
    }

    /** @return synaptic operations of the phase. */
    public long synapticOps()
    {
        return synapticOps;
    }

    /** @return STDP updates of the phase. */
    public long stdpUpdates()
    {
        return stdpUpdates;
    }

    /** @return Prune unit passes of the phase. */
    public long prunePasses()
    {
        return prunePasses;
    }

    /** @return Prune unit operations of the phase. */
    public long pruneOps()
    {
        return pruneOps;
    }

    /** @return cycles per distinct image, NaN when the phase has no image. */
    public double cyclesPerImage()
    {
        return images == 0 ? Double.NaN : (double) cycles() / images;
    }

    /** @return Prune unit cycles per distinct image, NaN when the phase has no image. */
    public double pruneCyclesPerImage()
    {
        return images == 0 ? Double.NaN : (double) pruneCycles / images;
    }

    /** @return the phase's time at the configured clock, in seconds. */
    public double seconds()
    {
        return cycles() * config.clockPeriodNs() * 1e-9;
    }

    /** @return microseconds per distinct image at the configured clock, NaN when the phase has no image. */
    public double microsecondsPerImage()
    {
        return cyclesPerImage() * config.clockPeriodNs() * 1e-3;
    }

    /**
     * Energy of one unit over the phase.
     *
     * @param unit the unit.
     * @return picojoules.
     */
    public double energyPj(final Unit unit)
    {
        final EnergyTable e = config.energy();
        return switch (unit)
        {
            case CONTROLLER -> spikes * e.dispatchPj();
            case PROCESSING_ELEMENTS -> synapticOps * e.sopPj() + neuronUpdates * e.neuronUpdatePj();
            case WEIGHT_MEMORY -> weightAccesses * e.weightAccessPj();
            case POTENTIAL_MEMORY -> potentialAccesses * e.potentialAccessPj();
            case SPIKE_MEMORY -> spikeAccesses * e.spikeAccessPj();
            case STDP_UNIT -> stdpUpdates * e.stdpUpdatePj();
            case DECREMENT_TRACK -> decrementAccesses * e.decrementAccessPj();
            case PRUNE_UNIT -> pruneOps * e.pruneOpPj();
            case STATIC -> e.staticMw() * seconds() * 1e9;
        };
    }

    /** @return energy of all units over the phase, in picojoules. */
    public double energyPj()
    {
        double sum = 0;
        for (final Unit u : Unit.values())
        {
            sum += energyPj(u);
        }
        return sum;
    }

    /** @return energy per distinct image in picojoules, NaN when the phase has no image. */
    public double energyPjPerImage()
    {
        return images == 0 ? Double.NaN : energyPj() / images;
    }

    /**
     * Energy of the pruning hardware (Prune unit and Decrement Track memory) over the phase.
     *
     * @return picojoules.
     */
    public double pruningEnergyPj()
    {
        return energyPj(Unit.PRUNE_UNIT) + energyPj(Unit.DECREMENT_TRACK);
    }

    /**
     * Fraction of the phase's cycles a unit was busy: for the PEs and STDP units the mean over the instances,
     * for a memory the fraction of its port-cycles used.
     *
     * @param unit the unit.
     * @return utilisation in [0, 1], 0 for a phase without cycles.
     */
    public double utilisation(final Unit unit)
    {
        final double c = cycles();
        if (c == 0)
        {
            return 0;
        }
        final int pes = config.processingElements();
        return Math.min(1.0, switch (unit)
        {
            case CONTROLLER -> controllerBusy / c;
            case PROCESSING_ELEMENTS -> peBusy / (c * pes);
            case WEIGHT_MEMORY -> (weightAccesses + pruneWeightAccesses)
                / (c * config.weightMemory().ports() * config.weightMemory().banks(pes));
            case POTENTIAL_MEMORY -> potentialAccesses
                / (c * config.potentialMemory().ports() * config.potentialMemory().banks(pes));
            case SPIKE_MEMORY -> spikeAccesses / (c * config.spikeMemory().ports() * config.spikeMemory().banks(pes));
            case STDP_UNIT -> stdpBusy / (c * config.units().stdpUnits());
            case DECREMENT_TRACK -> config.pruneScheme() == PruneScheme.DECREMENT
                ? (decrementAccesses + pruneDecrementAccesses)
                    / (c * config.decrementMemory().ports() * config.decrementMemory().banks(pes))
                : 0;
            case PRUNE_UNIT -> pruneCycles / c;
            case STATIC -> 0;
        });
    }
}
