package org.spikeprune.fpga.explore;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.resources.ResourceEstimate;

/**
 * One configuration of a sweep with its figures for a recorded run.
 *
 * @param config               the hardware.
 * @param cyclesTrainPerImage  learning cycles per training image (Prune unit passes included).
 * @param cyclesInferPerImage  inference cycles per test image.
 * @param usTrainPerImage      microseconds per training image at the clock.
 * @param usInferPerImage      microseconds per test image.
 * @param energyTrainPj        picojoules per training image.
 * @param energyInferPj        picojoules per test image.
 * @param controllerStall      Controller cycles lost to full FIFOs over the learning phase.
 * @param conflictStall        PE-cycles lost to memory port conflicts over the learning phase.
 * @param resources            LUT / FF / BRAM / DSP / NAND of the whole design.
 * @param fits                 whether the design fits the device.
 * @param pareto               whether no other fitting point is at least as good in time per training image,
 *                             energy per training image and LUTs, and better in one of them.
 */
public record DesignPoint(
    HardwareConfig config, double cyclesTrainPerImage, double cyclesInferPerImage, double usTrainPerImage,
    double usInferPerImage, double energyTrainPj, double energyInferPj, long controllerStall, long conflictStall,
    ResourceEstimate.Totals resources, boolean fits, boolean pareto)
{
    /** @return a copy with the Pareto flag set. */
    DesignPoint withPareto(final boolean pareto)
    {
        return new DesignPoint(config, cyclesTrainPerImage, cyclesInferPerImage, usTrainPerImage, usInferPerImage,
            energyTrainPj, energyInferPj, controllerStall, conflictStall, resources, fits, pareto);
    }

    /** True when this point is no worse than {@code other} in every objective and better in one. */
    boolean dominates(final DesignPoint other)
    {
        final double[] a = {usTrainPerImage, energyTrainPj, resources.luts()};
        final double[] b = {other.usTrainPerImage, other.energyTrainPj, other.resources.luts()};
        boolean better = false;
        for (int i = 0; i < a.length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }
}
