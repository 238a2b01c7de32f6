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
        public void onLayerTick(final long tick, final int core, final int layer, final int spikesIn,
            final long synapticOps, final long neuronUpdates, final int spikesOut)
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
        // bin 0 is dispatched at step 1: conv1 fires at step 1, pool at 2, conv2 at 3.
        assertEquals(3, log.rows.size());
        assertArrayEquals(new long[] {1, 1, 9}, log.rows.get(0));
        assertArrayEquals(new long[] {2, 2, 4}, log.rows.get(1));
        assertEquals(3, log.rows.get(2)[0]);
        assertEquals(3, log.rows.get(2)[1]);
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
