package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CurvesTest
{
    private static final RunOutcome BASE = new RunOutcome("base", "none", Map.of(), 0.9, 1, 1, 78_400, 0, 0, 0, 1000,
        400, 600, 60, 100, "b");

    private static Point point(final String series, final double connectivity, final double accuracy,
        final double trainSops, final double inferSops)
    {
        return new Point(series, new RunOutcome(series + connectivity, "aptn", Map.of(), accuracy, connectivity,
            connectivity, 0, 0, 0, 7, trainSops, inferSops, 600, 30, 50, "d"), BASE);
    }

    @Test
    void shouldInterpolateInsideTheSeriesAndNotOutside()
    {
        final List<Point> s = List.of(point("a", 0.3, 0.8, 1, 1), point("a", 0.1, 0.6, 1, 1));
        assertEquals(0.7, Curves.interpolate(s, Point::connectivity, Point::accuracy, 0.2), 1e-12);
        assertEquals(0.6, Curves.interpolate(s, Point::connectivity, Point::accuracy, 0.1), 0);
        assertTrue(Double.isNaN(Curves.interpolate(s, Point::connectivity, Point::accuracy, 0.05)));
        assertTrue(Double.isNaN(Curves.interpolate(s, Point::connectivity, Point::accuracy, 0.31)));
    }

    @Test
    void shouldCompareSeriesOverTheSpanTheyAllCover()
    {
        final List<Point> points = List.of(point("a", 0.1, 0.5, 1, 1), point("a", 0.5, 0.9, 1, 1),
            point("b", 0.2, 0.8, 1, 1), point("b", 0.4, 0.8, 1, 1));
        final Reports.CommonSpan span = Reports.commonSpan(List.of("a", "b"), points);
        assertEquals(0.2, span.lo(), 0);
        assertEquals(0.4, span.hi(), 0);
        assertEquals(0.7, span.means()[0], 1e-12, "a is linear: its mean over 0.2..0.4 is its value at 0.3");
        assertEquals(1, span.best());
        assertTrue(Double.isNaN(Reports.commonSpan(List.of("a", "b"), points, Point::connectivity, 0.15).lo()),
            "nothing below 0.15 is covered by b");
    }

    @Test
    void shouldReadEverySeriesAtTheEndsOfTheSpanEvenWhereLoPlusTheWidthRoundsPastHi()
    {
        // fig7's constant and post-training series: 2564 / 78400 + (37939 / 78400 - 2564 / 78400) > 37939 / 78400
        final double lo = 2564 / 78_400.0;
        final double hi = 37_939 / 78_400.0;
        final List<Point> points = List.of(point("constant", lo, 0.6, 1, 1), point("constant", hi, 0.8, 1, 1),
            point("post", 0.02, 0.3, 1, 1), point("post", 0.5, 0.8, 1, 1));
        final Reports.CommonSpan span = Reports.commonSpan(List.of("post", "constant"), points);
        assertEquals(lo, span.lo(), 0);
        assertEquals(hi, span.hi(), 0);
        assertEquals(0.7, span.means()[1], 1e-12, "constant is linear over the span: its mean is its midpoint");
        assertTrue(Double.isFinite(span.means()[0]));
    }

    @Test
    void shouldCountTheRunsOfEachSeriesAheadOfTheReferenceAtTheirOwnConnectivity()
    {
        // constant: 0.1 -> 0.6, 0.3 -> 0.8; "f2" runs bunched near 0.15 (reference there: 0.65), "far" outside it
        final List<Point> points = List.of(point("constant", 0.1, 0.6, 1, 1), point("constant", 0.3, 0.8, 1, 1),
            point("f2", 0.15, 0.70, 1, 1), point("f2", 0.16, 0.64, 1, 1), point("f2", 0.14, 0.68, 1, 1),
            point("far", 0.05, 0.9, 1, 1));
        assertEquals("ahead of constant at each run: f2 2 of 3 (by 2.33 points on average), far no run inside the "
            + "constant sweep", Reports.aheadCounts(points, List.of("f2", "far"), "constant"));
    }

    private static Point swept(final String series, final double w, final double connectivity)
    {
        return new Point(series, new RunOutcome(series + w, "apn", Map.of("pruning.w_th0", Double.toString(w)), 0.7,
            connectivity, connectivity, 0, 0, 0, 7, 1, 1, 600, 30, 50, "d"), BASE);
    }

    @Test
    void shouldReadTheThresholdForAConnectivityOrSayWhichSideEverySweepEndsOn()
    {
        final List<Point> points = List.of(swept("SI=30", 0.01, 0.4), swept("SI=30", 0.05, 0.1),
            swept("SI=10", 0.01, 0.1788), swept("SI=10", 0.05, 0.035), swept("loose", 0.01, 0.6),
            swept("loose", 0.45, 0.3));
        assertEquals("w_th0 for 20% connectivity: SI=30 0.03667, SI=10 below 20% at every w_th0 (17.88% at 0.01), "
            + "loose above 20% at every w_th0 (30.00% at 0.45)",
            Reports.thresholdFor(List.of("SI=30", "SI=10", "loose"), points, 0.2));
    }

    @Test
    void shouldComputePaperAsReductionsAndFigureOfMerit()
    {
        final Point p = point("a", 0.1, 0.85, 700, 100);
        assertEquals(0.05, p.accuracyLoss(), 1e-12);
        assertEquals(0.3, p.trainSopReduction(), 1e-12);
        assertEquals(0.75, p.inferSopReduction(), 1e-12);
        assertEquals(800 / 1400.0, p.normalisedTotalSops(), 1e-12);
        assertEquals(5 * 800 / 1400.0, p.fom(), 1e-12);
    }

    @Test
    void shouldMeasureHowMonotoneACurveFalls()
    {
        final List<Point> s = List.of(point("a", 0.1, 0.5, 1, 1), point("a", 0.2, 0.4, 1, 1),
            point("a", 0.3, 0.45, 1, 1));
        assertEquals(0.5, Curves.nonRisingFraction(s, Point::connectivity, Point::accuracy), 0);
    }
}
