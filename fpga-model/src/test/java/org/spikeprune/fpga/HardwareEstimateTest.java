package org.spikeprune.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.timing.TimingModel;

/** The four result.json figures. */
class HardwareEstimateTest
{
    @Test
    void shouldGiveTheFourKeysWhenTheRunTrainedAndTested()
    {
        final HardwareConfig config = HardwarePresets.load("zedboard");
        final ActivityLog run = SyntheticActivity.paperA(SyntheticActivity.PaperA.quick(100));
        final Map<String, Double> m = HardwareEstimate.of(config, run).toMap();

        assertEquals(List.of("cycles.train_per_image", "cycles.infer_per_image", "energy_pj.train_per_image",
            "energy_pj.infer_per_image"), List.copyOf(m.keySet()));
        final var t = new TimingModel(config).time(run);
        assertEquals((double) t.learning().cycles() / 1_200, m.get("cycles.train_per_image"), 1e-9);
        assertEquals((double) t.inference().cycles() / 200, m.get("cycles.infer_per_image"), 1e-9);
        assertTrue(m.get("energy_pj.train_per_image") > m.get("energy_pj.infer_per_image"));
    }

    @Test
    void shouldLeaveOutAPhaseWhenTheRunHadNoImageOfIt()
    {
        final ActivityLog trainOnly = SyntheticActivity.paperA(new SyntheticActivity.PaperA(10, 5, 0, 2, 1, 0.5,
            100, 2, 1));
        final Map<String, Double> m = HardwareEstimate.of(HardwarePresets.load("zedboard"), trainOnly).toMap();

        assertTrue(m.containsKey("cycles.train_per_image"));
        assertFalse(m.containsKey("cycles.infer_per_image"));
        assertFalse(m.containsKey("energy_pj.infer_per_image"));
    }
}
