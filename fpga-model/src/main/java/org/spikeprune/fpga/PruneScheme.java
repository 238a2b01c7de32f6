package org.spikeprune.fpga;

/** Which pruning hardware the design carries. */
public enum PruneScheme
{
    /** No pruning hardware: the non-pruning baseline of paper B's overhead figures. */
    NONE,
    /**
     * Paper A's adaptive-threshold Prune unit (Guo et al. 2020, Algorithm 1 and Tables 4–5): grouping of neurons
     * by spike count, per-group thresholds, a pass over all weights; spike-count and threshold memories.
     */
    ADAPTIVE,
    /**
     * Paper B's Prune unit (Nguyen et al. §3.1 and §4): STDP decrements logged per connection in Decrement Track
     * memory, and every k iterations P = d / w · t_post compared with α for every connection.
     */
    DECREMENT
}
