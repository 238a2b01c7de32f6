package org.spikeprune.fpga.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.resources.ResourceEstimate;

/** The sweep and its Pareto front. */
class DesignSpaceTest
{
    @Test
    void shouldEnumerateTheGridWhenQuick()
    {
        final List<HardwareConfig> configs = DesignSpace.QUICK.configurations(HardwarePresets.load("zedboard"));

        assertEquals(8, configs.size());
        assertEquals(90, DesignSpace.FULL.configurations(HardwarePresets.load("zedboard")).size());
        assertEquals("zedboard/pe4/100MHz/wp2/fifo16", configs.get(7).name());
        assertEquals(4, configs.get(7).processingElements());
        assertEquals(2, configs.get(7).weightMemory().ports());
    }

    @Test
    void shouldKeepOnlyUndominatedFittingPointsWhenMarkingTheFront()
    {
        final HardwareConfig c = HardwarePresets.load("zedboard");
        final DesignPoint fastBig = point(c, 1.0, 10, 500, true);
        final DesignPoint slowSmall = point(c, 2.0, 10, 100, true);
        final DesignPoint dominated = point(c, 2.0, 10, 500, true);
        final DesignPoint tooBig = point(c, 0.5, 5, 50, false);

        final List<DesignPoint> marked = DesignSpace.pareto(List.of(fastBig, slowSmall, dominated, tooBig));

        assertTrue(marked.get(0).pareto());
        assertTrue(marked.get(1).pareto());
        assertFalse(marked.get(2).pareto());
        assertFalse(marked.get(3).pareto(), "a design that does not fit is never on the front");
    }

    @Test
    void shouldPutTheFastestFittingConfigurationOnTheFrontWhenExploringPaperA()
    {
        final List<DesignPoint> points = DesignSpace.QUICK.evaluate(HardwarePresets.load("zedboard"),
            SyntheticActivity.paperA(SyntheticActivity.PaperA.quick(100)));

        DesignPoint fastest = points.get(0);
        for (final DesignPoint p : points)
        {
            assertTrue(p.fits());
            if (p.usTrainPerImage() < fastest.usTrainPerImage())
            {
                fastest = p;
            }
        }
        assertTrue(fastest.pareto());
        assertEquals(4, fastest.config().processingElements());
    }

    private static DesignPoint point(final HardwareConfig c, final double us, final double pj, final long luts,
        final boolean fits)
    {
        return new DesignPoint(c, us * 100, us * 100, us, us, pj, pj, 0, 0,
            new ResourceEstimate.Totals(luts, luts, 1, 0, luts * 10), fits, false);
    }
}
