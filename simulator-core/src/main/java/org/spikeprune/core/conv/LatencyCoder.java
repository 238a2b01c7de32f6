package org.spikeprune.core.conv;

import java.util.Arrays;

/**
 * Intensity-to-latency (rank-order, time-to-first-spike) coding: the stronger a filtered pixel, the earlier its
 * single spike. Values of 0 do not fire.
 */
public final class LatencyCoder
{
    private LatencyCoder()
    {
    }

    /**
     * Paper B's reference coding [22]: the N non-zero values sorted in descending order (ties: lower id first);
     * the value of rank r (0-based) fires in bin {@code ceil(r / (N / spread))}, so bin 0 holds only the strongest
     * value and bins 1..spread about N/spread each.
     *
     * @param values one value per input neuron (id = index); ≤ 0 means no spike.
     * @param spread number of bins after bin 0 (total time steps − number of layers = 15 − 6 = 9).
     * @param label  class label.
     * @return the spikes, {@code spread + 1} bins.
     */
    public static InputSpikes rankOrder(final double[] values, final int spread, final int label)
    {
        final int[] order = sortedNonZero(values);
        final int n = order.length;
        final int bins = spread + 1;
        final int[] bin = new int[n];
        final double per = (double)n / spread;
        for (int r = 0; r < n; r++)
        {
            bin[r] = (int)Math.ceil(r / per);
        }
        return pack(order, bin, n, bins, label);
    }

    /**
     * SpykeTorch's {@code Intensity2Latency}: values sorted in descending order are cut into {@code bins} bins of
     * {@code floor(N / bins)} values each (at least 1); values past the last bin do not fire.
     *
     * @param values one value per input neuron; ≤ 0 means no spike.
     * @param bins   number of time bins (15).
     * @param label  class label.
     * @return the spikes.
     */
    public static InputSpikes equalCount(final double[] values, final int bins, final int label)
    {
        final int[] order = sortedNonZero(values);
        final int size = Math.max(1, order.length / bins);
        final int n = Math.min(order.length, size * bins);
        final int[] bin = new int[n];
        for (int r = 0; r < n; r++)
        {
            bin[r] = r / size;
        }
        return pack(order, bin, n, bins, label);
    }

    private static int[] sortedNonZero(final double[] values)
    {
        int n = 0;
        for (final double v : values)
        {
            if (v > 0)
            {
                n++;
            }
        }
        final Integer[] boxed = new Integer[n];
        int k = 0;
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] > 0)
            {
                boxed[k++] = i;
            }
        }
        Arrays.sort(boxed, (a, b) ->
        {
            final int c = Double.compare(values[b], values[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        final int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = boxed[i];
        }
        return order;
    }

    private static InputSpikes pack(final int[] order, final int[] bin, final int n, final int bins, final int label)
    {
        final int[] start = new int[bins + 1];
        for (int r = 0; r < n; r++)
        {
            start[bin[r] + 1]++;
        }
        for (int b = 0; b < bins; b++)
        {
            start[b + 1] += start[b];
        }
        final int[] fill = start.clone();
        final int[] ids = new int[n];
        for (int r = 0; r < n; r++)
        {
            ids[fill[bin[r]]++] = order[r];
        }
        for (int b = 0; b < bins; b++)
        {
            Arrays.sort(ids, start[b], start[b + 1]);
        }
        return new InputSpikes(ids, start, label);
    }
}
