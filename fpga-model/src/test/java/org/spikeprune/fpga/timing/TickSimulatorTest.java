package org.spikeprune.fpga.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.MemoryConfig;
import org.spikeprune.fpga.MemorySharing;
import org.spikeprune.fpga.PruneScheme;
import org.spikeprune.fpga.support.TestConfigs;

/**
 * Cycle counts computed by hand for {@link TestConfigs#simple}: the Controller pushes spike k at cycle k (one per
 * cycle) into the FIFO of its target PE, which can pop it from the next cycle on; a burst of r ops issues in r
 * cycles (one weight read and a potential read and write per op, on one weight port and two potential ports) and
 * its last write lands 2 cycles after its last issue (read latency 1 + one adder cycle).
 */
class TickSimulatorTest
{
    private final TickTiming timing = new TickTiming();

    @Test
    void shouldTakePushPipelineAndDrainWhenOneSpike()
    {
        // push at 0, pop at 1, ops issue at 1..5, last write at 7, done at 8; + 1 handshake cycle.
        new TickSimulator(TestConfigs.simple(1)).time(new TickWork().spike().target(0, 5), timing);

        assertEquals(8, timing.accumulateCycles);
        assertEquals(9, timing.cycles());
        assertEquals(5, timing.peBusy);
        assertEquals(5, timing.weightAccesses);
        assertEquals(10, timing.potentialAccesses);
        assertEquals(0, timing.controllerStall);
    }

    @Test
    void shouldPipelineBackToBackSpikesWhenAllGoToOnePe()
    {
        // bursts start at 1, 5, 9 (each waits for the previous): 1 + 3 x 4 + 2 = 15.
        final TickWork work = new TickWork().spike().target(0, 4).spike().target(0, 4).spike().target(0, 4);
        new TickSimulator(TestConfigs.simple(2)).time(work, timing);

        assertEquals(15, timing.accumulateCycles);
        assertEquals(12, timing.peBusy);
    }

    @Test
    void shouldOverlapBurstsWhenSpikesAreSpreadOverPes()
    {
        // PE p gets spike p at cycle p, starts at p + 1: the last (PE 2) is done at 3 + 4 + 2 = 9.
        final TickWork work = new TickWork().spike().target(0, 4).spike().target(1, 4).spike().target(2, 4);
        new TickSimulator(TestConfigs.simple(3)).time(work, timing);

        assertEquals(9, timing.accumulateCycles);
        assertEquals(12, timing.peBusy);
    }

    @Test
    void shouldSerialiseBurstsWhenTwoPesShareOneWeightPort()
    {
        final TickWork work = new TickWork().spike().target(0, 4).target(1, 4);
        new TickSimulator(TestConfigs.simple(2)).time(work, timing);
        assertEquals(7, timing.accumulateCycles, "private banks: both PEs run 1..4 in parallel");
        assertEquals(0, timing.conflictStall);

        final HardwareConfig shared = TestConfigs.simple(2)
            .withWeightMemory(new MemoryConfig(MemorySharing.SHARED, 1, 8, 1));
        new TickSimulator(shared).time(work, timing);
        // PE 0 has the port for cycles 1..4; PE 1's four reads are served in 5..8, its burst ends at 9, done 11.
        assertEquals(11, timing.accumulateCycles);
        assertEquals(4, timing.conflictStall);
    }

    @Test
    void shouldStallTheControllerWhenATargetFifoIsFull()
    {
        // Three 8-op spikes for PE 0, then a 30-op spike for PE 1.
        final TickWork work = new TickWork().spike().target(0, 8).spike().target(0, 8).spike().target(0, 8)
            .spike().target(1, 30);
        new TickSimulator(TestConfigs.simple(2)).time(work, timing);
        // Deep FIFOs: spike 3 is pushed at 3, PE 1 runs 4..33, done at 36.
        assertEquals(36, timing.accumulateCycles);
        assertEquals(0, timing.controllerStall);

        new TickSimulator(TestConfigs.simple(2).withFifoDepth(1)).time(work, timing);
        // 1-deep: spike 1 waits in PE 0's FIFO until PE 0 pops it at 9; spike 2 is pushed at 9 instead of 2
        // (7 stall cycles), spike 3 at 10, and PE 1 runs 11..40, done at 43.
        assertEquals(43, timing.accumulateCycles);
        assertEquals(7, timing.controllerStall);
    }

    @Test
    void shouldCostNoPeCyclesWhenARowIsPruned()
    {
        final TickSimulator simulator = new TickSimulator(TestConfigs.simple(1));
        simulator.time(new TickWork().spike().target(0, 5), timing);
        final long alone = timing.accumulateCycles;

        // The second spike's row is fully pruned: the Controller reads it (cycle 1) but pushes nothing.
        simulator.time(new TickWork().spike().target(0, 5).spike(), timing);
        assertEquals(alone, timing.accumulateCycles);
        assertEquals(5, timing.peBusy);
        assertEquals(2, timing.controllerBusy);

        // Partly pruned: 3 of its 5 synapses live; the burst starts at 6 and ends 3 cycles later, done 11.
        simulator.time(new TickWork().spike().target(0, 5).spike().target(0, 3), timing);
        assertEquals(11, timing.accumulateCycles);
        simulator.time(new TickWork().spike().target(0, 5).spike().target(0, 5), timing);
        assertEquals(13, timing.accumulateCycles);
    }

    @Test
    void shouldTimeThresholdAndStdpStagesWhenTheTickEnds()
    {
        final HardwareConfig config = HardwarePresets.load("zedboard").withProcessingElements(2);
        final TickWork work = new TickWork().neuronUpdates(8).spikesOut(3).stdp(10, 4);
        new TickSimulator(config).time(work, timing);

        // 4 updates per PE on 2 ports: 4 cycles + read latency 1 + update 1 = 6; 3 spike IDs on the shared
        // 2-port Spike memory: 2 more.
        assertEquals(8, timing.thresholdCycles);
        // 10 updates: 20 weight accesses on 2 ports = 10 cycles; 4 decrements: 8 accesses on 2 ports = 4; + 2.
        assertEquals(12, timing.stdpCycles);
        assertEquals(8, timing.decrementAccesses);
        assertEquals(8 + 12 + 1, timing.cycles());

        new TickSimulator(config.withPruneScheme(PruneScheme.NONE)).time(work, timing);
        assertEquals(0, timing.decrementAccesses, "no Decrement Track memory without pruning hardware");
    }

    @Test
    void shouldCostOnlyTheHandshakeWhenTheTickIsEmpty()
    {
        new TickSimulator(TestConfigs.simple(4)).timeCounts(0, 0, 0, 0, 0, 0, timing);

        assertEquals(1, timing.cycles());
    }

    @Test
    void shouldSpreadCountsEvenlyOverPesWhenGivenAsCounts()
    {
        final TickWork work = new TickWork().fromCounts(3, 10, 0, 0, 0, 0, 4);

        assertEquals(3, work.spikes());
        assertEquals(10, work.synapticOps());
        final long[] perPe = new long[4];
        for (int k = 0; k < work.spikes(); k++)
        {
            for (int e = work.firstEntry(k); e < work.endEntry(k); e++)
            {
                perPe[work.pe(e)] += work.ops(e);
            }
        }
        assertEquals(3, perPe[0]);
        assertEquals(3, perPe[1]);
        assertEquals(2, perPe[2]);
        assertEquals(2, perPe[3]);
    }

    @Test
    void shouldMatchTheEventSimulationWhenTimedInClosedForm()
    {
        final HardwareConfig zedboard = HardwarePresets.load("zedboard");
        // memory: bit 0 shared weight bank, bit 1 two weight ports, bit 2 two potential ports; bits 3+: FIFO depth.
        qt().withExamples(300).forAll(integers().between(1, 8), integers().between(0, 8 * 31 - 1),
                integers().between(1, 1500), integers().between(0, 40_000))
            .checkAssert((pes, memory, spikes, sops) ->
            {
                final int variant = memory & 7;
                final int depth = 2 + (memory >> 3);
                final HardwareConfig config = zedboard.withProcessingElements(pes).withFifoDepth(depth)
                    .withWeightMemory(new MemoryConfig((variant & 1) == 0 ? MemorySharing.PRIVATE
                        : MemorySharing.SHARED, 1 + ((variant >> 1) & 1), 18, 1))
                    .withPotentialMemory(zedboard.potentialMemory().withPorts(1 + ((variant >> 2) & 1)));
                final TickSimulator simulator = new TickSimulator(config);
                final TickTiming events = new TickTiming();
                simulator.time(new TickWork().fromCounts(spikes, sops, 0, 0, 0, 0, pes), events);
                final TickTiming closed = new TickTiming();
                simulator.timeCounts(spikes, sops, 0, 0, 0, 0, closed);
                final long deliveries = (long) Math.max(spikes, 1) * Math.min(pes, Math.max(1, sops));
                assertEquals(deliveries > TickSimulator.EVENT_LIMIT, closed.closedForm);
                final long tolerance = 2 + events.accumulateCycles / 50;
                assertTrue(Math.abs(events.accumulateCycles - closed.accumulateCycles) <= tolerance,
                    () -> "events " + events.accumulateCycles + " closed form " + closed.accumulateCycles);
                assertEquals(events.weightAccesses, closed.weightAccesses);
                assertEquals(events.potentialAccesses, closed.potentialAccesses);
            });
    }

    @Test
    void shouldUseTheEventSimulationWhenFifosAreOneDeep()
    {
        final TickSimulator simulator = new TickSimulator(TestConfigs.simple(8).withFifoDepth(1));
        simulator.timeCounts(2_000, 40_000, 0, 0, 0, 0, timing);

        assertFalse(timing.closedForm);
    }

    @Test
    void shouldGiveEveryTickTheSameTimingWhetherItsAccumulateStageIsRememberedOrNot()
    {
        // Ticks sharing (spikes, sops) but not the rest; enough distinct pairs to overflow and restart the memo.
        final HardwareConfig config = HardwarePresets.load("zedboard-8pe");
        final TickSimulator remembering = new TickSimulator(config);
        final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        final TickTiming fresh = new TickTiming();
        final int distinct = TickSimulator.MEMO_SLOTS;
        for (int i = 0; i < 3 * distinct; i++)
        {
            final long spikes = random.nextInt(40);
            final long sops = spikes == 0 ? 0 : random.nextInt(distinct / 32);
            final long updates = random.nextInt(3) * 100;
            final long stdp = random.nextInt(500);
            final long decrements = random.nextInt(50);
            final long out = random.nextInt(4);
            remembering.timeCounts(spikes, sops, updates, stdp, decrements, out, timing);
            new TickSimulator(config).timeCounts(spikes, sops, updates, stdp, decrements, out, fresh);
            final String tick = spikes + " spikes, " + sops + " sops, tick " + i;
            assertEquals(fresh.cycles(), timing.cycles(), tick);
            assertEquals(fresh.accumulateCycles, timing.accumulateCycles, tick);
            assertEquals(fresh.controllerBusy, timing.controllerBusy, tick);
            assertEquals(fresh.controllerStall, timing.controllerStall, tick);
            assertEquals(fresh.peBusy, timing.peBusy, tick);
            assertEquals(fresh.conflictStall, timing.conflictStall, tick);
            assertEquals(fresh.stdpBusy, timing.stdpBusy, tick);
            assertEquals(fresh.weightAccesses, timing.weightAccesses, tick);
            assertEquals(fresh.potentialAccesses, timing.potentialAccesses, tick);
            assertEquals(fresh.spikeAccesses, timing.spikeAccesses, tick);
            assertEquals(fresh.decrementAccesses, timing.decrementAccesses, tick);
            assertEquals(fresh.closedForm, timing.closedForm, tick);
        }
        assertTrue(remembering.memoHits() > distinct / 2, "memo hits " + remembering.memoHits());
    }
}
