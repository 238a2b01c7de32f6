package org.spikeprune.pruning.nguyen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.core.conv.DecrementTrack;
import org.spikeprune.core.conv.KernelPrunePolicy;
import org.spikeprune.core.conv.KernelWeights;

class NguyenPruningTest
{
    private static KernelWeights weights(final float... values)
    {
        final KernelWeights kw = new KernelWeights(1, 1, values.length);
        kw.load(values);
        return kw;
    }

    @Test
    void shouldComputePFromDecrementsWeightAndPostTimesWhenEvaluating()
    {
        final DecrementTrack track = new DecrementTrack(4);
        // Weight 0: 3 decrements by winners at steps 2, 4, 6 → d = 3, mean t_post 4, P = 3·4 / 0.5 = 24.
        track.record(0, 2);
        track.record(0, 4);
        track.record(0, 6);
        // Weight 1: 1 decrement at step 5.
        track.record(1, 5);
        assertEquals(3, track.decrements(0));
        assertEquals(12, track.postTimeSum(0));
        assertEquals(6, track.lastPostTime(0));
        final DynamicKernelPruning mean = new DynamicKernelPruning(new double[] {20}, 500,
            DynamicKernelPruning.PostTime.MEAN);
        assertEquals(24.0, mean.criterion(track, 0, 0.5f), 1e-9);
        assertEquals(5.0 / 0.25, mean.criterion(track, 1, 0.25f), 1e-9);
        assertEquals(0.0, mean.criterion(track, 2, 0.01f), 0.0, "no decrement, no pruning pressure");
        final DynamicKernelPruning latest = new DynamicKernelPruning(new double[] {20}, 500,
            DynamicKernelPruning.PostTime.LATEST);
        assertEquals(3 * 6 / 0.5, latest.criterion(track, 0, 0.5f), 1e-9);
        track.clear();
        assertEquals(0, track.decrements(0));
        assertEquals(0.0, mean.criterion(track, 0, 0.5f), 0.0);
    }

    @Test
    void shouldPruneOnlyWhenPExceedsAlpha()
    {
        final DecrementTrack track = new DecrementTrack(3);
        track.record(0, 4);
        track.record(0, 4);
        track.record(1, 4);
        final KernelWeights kw = weights(0.4f, 0.4f, 0.01f);
        // P(0) = 8 / 0.4 = 20, P(1) = 4 / 0.4 = 10, P(2) = 0 (no decrement, however small).
        final DynamicKernelPruning dyn = new DynamicKernelPruning(new double[] {10}, 500,
            DynamicKernelPruning.PostTime.MEAN);
        assertEquals(3, dyn.onEvaluate(0, 500, track, kw));
        assertTrue(kw.isPruned(0));
        assertFalse(kw.isPruned(1), "P = α is not above α");
        assertFalse(kw.isPruned(2));
        assertEquals(2, kw.liveCount());
        assertEquals(0f, kw.weight(0));
        assertEquals(2, dyn.onEvaluate(0, 1000, track, kw), "pruned weights are not evaluated again");
    }

    @Test
    void shouldPruneBelowTheLayersBetaWhenALayerHasLearned()
    {
        final PostLearningKernelPruning post = new PostLearningKernelPruning(new double[] {0.9, 0.9, 0.7});
        final KernelWeights conv1 = weights(0.95f, 0.85f, 0.05f);
        assertEquals(3, post.onLayerLearned(0, conv1));
        assertEquals(1, conv1.liveCount());
        final KernelWeights conv3 = weights(0.95f, 0.85f, 0.05f);
        post.onLayerLearned(2, conv3);
        assertEquals(2, conv3.liveCount(), "conv3 uses beta 0.7");
        assertEquals(0.0, post.onEvaluate(0, 500, null, conv3), 0.0);
    }

    @Test
    void shouldBuildEachPolicyWhenNamed()
    {
        assertEquals(KernelPrunePolicy.NONE, NguyenPruning.create("none", Map.of()));
        final KernelPrunePolicy dyn = NguyenPruning.create("nguyen2020-dynamic",
            Map.of("pruning.alpha", "123", "pruning.k", "250"));
        assertEquals(250, dyn.evaluationPeriod(0));
        assertEquals(123.0, ((DynamicKernelPruning)dyn).alpha(2), 0.0);
        final KernelPrunePolicy post = NguyenPruning.create("nguyen2020-post", Map.of("pruning.beta", "0.5,0.6"));
        assertEquals(0, post.evaluationPeriod(0));
        assertEquals(0.6, ((PostLearningKernelPruning)post).beta(2), 0.0, "the last beta repeats");
        final CombinedKernelPruning both = (CombinedKernelPruning)NguyenPruning.create("nguyen2020", Map.of());
        assertEquals(NguyenPruning.K_DEFAULT, both.evaluationPeriod(1));
        assertEquals(0.7, both.post().beta(2), 0.0);
        assertEquals("nguyen2020", both.name());
    }

    @Test
    void shouldRejectUnknownNamesKeysAndValues()
    {
        assertTrue(assertThrows(InputException.class, () -> NguyenPruning.create("aptn", Map.of()))
            .getMessage().contains("aptn"));
        assertTrue(assertThrows(InputException.class,
            () -> NguyenPruning.create("nguyen2020", Map.of("pruning.gamma", "1"))).getMessage()
            .contains("pruning.gamma"));
        assertTrue(assertThrows(InputException.class,
            () -> NguyenPruning.create("nguyen2020", Map.of("pruning.k", "0"))).getMessage().contains("pruning.k"));
        assertTrue(assertThrows(InputException.class,
            () -> NguyenPruning.create("nguyen2020", Map.of("pruning.alpha", "x"))).getMessage()
            .contains("pruning.alpha"));
        assertTrue(assertThrows(InputException.class,
            () -> NguyenPruning.create("nguyen2020", Map.of("pruning.beta", "1.5"))).getMessage()
            .contains("pruning.beta"));
    }
}
