package org.spikeprune.core.conv;

import java.util.Arrays;
import java.util.List;

/** Small hand-made networks for the unit tests. */
final class TinyNets
{
    private TinyNets()
    {
    }

    /** A config on an {@code h × w × channels} input with the given layers, every weight 0.8, no rate schedule. */
    static ConvNetConfig config(final int h, final int w, final boolean off, final int ticks,
        final List<ConvLayerSpec> layers)
    {
        final InputCoding coding = new InputCoding(h, w, 3, 1.0, 2.0, off, 0, 0.0, 4, false, 0,
            DogFilter.Style.REFERENCE);
        final int convs = (int)layers.stream().filter(ConvLayerSpec::isConv).count();
        final int[] ones = new int[convs];
        Arrays.fill(ones, Integer.MAX_VALUE);
        final float[] nan = new float[convs];
        Arrays.fill(nan, Float.NaN);
        final float[] ap = new float[convs];
        Arrays.fill(ap, 0.1f);
        final float[] am = new float[convs];
        Arrays.fill(am, 0.05f);
        return new ConvNetConfig(coding, layers, ticks, new int[convs], ap, am, new int[convs], 0.15f, 0.75f,
            ones.clone(), ones.clone(), new int[convs], 0.8, 0.0, nan, ConvNetConfig.LearningOrder.SEQUENTIAL, null,
            null);
    }

    /** Input spikes: {@code ids[b]} fire in bin b. */
    static InputSpikes spikes(final int label, final int[]... bins)
    {
        int n = 0;
        for (final int[] b : bins)
        {
            n += b.length;
        }
        final int[] ids = new int[n];
        final int[] start = new int[bins.length + 1];
        int k = 0;
        for (int b = 0; b < bins.length; b++)
        {
            final int[] sorted = bins[b].clone();
            Arrays.sort(sorted);
            for (final int id : sorted)
            {
                ids[k++] = id;
            }
            start[b + 1] = k;
        }
        return new InputSpikes(ids, start, label);
    }
}
