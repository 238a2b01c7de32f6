package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThresholdSearchTest
{
    private static RunOutcome run(final double w0, final double connectivity)
    {
        return new RunOutcome("r" + w0, "constant", Map.of("pruning.w_th0", Double.toString(w0)), 0.8, connectivity,
            connectivity, 0, 0, 0, 7, 1, 1, 1, 1, 1, "d");
    }

    @Test
    void shouldInterpolateLogConnectivityBetweenTheRunsThatBracketTheTarget()
    {
        // connectivity = exp(-10 w): 0.1 is reached at w = ln(10) / 10 = 0.2303
        final List<RunOutcome> runs = List.of(run(0.1, Math.exp(-1)), run(0.3, Math.exp(-3)), run(0.05,
            Math.exp(-0.5)));
        assertEquals(0.2303, ThresholdSearch.propose(runs, RunOutcome::connectivity, 0.1), 1e-12);
    }

    @Test
    void shouldStayAFifthOfTheBracketAwayFromItsEndsWhenTheCurveIsSteep()
    {
        final List<RunOutcome> runs = List.of(run(0.1, 0.11), run(0.2, 0.0001));
        assertEquals(0.12, ThresholdSearch.propose(runs, RunOutcome::connectivity, 0.1), 1e-12);
    }

    @Test
    void shouldDoubleOrHalveTheThresholdWhenTheTargetIsNotBracketed()
    {
        assertEquals(0.6, ThresholdSearch.propose(List.of(run(0.1, 0.5), run(0.3, 0.3)), RunOutcome::connectivity,
            0.1), 0);
        assertEquals(0.025, ThresholdSearch.propose(List.of(run(0.05, 0.05), run(0.2, 0.01)),
            RunOutcome::connectivity, 0.1), 0);
        assertTrue(Double.isNaN(ThresholdSearch.propose(List.of(run(0.95, 0.5)), RunOutcome::connectivity, 0.1)),
            "no threshold at or above w_max");
    }

    @Test
    void shouldChooseTheRunClosestToTheTarget()
    {
        final List<RunOutcome> runs = List.of(run(0.1, 0.3), run(0.2, 0.12), run(0.3, 0.07));
        assertEquals(0.2, ThresholdSearch.closest(runs, RunOutcome::connectivity, 0.1).number("pruning.w_th0"), 0);
    }

    @Test
    void shouldRoundToFourSignificantDigits()
    {
        assertEquals(0.01036, ThresholdSearch.round(0.0103586), 0);
        assertEquals(0.1592, ThresholdSearch.round(0.15915), 0);
    }
}
