package org.spikeprune.fpga.resources;

/**
 * What one primitive costs in FPGA resources (Xilinx 7-series) and in NAND2 gate equivalents (GE), the basis of
 * every per-unit estimate.
 *
 * <table>
 *   <caption>Primitive costs</caption>
 *   <tr><th>primitive</th><th>LUT</th><th>FF</th><th>DSP / BRAM</th><th>GE</th><th>basis</th></tr>
 *   <tr><td>n-bit adder / subtractor</td><td>n</td><td>0</td><td>–</td><td>9n</td>
 *       <td>one LUT per bit on the CARRY4 chain; a full adder is 9 NAND2 gates (textbook)</td></tr>
 *   <tr><td>n-bit magnitude comparator</td><td>n</td><td>0</td><td>–</td><td>16n</td>
 *       <td>carry-chain compare, one LUT per bit; 16 GE/bit is the value at which paper A Table 5's counts
 *       (4 adders, 18 comparators, 620 register bits) give its 8,284 NAND total — paper A does not state its
 *       per-gate figures</td></tr>
 *   <tr><td>register bit</td><td>0</td><td>1</td><td>–</td><td>5</td>
 *       <td>a D flip-flop is 4.5–6 GE in standard-cell libraries</td></tr>
 *   <tr><td>n-bit counter</td><td>n</td><td>n</td><td>–</td><td>10n</td><td>register + half adder (5 GE)</td></tr>
 *   <tr><td>a×b multiplier</td><td>0</td><td>0</td><td>ceil(a/25)·ceil(b/18) DSP48E1</td><td>10ab</td>
 *       <td>DSP48E1 has a 25×18 multiplier; an array multiplier is ab AND gates and about ab full adders</td></tr>
 *   <tr><td>FIFO d×w, d ≤ 64</td><td>w·ceil(d/32) + 2·log2 d</td><td>w + 2·log2 d</td><td>–</td><td>5dw</td>
 *       <td>SRLC32E shift-register FIFO, one LUT per bit per 32 entries, plus two pointers</td></tr>
 *   <tr><td>memory of W words × b bits</td><td>–</td><td>–</td><td>BRAM18, best aspect ratio</td><td>–</td>
 *       <td>18 Kb block RAM as 16K×1, 8K×2, 4K×4, 2K×9, 1K×18 (and 512×36 single-port); one copy per two
 *       ports; memories are counted in BRAM, not gates, as in paper A Table 5</td></tr>
 *   <tr><td>control (FSM, muxes)</td><td>given</td><td>given</td><td>–</td><td>4 per LUT, 5 per FF</td>
 *       <td>a per-unit allowance; a LUT6 holds a few gates of random logic</td></tr>
 * </table>
 */
public final class GateCosts
{
    /** GE per adder bit. */
    public static final int ADDER_GE_PER_BIT = 9;
    /** GE per comparator bit. */
    public static final int COMPARATOR_GE_PER_BIT = 16;
    /** GE per register bit. */
    public static final int REGISTER_GE_PER_BIT = 5;
    /** GE per counter bit. */
    public static final int COUNTER_GE_PER_BIT = 10;
    /** GE per multiplier bit product. */
    public static final int MULTIPLIER_GE_PER_BIT_PRODUCT = 10;
    /** GE per control LUT. */
    public static final int CONTROL_GE_PER_LUT = 4;
    /** GE per control flip-flop. */
    public static final int CONTROL_GE_PER_FF = 5;
    /** Deepest FIFO built from shift-register LUTs; deeper ones take block RAM. */
    public static final int MAX_LUT_FIFO_DEPTH = 64;

    private GateCosts()
    {
    }
}
