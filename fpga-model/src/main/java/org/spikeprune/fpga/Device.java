package org.spikeprune.fpga;

/**
 * The capacity of the target FPGA.
 *
 * @param name   part name.
 * @param luts   6-input look-up tables.
 * @param ffs    flip-flops.
 * @param bram36 36 Kb block RAM tiles (each is two 18 Kb block RAMs).
 * @param dsps   DSP48 slices.
 */
public record Device(String name, int luts, int ffs, int bram36, int dsps)
{
    /** Bits of one 18 Kb block RAM. */
    public static final int BRAM18_BITS = 18 * 1024;

    /** @return 18 Kb block RAMs of the device. */
    public int bram18()
    {
        return 2 * bram36;
    }
}
