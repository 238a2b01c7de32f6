package org.spikeprune.fpga.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The synthetic runs keep the papers' per-image statistics. */
class SyntheticActivityTest
{
    @Test
    void shouldDrawAbout2300InputSpikesAnd1000TicksPerImageWhenPaperA()
    {
        final ActivityLog log = SyntheticActivity.paperA(SyntheticActivity.PaperA.quick(100));
        final long images = log.images(ActivityLog.LEARNING) + log.images(ActivityLog.INFERENCE);
        final double spikes = (log.total(ActivityLog.LEARNING, ActivityLog.SPIKES)
            + log.total(ActivityLog.INFERENCE, ActivityLog.SPIKES)) / (double) images;

        assertEquals(1_400, images);
        assertEquals(2_300, spikes, 2_300 * 0.02);
        assertEquals(1_000, log.tickRecords(ActivityLog.INFERENCE) / log.images(ActivityLog.INFERENCE));
        assertEquals(200, log.tickField(ActivityLog.INFERENCE, 0, ActivityLog.NEURON_UPDATES));
    }

    @Test
    void shouldPrune7TimesDownTo10PercentWhenPaperAQuick()
    {
        final ActivityLog log = SyntheticActivity.paperA(SyntheticActivity.PaperA.quick(100));

        assertEquals(7, log.pruneRecords());
        assertEquals(600, log.pruneAfterImages(0));
        assertEquals(1_200, log.pruneAfterImages(6));
        long pruned = 0;
        for (int i = 0; i < log.pruneRecords(); i++)
        {
            assertEquals(78_400, log.pruneEvaluations(i));
            assertEquals(20, log.pruneGroups(i));
            pruned += log.prunePruned(i);
        }
        assertEquals(78_400 - 7_840, pruned);
        // Inference runs at 10% connectivity: 10 live synapses per input row.
        final double sopsPerSpike = (double) log.total(ActivityLog.INFERENCE, ActivityLog.SYNAPTIC_OPS)
            / log.total(ActivityLog.INFERENCE, ActivityLog.SPIKES);
        assertEquals(10, sopsPerSpike, 1e-9);
        assertEquals(0, log.total(ActivityLog.INFERENCE, ActivityLog.STDP_UPDATES));
    }

    @Test
    void shouldLearnLayerByLayerWhenPaperB()
    {
        final ActivityLog unpruned = SyntheticActivity.paperB(false, 0.01, 4);
        final ActivityLog pruned = SyntheticActivity.paperB(true, 0.01, 4);

        assertEquals(30 + 50 + 60, unpruned.images(ActivityLog.LEARNING));
        assertEquals(4, unpruned.images(ActivityLog.INFERENCE));
        assertEquals(0, unpruned.pruneRecords());
        assertEquals(30 / 5 + 50 / 5 + 60 / 5 + 3, pruned.pruneRecords(), "every 5 images while learning, then after");
        assertTrue(pruned.total(ActivityLog.INFERENCE, ActivityLog.SYNAPTIC_OPS)
            < unpruned.total(ActivityLog.INFERENCE, ActivityLog.SYNAPTIC_OPS) / 5);
        assertEquals(unpruned.total(ActivityLog.INFERENCE, ActivityLog.SPIKES_OUT),
            pruned.total(ActivityLog.INFERENCE, ActivityLog.SPIKES_OUT));
    }
}
