package org.spikeprune.fpga.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.paper.PaperFigures;

/** Paper A Table 4's per-image averages (MODEL-REFERENCE §2.8). */
class PruningOverheadTest
{
    private final PruneCost step = new PruneUnitModel(HardwarePresets.load("paper-a")).adaptive(100, 78_400, 0, 20);

    @Test
    void shouldCountSevenStepsWhenBatch5000From30000To60000()
    {
        assertEquals(7, PruningOverhead.steps(60_000, 30_000, 5_000));
        assertEquals(301, PruningOverhead.steps(60_000, 30_000, 100));
        assertEquals(0, PruningOverhead.steps(20_000, 30_000, 100));
        assertEquals(1, PruningOverhead.steps(30_000, 30_000, 5_000));
    }

    @Test
    void shouldGive404CyclesAnd794OpsPerImageWhenBatch100()
    {
        final PruningOverhead o = PruningOverhead.of(step, 60_000, 30_000, 100);

        assertEquals(PaperFigures.A_CYCLES_PER_IMAGE_BATCH_100, Math.round(o.cyclesPerImage()));
        assertEquals(PaperFigures.A_OPS_PER_IMAGE_BATCH_100, Math.round(o.opsPerImage()));
        assertEquals(301.0 * 80_520 / 60_000, o.cyclesPerImage(), 1e-9);
    }

    @Test
    void shouldGive9CyclesAnd18OpsPerImageWhenBatch5000()
    {
        final PruningOverhead o = PruningOverhead.of(step, 60_000, 30_000, 5_000);

        assertEquals(PaperFigures.A_CYCLES_PER_IMAGE_BATCH_5000, Math.round(o.cyclesPerImage()));
        assertEquals(PaperFigures.A_OPS_PER_IMAGE_BATCH_5000, Math.round(o.opsPerImage()));
    }

    @Test
    void shouldRejectAnEmptyBatchWhenCountingSteps()
    {
        assertThrows(IllegalArgumentException.class, () -> PruningOverhead.steps(60_000, 30_000, 0));
    }
}
