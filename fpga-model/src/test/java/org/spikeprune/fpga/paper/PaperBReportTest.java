package org.spikeprune.fpga.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;

/** The Markdown form of paper B's comparison. */
class PaperBReportTest
{
    @Test
    void shouldSetEveryFigureBesidePaperBAndListEveryLayerWhenRendered()
    {
        final ActivityLog pruned = SyntheticActivity.paperB(true, 0.01, 2);
        final PaperBComparison c = PaperBComparison.compare(HardwarePresets.load("zedboard"),
            SyntheticActivity.paperB(false, 0.01, 2), pruned);
        final String md = PaperBReport.markdown(c, NetworkShape.paperB(), 0.9315, "two runs");

        assertTrue(md.contains("| Connections removed | 93.15% | 92.83% |"), md);
        assertTrue(md.contains("| Pruning DSP slices | " + c.pruningDsps() + " | 11 |"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| Learning speed-up (x) | %.2f | 2.10 |",
            c.learningSpeedup())), md);
        for (final NetworkShape.Layer l : NetworkShape.paperB().layers())
        {
            assertEquals(2, md.split("\\| " + l.name() + " \\|", -1).length - 1, l.name() + " in both phases");
        }
    }

    @Test
    void shouldPrintSmallFractionsWithThreeDigitsAndCountsWhole()
    {
        assertEquals("2", PaperBReport.number(2.0));
        assertEquals("5.35", PaperBReport.number(5.351));
        assertEquals("1,234", PaperBReport.number(1234.4));
        assertEquals("–", PaperBReport.number(Double.NaN));
    }
}
