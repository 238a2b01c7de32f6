package org.spikeprune.fpga.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.MemoryConfig;
import org.spikeprune.fpga.MemorySharing;
import org.spikeprune.fpga.PruneScheme;
import org.spikeprune.fpga.paper.PaperFigures;

/** Paper A Table 4 from the Prune unit's datapath, and how the model moves away from it. */
class PruneUnitModelTest
{
    private final HardwareConfig paperA = HardwarePresets.load("paper-a");
    private final PruneUnitModel model = new PruneUnitModel(paperA);

    @Test
    void shouldReproduceTable4CyclesWhenOneWeightAccessPerCycle100NeuronsAnd20Groups()
    {
        final PruneCost step = model.adaptive(100, 784 * 100, 0, 20);

        assertEquals(PaperFigures.A_GROUPING_CYCLES, step.groupingCycles());
        assertEquals(PaperFigures.A_ADAPTING_CYCLES, step.adaptingCycles());
        assertEquals(PaperFigures.A_PRUNING_CYCLES, step.pruningCycles());
        assertEquals(80_520, step.cycles());
    }

    @Test
    void shouldReproduceTable4OpsWhenOneWeightAccessPerCycle100NeuronsAnd20Groups()
    {
        final PruneCost step = model.adaptive(100, 784 * 100, 0, 20);

        assertEquals(PaperFigures.A_GROUPING_OPS, step.groupingOps());
        assertEquals(PaperFigures.A_ADAPTING_OPS, step.adaptingOps());
        assertEquals(PaperFigures.A_PRUNING_OPS, step.pruningOps());
        assertEquals(158_300, step.ops());
    }

    @Test
    void shouldKeepTable4PruningCyclesWhenPrunedWeightsAreWrittenBackOnTheSecondPort()
    {
        assertEquals(78_400, model.adaptive(100, 78_400, 30_000, 20).pruningCycles());
    }

    @Test
    void shouldAddAWriteCycleForEachPrunedWeightWhenTheWeightMemoryHasOnePort()
    {
        final HardwareConfig onePort = paperA.withWeightMemory(new MemoryConfig(MemorySharing.PRIVATE, 1, 25, 1));

        assertEquals(78_400 + 1_000, new PruneUnitModel(onePort).adaptive(100, 78_400, 1_000, 20).pruningCycles());
    }

    @Test
    void shouldScaleWithNeuronsAndGroupsWhenTheNetworkGrows()
    {
        final PruneCost step = model.adaptive(800, 784 * 800, 0, 20);

        assertEquals(800 + 20, step.groupingCycles());
        assertEquals(800 * 20, step.adaptingCycles());
        assertEquals(627_200, step.pruningCycles());
        assertEquals(800 * 3 + 20 * 5, step.groupingOps());
        assertEquals(800 * 11, step.adaptingOps());

        final PruneCost ten = model.adaptive(100, 78_400, 0, 10);
        assertEquals(110, ten.groupingCycles());
        assertEquals(1_000, ten.adaptingCycles());
        assertEquals(100 * 6, ten.adaptingOps());
    }

    @Test
    void shouldReadTwoWeightsPerAccessWhenWordsHoldTwo()
    {
        // zedboard: 9-bit entries in 18-bit words; the compare (one per cycle) then bounds the pass.
        final PruneUnitModel zedboard = new PruneUnitModel(HardwarePresets.load("zedboard"));
        final PruneCost pass = zedboard.adaptive(100, 78_400, 0, 20);

        assertEquals(39_200, pass.weightReads());
        assertEquals(78_400, pass.pruningCycles());
    }

    @Test
    void shouldBeBoundByDecrementTrackTrafficWhenPaperBUnitEvaluates()
    {
        final PruneUnitModel zedboard = new PruneUnitModel(HardwarePresets.load("zedboard"));
        final PruneCost pass = zedboard.pass(0, 1_000, 100, 0);

        // 500 weight words, 1,000 decrement reads + 1,000 resets on 2 ports, 1,000 compares on one lane.
        assertEquals(1_000, pass.pruningCycles());
        assertEquals(0, pass.groupingCycles() + pass.adaptingCycles());
        assertEquals(6 * 1_000 + 100, pass.ops());
        assertEquals(2_000, pass.decrementAccesses());
    }

    @Test
    void shouldCostNothingWhenTheDesignHasNoPruningHardware()
    {
        final PruneUnitModel none = new PruneUnitModel(paperA.withPruneScheme(PruneScheme.NONE));

        assertEquals(PruneCost.ZERO, none.pass(100, 78_400, 10, 20));
    }
}
