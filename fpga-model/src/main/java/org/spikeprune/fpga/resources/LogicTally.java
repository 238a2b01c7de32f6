package org.spikeprune.fpga.resources;

/** Accumulates the primitives of one unit instance and converts them with {@link GateCosts}. */
final class LogicTally
{
    long adders;
    long comparators;
    long registerBits;
    long multipliers;
    long luts;
    long ffs;
    long bram18;
    long dsps;
    long gates;

    LogicTally adder(final int bits)
    {
        adders++;
        luts += bits;
        gates += (long) GateCosts.ADDER_GE_PER_BIT * bits;
        return this;
    }

    LogicTally comparator(final int bits)
    {
        comparators++;
        luts += bits;
        gates += (long) GateCosts.COMPARATOR_GE_PER_BIT * bits;
        return this;
    }

    LogicTally register(final long bits)
    {
        registerBits += bits;
        ffs += bits;
        gates += GateCosts.REGISTER_GE_PER_BIT * bits;
        return this;
    }

    LogicTally counter(final int bits)
    {
        luts += bits;
        ffs += bits;
        gates += (long) GateCosts.COUNTER_GE_PER_BIT * bits;
        return this;
    }

    LogicTally multiplier(final int aBits, final int bBits)
    {
        final int a = Math.max(aBits, bBits);
        final int b = Math.min(aBits, bBits);
        multipliers++;
        dsps += BlockRam.ceilDiv(a, 25) * BlockRam.ceilDiv(b, 18);
        gates += (long) GateCosts.MULTIPLIER_GE_PER_BIT_PRODUCT * a * b;
        return this;
    }

    LogicTally control(final int controlLuts, final int controlFfs)
    {
        luts += controlLuts;
        ffs += controlFfs;
        gates += (long) GateCosts.CONTROL_GE_PER_LUT * controlLuts + (long) GateCosts.CONTROL_GE_PER_FF * controlFfs;
        return this;
    }

    LogicTally fifo(final int depth, final int width)
    {
        if (depth > GateCosts.MAX_LUT_FIFO_DEPTH)
        {
            return memory(depth, width, 2, 1).control(2 * ResourceModel.addressBits(depth),
                2 * ResourceModel.addressBits(depth));
        }
        final int pointers = 2 * ResourceModel.addressBits(depth);
        luts += (long) width * BlockRam.ceilDiv(depth, 32) + pointers;
        ffs += width + pointers;
        gates += (long) GateCosts.REGISTER_GE_PER_BIT * depth * width;
        return this;
    }

    LogicTally memory(final long words, final int width, final int ports, final int banks)
    {
        bram18 += BlockRam.bram18(words, width, ports, banks);
        return this;
    }

    UnitResources toUnit(final String name, final int instances, final boolean pruning)
    {
        return new UnitResources(name, instances, pruning, adders * instances, comparators * instances,
            registerBits * instances, multipliers * instances, luts * instances, ffs * instances, bram18 * instances,
            dsps * instances, gates * instances);
    }
}
