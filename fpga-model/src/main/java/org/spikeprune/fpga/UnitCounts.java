package org.spikeprune.fpga;

/**
 * How many of each replicated datapath element the design has (besides its processing elements).
 *
 * @param stdpUnits          STDP units working in parallel on different weight banks, at least 1.
 * @param pruneLanes         connections the Prune unit evaluates in parallel, at least 1.
 * @param neuronMultipliers  multipliers (DSP slices) per PE for the neuron model: 0 for integrate-and-fire
 *                           (paper B), 3 for the conductance LIF of paper A (v·g products and decay).
 * @param stdpMultipliers    multipliers per STDP unit: 2 for a·w·(1−w) (paper B) or μ·x·y (paper A).
 * @param pruneGroups        paper A: neuron groups the Prune unit provides for (20 in Table 4).
 */
public record UnitCounts(int stdpUnits, int pruneLanes, int neuronMultipliers, int stdpMultipliers, int pruneGroups)
{
}
