package org.spikeprune.fpga.timing;

/** The units of the core (paper B Fig. 5) to which cycles, utilisation and energy are attributed. */
public enum Unit
{
    /** Receives each tick's spikes and dispatches them to the PEs. */
    CONTROLLER("Controller"),
    /** Accumulate synaptic inputs into Potential memory and compare thresholds at the end of a tick. */
    PROCESSING_ELEMENTS("Processing elements"),
    /** Weights (and pruned flags). */
    WEIGHT_MEMORY("Weight memory"),
    /** Membrane potentials. */
    POTENTIAL_MEMORY("Potential memory"),
    /** Spikes (IDs or time stamps). */
    SPIKE_MEMORY("Spike memory"),
    /** Weight updates. */
    STDP_UNIT("STDP unit"),
    /** Per-connection decrement counters (paper B). */
    DECREMENT_TRACK("Decrement Track memory"),
    /** Pruning passes. */
    PRUNE_UNIT("Prune unit"),
    /** Static power over the run's time (0 in an operation-count estimate). */
    STATIC("Static");

    private final String label;

    Unit(final String label)
    {
        this.label = label;
    }

    /** @return the unit's name as the papers write it. */
    public String label()
    {
        return label;
    }
}
