package org.spikeprune.fpga;

/**
 * Energy per action in picojoules, and an optional static power. The sources of the values of each preset are
 * given next to them in the preset files ({@code org/spikeprune/fpga/presets/*.properties}); in short:
 * <ul>
 *   <li>Loihi's minimum energy per synaptic operation, 23.6 pJ (Davies et al. 2018, IEEE Micro, as used by paper A
 *       §4 "energy comparison"), charged as an all-inclusive SOP with memories at 0;</li>
 *   <li>an SRAM access, 0.5 pJ (paper A, citing Yang et al. 2016), which paper A also charges for every pruning
 *       operation;</li>
 *   <li>45 nm arithmetic of Horowitz (ISSCC 2014): 32-bit integer add 0.1 pJ, 32-bit integer multiply 3.1 pJ;
 *       a compare is charged as an add.</li>
 * </ul>
 *
 * @param dispatchPj        Controller, per spike dispatched.
 * @param sopPj             PE datapath, per synaptic operation (the accumulate; memories are charged apart).
 * @param neuronUpdatePj    PE datapath, per neuron update.
 * @param stdpUpdatePj      STDP unit datapath, per weight update.
 * @param weightAccessPj    Weight memory, per word read or written.
 * @param potentialAccessPj Potential memory, per read or write.
 * @param spikeAccessPj     Spike memory, per read or write.
 * @param decrementAccessPj Decrement Track memory, per read or write.
 * @param pruneOpPj         Prune unit, per operation (add, compare or memory access, as paper A counts them).
 * @param staticMw          static power in milliwatts, charged over the run's time; 0 for an operation-count
 *                          estimate as both papers make.
 */
public record EnergyTable(
    double dispatchPj, double sopPj, double neuronUpdatePj, double stdpUpdatePj, double weightAccessPj,
    double potentialAccessPj, double spikeAccessPj, double decrementAccessPj, double pruneOpPj, double staticMw)
{
}
