package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.engine.ThreadingMode;

class ConvNetworkTest
{
    /** Records the tick of every layer's spikes. */
    private static final class TickLog implements ActivitySink
    {
        final List<long[]> rows = new ArrayList<>();

        @Override
        public void onLayerTick(final long tick, final int layer, final int core, final int spikesIn,
            final long synapticOps, final long neuronUpdates, final long stdpUpdates, final long decrements,
            final int spikesOut)
        {
            if (spikesOut > 0)
            {
                rows.add(new long[] {tick, layer, spikesOut});
            }
        }
    }

    @Test
    void shouldDelayEachLayerByOneStepWhenPropagating()
    {
        final ConvNetConfig cfg = TinyNets.config(6, 6, false, 8, List.of(
            ConvLayerSpec.conv(1, 3, 0.5f), ConvLayerSpec.pool(1, 2, 2, 0, false), ConvLayerSpec.conv(1, 3, 0.5f)));
        final TickLog log = new TickLog();
        try (ConvNetwork net = new ConvNetwork(cfg, 1, 1, ThreadingMode.INVOKER, log))
        {
            final float[] ones = new float[9];
            Arrays.fill(ones, 1f);
            net.weights(0).load(ones);
            net.weights(1).load(ones);
            // One input spike at (2, 2) in bin 0.
            net.features(List.of(TinyNets.spikes(0, new int[] {2 * 6 + 2})));
        }
        // bin 0 is dispatched at step 1: conv1 (sink layer 0) fires at step 1, pool (1) at 2, conv2 (2) at 3.
        assertEquals(3, log.rows.size());
        assertArrayEquals(new long[] {1, 0, 9}, log.rows.get(0));
        assertArrayEquals(new long[] {2, 1, 4}, log.rows.get(1));
        assertEquals(3, log.rows.get(2)[0]);
        assertEquals(2, log.rows.get(2)[1]);
    }

    @Test
    void shouldReturnMaxLastLayerPotentialPerMapWhenExtractingFeatures()
    {
        final ConvNetConfig cfg = TinyNets.config(4, 4, false, 4, List.of(ConvLayerSpec.conv(2, 1, 100f)));
        try (ConvNetwork net = new ConvNetwork(cfg, 1, 1, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            net.weights(0).load(new float[] {0.25f, 0.5f});
            final double[][] f = net.features(List.of(TinyNets.spikes(0, new int[] {0, 5}, new int[] {6})));
            assertEquals(0.25, f[0][0], 1e-6);
            assertEquals(0.5, f[0][1], 1e-6);
            assertEquals(3, net.inferenceCounts().spikes(0));
            assertEquals(6, net.inferenceCounts().synapticOps(1));
        }
    }

    @Test
    void shouldPoolLastLayerSpikesWhenTheReadoutIsASpikePool()
    {
        final ConvNetConfig base = TinyNets.config(4, 4, false, 4, List.of(ConvLayerSpec.conv(2, 1, 0.3f)));
        final ConvNetConfig cfg = new ConvNetConfig(base.coding(), base.layers(), base.ticksPerImage(),
            base.learnIterations(), base.aPlus(), base.aMinus(), base.rateDoublingPeriod(), base.aPlusCap(),
            base.aMinusRatio(), base.winnersPerStep(), base.winnersPerImage(), base.inhibitionRadius(),
            base.initMean(), base.initStd(), base.extractionThreshold(), base.order(),
            new Inhibition[] {Inhibition.NEURON}, new int[] {2, 2, 0});
        try (ConvNetwork net = new ConvNetwork(cfg, 1, 1, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            net.weights(0).load(new float[] {0.25f, 0.5f});
            // Input (0,0) and (3,3): only map 1 (0.5 > 0.3) fires, at (0,0) and (3,3).
            final double[][] f = net.features(List.of(TinyNets.spikes(0, new int[] {0, 15})));
            assertEquals(2 * 2 * 2, f[0].length);
            assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 1}, f[0]);
        }
    }

    @Test
    void shouldReportPerCoreWorkThatAddsUpToTheCountsWhenASinkListens()
    {
        final long[] sums = new long[4];
        final ActivitySink sink = new ActivitySink()
        {
            @Override
            public void onCoreTick(final long tick, final int core, final int spikesIn, final long synapticOps,
                final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
            {
                sums[0] += synapticOps;
                sums[1] += stdpUpdates;
                sums[3] += spikesOut;
            }

            @Override
            public void onImageEnd(final long tick, final int image, final int spikes)
            {
                sums[2] += spikes;
            }
        };
        try (ConvNetwork net = new ConvNetwork(learningConfig(), 7, 2, ThreadingMode.INVOKER, sink))
        {
            final List<InputSpikes> images = randomImages(10, 16, 16, 3);
            net.learn(images, KernelPrunePolicy.NONE, LearningListener.NONE);
            net.features(images);
            final OperationCounts all = new OperationCounts(net.geometry().layerCount());
            all.add(net.learningCounts());
            all.add(net.inferenceCounts());
            assertEquals(all.totalSynapticOps(), sums[0]);
            assertEquals(all.totalStdpUpdates(), sums[1]);
            assertTrue(sums[1] > 0);
            assertEquals(all.totalSpikes(), sums[3]);
            assertEquals(all.totalSpikes(), sums[2]);
        }
    }

    /** Sums the per-layer reports; counts any whole-core report, which a layered run must not send. */
    private static final class LayerSums implements ActivitySink
    {
        final long[][] sums = new long[4][6];
        long coreTicks;
        final java.util.Set<String> seen = new java.util.HashSet<>();
        boolean repeated;

        @Override
        public void onLayerTick(final long tick, final int layer, final int core, final int spikesIn,
            final long synapticOps, final long neuronUpdates, final long stdpUpdates, final long decrements,
            final int spikesOut)
        {
            repeated |= !seen.add(tick + "/" + layer + "/" + core);
            final long[] s = sums[layer];
            s[0] += synapticOps;
            s[1] += neuronUpdates;
            s[2] += stdpUpdates;
            s[3] += decrements;
            s[4] += spikesOut;
            s[5] += spikesIn;
        }

        @Override
        public void onCoreTick(final long tick, final int core, final int spikesIn, final long synapticOps,
            final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
        {
            coreTicks++;
        }
    }

    /** Dynamic pruning that evaluates every 5 iterations and prunes nothing: the Decrement Track is kept. */
    private static final KernelPrunePolicy TRACK_ONLY = new KernelPrunePolicy()
    {
        @Override
        public String name()
        {
            return "track-only";
        }

        @Override
        public int evaluationPeriod(final int convLayer)
        {
            return 5;
        }

        @Override
        public long onEvaluate(final int convLayer, final long iteration, final DecrementTrack track,
            final KernelWeights weights)
        {
            return weights.liveCount();
        }

        @Override
        public long onLayerLearned(final int convLayer, final KernelWeights weights)
        {
            return 0;
        }
    };

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
    void shouldReportEachLayersWorkOnceWhenASinkListensPerLayer(final int cores)
    {
        final LayerSums learn = new LayerSums();
        final LayerSums infer = new LayerSums();
        final ActivitySink sink = new ActivitySink()
        {
            private ActivitySink current = learn;

            @Override
            public void onImageStart(final long tick, final int image, final int label, final boolean learning,
                final int repeat)
            {
                current = learning ? learn : infer;
            }

            @Override
            public void onLayerTick(final long tick, final int layer, final int core, final int spikesIn,
                final long synapticOps, final long neuronUpdates, final long stdpUpdates, final long decrements,
                final int spikesOut)
            {
                current.onLayerTick(tick, layer, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements,
                    spikesOut);
            }

            @Override
            public void onCoreTick(final long tick, final int core, final int spikesIn, final long synapticOps,
                final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
            {
                current.onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements,
                    spikesOut);
            }
        };
        try (ConvNetwork net = new ConvNetwork(learningConfig(), 7, cores, ThreadingMode.INVOKER, sink))
        {
            final List<InputSpikes> images = randomImages(10, 16, 16, 3);
            net.learn(images, TRACK_ONLY, LearningListener.NONE);
            net.features(images);
            for (final Object[] phase : new Object[][] {{learn, net.learningCounts()}, {infer, net.inferenceCounts()}})
            {
                final LayerSums got = (LayerSums)phase[0];
                final OperationCounts want = (OperationCounts)phase[1];
                assertEquals(0, got.coreTicks, "no whole-core report besides the layer reports");
                assertTrue(!got.repeated, "one report per tick, layer and core");
                for (int l = 1; l < net.geometry().layerCount(); l++)
                {
                    final long[] s = got.sums[l - 1];
                    assertEquals(want.synapticOps(l), s[0], "SOPs of layer " + l);
                    assertEquals(want.neuronUpdates(l), s[1], "neuron updates of layer " + l);
                    assertEquals(want.stdpUpdates(l), s[2], "STDP updates of layer " + l);
                    assertEquals(want.decrementWrites(l), s[3], "Decrement Track writes of layer " + l);
                    assertEquals(want.spikes(l), s[4], "spikes of layer " + l);
                    // every core sees every spike of the previous layer (those of an image's last step are never
                    // delivered)
                    assertEquals(0, s[5] % cores, "spikes into layer " + l);
                    assertTrue(s[5] > 0 && s[5] <= cores * want.spikes(l - 1), "spikes into layer " + l);
                }
            }
            // the pooling layer never learns; both convolutions did, with Decrement Track writes
            assertEquals(0, learn.sums[1][2]);
            assertTrue(learn.sums[0][2] > 0 && learn.sums[2][2] > 0);
            assertTrue(learn.sums[0][3] > 0 && learn.sums[2][3] > 0);
            assertEquals(0, infer.sums[0][2] + infer.sums[2][2]);
        }
    }

    @Test
    void shouldReportNoDecrementTrackWritesWhenNoPolicyKeepsTheTrack()
    {
        final LayerSums sums = new LayerSums();
        try (ConvNetwork net = new ConvNetwork(learningConfig(), 7, 2, ThreadingMode.INVOKER, sums))
        {
            net.learn(randomImages(10, 16, 16, 3), KernelPrunePolicy.NONE, LearningListener.NONE);
            assertTrue(net.learningCounts().totalLtd() > 0);
        }
        assertEquals(0, sums.sums[0][3] + sums.sums[2][3]);
        assertTrue(sums.sums[0][2] > 0);
    }

    static List<InputSpikes> randomImages(final int n, final int h, final int w, final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final List<InputSpikes> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            final double[] v = new double[h * w];
            final boolean vertical = i % 2 == 0;
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    final boolean bar = vertical ? (x % 4 == 1) : (y % 4 == 1);
                    v[y * w + x] = (bar ? 100 : 0) + r.nextDouble() * 10;
                }
            }
            out.add(LatencyCoder.rankOrder(v, 6, i % 2));
        }
        return out;
    }

    static ConvNetConfig learningConfig()
    {
        final InputCoding coding = new InputCoding(16, 16, 3, 1.0, 2.0, false, 0, 0.0, 7, false, 0,
            DogFilter.Style.REFERENCE);
        final List<ConvLayerSpec> layers = List.of(ConvLayerSpec.conv(4, 3, 3f), ConvLayerSpec.pool(4, 2, 2, 0, true),
            ConvLayerSpec.conv(6, 3, 4f));
        return new ConvNetConfig(coding, layers, 12, new int[] {40, 40}, new float[] {0.02f, 0.02f},
            new float[] {0.015f, 0.015f}, new int[] {10, 10}, 0.15f, 0.75f, new int[] {3, 2}, new int[] {4, 6},
            new int[] {2, 1}, 0.8, 0.05, new float[] {Float.NaN, Float.POSITIVE_INFINITY},
            ConvNetConfig.LearningOrder.SHUFFLED, null, null);
    }

    private static float[][] learnWith(final int cores, final KernelPrunePolicy policy)
    {
        return learnWith(cores, ThreadingMode.INVOKER, policy);
    }

    private static float[][] learnWith(final int cores, final ThreadingMode mode, final KernelPrunePolicy policy)
    {
        try (ConvNetwork net = new ConvNetwork(learningConfig(), 7, cores, mode, ActivitySink.NONE))
        {
            final List<InputSpikes> images = randomImages(20, 16, 16, 3);
            net.learn(images, policy, LearningListener.NONE);
            final double[][] f = net.features(images);
            return new float[][] {net.weights(0).toArray(), net.weights(1).toArray(),
                {(float)f[3][2], (float)net.learningCounts().totalSynapticOps()}};
        }
    }

    @Test
    void shouldGiveIdenticalWeightsAndFeaturesWhenCoreCountChanges()
    {
        final float[][] one = learnWith(1, KernelPrunePolicy.NONE);
        final float[][] two = learnWith(2, KernelPrunePolicy.NONE);
        final float[][] three = learnWith(3, KernelPrunePolicy.NONE);
        for (int i = 0; i < one.length; i++)
        {
            assertArrayEquals(one[i], two[i]);
            assertArrayEquals(one[i], three[i]);
        }
        // Learning happened: weights moved away from their initial N(0.8, 0.05).
        float min = 1;
        float max = 0;
        for (final float w : one[0])
        {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        assertTrue(min < 0.6f && max > 0.9f, "conv1 weights in [" + min + ", " + max + "]");
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldGiveIdenticalWeightsAndFeaturesWhenTheThreadingModeChanges(final ThreadingMode mode)
    {
        final float[][] reference = learnWith(1, ThreadingMode.INVOKER, KernelPrunePolicy.NONE);
        final float[][] two = learnWith(2, mode, KernelPrunePolicy.NONE);
        for (int i = 0; i < reference.length; i++)
        {
            assertArrayEquals(reference[i], two[i], mode + " with 2 cores");
        }
    }
}
