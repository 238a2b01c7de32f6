package org.spikeprune.fpga.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.conv.ConvLayerSpec;
import org.spikeprune.core.conv.ConvNetConfig;
import org.spikeprune.core.conv.ConvNetwork;
import org.spikeprune.core.conv.DecrementTrack;
import org.spikeprune.core.conv.DogFilter;
import org.spikeprune.core.conv.InputCoding;
import org.spikeprune.core.conv.InputSpikes;
import org.spikeprune.core.conv.KernelPrunePolicy;
import org.spikeprune.core.conv.KernelWeights;
import org.spikeprune.core.conv.LatencyCoder;
import org.spikeprune.core.conv.LearningListener;
import org.spikeprune.core.conv.OperationCounts;
import org.spikeprune.engine.ThreadingMode;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.PruneScheme;
import org.spikeprune.fpga.timing.PhaseTiming;
import org.spikeprune.fpga.timing.RunTiming;
import org.spikeprune.fpga.timing.TimingModel;

/** The hardware log of small hand-made runs of the convolutional network (paper B's simulator). */
class ConvActivityTest
{
    /** Prunes weights below 0.5 every 5 iterations and below 0.7 after a layer has learned. */
    private static final KernelPrunePolicy SMALL_PRUNING = new KernelPrunePolicy()
    {
        @Override
        public String name()
        {
            return "test";
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
            return below(weights, 0.5f);
        }

        @Override
        public long onLayerLearned(final int convLayer, final KernelWeights weights)
        {
            return below(weights, 0.7f);
        }

        private long below(final KernelWeights weights, final float threshold)
        {
            long evaluated = 0;
            for (int i = 0; i < weights.size(); i++)
            {
                if (!weights.isPruned(i))
                {
                    evaluated++;
                    if (weights.weight(i) < threshold)
                    {
                        weights.prune(i);
                    }
                }
            }
            return evaluated;
        }
    };

    private static ConvNetConfig singleSpikeNet()
    {
        final InputCoding coding = new InputCoding(6, 6, 3, 1.0, 2.0, false, 0, 0.0, 4, false, 0,
            DogFilter.Style.REFERENCE);
        final List<ConvLayerSpec> layers = List.of(ConvLayerSpec.conv(1, 3, 0.5f), ConvLayerSpec.pool(1, 2, 2, 0, false),
            ConvLayerSpec.conv(1, 3, 0.5f));
        return new ConvNetConfig(coding, layers, 8, new int[2], new float[] {0.1f, 0.1f}, new float[] {0.05f, 0.05f},
            new int[2], 0.15f, 0.75f, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE},
            new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, new int[2], 0.8, 0.0, new float[] {Float.NaN, Float.NaN},
            ConvNetConfig.LearningOrder.SEQUENTIAL, null, null);
    }

    private static ConvNetConfig learningNet()
    {
        final InputCoding coding = new InputCoding(16, 16, 3, 1.0, 2.0, false, 0, 0.0, 7, false, 0,
            DogFilter.Style.REFERENCE);
        final List<ConvLayerSpec> layers = List.of(ConvLayerSpec.conv(4, 3, 3f), ConvLayerSpec.pool(4, 2, 2, 0, true),
            ConvLayerSpec.conv(6, 3, 4f));
        return new ConvNetConfig(coding, layers, 12, new int[] {20, 20}, new float[] {0.02f, 0.02f},
            new float[] {0.015f, 0.015f}, new int[] {10, 10}, 0.15f, 0.75f, new int[] {3, 2}, new int[] {4, 6},
            new int[] {2, 1}, 0.8, 0.05, new float[] {Float.NaN, Float.POSITIVE_INFINITY},
            ConvNetConfig.LearningOrder.SHUFFLED, null, null);
    }

    private static List<InputSpikes> bars(final int n)
    {
        final SplittableRandom r = new SplittableRandom(3);
        final List<InputSpikes> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
        {
            final double[] v = new double[16 * 16];
            for (int y = 0; y < 16; y++)
            {
                for (int x = 0; x < 16; x++)
                {
                    final boolean bar = i % 2 == 0 ? x % 4 == 1 : y % 4 == 1;
                    v[y * 16 + x] = (bar ? 100 : 0) + r.nextDouble() * 10;
                }
            }
            out.add(LatencyCoder.rankOrder(v, 6, i % 2));
        }
        return out;
    }

    /** The learning net run with a log attached; returns the log and the network's own counts. */
    private static Object[] learnAndInfer(final int cores)
    {
        final ConvNetConfig cfg = learningNet();
        final ActivityLog log = new ActivityLog(NetworkShape.ofConv("tiny", cfg.geometry()));
        try (ConvNetwork net = new ConvNetwork(cfg, 7, cores, ThreadingMode.INVOKER, log))
        {
            final List<InputSpikes> images = bars(10);
            net.learn(images, SMALL_PRUNING, LearningListener.NONE);
            net.features(images);
            log.finish();
            return new Object[] {log, net.learningCounts(), net.inferenceCounts(), net.totalConnections()
                - net.liveConnections()};
        }
    }

    @Test
    void shouldRecordEachLayersSpikesAndSopsWhenOneSpikeCrossesTheNetwork()
    {
        final ConvNetConfig cfg = singleSpikeNet();
        final ActivityLog log = new ActivityLog(NetworkShape.ofConv("one-spike", cfg.geometry()));
        try (ConvNetwork net = new ConvNetwork(cfg, 1, 2, ThreadingMode.INVOKER, log))
        {
            final float[] ones = new float[9];
            Arrays.fill(ones, 1f);
            net.weights(0).load(ones);
            net.weights(1).load(ones);
            net.features(List.of(new InputSpikes(new int[] {2 * 6 + 2}, new int[] {0, 1, 1, 1, 1}, 0)));
            log.finish();
            final OperationCounts want = net.inferenceCounts();
            assertEquals(0, log.images(ActivityLog.LEARNING));
            assertEquals(1, log.images(ActivityLog.INFERENCE));
            // one record per layer and step; the event-driven engine runs steps 1..3 only (nothing is dispatched
            // after conv2 fires at step 3), not the 7 steps of the window
            assertEquals(3 * 3, log.tickRecords(ActivityLog.INFERENCE));
            final long[][] perLayer = perLayer(log, ActivityLog.INFERENCE, 3);
            // conv1: the input spike, 9 SOPs (3×3 kernel, one map), 9 spikes out at step 1
            assertEquals(1, perLayer[0][ActivityLog.SPIKES]);
            assertEquals(9, perLayer[0][ActivityLog.SYNAPTIC_OPS]);
            assertEquals(9, perLayer[0][ActivityLog.SPIKES_OUT]);
            // pool1 (2×2, stride 2): the 9 spikes once each (both cores see them, counted once), 4 units fire
            assertEquals(9, perLayer[1][ActivityLog.SPIKES]);
            assertEquals(9, perLayer[1][ActivityLog.SYNAPTIC_OPS]);
            assertEquals(4, perLayer[1][ActivityLog.SPIKES_OUT]);
            // conv2: the 4 pooled spikes
            assertEquals(4, perLayer[2][ActivityLog.SPIKES]);
            for (int l = 1; l <= 3; l++)
            {
                assertEquals(want.synapticOps(l), perLayer[l - 1][ActivityLog.SYNAPTIC_OPS], "SOPs layer " + l);
                assertEquals(want.neuronUpdates(l), perLayer[l - 1][ActivityLog.NEURON_UPDATES], "updates " + l);
                assertEquals(want.spikes(l), perLayer[l - 1][ActivityLog.SPIKES_OUT], "spikes layer " + l);
            }
            assertEquals(0, log.total(ActivityLog.INFERENCE, ActivityLog.STDP_UPDATES));
            assertEquals(0, log.pruneRecords());
        }
    }

    @Test
    void shouldMatchTheNetworksOwnCountsPerLayerWhenItLearnsPrunesAndInfers()
    {
        final Object[] run = learnAndInfer(2);
        final ActivityLog log = (ActivityLog) run[0];
        final OperationCounts[] want = {(OperationCounts) run[1], (OperationCounts) run[2]};
        assertEquals(40, log.images(ActivityLog.LEARNING));
        assertEquals(10, log.images(ActivityLog.INFERENCE));
        for (int phase = 0; phase < 2; phase++)
        {
            final long[][] got = perLayer(log, phase, 3);
            for (int l = 1; l <= 3; l++)
            {
                final long[] g = got[l - 1];
                final OperationCounts w = want[phase];
                assertEquals(w.synapticOps(l), g[ActivityLog.SYNAPTIC_OPS], "SOPs " + phase + "/" + l);
                assertEquals(w.neuronUpdates(l), g[ActivityLog.NEURON_UPDATES], "updates " + phase + "/" + l);
                assertEquals(w.stdpUpdates(l), g[ActivityLog.STDP_UPDATES], "STDP " + phase + "/" + l);
                assertEquals(w.decrementWrites(l), g[ActivityLog.DECREMENTS], "decrements " + phase + "/" + l);
                assertEquals(w.spikes(l), g[ActivityLog.SPIKES_OUT], "spikes " + phase + "/" + l);
                assertTrue(g[ActivityLog.SPIKES] <= w.spikes(l - 1), "spikes in " + phase + "/" + l);
            }
        }
        // the STDP unit works on the convolutions only, and only while learning
        final long[][] learning = perLayer(log, ActivityLog.LEARNING, 3);
        assertTrue(learning[0][ActivityLog.STDP_UPDATES] > 0 && learning[2][ActivityLog.STDP_UPDATES] > 0);
        assertEquals(0, learning[1][ActivityLog.STDP_UPDATES]);
        assertTrue(learning[0][ActivityLog.DECREMENTS] > 0);
        // every Prune unit pass once: 4 + 4 periodic passes and 2 post-learning passes
        assertEquals(10, log.pruneRecords());
        long evaluated = 0;
        long pruned = 0;
        for (int i = 0; i < log.pruneRecords(); i++)
        {
            evaluated += log.pruneEvaluations(i);
            pruned += log.prunePruned(i);
        }
        assertEquals(want[0].totalPruneEvaluations(), evaluated);
        assertEquals((long) (Long) run[3], pruned);
        assertTrue(pruned > 0);
    }

    @Test
    void shouldRecordTheSameActivityWhateverTheCoreCount()
    {
        final ActivityLog one = (ActivityLog) learnAndInfer(1)[0];
        final ActivityLog three = (ActivityLog) learnAndInfer(3)[0];
        for (int phase = 0; phase < 2; phase++)
        {
            assertEquals(one.tickRecords(phase), three.tickRecords(phase));
            for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
            {
                assertEquals(one.total(phase, f), three.total(phase, f), ActivityLog.FIELD_NAMES[f]);
            }
            final long[][] a = perLayer(one, phase, 3);
            final long[][] b = perLayer(three, phase, 3);
            for (int l = 0; l < 3; l++)
            {
                assertArrayEquals(a[l], b[l], "layer " + l);
            }
        }
    }

    @Test
    void shouldSplitThePhaseCyclesOverTheLayersWhenTimed()
    {
        final ActivityLog log = (ActivityLog) learnAndInfer(2)[0];
        final RunTiming t = new TimingModel(HardwarePresets.load("zedboard").withPruneScheme(PruneScheme.DECREMENT))
            .time(log);
        for (int phase = 0; phase < 2; phase++)
        {
            final PhaseTiming p = t.phase(phase);
            assertEquals(3, p.layers());
            long cycles = 0;
            long sops = 0;
            double energy = 0;
            for (int l = 0; l < 3; l++)
            {
                assertTrue(p.layerCycles(l) >= p.layerTickRecords(l), "at least a handshake per tick record");
                cycles += p.layerCycles(l);
                sops += p.layerSynapticOps(l);
                energy += p.layerEnergyPj(l);
            }
            assertEquals(p.cycles() - p.pruneCycles(), cycles);
            assertEquals(p.synapticOps(), sops);
            assertEquals(p.energyPj() - p.energyPj(org.spikeprune.fpga.timing.Unit.PRUNE_UNIT)
                - p.energyPj(org.spikeprune.fpga.timing.Unit.STATIC), energy, 1e-6 * energy);
        }
        assertTrue(t.learning().pruneCycles() > 0);
        assertEquals(0, t.inference().pruneCycles());
    }

    @Test
    void shouldRejectALayerTheNetworkDoesNotHaveWhenRecording()
    {
        final ActivityLog log = new ActivityLog(NetworkShape.ofConv("one-spike", singleSpikeNet().geometry()));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> log.onLayerTick(0, 3, 0, 1, 1, 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("[0, 3)"), e.getMessage());
    }

    @Test
    void shouldGivePaperBsShapeWhenBuiltFromItsGeometry()
    {
        final NetworkShape s = NetworkShape.ofConv("paper-b-caltech",
            org.spikeprune.core.conv.ConvProfiles.byName("nguyen2020-caltech").geometry());
        assertEquals(NetworkShape.paperB(), s);
    }

    private static long[][] perLayer(final ActivityLog log, final int phase, final int layers)
    {
        final long[][] sums = new long[layers][ActivityLog.TICK_FIELDS];
        for (int e = 0; e < log.tickEntries(phase); e++)
        {
            final int l = (int) log.tickField(phase, e, ActivityLog.LAYER);
            for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
            {
                sums[l][f] += log.tickField(phase, e, f) * log.tickCount(phase, e);
            }
        }
        return sums;
    }
}
