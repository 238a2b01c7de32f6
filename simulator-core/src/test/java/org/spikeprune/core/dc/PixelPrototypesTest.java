package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PixelPrototypesTest
{
    private static byte[] bytes(final int... v)
    {
        final byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++)
        {
            b[i] = (byte)v[i];
        }
        return b;
    }

    @Test
    void shouldAverageEachClassIntoItsPrototype()
    {
        // 2 pixels per image; class 2 has no image
        final byte[] images = bytes(10, 0, 30, 0, 0, 200, 0, 100);
        final byte[] labels = bytes(0, 0, 1, 1);
        final PixelPrototypes m = PixelPrototypes.classMeans(images, labels, 4, 2, 3);
        assertEquals(20f, m.centre(0, 0));
        assertEquals(0f, m.centre(0, 1));
        assertEquals(150f, m.centre(1, 1));
        assertArrayEquals(new int[] {0, 1, -1}, m.labels());
        assertEquals(1, m.unlabelled());
        assertEquals(1.0, m.accuracy(images, labels, 4), 0.0);
        assertEquals(0.0, m.accuracy(bytes(0, 250), bytes(0), 1), 0.0);
    }

    @Test
    void shouldFindTwoSeparateClustersAndLabelThem()
    {
        // class 3 near (200, 0, 0), class 7 near (0, 0, 200), 20 images each
        final SplittableRandom r = new SplittableRandom(5);
        final int n = 40;
        final byte[] images = new byte[n * 3];
        final byte[] labels = new byte[n];
        for (int i = 0; i < n; i++)
        {
            final boolean first = i % 2 == 0;
            images[i * 3] = (byte)(first ? 190 + r.nextInt(20) : r.nextInt(20));
            images[i * 3 + 1] = (byte)r.nextInt(30);
            images[i * 3 + 2] = (byte)(first ? r.nextInt(20) : 190 + r.nextInt(20));
            labels[i] = (byte)(first ? 3 : 7);
        }
        final PixelPrototypes km = PixelPrototypes.kMeans(images, labels, n, 3, 10, 2, 50, 11, 1);
        assertTrue(km.converged());
        assertEquals(1.0, km.accuracy(images, labels, n), 0.0);
        final int[] l = km.labels();
        assertTrue((l[0] == 3 && l[1] == 7) || (l[0] == 7 && l[1] == 3), java.util.Arrays.toString(l));
        // each prototype is its cluster's mean
        final int c3 = l[0] == 3 ? 0 : 1;
        double sum = 0;
        for (int i = 0; i < n; i += 2)
        {
            sum += images[i * 3] & 0xff;
        }
        assertEquals(sum / 20, km.centre(c3, 0), 1e-3);
    }

    @Test
    void shouldGiveTheSameResultWhateverTheThreadCount()
    {
        final SplittableRandom r = new SplittableRandom(9);
        final int n = 301;
        final int pixels = 16;
        final byte[] images = new byte[n * pixels];
        final byte[] labels = new byte[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = (byte)r.nextInt(4);
            for (int p = 0; p < pixels; p++)
            {
                images[i * pixels + p] = (byte)(r.nextInt(3) == 0 ? 0 : (labels[i] * 40 + r.nextInt(120)));
            }
        }
        final PixelPrototypes one = PixelPrototypes.kMeans(images, labels, n, pixels, 4, 7, 40, 3, 1);
        final PixelPrototypes three = PixelPrototypes.kMeans(images, labels, n, pixels, 4, 7, 40, 3, 3);
        assertArrayEquals(one.labels(), three.labels());
        assertEquals(one.iterations(), three.iterations());
        for (int c = 0; c < 7; c++)
        {
            for (int p = 0; p < pixels; p++)
            {
                assertEquals(one.centre(c, p), three.centre(c, p), 0f);
            }
        }
        assertEquals(one.accuracy(images, labels, n), three.accuracy(images, labels, n), 0.0);
        // another seed starts elsewhere
        final PixelPrototypes other = PixelPrototypes.kMeans(images, labels, n, pixels, 4, 7, 40, 4, 1);
        boolean differs = false;
        for (int c = 0; c < 7 && !differs; c++)
        {
            differs = other.centre(c, 0) != one.centre(c, 0);
        }
        assertTrue(differs);
    }

    @Test
    void shouldLearnOnlineInOnePassAsRunningMeans()
    {
        // one prototype: the running mean of its starting image and every image after it
        final byte[] images = bytes(10, 20, 30);
        final PixelPrototypes one = PixelPrototypes.onlineKMeans(images, bytes(0, 0, 0), 3, 1, 1, 1, 7);
        final float c = one.centre(0, 0);
        assertTrue(Math.abs(c - 17.5f) < 1e-4 || Math.abs(c - 20f) < 1e-4 || Math.abs(c - 22.5f) < 1e-4, "" + c);
        // two separate clusters, found in one pass and labelled from a second
        final SplittableRandom r = new SplittableRandom(2);
        final int n = 60;
        final byte[] two = new byte[n * 2];
        final byte[] labels = new byte[n];
        for (int i = 0; i < n; i++)
        {
            final boolean first = r.nextBoolean();
            two[i * 2] = (byte)(first ? 200 + r.nextInt(30) : r.nextInt(30));
            two[i * 2 + 1] = (byte)(first ? r.nextInt(30) : 200 + r.nextInt(30));
            labels[i] = (byte)(first ? 4 : 1);
        }
        // seed 3 happens to start both prototypes in one cluster or not; either way the result is the seed's
        final PixelPrototypes a = PixelPrototypes.onlineKMeans(two, labels, n, 2, 5, 2, 3);
        final PixelPrototypes b = PixelPrototypes.onlineKMeans(two, labels, n, 2, 5, 2, 3);
        assertArrayEquals(a.centres(), b.centres());
        assertArrayEquals(a.labels(), b.labels());
        boolean separated = false;
        for (long seed = 0; seed < 10 && !separated; seed++)
        {
            separated = PixelPrototypes.onlineKMeans(two, labels, n, 2, 5, 2, seed).accuracy(two, labels, n) == 1.0;
        }
        assertTrue(separated, "some start separates the two clusters");
        assertThrows(IllegalArgumentException.class, () -> PixelPrototypes.onlineKMeans(images, bytes(0, 0, 0), 3, 1,
            1, 4, 7));
    }

    @Test
    void shouldMatchByTheRuleItLearnedWith()
    {
        // two images on disjoint pixels: under every rule each image wins the prototype drawn from it, so the
        // prototypes are the images themselves, labelled 0 and 1
        final byte[] one = bytes(0, 0, 200, 250, 0, 0);
        final byte[] two = bytes(100, 100, 0, 0, 0, 120);
        final byte[] labels = bytes(0, 1);
        // (60, 0, 40) is nearest to (0, 0, 200) (distance² 29,200 against 37,700), but closer in angle to
        // (250, 0, 0), whose dot product scaled to the prototype's sum is larger too (60 against 40)
        final byte[] p = bytes(60, 0, 40);
        // (100, 100, 130) is nearest to (100, 100, 0) and closer in angle to it (141.4 against 130 per unit norm),
        // but its dot product scaled to the prototype's sum favours (0, 0, 120): 130 against 100
        final byte[] q = bytes(100, 100, 130);
        final int[][] expected = {{0, 1, 1}, {0, 0, 1}}; // P, Q: Euclidean, cosine, scaled dot product
        for (final PixelPrototypes.Similarity sim : PixelPrototypes.Similarity.values())
        {
            for (final double rate : new double[] {0, 1})
            {
                final PixelPrototypes a = PixelPrototypes.onlineKMeans(one, labels, 2, 3, 2, 2, 1, sim, rate);
                final PixelPrototypes b = PixelPrototypes.onlineKMeans(two, labels, 2, 3, 2, 2, 1, sim, rate);
                assertEquals(1.0, a.accuracy(one, labels, 2), 0.0, sim + " " + rate);
                assertEquals(1.0, b.accuracy(two, labels, 2), 0.0, sim + " " + rate);
                assertEquals(1.0, a.accuracy(p, bytes(expected[0][sim.ordinal()]), 1), 0.0, sim + " " + rate);
                assertEquals(1.0, b.accuracy(q, bytes(expected[1][sim.ordinal()]), 1), 0.0, sim + " " + rate);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PixelPrototypes.onlineKMeans(one, labels, 2, 3, 2, 2, 1,
            PixelPrototypes.Similarity.COSINE, 1.5));
    }

    @Test
    void shouldLeaveAPrototypeThatWinsNothingWithoutALabel()
    {
        // two identical images: both become prototypes, and the lower one wins every tie
        final byte[] images = bytes(100, 0, 100, 0, 0, 100);
        final byte[] labels = bytes(1, 1, 2);
        final PixelPrototypes km = PixelPrototypes.kMeans(images, labels, 3, 2, 3, 3, 10, 1, 1);
        assertEquals(1, km.unlabelled());
        assertEquals(1.0, km.accuracy(images, labels, 3), 0.0);
    }

    @Test
    void shouldLabelByTheShareOfEachClassWonNotTheCount()
    {
        // prototype 0 wins 3 of the 30 images of class 0 and both images of class 1: its label is 1
        final int[] nearest = new int[32];
        final byte[] classOf = new byte[32];
        for (int i = 0; i < 30; i++)
        {
            nearest[i] = i < 3 ? 0 : 1;
        }
        classOf[30] = 1;
        classOf[31] = 1;
        assertArrayEquals(new int[] {1, 0}, PixelPrototypes.label(nearest, classOf, 32, 2, 2));
    }

    @Test
    void shouldRefuseMorePrototypesThanImages()
    {
        assertThrows(IllegalArgumentException.class, () -> PixelPrototypes.kMeans(bytes(1, 2), bytes(0, 0), 2, 1, 1,
            3, 5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PixelPrototypes.kMeans(bytes(1, 2), bytes(0, 0), 2, 1, 1,
            1, 0, 1, 1));
    }
}
