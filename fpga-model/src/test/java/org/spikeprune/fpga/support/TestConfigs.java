package org.spikeprune.fpga.support;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.MemoryConfig;
import org.spikeprune.fpga.MemorySharing;
import org.spikeprune.fpga.PruneScheme;

/** Configurations whose cycle counts are easy to compute by hand. */
public final class TestConfigs
{
    private TestConfigs()
    {
    }

    /**
     * The zedboard preset simplified: no pruning hardware (8-bit weight entries), one 8-bit weight per
     * single-port word, two-port Potential memory, read latencies 1, every action one cycle, FIFOs 4 deep.
     * A burst of r ops then issues in r cycles and its last write lands 2 cycles later.
     *
     * @param pes processing elements.
     * @return the configuration.
     */
    public static HardwareConfig simple(final int pes)
    {
        return HardwarePresets.load("zedboard").withName("simple").withPruneScheme(PruneScheme.NONE)
            .withProcessingElements(pes).withFifoDepth(4)
            .withWeightMemory(new MemoryConfig(MemorySharing.PRIVATE, 1, 8, 1))
            .withPotentialMemory(new MemoryConfig(MemorySharing.PRIVATE, 2, 18, 1));
    }
}
