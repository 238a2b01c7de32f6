package org.spikeprune.fpga.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.prune.PruneUnitModel;

/** A recorded run timed from its distinct ticks and prune passes. */
class TimingModelTest
{
    private final HardwareConfig zedboard = HardwarePresets.load("zedboard");

    @Test
    void shouldWeightEachDistinctTickByItsCountWhenTimingARun()
    {
        final ActivityLog once = new ActivityLog(NetworkShape.paperA(100));
        once.recordTicks(ActivityLog.LEARNING, new long[] {0, 3, 300, 200, 300, 300, 1}, 1);
        final ActivityLog many = new ActivityLog(NetworkShape.paperA(100));
        many.recordTicks(ActivityLog.LEARNING, new long[] {0, 3, 300, 200, 300, 300, 1}, 250);

        final TimingModel model = new TimingModel(zedboard);
        final PhaseTiming one = model.time(once).learning();
        final PhaseTiming all = model.time(many).learning();

        assertEquals(250 * one.cycles(), all.cycles());
        assertEquals(250 * one.energyPj(), all.energyPj(), 1e-6);
        final TickTiming tick = new TickTiming();
        new TickSimulator(zedboard).timeCounts(3, 300, 200, 300, 300, 1, tick);
        assertEquals(tick.cycles(), one.cycles());
    }

    @Test
    void shouldAddPruneUnitPassesToLearningWhenTheRunPruned()
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(100));
        log.recordPrune(100, 78_400, 1_000, 20);
        log.recordPrune(200, 78_400, 1_000, 20);

        final RunTiming t = new TimingModel(zedboard).time(log);
        final long pass = new PruneUnitModel(zedboard).pass(100, 78_400, 1_000, 20).cycles();

        assertEquals(2 * pass, t.learning().pruneCycles());
        assertEquals(2, t.learning().prunePasses());
        assertEquals(0, t.inference().cycles());
    }

    @Test
    void shouldTakeFewerInferenceCyclesWhenTheNetworkIsPruned()
    {
        final RunTiming unpruned = new TimingModel(zedboard).time(SyntheticActivity.paperB(false, 0.01, 4));
        final RunTiming pruned = new TimingModel(zedboard).time(SyntheticActivity.paperB(true, 0.01, 4));

        assertTrue(pruned.inference().cyclesPerImage() < unpruned.inference().cyclesPerImage());
        assertTrue(pruned.learning().cyclesPerImage() < unpruned.learning().cyclesPerImage());
        assertTrue(pruned.learning().pruneCycles() > 0);
    }

    @Test
    void shouldReportUtilisationBetweenZeroAndOneAndEnergyByUnitWhenTimingPaperA()
    {
        final RunTiming t = new TimingModel(zedboard)
            .time(SyntheticActivity.paperA(SyntheticActivity.PaperA.quick(100)));

        double sum = 0;
        for (final Unit u : Unit.values())
        {
            final double util = t.learning().utilisation(u);
            assertTrue(util >= 0 && util <= 1, u + " " + util);
            sum += t.learning().energyPj(u);
        }
        assertEquals(t.learning().energyPj(), sum, 1e-6 * sum);
        assertTrue(t.learning().utilisation(Unit.PROCESSING_ELEMENTS) > 0);
        assertTrue(t.learning().cyclesPerImage() > t.inference().cyclesPerImage(), "STDP costs cycles");
        assertEquals(t.learning().cycles() * 10e-9, t.learning().seconds(), 1e-12);
    }
}
