package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PostTrainingPrunePolicyTest
{
    private static final float W_MAX = 1.0f;

    private static PostTrainingPrunePolicy policy(final double target)
    {
        return new PostTrainingPrunePolicy(
            PruneConfig.defaults(PruneMethod.POST_TRAINING, 100).withTargetConnectivity(target));
    }

    private static DenseWeightMemory randomMemory(final long seed, final int pre, final int post)
    {
        final Random random = new Random(seed);
        final DenseWeightMemory memory = new DenseWeightMemory(pre, post, W_MAX);
        final float[][] values = new float[pre][post];
        for (final float[] row : values)
        {
            for (int j = 0; j < post; j++)
            {
                row[j] = random.nextFloat();
            }
        }
        return DenseWeightMemory.of(W_MAX, values);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1, 0.145, 0.5, 0.9, 1.0})
    void shouldHitTargetConnectivityExactlyWhenWeightsAreDistinct(final double target)
    {
        final DenseWeightMemory memory = randomMemory(11, 784, 10);
        final PostTrainingPrunePolicy policy = policy(target);

        policy.onEndOfTraining(Boundary.endOfTraining(memory, 8, new long[10]));

        assertEquals(Math.round(target * 7840), memory.liveCount());
        final PruneStepRecord record = policy.stepLog().get(0);
        assertEquals(memory.liveCount(), record.liveAfter());
        assertEquals(7840 - memory.liveCount(), record.synapsesPruned());
        // every survivor is at or above the threshold, every pruned weight was below it
        final float threshold = (float)record.baseThreshold();
        final DenseWeightMemory original = randomMemory(11, 784, 10);
        for (int pre = 0; pre < 784; pre++)
        {
            for (int post = 0; post < 10; post++)
            {
                assertEquals(original.weight(pre, post) >= threshold, memory.isLive(pre, post));
            }
        }
    }

    @Test
    void shouldBreakTiesByWholeNeuronsWhenTheyFit()
    {
        // 4 neurons × 10 inputs: 5 zeros each, then distinct positives; keep 30 → prune 10 of the 20 zeros
        final float[][] columns = new float[4][10];
        for (int post = 0; post < 4; post++)
        {
            for (int pre = 5; pre < 10; pre++)
            {
                columns[post][pre] = 0.1f * post + 0.01f * pre;
            }
        }
        final DenseWeightMemory memory = DenseWeightMemory.ofColumns(W_MAX, columns);
        final PostTrainingPrunePolicy policy = policy(0.75);

        policy.onEndOfTraining(Boundary.endOfTraining(memory, 8, new long[4]));

        assertEquals(30, memory.liveCount());
        assertFalse(memory.isLive(0, 0));
        assertFalse(memory.isLive(4, 1));
        assertTrue(memory.isLive(0, 2));
        assertTrue(memory.isLive(4, 3));
        assertEquals(0.0f, policy.lastThresholds()[2]);
        assertTrue(policy.lastThresholds()[0] > 0.0f);
    }

    @Test
    void shouldStopAboveTargetWhenTiesDoNotFitAnyNeuron()
    {
        // same layout; keep 33 → prune 7 zeros: neuron 0's five fit, no other neuron's five fit the last 2
        final float[][] columns = new float[4][10];
        for (int post = 0; post < 4; post++)
        {
            for (int pre = 5; pre < 10; pre++)
            {
                columns[post][pre] = 0.1f * post + 0.01f * pre;
            }
        }
        final DenseWeightMemory memory = DenseWeightMemory.ofColumns(W_MAX, columns);

        policy(0.825).onEndOfTraining(Boundary.endOfTraining(memory, 8, new long[4]));

        assertEquals(35, memory.liveCount());
    }

    @Test
    void shouldNeverPruneWeightsAtWMaxWhenTargetNeedsIt()
    {
        final float[][] columns = {{1.0f, 1.0f, 1.0f, 1.0f}};
        final DenseWeightMemory memory = DenseWeightMemory.ofColumns(W_MAX, columns);
        final PostTrainingPrunePolicy policy = policy(0.5);

        policy.onEndOfTraining(Boundary.endOfTraining(memory, 8, new long[1]));

        assertEquals(4, memory.liveCount());
        assertTrue(policy.lastThresholds()[0] < W_MAX);
    }

    @Test
    void shouldDoNothingDuringTrainingAndWhenAlreadySparseEnough()
    {
        final DenseWeightMemory memory = randomMemory(3, 20, 5);
        final PostTrainingPrunePolicy policy = policy(0.1);
        assertEquals(Long.MAX_VALUE, policy.startImages());

        policy.onBoundary(Boundary.paperStep(memory, 1, new long[5]));
        assertEquals(100, memory.liveCount());
        assertTrue(policy.stepLog().isEmpty());

        final PostTrainingPrunePolicy loose = policy(1.0);
        loose.onEndOfTraining(Boundary.endOfTraining(memory, 8, new long[5]));
        assertEquals(100, memory.liveCount());
        assertEquals(0, loose.stepLog().get(0).synapsesPruned());
    }
}
