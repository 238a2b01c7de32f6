package org.spikeprune.fpga.resources;

/**
 * The estimated resources of one unit of the design (all its instances together).
 *
 * @param name         the unit, as the papers name it.
 * @param instances    how many copies (PEs, STDP units, lanes).
 * @param pruning      true when the unit exists only for pruning (its share is the pruning overhead).
 * @param adders       adders / subtractors.
 * @param comparators  comparators.
 * @param registerBits datapath register bits (counters and control flip-flops apart).
 * @param multipliers  multipliers.
 * @param luts         LUTs.
 * @param ffs          flip-flops.
 * @param bram18       18 Kb block RAMs.
 * @param dsps         DSP48 slices.
 * @param nandGates    NAND2 gate equivalents of the logic (memories excluded).
 */
public record UnitResources(
    String name, int instances, boolean pruning, long adders, long comparators, long registerBits,
    long multipliers, long luts, long ffs, long bram18, long dsps, long nandGates)
{
}
