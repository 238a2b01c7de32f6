package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StdpUnitTest
{
    private ConvMemories mem;
    private StdpUnit stdp;
    private DecrementTrack track;
    private int base;

    @BeforeEach
    void setUp()
    {
        mem = new ConvMemories(new ConvGeometry(6, 6, 1, List.of(ConvLayerSpec.conv(2, 3, 1f))));
        final float[] w = new float[18];
        Arrays.fill(w, 0.5f);
        mem.weights[1].load(w);
        stdp = new StdpUnit(mem);
        track = new DecrementTrack(18);
        base = mem.geometry.base(1);
    }

    private int id(final int r, final int c, final int m)
    {
        return base + (r * 6 + c) * 2 + m;
    }

    private int[] candidates()
    {
        // C1 map 0 at (2,2) V 5; C2 map 1 at (3,3) V 4 (inside C1's radius); C3 map 0 at (5,5) V 3 (C1's map);
        // C4 map 1 at (5,0) V 2 (far, other map).
        final float[] v = mem.potential[1];
        v[id(2, 2, 0) - base] = 5f;
        v[id(3, 3, 1) - base] = 4f;
        v[id(5, 5, 0) - base] = 3f;
        v[id(5, 0, 1) - base] = 2f;
        final int[] ids = {id(2, 2, 0), id(3, 3, 1), id(5, 0, 1), id(5, 5, 0)};
        Arrays.sort(ids);
        return ids;
    }

    @Test
    void shouldPickHighestThenSkipSameMapAndNeighboursWhenSelectingWinners()
    {
        stdp.configure(1, track, 10, Integer.MAX_VALUE, 1, new int[6], 1);
        stdp.rates(0.1f, 0.05f);
        stdp.beginImage();
        stdp.inputFired()[1 * 6 + 1] = true;
        stdp.inputFired()[2 * 6 + 2] = true;
        final int[] ids = candidates();
        stdp.onStep(3, ids, 0, ids.length);
        assertEquals(2, stdp.tickWinners, "C1 and C4 win");
        final KernelWeights kw = mem.weights[1];
        final float up = 0.5f + 0.1f * 0.25f;
        final float down = 0.5f - 0.05f * 0.25f;
        // Winner C1 (map 0 at (2,2)): inputs (1,1) and (2,2) fired before → taps (0,0) and (1,1) potentiate.
        assertEquals(up, kw.weight(kw.index(0, 0, 0, 0)));
        assertEquals(up, kw.weight(kw.index(0, 1, 1, 0)));
        assertEquals(down, kw.weight(kw.index(0, 0, 1, 0)));
        assertEquals(down, kw.weight(kw.index(0, 2, 2, 0)));
        // Winner C4 (map 1 at (5,0)): nothing fired there, padding counts as not fired → all depress.
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                assertEquals(down, kw.weight(kw.index(0, i, j, 1)));
                assertEquals(1, track.decrements(kw.index(0, i, j, 1)));
                assertEquals(3, track.postTimeSum(kw.index(0, i, j, 1)));
            }
        }
        assertEquals(0, track.decrements(kw.index(0, 0, 0, 0)), "potentiation is not a decrement");
        assertEquals(18, stdp.updates);
        assertEquals(16, stdp.ltd);
        assertEquals(16, stdp.decrementWrites);
        // Both maps have learned: later steps of the image change nothing.
        stdp.updates = 0;
        stdp.onStep(4, ids, 0, ids.length);
        assertEquals(0, stdp.updates);
        assertEquals(0, stdp.tickWinners);
    }

    @Test
    void shouldStopAtTheStepQuotaWhenSelectingWinners()
    {
        stdp.configure(1, null, 1, Integer.MAX_VALUE, 1, new int[6], 1);
        stdp.rates(0.1f, 0.05f);
        stdp.beginImage();
        final int[] ids = candidates();
        stdp.onStep(3, ids, 0, ids.length);
        assertEquals(1, stdp.tickWinners);
        assertEquals(0, stdp.decrementWrites, "no Decrement Track without dynamic pruning");
        assertEquals(9, stdp.ltd);
        // Next step: C4 is still eligible (map 1 has not learned, far from C1).
        stdp.onStep(4, ids, 0, ids.length);
        assertEquals(1, stdp.tickWinners);
    }

    @Test
    void shouldNotTouchPrunedWeightsWhenUpdating()
    {
        mem.weights[1].prune(mem.weights[1].index(0, 1, 1, 0));
        stdp.configure(1, track, 1, Integer.MAX_VALUE, 1, new int[6], 1);
        stdp.rates(0.1f, 0.05f);
        stdp.beginImage();
        final int[] ids = candidates();
        stdp.onStep(3, ids, 0, ids.length);
        assertEquals(8, stdp.updates);
        assertEquals(0f, mem.weights[1].weight(mem.weights[1].index(0, 1, 1, 0)));
    }

    @Test
    void shouldScalePotentiationByTheInputsSpikeCountWhenCountingPreSpikes()
    {
        stdp.configure(1, track, 10, Integer.MAX_VALUE, 1, new int[6], 1);
        stdp.rates(0.1f, 0.05f);
        stdp.countPreSpikes(true);
        stdp.beginImage();
        // Input (1,1) fired once, (2,2) three times before the winner's step.
        stdp.inputFired()[1 * 6 + 1] = true;
        stdp.inputCount()[1 * 6 + 1] = 1;
        stdp.inputFired()[2 * 6 + 2] = true;
        stdp.inputCount()[2 * 6 + 2] = 3;
        final int[] ids = candidates();
        stdp.onStep(3, ids, 0, ids.length);
        final KernelWeights kw = mem.weights[1];
        assertEquals(0.5f + 0.1f * 0.25f, kw.weight(kw.index(0, 0, 0, 0)), "one spike: +a⁺·w(1−w)");
        assertEquals(0.5f + (3 * 0.05f + 3 * 0.1f - 0.05f) * 0.25f, kw.weight(kw.index(0, 1, 1, 0)),
            "n spikes: (n·(a⁺ + a⁻) − a⁻)·w(1−w)");
        assertEquals(0.5f - 0.05f * 0.25f, kw.weight(kw.index(0, 0, 1, 0)), "no spike: −a⁻·w(1−w)");
        assertEquals(0, track.decrements(kw.index(0, 1, 1, 0)));
    }
}
