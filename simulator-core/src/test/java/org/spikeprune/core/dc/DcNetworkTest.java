package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.prune.WeightMemory;
import org.spikeprune.engine.ThreadingMode;

class DcNetworkTest
{
    static final int CLASSES = 4;

    /** Four classes of blob images with noise: learnable, small, deterministic. */
    static byte[][] images(final int count, final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final byte[] pixels = new byte[count * 784];
        final byte[] labels = new byte[count];
        for (int m = 0; m < count; m++)
        {
            final int c = m % CLASSES;
            labels[m] = (byte)c;
            final int cx = 7 + 14 * (c % 2);
            final int cy = 7 + 14 * (c / 2);
            for (int y = 0; y < 28; y++)
            {
                for (int x = 0; x < 28; x++)
                {
                    final double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    final double v = 255 * Math.exp(-d2 / 18.0) + r.nextInt(30);
                    pixels[m * 784 + y * 28 + x] = (byte)Math.min(255, (int)v);
                }
            }
        }
        return new byte[][] {pixels, labels};
    }

    static DcParams params(final int exc, final Map<String, String> extra)
    {
        final java.util.Map<String, String> sets = new java.util.LinkedHashMap<>();
        sets.put("network.exc_neurons", Integer.toString(exc));
        sets.putAll(extra);
        return new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test", sets));
    }

    static DcTrainer.Result run(final int exc, final int cores, final ThreadingMode mode, final int train,
        final int test)
    {
        final byte[][] tr = images(train, 1);
        final byte[][] te = images(test, 2);
        final DcTrainer.Data data = new DcTrainer.Data(tr[0], tr[1], train, te[0], te[1], test, CLASSES);
        return DcTrainer.run(params(exc, Map.of()), data, new DcTrainer.Request(7, cores, mode, train, test, train,
            org.spikeprune.core.prune.PrunePolicy.NONE, ActivitySink.NONE, DcTrainer.Progress.NONE));
    }

    static java.util.stream.Stream<Arguments> partitions()
    {
        return java.util.stream.Stream.of(
            Arguments.of(1, ThreadingMode.INVOKER),
            Arguments.of(2, ThreadingMode.INVOKER),
            Arguments.of(3, ThreadingMode.INVOKER),
            Arguments.of(4, ThreadingMode.INVOKER),
            Arguments.of(1, ThreadingMode.SHARED),
            Arguments.of(2, ThreadingMode.SHARED),
            Arguments.of(2, ThreadingMode.DEDICATED),
            Arguments.of(4, ThreadingMode.DEDICATED));
    }

    @ParameterizedTest
    @MethodSource("partitions")
    void shouldGiveTheSameDigestForEveryPartitionAndMode(final int cores, final ThreadingMode mode)
    {
        final DcTrainer.Result reference = run(12, 1, ThreadingMode.INVOKER, 12, 6);
        final DcTrainer.Result r = run(12, cores, mode, 12, 6);
        assertEquals(reference.digest(), r.digest());
        assertEquals(reference.accuracy(), r.accuracy());
        assertEquals(reference.train().synapticOps(), r.train().synapticOps());
        assertEquals(reference.test().stdpUpdates(), r.test().stdpUpdates());
        assertEquals(reference.dynamics(), r.dynamics(), "the monitored batches (paper A Fig. 2)");
    }

    @Test
    void shouldLeaveRemovedNeuronsAndPrunedSynapsesOutOfTheMonitoredBatches()
    {
        // a policy that removes neuron 0 and prunes every weight of neuron 1 below the median at image 12
        final org.spikeprune.core.prune.PrunePolicy policy = new org.spikeprune.core.prune.PrunePolicy()
        {
            @Override
            public String name()
            {
                return "test";
            }

            @Override
            public long startImages()
            {
                return 12;
            }

            @Override
            public long stepImages()
            {
                return 1_000;
            }

            @Override
            public void onBoundary(final org.spikeprune.core.prune.PruneContext c)
            {
                c.weights().pruneNeuron(0);
                c.weights().pruneBelow(1, 0.5f);
            }
        };
        final byte[][] tr = images(24, 1);
        final DcTrainer.Data data = new DcTrainer.Data(tr[0], tr[1], 24, tr[0], tr[1], 4, CLASSES);
        final DcTrainer.Result r = DcTrainer.run(params(10, Map.of()), data, new DcTrainer.Request(3, 2,
            ThreadingMode.INVOKER, 24, 4, 24, policy, ActivitySink.NONE, DcTrainer.Progress.NONE));
        final java.util.List<LearningDynamics.Point> d = r.dynamics();
        assertEquals(12, d.size());
        for (final LearningDynamics.Point q : d.subList(0, 5))
        {
            assertEquals(10, q.neurons());
            assertEquals(7840, q.synapses());
        }
        // the batch that ends with the prune pass (image 12) compares only the synapses live at both ends
        assertTrue(r.liveSynapses() < 7840 - 784, "neuron 0 took its 784 synapses, neuron 1 lost some");
        for (final LearningDynamics.Point q : d.subList(5, 12))
        {
            assertEquals(9, q.neurons());
            assertEquals(r.liveSynapses(), q.synapses());
        }
    }

    @Test
    void shouldMonitorEveryScaledBatchWithStatisticsThatAddUp()
    {
        // 24 training images: paper A's 5,000 of 60,000 scaled is 2 images per batch, so 12 batches
        final DcTrainer.Result r = run(10, 2, ThreadingMode.INVOKER, 24, 6);
        final java.util.List<LearningDynamics.Point> d = r.dynamics();
        assertEquals(12, d.size());
        long spikes = 0;
        long presentations = 0;
        for (int k = 0; k < d.size(); k++)
        {
            final LearningDynamics.Point q = d.get(k);
            assertEquals(2L * (k + 1), q.images());
            assertEquals(2, q.batchImages());
            assertTrue(q.presentations() >= 2, "presentations " + q.presentations());
            assertEquals(10, q.neurons());
            assertEquals(784L * 10, q.synapses(), "no pruning: every synapse live at both ends");
            assertTrue(q.silentNeurons() >= 0 && q.silentNeurons() <= 10);
            assertTrue(q.spikesMin() <= q.spikesMean() && q.spikesMean() <= q.spikesMax());
            assertTrue(q.dwVariance() >= 0 && q.dwMeanAbs() >= Math.abs(q.dwMean()));
            if (k > 0)
            {
                // the change of the mean weight over a batch is the mean change of the weights
                assertEquals(q.weightMean() - d.get(k - 1).weightMean(), q.dwMean(), 1e-9);
            }
            spikes += Math.round(q.spikesMean() * q.neurons());
            presentations += q.presentations();
        }
        assertEquals(r.train().presentations(), presentations);
        assertTrue(spikes > 0 && spikes <= r.train().excToInhEvents(),
            spikes + " spikes within presentations, " + r.train().excToInhEvents() + " in all");
    }

    @Test
    void shouldChangeTheDigestWithTheSeed()
    {
        final byte[][] tr = images(10, 1);
        final DcTrainer.Data data = new DcTrainer.Data(tr[0], tr[1], 10, tr[0], tr[1], 10, CLASSES);
        final DcParams p = params(10, Map.of());
        final DcTrainer.Result a = DcTrainer.run(p, data, new DcTrainer.Request(1, 1, ThreadingMode.INVOKER, 10, 4,
            10, org.spikeprune.core.prune.PrunePolicy.NONE, ActivitySink.NONE, DcTrainer.Progress.NONE));
        final DcTrainer.Result b = DcTrainer.run(p, data, new DcTrainer.Request(2, 1, ThreadingMode.INVOKER, 10, 4,
            10, org.spikeprune.core.prune.PrunePolicy.NONE, ActivitySink.NONE, DcTrainer.Progress.NONE));
        assertNotEquals(a.digest(), b.digest());
    }

    @Test
    void shouldLearnSeparableClassesAndKeepWeightsAndThresholdsInBounds()
    {
        final DcTrainer.Result r = run(16, 2, ThreadingMode.INVOKER, 200, 40);
        assertTrue(r.accuracy() >= 0.75, "accuracy " + r.accuracy());
        for (final float w : r.weights())
        {
            assertTrue(w >= 0f && w <= 1.0f, "weight " + w);
        }
        for (final double th : r.thetas())
        {
            assertTrue(th >= 0 && th < 10, "theta " + th);
        }
    }

    @Test
    void shouldCountOneAccumulationPerLiveSynapsePerInputSpike()
    {
        final DcTrainer.Result r = run(10, 2, ThreadingMode.INVOKER, 12, 6);
        assertTrue(r.test().inputSpikes() > 0);
        assertEquals(r.test().inputSpikes() * 10, r.test().synapticOps(), "inference: one SOP per spike per synapse");
        assertEquals(0, r.test().stdpUpdates());
        // training: one depression per accumulation, one potentiation per input per excitatory spike
        assertEquals(r.train().inputSpikes() * 10, r.train().synapticOps());
        assertEquals(r.train().synapticOps() + r.train().excToInhEvents() * 784, r.train().stdpUpdates());
    }

    @Test
    void shouldSkipPrunedSynapsesAndKeepFrozenOnesTransmitting()
    {
        final DcParams p = params(8, Map.of());
        final byte[][] tr = images(8, 3);
        try (DcNetwork net = new DcNetwork(p, 5, 2, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final WeightMemory wm = net.weights();
            assertEquals(784L * 8, wm.liveCount());
            // prune everything onto neurons 0..3, freeze everything onto neuron 4
            for (int j = 0; j < 4; j++)
            {
                assertEquals(784, wm.pruneBelow(j, Float.POSITIVE_INFINITY));
            }
            assertEquals(784, wm.freezeBelow(4, Float.POSITIVE_INFINITY));
            net.compact();
            assertEquals(784L * 4, wm.liveCount());
            assertEquals(784L, wm.frozenCount());
            assertTrue(wm.isFrozen(10, 4));
            assertTrue(!wm.isLive(10, 0));
            final float before = wm.weight(300, 4);
            final long[] counts = new long[8];
            final long sops0 = net.synapticOps();
            final long in0 = net.inputSpikes();
            final long upd0 = net.stdpUpdates();
            for (int m = 0; m < 8; m++)
            {
                net.present(tr[0], m, tr[1][m], true, counts);
            }
            final long inputs = net.inputSpikes() - in0;
            assertEquals(inputs * 4, net.synapticOps() - sops0, "pruned synapses cost no SOP, frozen ones do");
            final long excSpikes = net.excSpikes();
            assertTrue(net.stdpUpdates() - upd0 <= inputs * 3 + excSpikes * 784, "frozen synapses get no STDP");
            assertEquals(before, wm.weight(300, 4), 0.0f, "frozen weight unchanged by learning");
        }
    }

    /**
     * Normalisation keeps each neuron's weight sum from one image to the next and sums again only the neurons that
     * fired recently enough for a weight to have changed: after every learning presentation the result must be
     * that of summing every neuron's weights from scratch (input order, in double) and scaling by
     * {@code (float)(78 / sum)}, bit for bit, on one core and on three, through a prune pass.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void shouldNormaliseAsASumFromScratchWhenSumsAreKeptBetweenImages(final int cores)
    {
        final int exc = 12;
        final DcParams p = params(exc, Map.of());
        final byte[][] tr = images(40, 5);
        try (DcNetwork net = new DcNetwork(p, 11, cores, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final WeightMemory wm = net.weights();
            final long[] counts = new long[exc];
            int unchanged = 0;
            for (int m = 0; m < 40; m++)
            {
                net.present(tr[0], m, tr[1][m], true, counts);
                if (m == 20)
                {
                    for (int j = 0; j < exc; j += 3)
                    {
                        wm.pruneBelow(j, 0.05f);
                    }
                    net.compact();
                }
                final float[] expected = new float[784 * exc];
                for (int j = 0; j < exc; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < 784; i++)
                    {
                        if (wm.isLive(i, j))
                        {
                            sum += wm.weight(i, j);
                        }
                    }
                    final float f = (float)(78.0 / sum);
                    unchanged += f == 1f ? 1 : 0;
                    for (int i = 0; i < 784; i++)
                    {
                        expected[i * exc + j] = wm.weight(i, j) * f;
                    }
                }
                net.normalise();
                for (int j = 0; j < exc; j++)
                {
                    for (int i = 0; i < 784; i++)
                    {
                        assertEquals(Float.floatToRawIntBits(expected[i * exc + j]),
                            Float.floatToRawIntBits(wm.weight(i, j)), "image " + m + " input " + i + " neuron " + j);
                    }
                }
            }
            assertTrue(unchanged > 0, "some neurons kept their weights since the last normalisation");
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"unpruned", "retained"})
    void shouldNormaliseSurvivorsToTheTargetOfTheModeWhenHalfTheWeightsArePruned(final String mode)
    {
        final DcParams p = params(4, Map.of("norm.mode", mode));
        try (DcNetwork net = new DcNetwork(p, 5, 2, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final WeightMemory wm = net.weights();
            net.normalise();
            final double[] before = net.liveWeightMass();
            for (final double m : before)
            {
                assertEquals(78.0, m, 1e-3, "normalised before pruning");
            }
            final float[] w0 = new float[784];
            for (int i = 0; i < 784; i++)
            {
                w0[i] = wm.weight(i, 0);
            }
            java.util.Arrays.sort(w0);
            assertEquals(392, wm.pruneBelow(0, w0[392]), "weights are distinct");
            net.compact();
            final double[] after = net.liveWeightMass();
            assertTrue(after[0] < 0.9 * before[0] && after[0] > 0.5 * before[0], "the upper half keeps most mass");
            net.retainPrunedMass(before, after);

            net.normalise();

            final double[] now = net.liveWeightMass();
            final double expected = mode.equals("retained") ? 78.0 * after[0] / before[0] : 78.0;
            assertEquals(expected, now[0], 1e-3, "neuron 0 after pruning, mode " + mode);
            assertEquals(expected, net.normTarget(0), 1e-9);
            for (int j = 1; j < 4; j++)
            {
                assertEquals(78.0, now[j], 1e-3, "an unpruned neuron keeps norm.total");
            }
        }
    }

    /**
     * {@code norm.kind=l2}: before every learning presentation each neuron's weights are scaled so that their
     * Euclidean norm is norm.total, on one core and on three, through a prune pass (survivors only), and the
     * direction of each weight vector is kept.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void shouldScaleEachNeuronsWeightsToTheEuclideanTotalWhenTheKindIsL2(final int cores)
    {
        final int exc = 6;
        final DcParams p = params(exc, Map.of("norm.kind", "l2", "norm.total", "5"));
        final byte[][] tr = images(30, 5);
        try (DcNetwork net = new DcNetwork(p, 11, cores, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final WeightMemory wm = net.weights();
            final long[] counts = new long[exc];
            for (int m = 0; m < 30; m++)
            {
                net.present(tr[0], m, tr[1][m], true, counts);
                if (m == 15)
                {
                    wm.pruneBelow(0, 0.2f);
                    net.compact();
                }
                final float[] before = new float[784];
                for (int i = 0; i < 784; i++)
                {
                    before[i] = wm.weight(i, 1);
                }
                net.normalise();
                final double[] norm = net.liveWeightMass();
                double l1 = 0;
                for (int j = 0; j < exc; j++)
                {
                    assertEquals(5.0, norm[j], 1e-4, "image " + m + " neuron " + j);
                }
                for (int i = 0; i < 784; i++)
                {
                    l1 += wm.weight(i, 1);
                    if (before[i] > 0)
                    {
                        assertEquals(wm.weight(i, 1) / before[i], wm.weight(0, 1) / before[0], 1e-4,
                            "one factor per neuron");
                    }
                }
                assertTrue(l1 > 5.0 * 1.5, "the sum is not the measured total: " + l1);
            }
        }
    }

    @Test
    void shouldRefuseAnL2TotalThatWouldNeedWeightsAboveTheMaximum()
    {
        final org.spikeprune.core.InputException ex = org.junit.jupiter.api.Assertions.assertThrows(
            org.spikeprune.core.InputException.class, () -> params(4, Map.of("norm.kind", "l2", "norm.total", "78")));
        assertTrue(ex.getMessage().contains("norm.total=78") && ex.getMessage().contains("norm.kind=l2"),
            ex.getMessage());
        final org.spikeprune.core.InputException kind = org.junit.jupiter.api.Assertions.assertThrows(
            org.spikeprune.core.InputException.class, () -> params(4, Map.of("norm.kind", "l3")));
        assertTrue(kind.getMessage().contains("norm.kind=l3"), kind.getMessage());
    }

    @Test
    void shouldGiveTheSameResultWhetherAssignmentAndTestRunSideBySideOrNot()
    {
        final byte[][] tr = images(20, 1);
        final byte[][] te = images(8, 2);
        final DcTrainer.Data data = new DcTrainer.Data(tr[0], tr[1], 20, te[0], te[1], 8, CLASSES);
        final DcParams p = params(10, Map.of());
        final DcTrainer.Result a = DcTrainer.run(p, data, new DcTrainer.Request(4, 2, ThreadingMode.INVOKER, 20, 8,
            20, org.spikeprune.core.prune.PrunePolicy.NONE, ActivitySink.NONE, DcTrainer.Progress.NONE, true));
        final DcTrainer.Result b = DcTrainer.run(p, data, new DcTrainer.Request(4, 2, ThreadingMode.INVOKER, 20, 8,
            20, org.spikeprune.core.prune.PrunePolicy.NONE, ActivitySink.NONE, DcTrainer.Progress.NONE, false));
        assertEquals(a.digest(), b.digest());
        assertEquals(a.accuracy(), b.accuracy());
        assertEquals(a.test().synapticOps(), b.test().synapticOps());
    }

    @Test
    void shouldNotChangeResultsWhenTheSameRunIsRepeated()
    {
        final DcTrainer.Result a = run(10, 3, ThreadingMode.INVOKER, 16, 6);
        final DcTrainer.Result b = run(10, 3, ThreadingMode.INVOKER, 16, 6);
        assertEquals(a.digest(), b.digest());
    }
}
