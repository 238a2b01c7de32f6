package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Properties that hold for any factors, spike counts and weights. */
class PrunePolicyPropertiesTest
{
    private static final long SEED = 20_201_130L;

    private static final PruneMethod[] ONLINE = {
        PruneMethod.CONSTANT, PruneMethod.APT, PruneMethod.APN, PruneMethod.APTN, PruneMethod.SOFT, PruneMethod.NEURON};

    @Test
    void shouldKeepEveryFunctionBelowWMaxForAnyFactorAndStep()
    {
        qt().withFixedSeed(SEED).withExamples(2_000)
            .forAll(integers().between(0, 2), doubles().between(0.0, 1_000.0), integers().between(0, 500),
                doubles().between(0.0, 0.999))
            .checkAssert((function, factor, n, fraction) ->
            {
                final float wMax = 0.25f + (float)(fraction * 4.0);
                final double w0 = fraction * wMax;
                final float threshold = AdaptationFunction.cap(
                    AdaptationFunction.values()[function].apply(w0, factor, n, wMax), wMax);
                assertTrue(threshold >= 0.0f && threshold < wMax, () -> "threshold " + threshold + " wMax " + wMax);
            });
    }

    @Test
    void shouldAssignThresholdsBelowWMaxThatGrowWithSpikeCountForAnyGrouping()
    {
        qt().withFixedSeed(SEED).withExamples(500)
            .forAll(longs().all(), doubles().between(0.5, 600.0), doubles().between(1.0, 60.0),
                integers().between(0, 2))
            .checkAssert((seed, interval, factor, function) ->
            {
                final Random random = new Random(seed);
                final int posts = 1 + random.nextInt(60);
                final long[] counts = new long[posts];
                for (int i = 0; i < posts; i++)
                {
                    counts[i] = random.nextInt(4) == 0 ? counts[random.nextInt(i + 1)] : random.nextInt(2_000);
                }
                final double spikeInterval = random.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : interval;
                final AdaptationFunction neuronFunction = AdaptationFunction.values()[function];
                final double neuronFactor = neuronFunction == AdaptationFunction.F3 ? factor / 60.0 : factor;
                final AdaptiveThresholds thresholds = new AdaptiveThresholds(
                    0.05, AdaptationFunction.F1, 1.0, neuronFunction, neuronFactor, spikeInterval);
                final DenseWeightMemory memory = new DenseWeightMemory(1, posts, 1.0f);
                final float[] assigned = new float[posts];

                final int groups = thresholds.assign(0.05f, counts, memory, assigned);

                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < posts; i++)
                {
                    assertTrue(assigned[i] >= 0.05f && assigned[i] < 1.0f, "threshold " + assigned[i]);
                    min = Math.min(min, counts[i]);
                    max = Math.max(max, counts[i]);
                    for (int j = 0; j < posts; j++)
                    {
                        if (counts[i] < counts[j])
                        {
                            assertTrue(assigned[i] <= assigned[j], "busier neuron got a lower threshold");
                        }
                        if (counts[i] == counts[j])
                        {
                            assertEquals(assigned[i], assigned[j], "tied counts in different groups");
                        }
                    }
                }
                assertTrue(groups >= 1 && groups <= posts);
                if (max - min < spikeInterval)
                {
                    assertEquals(1, groups);
                }
                else
                {
                    assertTrue(groups >= 2);
                    assertTrue(groups <= 1 + (max - min) / spikeInterval + 1e-9, "groups " + groups);
                }
            });
    }

    @Test
    void shouldNeverRaiseConnectivityAndNeverLeaveLiveWeightsBelowThresholdForAnyOnlinePolicy()
    {
        qt().withFixedSeed(SEED).withExamples(150)
            .forAll(longs().all(), integers().between(0, ONLINE.length - 1), doubles().between(0.0, 0.3),
                doubles().between(1.0, 3.0))
            .checkAssert((seed, methodIndex, w0, factor) ->
            {
                final Random random = new Random(seed);
                final PruneMethod method = ONLINE[methodIndex];
                final int pre = 5 + random.nextInt(20);
                final int posts = 2 + random.nextInt(12);
                final float[][] values = new float[pre][posts];
                for (final float[] row : values)
                {
                    for (int j = 0; j < posts; j++)
                    {
                        row[j] = random.nextFloat();
                    }
                }
                final DenseWeightMemory memory = DenseWeightMemory.of(1.0f, values);
                final AdaptationFunction timeFunction = AdaptationFunction.values()[random.nextInt(3)];
                final double timeFactor = timeFunction == AdaptationFunction.F3 ? (factor - 1.0) / 10.0 : factor;
                final PruneConfig config = PruneConfig.defaults(method, posts)
                    .withInitialThreshold(w0)
                    .withTimeAdaptation(timeFunction, timeFactor)
                    .withNeuronAdaptation(AdaptationFunction.F1, factor)
                    .withSpikeInterval(1.0 + random.nextInt(100));
                final ReportingPrunePolicy policy = PrunePolicies.create(method, config);

                double connectivity = memory.connectivity();
                double unpruned = 1.0;
                for (int step = 1; step <= 7; step++)
                {
                    final long[] counts = new long[posts];
                    for (int j = 0; j < posts; j++)
                    {
                        counts[j] = random.nextInt(300);
                    }
                    policy.onBoundary(Boundary.paperStep(memory, step, counts));
                    final PruneStepRecord record = policy.stepLog().get(step - 1);
                    assertTrue(record.connectivityAfter() <= connectivity, "connectivity rose");
                    assertTrue(record.unprunedAfter() <= unpruned, "unpruned fraction rose");
                    assertEquals(memory.connectivity(), record.connectivityAfter());
                    connectivity = record.connectivityAfter();
                    unpruned = record.unprunedAfter();
                    final float[] thresholds = policy.lastThresholds();
                    if (thresholds != null)
                    {
                        for (int j = 0; j < posts; j++)
                        {
                            assertTrue(thresholds[j] < 1.0f);
                            for (int i = 0; i < pre; i++)
                            {
                                if (memory.isLive(i, j) && !memory.isFrozen(i, j))
                                {
                                    assertTrue(memory.weight(i, j) >= thresholds[j], "live weight below threshold");
                                }
                            }
                        }
                    }
                    memory.learn((random.nextFloat() - 0.6f) * 0.1f);
                }
            });
    }
}
