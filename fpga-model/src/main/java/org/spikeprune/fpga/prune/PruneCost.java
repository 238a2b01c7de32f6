package org.spikeprune.fpga.prune;

/**
 * Cycles and operations of one Prune unit pass, by phase (paper A Table 4's rows: grouping, adapting, weight
 * pruning; paper B's pass has only the last), and the memory traffic of the pruning phase.
 *
 * @param groupingCycles   cycles of the grouping phase.
 * @param adaptingCycles   cycles of the adapting phase.
 * @param pruningCycles    cycles of the pass over the weights.
 * @param groupingOps      operations (adds, compares, memory accesses) of the grouping phase.
 * @param adaptingOps      operations of the adapting phase.
 * @param pruningOps       operations of the pass over the weights.
 * @param weightReads      Weight memory word reads of the pass.
 * @param weightWrites     Weight memory word writes of the pass (pruned weights set to 0 and flagged).
 * @param decrementAccesses Decrement Track reads and resets of the pass (paper B).
 */
public record PruneCost(
    long groupingCycles, long adaptingCycles, long pruningCycles, long groupingOps, long adaptingOps,
    long pruningOps, long weightReads, long weightWrites, long decrementAccesses)
{
    /** No pass. */
    public static final PruneCost ZERO = new PruneCost(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** @return cycles of the whole pass. */
    public long cycles()
    {
        return groupingCycles + adaptingCycles + pruningCycles;
    }

    /** @return operations of the whole pass. */
    public long ops()
    {
        return groupingOps + adaptingOps + pruningOps;
    }

    /**
     * @param other another pass.
     * @return the sum of the two.
     */
    public PruneCost plus(final PruneCost other)
    {
        return new PruneCost(groupingCycles + other.groupingCycles, adaptingCycles + other.adaptingCycles,
            pruningCycles + other.pruningCycles, groupingOps + other.groupingOps, adaptingOps + other.adaptingOps,
            pruningOps + other.pruningOps, weightReads + other.weightReads, weightWrites + other.weightWrites,
            decrementAccesses + other.decrementAccesses);
    }
}
