package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SvmReadoutTest
{
    private static final int FEATURES = 8;

    /** Two overlapping Gaussian classes in {@link #FEATURES} dimensions, the second shifted along feature 0. */
    private static double[][] blobs(final int[] labels, final double shift, final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[][] x = new double[labels.length][FEATURES];
        for (int i = 0; i < labels.length; i++)
        {
            for (int f = 0; f < FEATURES; f++)
            {
                x[i][f] = 5 + nextGaussian(r);
            }
            x[i][0] += labels[i] * shift;
        }
        return x;
    }

    private static double nextGaussian(final SplittableRandom r)
    {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int[] alternating(final int n)
    {
        return IntStream.range(0, n).map(i -> i % 2).toArray();
    }

    @Test
    void shouldHoldTheReferencePointInTheGrid()
    {
        assertTrue(Arrays.stream(SvmReadout.cExponents()).anyMatch(e -> e == 0), "C = 1");
        assertTrue(Arrays.stream(SvmReadout.gammaExponents()).anyMatch(e -> e == 0), "gamma = 1 / features");
        assertEquals(1.0, SvmReadout.REFERENCE_C, 0.0);
    }

    @Test
    void shouldChooseTheReferenceWhenEveryGridPointTies()
    {
        // Classes far apart: every C and gamma of the grid classifies every held-out image correctly.
        final int[] y = alternating(60);
        final double[][] x = blobs(y, 40, 1);
        final SvmReadout.Choice choice = SvmReadout.choose(x, y, SvmReadout.Settings.CROSS_VALIDATED, 42);
        assertEquals(SvmReadout.Search.CV, choice.search());
        assertEquals(1.0, choice.cvAccuracy(), 0.0);
        assertEquals(1.0, choice.c(), 0.0);
        assertEquals(1.0 / FEATURES, choice.gamma(), 0.0);
        assertEquals(SvmReadout.DEFAULT_FOLDS, choice.folds());
    }

    @Test
    void shouldGiveTheSameChoiceForTheSameSeed()
    {
        final int[] y = alternating(120);
        final double[][] x = blobs(y, 1.2, 2);
        final SvmReadout.Choice a = SvmReadout.choose(x, y, SvmReadout.Settings.CROSS_VALIDATED, 7);
        final SvmReadout.Choice b = SvmReadout.choose(x, y, SvmReadout.Settings.CROSS_VALIDATED, 7);
        assertEquals(a, b);
        assertTrue(a.cvAccuracy() > 0.6 && a.cvAccuracy() < 1, "cv accuracy " + a.cvAccuracy());
        assertTrue(isGridPoint(a), a.toString());
    }

    private static boolean isGridPoint(final SvmReadout.Choice choice)
    {
        return Arrays.stream(SvmReadout.cExponents()).anyMatch(e -> Math.scalb(1.0, e) == choice.c())
            && Arrays.stream(SvmReadout.gammaExponents())
                .anyMatch(e -> Math.scalb(1.0, e) / FEATURES == choice.gamma());
    }

    @Test
    void shouldPickTheBestCrossValidatedPoint()
    {
        // Overlapping classes: the chosen point's accuracy over the held-out folds is the best of the grid, which
        // a run of the same folds with the reference values cannot beat.
        final int[] y = alternating(100);
        final double[][] x = blobs(y, 1.0, 3);
        final SvmReadout.Choice cv = SvmReadout.choose(x, y, SvmReadout.Settings.CROSS_VALIDATED, 11);
        final double reference = heldOutAccuracy(x, y, SvmReadout.stratifiedFolds(y, 5, 11), 1.0,
            1.0 / FEATURES);
        assertTrue(cv.cvAccuracy() >= reference, cv + " vs reference " + reference);
    }

    /** Held-out accuracy of fixed C and gamma over the given folds, through the public fit. */
    private static double heldOutAccuracy(final double[][] x, final int[] y, final int[] fold, final double c,
        final double gamma)
    {
        int correct = 0;
        for (int k = 0; k < 5; k++)
        {
            final int kk = k;
            final int[] in = IntStream.range(0, y.length).filter(i -> fold[i] != kk).toArray();
            final int[] out = IntStream.range(0, y.length).filter(i -> fold[i] == kk).toArray();
            final SvmReadout.Result r = SvmReadout.fitAndTest(pick(x, in), pick(y, in), pick(x, out), pick(y, out),
                c, gamma);
            correct += (int)Math.round(r.testAccuracy() * out.length);
        }
        return (double)correct / y.length;
    }

    private static double[][] pick(final double[][] x, final int[] rows)
    {
        return Arrays.stream(rows).mapToObj(i -> x[i]).toArray(double[][]::new);
    }

    private static int[] pick(final int[] y, final int[] rows)
    {
        return Arrays.stream(rows).map(i -> y[i]).toArray();
    }

    @Test
    void shouldStratifyTheFoldsAndDrawThemFromTheSeed()
    {
        final int[] y = new int[103];
        for (int i = 0; i < y.length; i++)
        {
            y[i] = i < 61 ? 0 : 1;
        }
        final int[] a = SvmReadout.stratifiedFolds(y, 5, 3);
        assertArrayEquals(a, SvmReadout.stratifiedFolds(y, 5, 3));
        assertFalse(Arrays.equals(a, SvmReadout.stratifiedFolds(y, 5, 4)), "another seed, other folds");
        for (int k = 0; k < 5; k++)
        {
            final int kk = k;
            final long size = Arrays.stream(a).filter(f -> f == kk).count();
            assertTrue(size == 20 || size == 21, "fold " + k + " size " + size);
            final long class0 = IntStream.range(0, y.length).filter(i -> a[i] == kk && y[i] == 0).count();
            assertTrue(class0 == 12 || class0 == 13, "fold " + k + " class 0 count " + class0);
        }
    }

    @Test
    void shouldKeepTheGivenValuesWhenNotSearching()
    {
        final int[] y = alternating(20);
        final double[][] x = blobs(y, 3, 4);
        final SvmReadout.Choice ref = SvmReadout.choose(x, y, SvmReadout.Settings.REFERENCE, 1);
        assertEquals(new SvmReadout.Choice(SvmReadout.Search.NONE, 1.0, 1.0 / FEATURES, Double.NaN, 0), ref);
        final SvmReadout.Choice fixed = SvmReadout.choose(x, y,
            new SvmReadout.Settings(SvmReadout.Search.NONE, 4, 0.5, 5), 1);
        assertEquals(4, fixed.c(), 0.0);
        assertEquals(0.5, fixed.gamma(), 0.0);
    }

    @Test
    void shouldRejectBadSettings()
    {
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new SvmReadout.Settings(SvmReadout.Search.NONE, 0, 0, 5)).getMessage().contains("c=0.0"));
        assertThrows(IllegalArgumentException.class,
            () -> new SvmReadout.Settings(SvmReadout.Search.NONE, Double.NaN, 0, 5));
        assertThrows(IllegalArgumentException.class,
            () -> new SvmReadout.Settings(SvmReadout.Search.NONE, 1, -1, 5));
        assertThrows(IllegalArgumentException.class,
            () -> new SvmReadout.Settings(SvmReadout.Search.NONE, 1, Double.POSITIVE_INFINITY, 5));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new SvmReadout.Settings(SvmReadout.Search.CV, 1, 0, 1)).getMessage().contains("folds=1"));
        assertThrows(IllegalArgumentException.class, () -> SvmReadout.stratifiedFolds(new int[] {0, 1}, 3, 1));
    }
}
