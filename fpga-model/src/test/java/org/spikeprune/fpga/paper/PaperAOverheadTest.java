package org.spikeprune.fpga.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;

/** Paper A's Tables 4 and 5 and energy comparison as the hw overhead command reports them. */
class PaperAOverheadTest
{
    private final HardwareConfig paperA = HardwarePresets.load("paper-a");

    @Test
    void shouldGiveTable4UnderTheCommandKeysWhenBatch100()
    {
        final Map<String, Object> m = PaperAOverhead.compute(paperA, 100, 20, 100, 60_000, 30_000, 96_099).toMap();

        assertEquals(120L, m.get("cycles.grouping"));
        assertEquals(2_000L, m.get("cycles.adapting"));
        assertEquals(78_400L, m.get("cycles.pruning"));
        assertEquals(400L, m.get("ops.grouping"));
        assertEquals(1_100L, m.get("ops.adapting"));
        assertEquals(156_800L, m.get("ops.pruning"));
        assertEquals(404L, m.get("cycles_per_image"));
        assertEquals(794L, m.get("ops_per_image"));
        assertEquals(301L, m.get("steps"));
    }

    @Test
    void shouldGive9And18PerImageWhenBatch5000()
    {
        final Map<String, Object> m = PaperAOverhead.compute(paperA, 100, 20, 5_000, 60_000, 30_000, 96_099).toMap();

        assertEquals(9L, m.get("cycles_per_image"));
        assertEquals(18L, m.get("ops_per_image"));
    }

    @Test
    void shouldSetTable5AndTheEnergyComparisonBesideThePaperWhen100Neurons()
    {
        final PaperAOverhead o = PaperAOverhead.compute(paperA, 100, 20, 100, 60_000, 30_000, 96_099);

        assertEquals(11, o.table5().size());
        for (final Comparison c : o.table5())
        {
            assertTrue(Double.isFinite(c.paper()), c.metric());
            assertTrue(c.model() > 0, c.metric());
        }
        // 794.14 ops x 0.5 pJ, against 96,099 SOPs x 23.6 pJ = 2.27 uJ.
        assertEquals(397.07, o.pruneEnergyPjPerImage(), 0.01);
        assertEquals(2_267_936.4, o.sopEnergyPjPerImage(), 0.01);
        assertTrue(o.pruneEnergyPjPerImage() / o.sopEnergyPjPerImage() < PaperFigures.A_PRUNE_ENERGY_SHARE);
    }

    @Test
    void shouldNameTheOptionWhenAnArgumentIsOutOfRange()
    {
        final InputException e = assertThrows(InputException.class,
            () -> PaperAOverhead.compute(paperA, 0, 20, 100, 60_000, 30_000, 96_099));

        assertTrue(e.getMessage().contains("--neurons"), e.getMessage());
        assertThrows(InputException.class, () -> PaperAOverhead.compute(paperA, 100, 20, 0, 60_000, 30_000, 1));
    }
}
