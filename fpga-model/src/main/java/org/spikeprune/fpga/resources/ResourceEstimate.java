package org.spikeprune.fpga.resources;

import java.util.List;

import org.spikeprune.fpga.Device;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.NetworkShape;

/**
 * Per-unit resource estimates of a configured core for a network, with totals, the pruning logic's share, and
 * whether it fits the device.
 *
 * @param config the hardware.
 * @param shape  the network.
 * @param units  the units.
 */
public record ResourceEstimate(HardwareConfig config, NetworkShape shape, List<UnitResources> units)
{
    /**
     * Totals of a set of units.
     *
     * @param luts   LUTs.
     * @param ffs    flip-flops.
     * @param bram18 18 Kb block RAMs.
     * @param dsps   DSP slices.
     * @param nand   NAND2 gate equivalents.
     */
    public record Totals(long luts, long ffs, long bram18, long dsps, long nand)
    {
    }

    /** Copies the unit list. */
    public ResourceEstimate
    {
        units = List.copyOf(units);
    }

    /** @return totals of the whole design. */
    public Totals total()
    {
        return sum(true, true);
    }

    /** @return totals of the units that exist only for pruning. */
    public Totals pruning()
    {
        return sum(true, false);
    }

    /** @return totals of the design without its pruning units (the non-pruning baseline). */
    public Totals baseline()
    {
        return sum(false, true);
    }

    /**
     * The first resource the design needs more of than the device has.
     *
     * @return a description (what is needed, by which units, and what the device has), or null when it fits.
     */
    public String fitProblem()
    {
        final Totals t = total();
        final Device d = config.device();
        if (t.bram18() > d.bram18())
        {
            final StringBuilder b = new StringBuilder();
            for (final UnitResources u : units)
            {
                if (u.bram18() > 0)
                {
                    b.append(b.length() == 0 ? "" : ", ").append(u.name()).append(' ').append(u.bram18());
                }
            }
            return "memories need " + t.bram18() + " BRAM18 (" + b + "), the device has " + d.bram18();
        }
        if (t.luts() > d.luts())
        {
            return "logic needs " + t.luts() + " LUTs, the device has " + d.luts();
        }
        if (t.ffs() > d.ffs())
        {
            return "logic needs " + t.ffs() + " flip-flops, the device has " + d.ffs();
        }
        if (t.dsps() > d.dsps())
        {
            return "logic needs " + t.dsps() + " DSP slices, the device has " + d.dsps();
        }
        return null;
    }

    /** @return true when the design fits the device. */
    public boolean fits()
    {
        return fitProblem() == null;
    }

    /**
     * The unit with a name.
     *
     * @param name the unit's name.
     * @return the unit, or null.
     */
    public UnitResources unit(final String name)
    {
        for (final UnitResources u : units)
        {
            if (u.name().equals(name))
            {
                return u;
            }
        }
        return null;
    }

    private Totals sum(final boolean pruning, final boolean other)
    {
        long luts = 0;
        long ffs = 0;
        long bram = 0;
        long dsps = 0;
        long nand = 0;
        for (final UnitResources u : units)
        {
            if (u.pruning() ? pruning : other)
            {
                luts += u.luts();
                ffs += u.ffs();
                bram += u.bram18();
                dsps += u.dsps();
                nand += u.nandGates();
            }
        }
        return new Totals(luts, ffs, bram, dsps, nand);
    }
}
