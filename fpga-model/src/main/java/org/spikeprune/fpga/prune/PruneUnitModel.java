package org.spikeprune.fpga.prune;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.MemoryConfig;
import org.spikeprune.fpga.PruneScheme;

/**
 * Cycles and operations of the Prune unit, derived from its datapath rather than quoted.
 *
 * <p><b>Paper A's unit</b> ({@link PruneScheme#ADAPTIVE}; Guo et al. 2020 §4, Algorithm 1, Table 4), for N
 * neurons, G groups and E weights, with the paper's upper-limit assumptions (no parallelism in grouping and
 * adapting, one Weight-memory access per weight):
 * <pre>
 *  grouping  scan the N spike counts for their minimum and maximum      N · cycles.groupScan   cycles
 *              per neuron: read the count, compare with min, with max   3 ops
 *            build the G groups from the minimum in SI-wide bins         G · cycles.groupBuild  cycles
 *              per group: boundary += SI (add), boundary vs max (compare),
 *              threshold · a by shift and add (shift, add), clamp below
 *              w_max (compare)                                          5 ops
 *  adapting  place each neuron by comparing its count with the group
 *            boundaries one after another, all G of them in the worst
 *            case                                                       N · G · cycles.adaptCompare cycles
 *              per neuron: ceil(G/2) compares on average (neurons spread
 *              over the groups) + one access to its threshold word      ceil(G/2) + 1 ops
 *  pruning   stream the E weights through one read port, compare each
 *            with its neuron's threshold; a pruned weight's word is
 *            written back with its flag on the second port in the
 *            same cycle (a single-port memory needs a cycle more)       max(reads, compares[, writes]) cycles
 *              per weight: one memory access, one compare               2 ops
 * </pre>
 * With N = 100, G = 20 and E = 784 × 100: 120, 2,000 and 78,400 cycles; 400, 1,100 and 156,800 ops — Table 4.
 *
 * <p><b>Paper B's unit</b> ({@link PruneScheme#DECREMENT}; Nguyen et al. §3.1 and §4): every k iterations, for
 * each of the E connections, read the weight and its Decrement Track word (the t_post-weighted decrement sum),
 * compare d·t_post with α·w (two multiplies, one compare), reset the counter, and write 0 where P &gt; α.
 * Per connection: 2 reads, 2 multiplies, 1 compare, 1 reset = 6 ops, + 1 write if pruned; cycles are set by the
 * slowest of the Weight reads, the Decrement Track read + reset, and the lanes' compares.
 */
public final class PruneUnitModel
{
    /** Grouping ops per neuron: read the count, compare with the running minimum and maximum. */
    public static final int GROUPING_OPS_PER_NEURON = 3;
    /** Grouping ops per group: boundary add, boundary compare, shift and add of the threshold, clamp compare. */
    public static final int GROUPING_OPS_PER_GROUP = 5;
    /** Pruning ops per weight in paper A: a memory access and a compare. */
    public static final int PRUNING_OPS_PER_WEIGHT = 2;
    /** Pruning ops per connection in paper B: two reads, two multiplies, a compare, a counter reset. */
    public static final int DECREMENT_OPS_PER_CONNECTION = 6;

    private final HardwareConfig config;

    /**
     * A model of the Prune unit of a configuration.
     *
     * @param config the hardware.
     */
    public PruneUnitModel(final HardwareConfig config)
    {
        this.config = config;
    }

    /**
     * One pass of the configured Prune unit.
     *
     * @param neurons     neurons grouped (paper A); ignored by paper B's unit.
     * @param evaluations connections (weights) evaluated.
     * @param pruned      connections pruned by the pass.
     * @param groups      groups formed; 0 means the configuration's {@code units.pruneGroups}.
     * @return the cost; {@link PruneCost#ZERO} for a design without pruning hardware.
     */
    public PruneCost pass(final long neurons, final long evaluations, final long pruned, final long groups)
    {
        return switch (config.pruneScheme())
        {
            case NONE -> PruneCost.ZERO;
            case ADAPTIVE -> adaptive(neurons, evaluations, pruned, groups > 0 ? groups : config.units().pruneGroups());
            case DECREMENT -> decrement(evaluations, pruned);
        };
    }

    /**
     * Paper A's unit.
     *
     * @param neurons     neurons N.
     * @param evaluations weights E.
     * @param pruned      weights pruned by the pass.
     * @param groups      groups G.
     * @return the cost.
     */
    public PruneCost adaptive(final long neurons, final long evaluations, final long pruned, final long groups)
    {
        final long groupingCycles = neurons * config.cycles().groupScan() + groups * config.cycles().groupBuild();
        final long groupingOps = neurons * GROUPING_OPS_PER_NEURON + groups * GROUPING_OPS_PER_GROUP;
        final long adaptingCycles = neurons * groups * config.cycles().adaptCompare();
        final long adaptingOps = neurons * ((groups + 1) / 2 + 1);
        final long reads = ceilDiv(evaluations, config.weightsPerWord());
        final long writes = Math.min(pruned, evaluations);
        final long compares = ceilDiv(evaluations * config.cycles().pruneEvaluation(), config.units().pruneLanes());
        final long pruningCycles = Math.max(weightPassCycles(reads, writes), compares);
        return new PruneCost(groupingCycles, adaptingCycles, pruningCycles, groupingOps, adaptingOps,
            PRUNING_OPS_PER_WEIGHT * evaluations, reads, writes, 0);
    }

    /**
     * Paper B's unit.
     *
     * @param evaluations connections E.
     * @param pruned      connections pruned by the pass.
     * @return the cost.
     */
    public PruneCost decrement(final long evaluations, final long pruned)
    {
        final long reads = ceilDiv(evaluations, config.weightsPerWord());
        final long writes = Math.min(pruned, evaluations);
        final MemoryConfig dm = config.decrementMemory();
        final long decrementCycles = ceilDiv(2 * evaluations, dm.ports());
        final long compares = ceilDiv(evaluations * config.cycles().pruneEvaluation(), config.units().pruneLanes());
        final long cycles = Math.max(Math.max(weightPassCycles(reads, writes), decrementCycles), compares);
        return new PruneCost(0, 0, cycles, 0, 0, DECREMENT_OPS_PER_CONNECTION * evaluations + writes, reads, writes,
            2 * evaluations);
    }

    /** Weight memory cycles of a sequential pass: reads on one port, write-backs on the other if there is one. */
    private long weightPassCycles(final long reads, final long writes)
    {
        final int ports = config.weightMemory().ports();
        if (ports >= 2)
        {
            return Math.max(ceilDiv(reads, ports - 1), writes);
        }
        return reads + writes;
    }

    private static long ceilDiv(final long a, final long b)
    {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
