package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;

/** Constant, APT, APN and APTN on small hand-made weight memories. */
class WeightThresholdPolicyTest
{
    private static final float W_MAX = 1.0f;
    private static final long[] NO_COUNTS = new long[4];

    /** One column of 10 weights 0.00, 0.01, …, 0.09 per neuron, repeated over {@code posts} neurons. */
    private static DenseWeightMemory ladder(final int posts)
    {
        final float[][] columns = new float[posts][10];
        for (int post = 0; post < posts; post++)
        {
            for (int pre = 0; pre < 10; pre++)
            {
                columns[post][pre] = pre * 0.01f + 0.001f;
            }
        }
        return DenseWeightMemory.ofColumns(W_MAX, columns);
    }

    private static PruneConfig config(final double w0)
    {
        return PruneConfig.defaults(PruneMethod.APTN, 100).withInitialThreshold(w0);
    }

    @Test
    void shouldPruneBelowTheSameThresholdAtEveryStepWhenConstant()
    {
        final DenseWeightMemory memory = ladder(4);
        final ConstantPrunePolicy policy = new ConstantPrunePolicy(config(0.035));

        policy.onBoundary(Boundary.paperStep(memory, 1, NO_COUNTS));

        // 0.001, 0.011, 0.021, 0.031 pruned per neuron
        assertEquals(24, memory.liveCount());
        assertFalse(memory.isLive(3, 2));
        assertTrue(memory.isLive(4, 2));
        memory.learn(-0.01f);
        policy.onBoundary(Boundary.paperStep(memory, 2, NO_COUNTS));
        // 0.041 became 0.031: pruned at the next step
        assertEquals(20, memory.liveCount());
        assertArrayEquals(new float[] {0.035f, 0.035f, 0.035f, 0.035f}, policy.lastThresholds());
        assertEquals("constant", policy.name());
        assertEquals(30_000L, policy.startImages());
        assertEquals(5_000L, policy.stepImages());
    }

    @Test
    void shouldUseInitialThresholdAtStepOneAndF1OfStepsSinceWhenApt()
    {
        final DenseWeightMemory memory = ladder(2);
        final AptPrunePolicy policy =
            new AptPrunePolicy(config(0.02).withTimeAdaptation(AdaptationFunction.F1, 1.5));

        for (int step = 1; step <= 4; step++)
        {
            policy.onBoundary(Boundary.paperStep(memory, step, NO_COUNTS));
        }

        final List<PruneStepRecord> log = policy.stepLog();
        assertEquals(4, log.size());
        final double[] expected = {0.02, 0.03, 0.045, 0.0675};
        final long[] live = {16, 14, 10, 6};
        for (int i = 0; i < 4; i++)
        {
            final PruneStepRecord record = log.get(i);
            assertEquals(i + 1, record.step());
            assertEquals(30_000L + 5_000L * i, record.images());
            assertEquals(expected[i], record.baseThreshold(), 1e-7);
            assertEquals(expected[i], record.minThreshold(), 1e-7);
            assertEquals(expected[i], record.maxThreshold(), 1e-7);
            assertEquals(1, record.groups());
            assertEquals(live[i], record.liveAfter());
            assertEquals(live[i] / 20.0, record.connectivityAfter(), 1e-12);
        }
        assertEquals(4, log.get(0).synapsesPruned());
        assertEquals(4, log.get(3).synapsesPruned());
    }

    @Test
    void shouldFollowF2AndF3WhenAptUsesThem()
    {
        final AptPrunePolicy f2 = new AptPrunePolicy(config(0.036).withTimeAdaptation(AdaptationFunction.F2, 1.1));
        final AptPrunePolicy f3 = new AptPrunePolicy(config(0.036).withTimeAdaptation(AdaptationFunction.F3, 0.01));
        for (int step = 1; step <= 7; step++)
        {
            f2.onBoundary(Boundary.paperStep(ladder(1), step, NO_COUNTS));
            f3.onBoundary(Boundary.paperStep(ladder(1), step, NO_COUNTS));
            final int n = step - 1;
            assertEquals((float)(1.0 - 0.964 * Math.pow(1.1, -n)), f2.lastThresholds()[0], 1e-7f);
            assertEquals((float)(0.036 + 0.01 * n), f3.lastThresholds()[0], 1e-7f);
        }
    }

    @Test
    void shouldMatchAptWithUnitFactorWhenConstant()
    {
        final Random random = new Random(7);
        final float[][] values = new float[30][6];
        for (final float[] row : values)
        {
            for (int post = 0; post < row.length; post++)
            {
                row[post] = random.nextFloat();
            }
        }
        final DenseWeightMemory a = DenseWeightMemory.of(W_MAX, values);
        final DenseWeightMemory b = DenseWeightMemory.of(W_MAX, values);
        final ConstantPrunePolicy constant = new ConstantPrunePolicy(config(0.3));
        final AptPrunePolicy apt = new AptPrunePolicy(config(0.3).withTimeAdaptation(AdaptationFunction.F1, 1.0));

        for (int step = 1; step <= 7; step++)
        {
            constant.onBoundary(Boundary.paperStep(a, step, new long[6]));
            apt.onBoundary(Boundary.paperStep(b, step, new long[6]));
            a.learn(-0.03f);
            b.learn(-0.03f);
            assertEquals(constant.stepLog().get(step - 1), apt.stepLog().get(step - 1));
        }
        for (int pre = 0; pre < 30; pre++)
        {
            for (int post = 0; post < 6; post++)
            {
                assertEquals(a.isLive(pre, post), b.isLive(pre, post));
            }
        }
    }

    @Test
    void shouldGiveHigherThresholdsToBusierGroupsWithConstantBaseWhenApn()
    {
        final DenseWeightMemory memory = ladder(4);
        final ApnPrunePolicy policy = new ApnPrunePolicy(
            config(0.02).withNeuronAdaptation(AdaptationFunction.F1, 2.0).withSpikeInterval(30.0)
                .withTimeAdaptation(AdaptationFunction.F1, 5.0));
        final long[] counts = {100, 0, 10, 45};

        policy.onBoundary(Boundary.paperStep(memory, 1, counts));

        // groups: {n1: 0, n2: 10} G0, {n3: 45} G1, {n0: 100} G2; the time factor is ignored by APN
        assertArrayEquals(new float[] {0.08f, 0.02f, 0.02f, 0.04f}, policy.lastThresholds(), 1e-7f);
        assertEquals(3, policy.stepLog().get(0).groups());
        assertEquals(0.02, policy.stepLog().get(0).baseThreshold(), 1e-7);
        assertEquals(8 + 2 + 2 + 4, policy.stepLog().get(0).synapsesPruned());

        // next step: the order changes, groups restart at G0 with the same base
        policy.onBoundary(Boundary.paperStep(memory, 2, new long[] {0, 100, 10, 45}));
        assertArrayEquals(new float[] {0.02f, 0.08f, 0.02f, 0.04f}, policy.lastThresholds(), 1e-7f);
        assertEquals(0.02, policy.stepLog().get(1).baseThreshold(), 1e-7);
    }

    @Test
    void shouldAdaptPerNeuronThresholdsOverTimeAndGroupsWhenAptn()
    {
        final DenseWeightMemory memory = ladder(3);
        final AptnPrunePolicy policy = new AptnPrunePolicy(config(0.01)
            .withTimeAdaptation(AdaptationFunction.F1, 2.0)
            .withNeuronAdaptation(AdaptationFunction.F1, 1.5)
            .withSpikeInterval(30.0));
        final long[] counts = {0, 50, 100};

        policy.onBoundary(Boundary.paperStep(memory, 1, counts));
        assertArrayEquals(new float[] {0.01f, 0.015f, 0.0225f}, policy.lastThresholds(), 1e-7f);
        // weights 0.001 | 0.001, 0.011 | 0.001, 0.011, 0.021
        assertEquals(1 + 2 + 3, policy.stepLog().get(0).synapsesPruned());

        policy.onBoundary(Boundary.paperStep(memory, 2, counts));
        assertArrayEquals(new float[] {0.02f, 0.03f, 0.045f}, policy.lastThresholds(), 1e-7f);

        policy.onBoundary(Boundary.paperStep(memory, 3, counts));
        assertArrayEquals(new float[] {0.04f, 0.06f, 0.09f}, policy.lastThresholds(), 1e-7f);
        final PruneStepRecord third = policy.stepLog().get(2);
        assertEquals(0.04, third.baseThreshold(), 1e-7);
        assertEquals(0.04, third.minThreshold(), 1e-7);
        assertEquals(0.09, third.maxThreshold(), 1e-7);
        assertEquals((0.04 + 0.06 + 0.09) / 3, third.meanThreshold(), 1e-7);
        assertEquals(3, third.groups());
        // live: 0.041.. 0.091 (6) | 0.061.. (4) | 0.091 (1)
        assertEquals(6 + 4 + 1, third.liveAfter());
        for (int post = 0; post < 3; post++)
        {
            for (int pre = 0; pre < 10; pre++)
            {
                final boolean live = memory.isLive(pre, post);
                assertEquals(pre * 0.01f + 0.001f >= policy.lastThresholds()[post], live, pre + "→" + post);
            }
        }
    }

    @Test
    void shouldNeverPruneWeightsAtWMaxWhenThresholdsSaturate()
    {
        final float[][] columns = {{1.0f, 0.999f, 0.5f}, {1.0f, 1.0f, 0.0f}};
        final DenseWeightMemory memory = DenseWeightMemory.ofColumns(W_MAX, columns);
        final AptnPrunePolicy policy = new AptnPrunePolicy(config(0.5)
            .withTimeAdaptation(AdaptationFunction.F1, 100.0)
            .withNeuronAdaptation(AdaptationFunction.F1, 100.0)
            .withSpikeInterval(1.0));

        for (int step = 1; step <= 7; step++)
        {
            policy.onBoundary(Boundary.paperStep(memory, step, new long[] {step, 0}));
            for (final float threshold : policy.lastThresholds())
            {
                assertTrue(threshold < W_MAX, "threshold " + threshold);
            }
        }
        assertTrue(memory.isLive(0, 0));
        assertTrue(memory.isLive(0, 1));
        assertTrue(memory.isLive(1, 1));
        assertFalse(memory.isLive(1, 0));
        assertEquals(3, memory.liveCount());
    }

    @Test
    void shouldNameInitialThresholdKeyWhenAtOrAboveWMaxOfTheNetwork()
    {
        final DenseWeightMemory memory = new DenseWeightMemory(2, 2, 0.5f);
        final AptPrunePolicy policy = new AptPrunePolicy(config(0.5));

        final InputException e = assertThrows(InputException.class,
            () -> policy.onBoundary(Boundary.paperStep(memory, 1, new long[2])));
        assertTrue(e.getMessage().startsWith("pruning.w_th0:"), e.getMessage());
    }

    @Test
    void shouldReportNoThresholdsBeforeTheFirstStep()
    {
        assertNull(new AptnPrunePolicy(config(0.01)).lastThresholds());
        assertTrue(new AptnPrunePolicy(config(0.01)).stepLog().isEmpty());
    }

    @Test
    void shouldReturnCopiesWhenThresholdsAreRead()
    {
        final AptPrunePolicy policy = new AptPrunePolicy(config(0.02));
        policy.onBoundary(Boundary.paperStep(ladder(2), 1, new long[2]));
        policy.lastThresholds()[0] = 0.9f;
        assertEquals(0.02f, policy.lastThresholds()[0]);
    }
}
