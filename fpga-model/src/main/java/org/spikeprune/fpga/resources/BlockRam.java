package org.spikeprune.fpga.resources;

/** 18 Kb block RAMs needed by a memory, in its best aspect ratio (Xilinx 7-series, UG473). */
public final class BlockRam
{
    private static final int[][] TRUE_DUAL_PORT = {{16384, 1}, {8192, 2}, {4096, 4}, {2048, 9}, {1024, 18}};
    private static final int[][] SINGLE_PORT_WIDE = {{512, 36}};

    private BlockRam()
    {
    }

    /**
     * Block RAMs of one bank.
     *
     * @param words words of the bank.
     * @param width bits per word.
     * @param ports ports needed; a block RAM has two, so more ports replicate the bank.
     * @return 18 Kb block RAMs, 0 for an empty memory.
     */
    public static long bram18(final long words, final int width, final int ports)
    {
        if (words <= 0 || width <= 0)
        {
            return 0;
        }
        long best = Long.MAX_VALUE;
        for (final int[] a : TRUE_DUAL_PORT)
        {
            best = Math.min(best, ceilDiv(words, a[0]) * ceilDiv(width, a[1]));
        }
        if (ports <= 1)
        {
            for (final int[] a : SINGLE_PORT_WIDE)
            {
                best = Math.min(best, ceilDiv(words, a[0]) * ceilDiv(width, a[1]));
            }
        }
        return best * ceilDiv(Math.max(1, ports), 2);
    }

    /**
     * Block RAMs of a memory split into banks.
     *
     * @param words total words.
     * @param width bits per word.
     * @param ports ports per bank.
     * @param banks banks, each holding ceil(words / banks) words.
     * @return 18 Kb block RAMs.
     */
    public static long bram18(final long words, final int width, final int ports, final int banks)
    {
        return bram18(ceilDiv(words, banks), width, ports) * banks;
    }

    static long ceilDiv(final long a, final long b)
    {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
