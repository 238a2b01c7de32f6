package org.spikeprune.fpga;

import java.util.LinkedHashMap;
import java.util.Map;

import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.timing.RunTiming;
import org.spikeprune.fpga.timing.TimingModel;

/**
 * The hardware figures of a training run for its {@code result.json}: cycles and energy per image for learning
 * (training, Prune unit passes included) and inference (testing) on a configured core.
 *
 * <pre>{@code
 * ActivityLog activity = new ActivityLog(NetworkShape.paperA(100));   // attach as the run's ActivitySink
 * ... train and test ...
 * HardwareEstimate hw = HardwareEstimate.of(HardwarePresets.load("zedboard"), activity);
 * hw.toMap();   // cycles.train_per_image, cycles.infer_per_image, energy_pj.train_per_image, energy_pj.infer_per_image
 * }</pre>
 *
 * @param config the hardware.
 * @param timing the run timed on it.
 */
public record HardwareEstimate(HardwareConfig config, RunTiming timing)
{
    /**
     * Times a recorded run.
     *
     * @param config   the hardware.
     * @param activity the run's activity over its training and testing phases.
     * @return the estimate.
     */
    public static HardwareEstimate of(final HardwareConfig config, final ActivityLog activity)
    {
        return new HardwareEstimate(config, new TimingModel(config).time(activity));
    }

    /** @return cycles per training image (NaN when the run had no training image). */
    public double cyclesTrainPerImage()
    {
        return timing.learning().cyclesPerImage();
    }

    /** @return cycles per test image (NaN when the run had no test image). */
    public double cyclesInferPerImage()
    {
        return timing.inference().cyclesPerImage();
    }

    /** @return picojoules per training image (NaN when the run had no training image). */
    public double energyPjTrainPerImage()
    {
        return timing.learning().energyPjPerImage();
    }

    /** @return picojoules per test image (NaN when the run had no test image). */
    public double energyPjInferPerImage()
    {
        return timing.inference().energyPjPerImage();
    }

    /**
     * The four figures under the keys {@code cycles.train_per_image}, {@code cycles.infer_per_image},
     * {@code energy_pj.train_per_image} and {@code energy_pj.infer_per_image}; a figure whose phase had no image
     * is left out.
     *
     * @return keys and values in that order.
     */
    public Map<String, Double> toMap()
    {
        final Map<String, Double> m = new LinkedHashMap<>();
        put(m, "cycles.train_per_image", cyclesTrainPerImage());
        put(m, "cycles.infer_per_image", cyclesInferPerImage());
        put(m, "energy_pj.train_per_image", energyPjTrainPerImage());
        put(m, "energy_pj.infer_per_image", energyPjInferPerImage());
        return m;
    }

    private static void put(final Map<String, Double> m, final String key, final double value)
    {
        if (Double.isFinite(value))
        {
            m.put(key, value);
        }
    }
}
