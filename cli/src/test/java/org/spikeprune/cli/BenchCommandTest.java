package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.prune.WeightMemory;
import org.spikeprune.engine.ThreadingMode;

/** Pruning to a connectivity, the time breakdown's charging rules, and the report. */
class BenchCommandTest
{
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, 0.1, 0.05})
    void shouldKeepEachNeuronsStrongestWeightsWhenPrunedToAConnectivity(final double connectivity)
    {
        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "config",
            Map.of("network.exc_neurons", "6")));
        try (DcNetwork net = new DcNetwork(p, 3, 2, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final WeightMemory wm = net.weights();
            final int inputs = wm.preCount();
            final float[][] before = new float[wm.postCount()][inputs];
            for (int post = 0; post < wm.postCount(); post++)
            {
                for (int pre = 0; pre < inputs; pre++)
                {
                    before[post][pre] = wm.weight(pre, post);
                }
            }
            final long keep = Math.round(connectivity * inputs);
            assertEquals(keep * wm.postCount(), BenchCommand.pruneToConnectivity(wm, connectivity));
            for (int post = 0; post < wm.postCount(); post++)
            {
                float minKept = Float.POSITIVE_INFINITY;
                float maxPruned = Float.NEGATIVE_INFINITY;
                for (int pre = 0; pre < inputs; pre++)
                {
                    if (wm.isLive(pre, post))
                    {
                        minKept = Math.min(minKept, before[post][pre]);
                    }
                    else
                    {
                        maxPruned = Math.max(maxPruned, before[post][pre]);
                    }
                }
                assertTrue(maxPruned < minKept, "neuron " + post + " kept its strongest weights");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "org.spikeprune.core.dc.SynapseKernels, accumulateDepress, SOPS",
        "org.spikeprune.core.dc.SynapseKernels, potentiate, STDP",
        "org.spikeprune.core.dc.SynapseKernels, emit, SOPS",
        "org.spikeprune.core.dc.SynapseKernels, emitGroups, SOPS",
        "org.spikeprune.core.dc.DcCore, emit, SOPS",
        "org.spikeprune.core.dc.DcCore, settleColumnAndPotentiate, STDP",
        "org.spikeprune.core.dc.DcCore, potentiateActive, STDP",
        "org.spikeprune.core.dc.DcCore, forgetIdleInputs, STDP",
        "org.spikeprune.core.dc.DcCore, arriveLearningRecent, STDP",
        "org.spikeprune.core.dc.DcCore, integrate, NEURONS",
        "org.spikeprune.core.dc.DcCore, postTraces, STDP",
        "org.spikeprune.core.dc.DcCore, deliverArrivals, SOPS",
        "org.spikeprune.core.dc.DcNetwork, normalise, STDP",
        "org.spikeprune.core.dc.DcNetwork, present, ENGINE",
        "org.spikeprune.core.dc.PoissonInput, draw, INPUT",
        "org.spikeprune.engine.Engine, run, ENGINE",
        "org.spikeprune.core.dc.DcController, dispatch, ENGINE",
        "org.spikeprune.cli.BenchCommand, present, OTHER",
    })
    void shouldChargeASampleToTheUnitOfItsMethod(final String type, final String method, final String part)
    {
        assertEquals(TimeBreakdown.Part.valueOf(part), TimeBreakdown.part(type, method));
    }

    @Test
    void shouldChargeEveryKernelWithALoopToAUnit()
    {
        final List<String> helpers = List.of("pack", "post", "weight", "withWeight", "lookup");
        for (final java.lang.reflect.Method m : org.spikeprune.core.dc.SynapseKernels.class.getDeclaredMethods())
        {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !helpers.contains(m.getName()))
            {
                assertTrue(TimeBreakdown.part("org.spikeprune.core.dc.SynapseKernels", m.getName()) != null,
                    m.getName() + " is charged to its caller");
            }
        }
    }

    @Test
    void shouldChargeEveryMethodOfACoreToAUnitUnlessItIsOnTheEnginesList() throws ClassNotFoundException
    {
        final List<String> engine = List.of("advance", "onRunStart", "isQuiescent", "compact", "compactIfDirty",
            "indexPotentiation", "plasticIndex", "where", "weightOf", "markBelow", "disable", "learning", "decayTable");
        final String type = "org.spikeprune.core.dc.DcCore";
        for (final java.lang.reflect.Method m : Class.forName(type).getDeclaredMethods())
        {
            if (m.isSynthetic() || engine.contains(m.getName()) || m.getName().equals("lookup"))
            {
                continue;
            }
            final TimeBreakdown.Part part = TimeBreakdown.part(type, m.getName());
            assertTrue(part != null && part != TimeBreakdown.Part.ENGINE, m.getName() + " is charged to " + part);
        }
    }

    @ParameterizedTest
    @CsvSource({"java.lang.Math, log", "org.spikeprune.core.dc.SynapseKernels, weight",
        "org.spikeprune.core.dc.DcCore, lookup", "org.spikeprune.core.dc.SynapseTable, withWeight"})
    void shouldChargeTheCallerWhenTheMethodIsAHelper(final String type, final String method)
    {
        assertNull(TimeBreakdown.part(type, method));
    }

    @Test
    void shouldReportSpeedsAndTheBreakdownOfEveryPhase()
    {
        final long[] samples = {10, 50, 20, 5, 10, 5};
        final BenchRow train = new BenchRow("train", 1.0, 1.0, 78_400, 100, 104, 0.5, 0.25, "thread", 22_000_000,
            23_000_000, 7_600_000, 228_000, 76_000, 24_000, samples);
        final BenchRow test = new BenchRow("test", 1.0, 1.0, 78_400, 50, 51, 0.2, 0.1, "thread", 11_000_000, 0,
            3_800_000, 114_000, 38_000, 12_000, samples);
        assertEquals(45_000_000, train.sops(), "training SOPs count STDP updates");
        assertEquals(11_000_000, test.sops(), "inference SOPs are accumulations");
        assertEquals(400, train.imagesPerCpuSecond(), 1e-9);
        assertEquals(2.5, train.cpuMsPerImage(), 1e-9);
        assertEquals(0.5, train.share(TimeBreakdown.Part.SOPS), 1e-9);
        final String csv = BenchRow.csv("guo2020-mnist-100", List.of(train, test));
        final String[] lines = csv.split("\n");
        assertEquals(3, lines.length);
        assertEquals(lines[0].split(",").length, lines[1].split(",").length, "every row has every column");
        assertTrue(lines[1].startsWith("guo2020-mnist-100,train,1.0000,"));
        final String md = BenchRow.markdown("guo2020-mnist-100", new Machine("cpu", 2, "jvm", 1.0), 100, 50,
            List.of(train, test));
        assertTrue(md.contains("| train | 1.000 | 200.0 | 400.0 | 2.500 | 450,000 |"), md);
        assertTrue(md.contains("| 1.250 (50%) |"), "SOP share of 2.5 ms: " + md);
    }

    @Test
    void shouldRejectAConnectivityOutsideTheUnitIntervalBeforeLoadingData()
    {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "--connectivity", "1.0,0"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "--connectivity", "1.5"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "--train-images", "0"));
    }
}
