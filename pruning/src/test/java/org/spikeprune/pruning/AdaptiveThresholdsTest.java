package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdsTest
{
    private static final float W_MAX = 1.0f;

    private static AdaptiveThresholds grouping(final double factor, final double spikeInterval)
    {
        return new AdaptiveThresholds(0.1, AdaptationFunction.F1, 1.0, AdaptationFunction.F1, factor, spikeInterval);
    }

    @Test
    void shouldGroupBySpikeIntervalWithStrictTestAndTiesWhenSi30()
    {
        // sorted: 10 (n0), 10 (n1), 39 (n3) | 40 (n2) | 70 (n4) | 100 (n5); 40 = 10 + 30 opens a group
        final long[] counts = {10, 10, 40, 39, 70, 100};
        final DenseWeightMemory memory = new DenseWeightMemory(2, counts.length, W_MAX);
        final float[] thresholds = new float[counts.length];

        final int groups = grouping(2.0, 30.0).assign(0.1f, counts, memory, thresholds);

        assertEquals(4, groups);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.2f, 0.1f, 0.4f, 0.8f}, thresholds, 1e-7f);
    }

    @Test
    void shouldStartEachGroupAtItsFirstNeuronWhenCountsAreSpread()
    {
        // S = 0: 0, 29 | S = 30: 30, 59 | S = 60: 60 — groups are anchored at their first count, not at multiples
        final long[] counts = {59, 0, 30, 29, 60};
        final DenseWeightMemory memory = new DenseWeightMemory(1, counts.length, W_MAX);
        final float[] thresholds = new float[counts.length];

        final int groups = grouping(2.0, 30.0).assign(0.1f, counts, memory, thresholds);

        assertEquals(3, groups);
        assertArrayEquals(new float[] {0.2f, 0.1f, 0.2f, 0.1f, 0.4f}, thresholds, 1e-7f);
    }

    @Test
    void shouldMakeOneGroupWhenSiInfinite()
    {
        final long[] counts = {0, 1000, 5, 99999};
        final DenseWeightMemory memory = new DenseWeightMemory(1, counts.length, W_MAX);
        final float[] thresholds = new float[counts.length];

        final int groups = grouping(2.0, Double.POSITIVE_INFINITY).assign(0.1f, counts, memory, thresholds);

        assertEquals(1, groups);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.1f}, thresholds);
    }

    @Test
    void shouldMakeOneGroupWhenAllCountsTie()
    {
        final long[] counts = {7, 7, 7};
        final DenseWeightMemory memory = new DenseWeightMemory(1, counts.length, W_MAX);
        final float[] thresholds = new float[counts.length];

        assertEquals(1, grouping(2.0, 1.0).assign(0.1f, counts, memory, thresholds));
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, thresholds);
    }

    @Test
    void shouldOpenGroupPerDistinctCountWhenSiIsOne()
    {
        final long[] counts = {3, 1, 2, 2};
        final DenseWeightMemory memory = new DenseWeightMemory(1, counts.length, W_MAX);
        final float[] thresholds = new float[counts.length];

        final AdaptiveThresholds linear =
            new AdaptiveThresholds(0.1, AdaptationFunction.F1, 1.0, AdaptationFunction.F3, 0.05, 1.0);

        assertEquals(3, linear.assign(0.1f, counts, memory, thresholds));
        assertArrayEquals(new float[] {0.2f, 0.1f, 0.15f, 0.15f}, thresholds, 1e-7f);
    }

    @Test
    void shouldSkipRemovedNeuronsWhenGrouping()
    {
        final long[] counts = {0, 100, 110, 200};
        final DenseWeightMemory memory = new DenseWeightMemory(1, counts.length, W_MAX);
        memory.pruneNeuron(0);
        final float[] thresholds = new float[counts.length];

        final int groups = grouping(2.0, 30.0).assign(0.1f, counts, memory, thresholds);

        assertEquals(2, groups);
        assertArrayEquals(new float[] {0.0f, 0.1f, 0.1f, 0.2f}, thresholds, 1e-7f);
    }

    @Test
    void shouldCapGroupThresholdsBelowWMaxWhenFactorIsLarge()
    {
        final long[] counts = {0, 100, 200, 300, 400};
        final DenseWeightMemory memory = new DenseWeightMemory(1, counts.length, 0.5f);
        final float[] thresholds = new float[counts.length];

        assertEquals(5, grouping(10.0, 30.0).assign(0.1f, counts, memory, thresholds));
        assertEquals(0.1f, thresholds[0]);
        for (int i = 1; i < counts.length; i++)
        {
            assertEquals(Math.nextDown(0.5f), thresholds[i]);
            assertTrue(thresholds[i] < 0.5f);
        }
    }

    @Test
    void shouldAdaptGroupsFromTimeAdaptedBaseWhenAptn()
    {
        final AdaptiveThresholds aptn =
            new AdaptiveThresholds(0.05, AdaptationFunction.F1, 2.0, AdaptationFunction.F1, 1.5, 30.0);

        assertEquals(0.05f, aptn.baseThreshold(1, W_MAX));
        assertEquals(0.1f, aptn.baseThreshold(2, W_MAX));
        assertEquals(0.2f, aptn.baseThreshold(3, W_MAX));
        assertEquals(Math.nextDown(W_MAX), aptn.baseThreshold(20, W_MAX));

        final long[] counts = {100, 0, 50};
        final float[] thresholds = new float[3];
        final DenseWeightMemory memory = new DenseWeightMemory(1, 3, W_MAX);
        aptn.assign(aptn.baseThreshold(2, W_MAX), counts, memory, thresholds);
        assertArrayEquals(new float[] {0.225f, 0.1f, 0.15f}, thresholds, 1e-7f);
    }
}
