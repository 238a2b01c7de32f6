package org.spikeprune.core.conv;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Weight memory of one convolution layer: the shared kernel weights ("connections" in paper B, Table 1),
 * laid out as {@code [inMap][row][col][outMap]} so that one pre-synaptic spike at one kernel tap adds a
 * contiguous run of weights, one per output map.
 *
 * <p>Pruning writes 0 to a weight and flags it. The processing elements never touch a pruned weight: every tap
 * (in map, row, col) keeps a compacted list of its live output maps, rebuilt on the control path when the
 * Prune unit removes a weight, so the synaptic-operation loop runs over live weights only and its cost falls
 * with connectivity. A tap with every map live takes a dense loop.
 */
public final class KernelWeights
{
    private final int inMaps;
    private final int kernel;
    private final int outMaps;
    private final float[] weight;
    private final boolean[] pruned;
    private final int[] liveCount;
    private final int[] liveMap;
    private int live;

    /**
     * All weights live and zero.
     *
     * @param inMaps  maps of the input layer.
     * @param kernel  kernel side.
     * @param outMaps maps of this layer.
     */
    public KernelWeights(final int inMaps, final int kernel, final int outMaps)
    {
        this.inMaps = inMaps;
        this.kernel = kernel;
        this.outMaps = outMaps;
        final int taps = inMaps * kernel * kernel;
        this.weight = new float[taps * outMaps];
        this.pruned = new boolean[weight.length];
        this.liveCount = new int[taps];
        this.liveMap = new int[weight.length];
        for (int t = 0; t < taps; t++)
        {
            rebuildTap(t);
        }
        this.live = weight.length;
    }

    /**
     * Initial weights drawn from N(mean, std), then values ≥ 1 set to 0.99 and values ≤ 0 set to 0.01 (paper B's
     * reference implementation; MODEL-REFERENCE §7.14).
     *
     * @param random the "weights" random stream.
     * @param mean   mean of the normal distribution (0.8).
     * @param std    its standard deviation (0.01).
     */
    public void initialise(final SplittableRandom random, final double mean, final double std)
    {
        for (int i = 0; i < weight.length; i++)
        {
            double w = mean + std * gaussian(random);
            if (w >= 1.0)
            {
                w = 0.99;
            }
            else if (w <= 0.0)
            {
                w = 0.01;
            }
            weight[i] = (float)w;
        }
    }

    /** A standard normal variate by the polar method (deterministic for a given stream). */
    static double gaussian(final SplittableRandom random)
    {
        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * Math.log(s) / s);
    }

    /** Maps of the input layer. */
    public int inMaps()
    {
        return inMaps;
    }

    /** Kernel side. */
    public int kernel()
    {
        return kernel;
    }

    /** Maps of this layer. */
    public int outMaps()
    {
        return outMaps;
    }

    /** Number of kernel weights (connections), pruned ones included. */
    public int size()
    {
        return weight.length;
    }

    /** Index of the weight from input map {@code in} at kernel ({@code row}, {@code col}) to output map {@code out}. */
    public int index(final int in, final int row, final int col, final int out)
    {
        return ((in * kernel + row) * kernel + col) * outMaps + out;
    }

    /** The weight at {@code index}; 0 when pruned. */
    public float weight(final int index)
    {
        return weight[index];
    }

    /** Writes a weight (the STDP unit's write port); a pruned weight stays 0. */
    public void set(final int index, final float value)
    {
        if (!pruned[index])
        {
            weight[index] = value;
        }
    }

    /** True when the weight has been pruned. */
    public boolean isPruned(final int index)
    {
        return pruned[index];
    }

    /**
     * Prunes one weight: writes 0 and removes it from its tap's live list. Control path.
     *
     * @return true if it was live.
     */
    public boolean prune(final int index)
    {
        if (pruned[index])
        {
            return false;
        }
        pruned[index] = true;
        weight[index] = 0f;
        live--;
        rebuildTap(index / outMaps);
        return true;
    }

    /** Live (unpruned) weights. */
    public int liveCount()
    {
        return live;
    }

    /** Live weights over all weights. */
    public double connectivity()
    {
        return (double)live / weight.length;
    }

    /** Mean of w(1 − w) over all weights: Kheradpisheh's convergence index C_l. */
    public double convergence()
    {
        double s = 0;
        for (final float w : weight)
        {
            s += w * (1.0 - w);
        }
        return s / weight.length;
    }

    /** A copy of the weight values. */
    public float[] toArray()
    {
        return weight.clone();
    }

    /** Replaces every weight (e.g. loaded from a file); pruned flags are cleared. */
    public void load(final float[] values)
    {
        if (values.length != weight.length)
        {
            throw new IllegalArgumentException("expected " + weight.length + " weights, found " + values.length);
        }
        System.arraycopy(values, 0, weight, 0, values.length);
        Arrays.fill(pruned, false);
        live = weight.length;
        for (int t = 0; t < liveCount.length; t++)
        {
            rebuildTap(t);
        }
    }

    /**
     * Replaces every weight and pruned flag (a saved network); a pruned weight is written as 0 and each tap's live
     * list is rebuilt. Control path.
     *
     * @param values  the weights.
     * @param flags   true for a pruned weight.
     */
    public void load(final float[] values, final boolean[] flags)
    {
        if (values.length != weight.length || flags.length != weight.length)
        {
            throw new IllegalArgumentException("expected " + weight.length + " weights and flags, found "
                + values.length + " and " + flags.length);
        }
        int n = 0;
        for (int i = 0; i < weight.length; i++)
        {
            pruned[i] = flags[i];
            weight[i] = flags[i] ? 0f : values[i];
            n += flags[i] ? 0 : 1;
        }
        live = n;
        for (int t = 0; t < liveCount.length; t++)
        {
            rebuildTap(t);
        }
    }

    // Hot-path accessors for the processing elements (package-private, no copies).

    float[] values()
    {
        return weight;
    }

    int[] tapLiveCount()
    {
        return liveCount;
    }

    int[] tapLiveMaps()
    {
        return liveMap;
    }

    private void rebuildTap(final int tap)
    {
        final int off = tap * outMaps;
        int n = 0;
        for (int m = 0; m < outMaps; m++)
        {
            if (!pruned[off + m])
            {
                liveMap[off + n++] = m;
            }
        }
        liveCount[tap] = n;
    }
}
