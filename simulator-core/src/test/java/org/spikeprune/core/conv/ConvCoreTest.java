package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spikeprune.engine.SpikeBatch;

class ConvCoreTest
{
    private static ConvMemories memories(final List<ConvLayerSpec> layers)
    {
        return new ConvMemories(new ConvGeometry(5, 5, 1, layers));
    }

    private static int[] run(final ConvCore core, final int... ids)
    {
        final SpikeBatch in = new SpikeBatch(8);
        for (final int id : ids)
        {
            in.add(id);
        }
        final SpikeBatch out = new SpikeBatch(8);
        core.onSpikes(0, in);
        core.advance(0, out);
        return Arrays.copyOf(out.array(), out.count());
    }

    @Test
    void shouldFireTheReceptiveFieldWhenOneInputSpikeArrives()
    {
        final ConvMemories mem = memories(List.of(ConvLayerSpec.conv(1, 3, 0.5f)));
        final float[] w = new float[9];
        Arrays.fill(w, 1f);
        mem.weights[1].load(w);
        final ConvCore core = new ConvCore(0, 1, mem);
        final int base = mem.geometry.base(1);
        final int[] out = run(core, 2 * 5 + 2);
        // The 3×3 neighbourhood of (2, 2) reaches 1.0 > 0.5.
        final int[] expected = new int[9];
        int k = 0;
        for (int r = 1; r <= 3; r++)
        {
            for (int c = 1; c <= 3; c++)
            {
                expected[k++] = base + r * 5 + c;
            }
        }
        assertArrayEquals(expected, out);
        assertEquals(9, core.tickOps[1]);
        // Positions that fired are blocked: the same input again fires nothing and costs no SOP.
        assertArrayEquals(new int[0], run(core, 2 * 5 + 2));
        assertEquals(0, core.tickOps[1]);
    }

    @Test
    void shouldLetOnlyTheHighestMapFireWhenTwoMapsCrossAtOnePosition()
    {
        final ConvMemories mem = memories(List.of(ConvLayerSpec.conv(2, 1, 0.2f)));
        final KernelWeights kw = mem.weights[1];
        kw.load(new float[] {0.5f, 0.9f});
        final ConvCore core = new ConvCore(0, 1, mem);
        final int base = mem.geometry.base(1);
        assertArrayEquals(new int[] {base + (7 * 2) + 1}, run(core, 7), "map 1 (0.9) wins over map 0 (0.5)");
        // Equal potentials: the lower map wins.
        final ConvMemories mem2 = memories(List.of(ConvLayerSpec.conv(2, 1, 0.2f)));
        mem2.weights[1].load(new float[] {0.7f, 0.7f});
        assertArrayEquals(new int[] {base + 7 * 2}, run(new ConvCore(0, 1, mem2), 7));
    }

    @Test
    void shouldSkipPrunedWeightsWhenAccumulating()
    {
        final ConvMemories mem = memories(List.of(ConvLayerSpec.conv(2, 1, 0.2f)));
        final KernelWeights kw = mem.weights[1];
        kw.load(new float[] {0.5f, 0.9f});
        kw.prune(1);
        final ConvCore core = new ConvCore(0, 1, mem);
        final int base = mem.geometry.base(1);
        assertArrayEquals(new int[] {base + 7 * 2}, run(core, 7), "only map 0 is live");
        assertEquals(1, core.tickOps[1], "one live weight, one SOP");
        assertEquals(0f, mem.potential[1][7 * 2 + 1]);
    }

    @Test
    void shouldSplitRowsAndKeepSpikesWhenTwoCoresShareALayer()
    {
        final List<ConvLayerSpec> layers = List.of(ConvLayerSpec.conv(1, 3, 0.5f));
        final ConvMemories mem = memories(layers);
        final float[] w = new float[9];
        Arrays.fill(w, 1f);
        mem.weights[1].load(w);
        final ConvCore c0 = new ConvCore(0, 2, mem);
        final ConvCore c1 = new ConvCore(1, 2, mem);
        assertEquals(0, c0.rowFrom(1));
        assertEquals(2, c0.rowTo(1));
        assertEquals(5, c1.rowTo(1));
        final int[] a = run(c0, 12);
        final int[] b = run(c1, 12);
        final int[] merged = new int[a.length + b.length];
        System.arraycopy(a, 0, merged, 0, a.length);
        System.arraycopy(b, 0, merged, a.length, b.length);
        final ConvMemories single = memories(layers);
        single.weights[1].load(w);
        assertArrayEquals(run(new ConvCore(0, 1, single), 12), merged);
        assertEquals(3, a.length, "row 1 belongs to core 0");
        assertEquals(6, b.length, "rows 2 and 3 belong to core 1");
    }

    @Test
    void shouldFireEveryHitPoolingUnitOncePerPositionWhenInhibited()
    {
        final List<ConvLayerSpec> layers = List.of(ConvLayerSpec.conv(2, 1, 0.1f),
            ConvLayerSpec.pool(2, 2, 2, 0, true));
        final ConvMemories mem = memories(layers);
        final ConvCore core = new ConvCore(0, 1, mem);
        final ConvGeometry g = mem.geometry;
        assertEquals(2, g.height(2));
        final int b1 = g.base(1);
        final int b2 = g.base(2);
        // conv spikes at (0,0) map 0 and (1,1) map 1 hit pooling unit (0,0) in both maps.
        final int[] out = run(core, b1 + 0, b1 + (1 * 5 + 1) * 2 + 1);
        assertArrayEquals(new int[] {b2, b2 + 1}, out);
        // The position is blocked afterwards.
        assertArrayEquals(new int[0], run(core, b1 + 2));
        // Without inhibition a pooling unit fires at every step it is hit.
        final ConvMemories mem2 = memories(List.of(ConvLayerSpec.conv(2, 1, 0.1f),
            ConvLayerSpec.pool(2, 2, 2, 0, false)));
        final ConvCore core2 = new ConvCore(0, 1, mem2);
        assertArrayEquals(new int[] {b2}, run(core2, b1));
        assertArrayEquals(new int[] {b2}, run(core2, b1));
    }

    @Test
    void shouldFireEveryCrossingMapOnceWhenInhibitionIsPerNeuron()
    {
        final ConvMemories mem = memories(List.of(ConvLayerSpec.conv(2, 1, 0.2f).withInhibition(Inhibition.NEURON)));
        mem.weights[1].load(new float[] {0.5f, 0.9f});
        final ConvCore core = new ConvCore(0, 1, mem);
        final int base = mem.geometry.base(1);
        assertArrayEquals(new int[] {base + 14, base + 15}, run(core, 7), "no competition between maps");
        assertArrayEquals(new int[0], run(core, 7), "each neuron fires once per image");
        assertEquals(2, core.tickOps[1], "fired neurons still integrate");
    }

    @Test
    void shouldFireEachPoolingUnitOnceWhenInhibitionIsPerNeuron()
    {
        final ConvMemories mem = memories(List.of(ConvLayerSpec.conv(2, 1, 0.1f),
            ConvLayerSpec.pool(2, 2, 2, 0, false).withInhibition(Inhibition.NEURON)));
        final ConvCore core = new ConvCore(0, 1, mem);
        final int b1 = mem.geometry.base(1);
        final int b2 = mem.geometry.base(2);
        assertArrayEquals(new int[] {b2}, run(core, b1));
        assertArrayEquals(new int[] {b2 + 1}, run(core, b1, b1 + 1), "map 0's unit has fired already");
        assertArrayEquals(new int[0], run(core, b1 + 1));
    }
}
