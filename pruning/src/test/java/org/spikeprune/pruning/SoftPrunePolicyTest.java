package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftPrunePolicyTest
{
    private static final float W_MAX = 1.0f;

    @Test
    void shouldFreezeWeightsBelowThresholdAndKeepThemTransmittingWhenSoft()
    {
        final float[][] columns = {{0.01f, 0.2f, 0.05f, 0.6f}, {0.3f, 0.02f, 0.0f, 0.04f}};
        final DenseWeightMemory memory = DenseWeightMemory.ofColumns(W_MAX, columns);
        final SoftPrunePolicy policy =
            new SoftPrunePolicy(PruneConfig.defaults(PruneMethod.SOFT, 100).withInitialThreshold(0.1));

        policy.onBoundary(Boundary.paperStep(memory, 1, new long[2]));

        assertEquals(8, memory.liveCount());
        assertEquals(1.0, memory.connectivity());
        assertEquals(5, memory.frozenCount());
        assertTrue(memory.isFrozen(0, 0));
        assertTrue(memory.isLive(0, 0));
        assertFalse(memory.isFrozen(1, 0));
        // frozen synapses still deliver their current
        assertEquals(0.01f, memory.transmit(0, 0));
        assertEquals(0.05f, memory.transmit(2, 0));
        assertEquals(0.04f, memory.transmit(3, 1));

        final PruneStepRecord record = policy.stepLog().get(0);
        assertEquals(0, record.synapsesPruned());
        assertEquals(5, record.synapsesFrozen());
        assertEquals(1.0, record.connectivityAfter());
        assertEquals(3.0 / 8.0, record.unprunedAfter());
        assertArrayEquals(new float[] {0.1f, 0.1f}, policy.lastThresholds());
    }

    @Test
    void shouldStopLearningOnFrozenWeightsWhileOthersLearn()
    {
        final float[][] columns = {{0.05f, 0.5f}};
        final DenseWeightMemory memory = DenseWeightMemory.ofColumns(W_MAX, columns);
        final SoftPrunePolicy policy =
            new SoftPrunePolicy(PruneConfig.defaults(PruneMethod.SOFT, 100).withInitialThreshold(0.1));

        policy.onBoundary(Boundary.paperStep(memory, 1, new long[1]));
        memory.learn(-0.45f);
        // the frozen weight kept its value; the plastic one fell below the threshold and freezes at the next step
        assertEquals(0.05f, memory.weight(0, 0));
        assertEquals(0.05f, memory.weight(1, 0), 1e-6f);
        policy.onBoundary(Boundary.paperStep(memory, 2, new long[1]));
        assertEquals(2, memory.frozenCount());
        assertEquals(0, policy.stepLog().get(1).synapsesPruned());
        assertEquals(1, policy.stepLog().get(1).synapsesFrozen());
        assertEquals(0.0, policy.stepLog().get(1).unprunedAfter());
        assertEquals(1.0, policy.stepLog().get(1).connectivityAfter());
    }
}
