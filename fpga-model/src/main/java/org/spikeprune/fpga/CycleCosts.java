package org.spikeprune.fpga;

/**
 * Clock cycles of the actions of the units, as initiation intervals of pipelined datapaths (a unit with cost
 * 1 accepts a new action every cycle).
 *
 * @param dispatch         Controller cycles per dispatched spike (row look-up and FIFO push), at least 1.
 * @param sop              PE adder cycles per synaptic operation (weight accumulated into a potential).
 * @param neuronUpdate     PE cycles per neuron update at the end of a tick (integration and threshold compare).
 * @param stdpUpdate       STDP unit cycles per weight update.
 * @param pruneEvaluation  Prune unit cycles per connection evaluated, per lane.
 * @param groupScan        paper A grouping: cycles per neuron of the min/max scan of spike counts.
 * @param groupBuild       paper A grouping: cycles per group to derive its boundary and threshold.
 * @param adaptCompare     paper A adapting: cycles per comparison of a neuron's count with a group boundary.
 * @param tickOverhead     cycles of the end-of-tick handshake between Controller and units, per tick and layer.
 */
public record CycleCosts(
    int dispatch, int sop, int neuronUpdate, int stdpUpdate, int pruneEvaluation, int groupScan, int groupBuild,
    int adaptCompare, int tickOverhead)
{
}
