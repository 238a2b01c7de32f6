package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikeprune.pruning.AdaptationFunction;

class GridsTest
{
    @Test
    void shouldMapFinalThresholdsThroughF1WhenTheThresholdGrowsOverSteps()
    {
        // 7 steps: the last step's threshold is w_th0 * a^6
        final double[] w = Grids.initial(new double[] {0.1, 0.2}, AdaptationFunction.F1, 1.5, 7);
        assertArrayEquals(new double[] {ThresholdSearch.round(0.1 / Math.pow(1.5, 6)),
            ThresholdSearch.round(0.2 / Math.pow(1.5, 6))}, w, 0);
        assertEquals(0.2, w[1] * Math.pow(1.5, 6), 1e-4);
    }

    @Test
    void shouldKeepTheFinalGridWhenTheThresholdIsConstant()
    {
        assertArrayEquals(new double[] {0.05, 0.15}, Grids.initial(new double[] {0.15, 0.05}, null, 1, 7), 0);
    }

    @Test
    void shouldInvertF2AndF3AndFillWithTheLowGridWhenTheFinalThresholdIsOutOfReach()
    {
        // f3, c = 0.03, 7 steps: the threshold ends at least 0.18 above w_th0, so 0.1 is out of reach
        final double[] f3 = Grids.initial(new double[] {0.1, 0.3}, AdaptationFunction.F3, 0.03, 7);
        assertArrayEquals(new double[] {Grids.LOW[0], 0.12}, f3, 1e-12);
        // f2, b = 1.1: w_th0 = 1 - (1 - T) * b^6
        final double[] f2 = Grids.initial(new double[] {0.6}, AdaptationFunction.F2, 1.1, 7);
        assertEquals(1 - 0.4 * Math.pow(1.1, 6), f2[0], 1e-4);
    }

    @Test
    void shouldCountTheStepsOfASchedule()
    {
        assertEquals(7, Grids.steps(60_000, 30_000, 5_000));
        assertEquals(12, Grids.steps(60_000, 1_000, 5_000));
        assertEquals(1, Grids.steps(60_000, 60_000, 5_000));
        assertEquals(0, Grids.steps(600, 601, 50));
    }

    @Test
    void shouldGoPastTheGridWithTheSameMappingAndOnlyAboveItsLargestThreshold()
    {
        final double[] grid = Grids.initial(Grids.FINAL, AdaptationFunction.F1, 1.3, 7);
        final double[] past = Grids.past(grid, Grids.BEYOND, AdaptationFunction.F1, 1.3, 7);
        assertEquals(3, past.length);
        for (int k = 0; k < past.length; k++)
        {
            assertEquals(Grids.BEYOND[k], past[k] * Math.pow(1.3, 6), 1e-3, "f1 maps 0.6 / 0.75 / 0.9 back");
            assertTrue(past[k] > grid[grid.length - 1]);
        }
        // f3, c = 0.05: 0.6 - 0.3 = 0.3 and 0.45 are above the grid; nothing at or past 1 and no low fill-in
        final double[] f3 = Grids.past(new double[] {0.01, 0.15}, new double[] {0.6, 0.75, 1.4},
            AdaptationFunction.F3, 0.05, 7);
        assertArrayEquals(new double[] {0.3, 0.45}, f3, 1e-12);
        // a final threshold below the grid's largest initial one is dropped
        assertEquals(0, Grids.past(new double[] {0.5}, new double[] {0.4}, null, 1, 7).length);
    }
}
