package org.spikeprune.fpga.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.UnitCounts;
import org.spikeprune.fpga.activity.SyntheticActivity;

/** Paper B's figures from an unpruned and a pruned run (synthetic here). */
class PaperBComparisonTest
{
    private final HardwareConfig zedboard = HardwarePresets.load("zedboard");

    @Test
    void shouldSpeedUpAndSaveEnergyWhenThePrunedRunRemovesConnections()
    {
        final PaperBComparison c = PaperBComparison.compare(zedboard, SyntheticActivity.paperB(false, 0.02, 5),
            SyntheticActivity.paperB(true, 0.02, 5));

        assertTrue(c.learningSpeedup() > 1, "learning " + c.learningSpeedup());
        assertTrue(c.inferenceSpeedup() > 1, "inference " + c.inferenceSpeedup());
        assertTrue(c.learningEnergyReduction() > 0 && c.learningEnergyReduction() < 1);
        assertTrue(c.inferenceEnergyReduction() > 0 && c.inferenceEnergyReduction() < 1);
        assertTrue(c.lutOverhead() > 0 && c.ffOverhead() > 0 && c.bramOverhead() > 0);
        assertTrue(c.powerOverhead() > 0 && c.powerOverhead() < 0.1);
        assertEquals(9, c.rows().size());
        assertEquals(PaperFigures.B_LEARNING_SPEEDUP, c.rows().get(0).paper());
        assertEquals(9, c.ratios().size());
        assertEquals(9 + 16, c.toMap().size());
    }

    @Test
    void shouldTimeTheBaselineWithoutPruningHardwareWhenComparing()
    {
        final PaperBComparison c = PaperBComparison.compare(zedboard, SyntheticActivity.paperB(false, 0.01, 2),
            SyntheticActivity.paperB(false, 0.01, 2));

        assertEquals(0, c.unpruned().learning().pruningEnergyPj());
        assertTrue(c.pruned().learning().pruningEnergyPj() > 0, "Decrement Track writes of the pruning design");
        assertTrue(c.learningSpeedup() <= 1.0 + 1e-12, "same run: the pruning design is never faster");
    }

    @Test
    void shouldCountTwoDspsPerLaneWhenThePruneUnitIsWidened()
    {
        final UnitCounts u = zedboard.units();
        final HardwareConfig five = zedboard.withUnits(new UnitCounts(u.stdpUnits(), 5, u.neuronMultipliers(),
            u.stdpMultipliers(), u.pruneGroups()));
        final PaperBComparison c = PaperBComparison.compare(five, SyntheticActivity.paperB(false, 0.01, 1),
            SyntheticActivity.paperB(true, 0.01, 1));

        assertEquals(10, c.pruningDsps());
    }
}
