package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.core.dc.LearningDynamics;

class LearningDynamicsFigureTest
{
    /** Batches of 10 images whose spike spread and silent counts are given, everything else fixed. */
    private static List<LearningDynamics.Point> points(final double[] sd, final int[] silent)
    {
        final List<LearningDynamics.Point> out = new ArrayList<>();
        for (int k = 0; k < sd.length; k++)
        {
            out.add(new LearningDynamics.Point(10L * (k + 1), 10, 11, 100, 50, sd[k], 0, 200, silent[k], 78_400,
                0, 1e-4, 1e-2, 0.0995, 20, 0.5));
        }
        return out;
    }

    @Test
    void shouldCallAQuantitySettledFromTheFirstBatchThatStaysNearItsFinalMean()
    {
        // the last three average 9.667; the band is ±25% of it (7.25 .. 12.08): 11 is in, 20 is out
        final List<LearningDynamics.Point> p = points(new double[] {100, 50, 20, 11, 9, 10, 10},
            new int[] {5, 0, 0, 0, 0, 0, 0});
        assertEquals(40, LearningDynamicsFigure.settledFrom(p, LearningDynamics.Point::spikesSd));
        // a batch that leaves the band again moves the answer after it
        final List<LearningDynamics.Point> q = points(new double[] {11, 10, 30, 10, 9, 10, 10},
            new int[] {0, 0, 0, 0, 0, 0, 0});
        assertEquals(40, LearningDynamicsFigure.settledFrom(q, LearningDynamics.Point::spikesSd));
        // a constant quantity is settled from the first batch
        assertEquals(10, LearningDynamicsFigure.settledFrom(q, LearningDynamics.Point::spikesMean));
    }

    @Test
    void shouldNotCallANonFiniteQuantitySettled()
    {
        final List<LearningDynamics.Point> p = points(new double[] {1, 2, Double.NaN}, new int[] {0, 0, 0});
        assertEquals(-1, LearningDynamicsFigure.settledFrom(p, LearningDynamics.Point::spikesSd));
    }

    @Test
    void shouldFindTheBatchFromWhichEveryNeuronFires()
    {
        assertEquals(20, LearningDynamicsFigure.allFireFrom(points(new double[] {1, 1, 1, 1},
            new int[] {3, 0, 0, 0})));
        assertEquals(40, LearningDynamicsFigure.allFireFrom(points(new double[] {1, 1, 1, 1},
            new int[] {0, 2, 1, 0})));
        assertEquals(-1, LearningDynamicsFigure.allFireFrom(points(new double[] {1, 1}, new int[] {0, 1})));
    }

    @Test
    void shouldNameTheRunWhenItsResultHasNoBatches()
    {
        final InputException e = assertThrows(InputException.class,
            () -> LearningDynamicsFigure.points(null, "none-0123456789ab"));
        assertTrue(e.getMessage().contains("none-0123456789ab") && e.getMessage().contains("dynamics"),
            e.getMessage());
    }
}
