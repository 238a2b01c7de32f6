package org.spikeprune.fpga.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.PruneScheme;
import org.spikeprune.fpga.paper.PaperAOverhead;
import org.spikeprune.fpga.paper.PaperFigures;

/** Block RAM arithmetic, per-unit estimates, the pruning share and the fit check. */
class ResourceModelTest
{
    private final HardwareConfig zedboard = HardwarePresets.load("zedboard");

    @Test
    void shouldPickTheBestAspectRatioWhenCountingBlockRams()
    {
        assertEquals(39, BlockRam.bram18(78_400, 9, 2), "2K x 9: ceil(78,400 / 2,048)");
        assertEquals(1, BlockRam.bram18(100, 24, 1), "512 x 36 single-port");
        assertEquals(2, BlockRam.bram18(100, 24, 2), "1K x 18 twice in true dual-port");
        assertEquals(4, BlockRam.bram18(100, 24, 4), "four ports: two copies");
        assertEquals(0, BlockRam.bram18(0, 24, 2));
        assertEquals(4 * 10, BlockRam.bram18(78_400, 9, 2, 4), "four banks of 19,600 words");
    }

    @Test
    void shouldMatchTable5CountsWhenPaperAPruneUnitHas20GroupsAnd100Neurons()
    {
        final UnitResources unit = ResourceModel.adaptivePruneUnit(HardwarePresets.load("paper-a"), 100, 78_400);

        assertEquals(PaperFigures.A_ADDERS, unit.adders());
        assertEquals(PaperFigures.A_REGISTERS, unit.registerBits());
        assertEquals(PaperFigures.A_PRUNE_BRAM18, unit.bram18());
        assertEquals(5, unit.comparators());
        assertTrue(unit.pruning());
    }

    @Test
    void shouldPriceTable5CountsAt8284GatesWhenUsingTheModelGateCosts()
    {
        assertEquals(PaperFigures.A_PRUNE_NAND, PaperAOverhead.paperCountsNand());
    }

    @Test
    void shouldFitPaperANetworksOf100NeuronsAndPaperBWhenOnTheZedboard()
    {
        assertNull(ResourceModel.estimate(zedboard, NetworkShape.paperA(100)).fitProblem());
        assertNull(ResourceModel.estimate(zedboard, NetworkShape.paperB()).fitProblem());
        assertTrue(zedboard.checkFits(NetworkShape.paperB()).total().bram18() <= 280);
    }

    @Test
    void shouldRejectWithTheMemoryNamedWhenTheNetworkDoesNotFit()
    {
        final InputException e = assertThrows(InputException.class,
            () -> zedboard.checkFits(NetworkShape.paperA(800)));

        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertTrue(e.getMessage().contains("Weight memory"), e.getMessage());
        assertTrue(e.getMessage().contains("280"), e.getMessage());
    }

    @Test
    void shouldGrowLogicWhenProcessingElementsAreAdded()
    {
        final ResourceEstimate four = ResourceModel.estimate(zedboard, NetworkShape.paperB());
        final ResourceEstimate eight = ResourceModel.estimate(zedboard.withProcessingElements(8),
            NetworkShape.paperB());

        assertTrue(eight.total().luts() > four.total().luts());
        assertTrue(eight.total().ffs() > four.total().ffs());
    }

    @Test
    void shouldAttributeDecrementTrackAndPruneUnitToPruningWhenPaperBHardware()
    {
        final ResourceEstimate with = ResourceModel.estimate(zedboard, NetworkShape.paperB());
        final ResourceEstimate without = ResourceModel.estimate(zedboard.withPruneScheme(PruneScheme.NONE),
            NetworkShape.paperB());

        assertEquals(0, without.pruning().luts());
        assertEquals(without.total().luts(), with.baseline().luts());
        assertTrue(with.unit("Decrement Track memory").bram18() > 0);
        assertEquals(2, with.pruning().dsps(), "one lane, two multipliers");
        assertEquals(with.baseline().bram18() + with.pruning().bram18(), with.total().bram18());
    }

    @Test
    void shouldCountAddressBitsWhenSizingCounters()
    {
        assertEquals(1, ResourceModel.addressBits(1));
        assertEquals(1, ResourceModel.addressBits(2));
        assertEquals(7, ResourceModel.addressBits(100));
        assertEquals(17, ResourceModel.addressBits(78_400));
    }
}
