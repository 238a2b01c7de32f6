package org.spikeprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The label histograms of the real data sets in the local cache ({@code spikeprune fetch-data} puts them there; CI
 * fetches them before the tests). Skipped when the cache does not hold them.
 */
class CachedHistogramTest
{
    private static final int[] MNIST_TRAIN = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] MNIST_TEST = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    private final DataCache cache = DataCache.resolve(null);

    @Test
    void shouldMatchPublishedHistogramsWhenMnistCached()
    {
        assumeTrue(cache.isPresent(CachedDataset.MNIST), "MNIST is not in " + cache.mnistDir());

        final MnistFiles mnist = cache.loadMnist();

        assertEquals(60000, mnist.train().count());
        assertEquals(10000, mnist.test().count());
        assertArrayEquals(MNIST_TRAIN, mnist.train().labelHistogram());
        assertArrayEquals(MNIST_TEST, mnist.test().labelHistogram());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, firstLabels(mnist.train()));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, firstLabels(mnist.test()));
        long sum = 0;
        for (final byte p : mnist.train().images().pixels())
        {
            sum += p & 0xff;
        }
        assertEquals(33.318, (double)sum / mnist.train().images().pixels().length, 1e-3);
    }

    @Test
    void shouldHaveBalancedClassesWhenFashionMnistCached()
    {
        assumeTrue(cache.isPresent(CachedDataset.FASHION_MNIST), "Fashion-MNIST is not in " + cache.fashionMnistDir());

        final MnistFiles fashion = cache.loadFashionMnist();

        final int[] train = new int[10];
        final int[] test = new int[10];
        Arrays.fill(train, 6000);
        Arrays.fill(test, 1000);
        assertArrayEquals(train, fashion.train().labelHistogram());
        assertArrayEquals(test, fashion.test().labelHistogram());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, firstLabels(fashion.train()));
    }

    private static int[] firstLabels(final IdxDataset split)
    {
        final int[] labels = new int[10];
        for (int i = 0; i < labels.length; i++)
        {
            labels[i] = split.label(i);
        }
        return labels;
    }
}
