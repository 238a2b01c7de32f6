package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NeuronPrunePolicyTest
{
    private static final float W_MAX = 1.0f;

    private static DenseWeightMemory filled(final int pre, final int post)
    {
        final float[][] values = new float[pre][post];
        for (final float[] row : values)
        {
            java.util.Arrays.fill(row, 0.5f);
        }
        return DenseWeightMemory.of(W_MAX, values);
    }

    @Test
    void shouldReachTheTargetFractionAlongALinearRampWhenTenNeurons()
    {
        final DenseWeightMemory memory = filled(4, 10);
        final NeuronPrunePolicy policy = new NeuronPrunePolicy(PruneConfig.defaults(PruneMethod.NEURON, 100));
        final long[] counts = {90, 80, 70, 60, 50, 40, 30, 20, 10, 0};
        // round(0.9 · 10 · k / 7), k = 1..7
        final int[] cumulative = {1, 3, 4, 5, 6, 8, 9};

        for (int step = 1; step <= 7; step++)
        {
            policy.onBoundary(Boundary.paperStep(memory, step, counts));
            int removed = 0;
            for (int post = 0; post < 10; post++)
            {
                removed += memory.isNeuronPruned(post) ? 1 : 0;
            }
            assertEquals(cumulative[step - 1], removed, "step " + step);
            assertEquals(4L * (10 - removed), memory.liveCount());
        }
        // the busiest neuron survives
        assertFalse(memory.isNeuronPruned(0));
        assertTrue(memory.isNeuronPruned(1));
        final PruneStepRecord second = policy.stepLog().get(1);
        assertEquals(2, second.neuronsPruned());
        assertEquals(8, second.synapsesPruned());
        assertEquals(20, second.spikeCountCutoff());
        assertEquals(4.0 / 40.0, policy.stepLog().get(6).connectivityAfter());
        assertTrue(Double.isNaN(second.baseThreshold()));
        assertNull(policy.lastThresholds());
    }

    @Test
    void shouldRemoveLowestCountsWithTiesByIndexAndAllTheirSynapses()
    {
        final DenseWeightMemory memory = filled(3, 4);
        final NeuronPrunePolicy policy = new NeuronPrunePolicy(
            PruneConfig.defaults(PruneMethod.NEURON, 100).withNeuronTargetFraction(0.5).withStartImages(60_000));

        policy.onBoundary(Boundary.paperStep(memory, 7, new long[] {5, 3, 3, 1}));

        assertTrue(memory.isNeuronPruned(3));
        assertTrue(memory.isNeuronPruned(1));
        assertFalse(memory.isNeuronPruned(2));
        for (int pre = 0; pre < 3; pre++)
        {
            assertFalse(memory.isLive(pre, 1));
            assertFalse(memory.isLive(pre, 3));
            assertTrue(memory.isLive(pre, 2));
        }
        assertEquals(6, memory.liveCount());
        assertEquals(3, policy.stepLog().get(0).spikeCountCutoff());
    }

    @Test
    void shouldKeepOneNeuronWhenTheTargetWouldRemoveAll()
    {
        final NeuronPrunePolicy policy =
            new NeuronPrunePolicy(PruneConfig.defaults(PruneMethod.NEURON, 100).withNeuronTargetFraction(0.99));
        assertEquals(9, policy.cumulativeTarget(7, 7, 10));
        assertEquals(99, policy.cumulativeTarget(7, 7, 100));
        assertEquals(0, policy.cumulativeTarget(0, 7, 100));
    }
}
