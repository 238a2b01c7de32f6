package org.spikeprune.fpga.timing;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.activity.ActivityLog;

/**
 * The timing of a recorded run on a configured core: one {@link PhaseTiming} for learning, one for inference.
 *
 * @param config    the hardware.
 * @param learning  the learning (training) phase, Prune unit passes included.
 * @param inference the inference (testing) phase.
 */
public record RunTiming(HardwareConfig config, PhaseTiming learning, PhaseTiming inference)
{
    /**
     * @param phase {@link ActivityLog#LEARNING} or {@link ActivityLog#INFERENCE}.
     * @return that phase.
     */
    public PhaseTiming phase(final int phase)
    {
        return phase == ActivityLog.LEARNING ? learning : inference;
    }
}
