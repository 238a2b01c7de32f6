package org.spikeprune.core.conv;

import java.util.Arrays;

import org.spikeprune.engine.ProcessingElement;
import org.spikeprune.engine.SpikeBatch;

/**
 * A processing element of the convolutional network: it owns a band of rows of every simulated layer (all maps
 * and columns of those rows) and, each tick (one time step of the time-to-first-spike simulation):
 *
 * <ol>
 *   <li>accumulates every dispatched spike of layer {@code L−1} into the Potential memory of the layer-{@code L}
 *       neurons of its band whose receptive field holds it, skipping pruned kernel weights and inhibited
 *       positions (paper B eq. 1: the spikes of step {@code t−1} reach layer {@code L} at step {@code t}, the
 *       one-step delay per layer);</li>
 *   <li>at the end of the tick compares the potentials it touched with the threshold and fires, applying
 *       lateral inhibition: at a position at most one map fires per image, the one with the highest potential
 *       (ties: the lowest map), and the position is then blocked;</li>
 *   <li>for pooling layers fires every unit with an input spike in its window (threshold 0), once per position
 *       per image when the layer has position inhibition.</li>
 * </ol>
 *
 * <p>The order of accumulation into any one neuron is the dispatch order, whatever the partition, so potentials
 * and spikes are identical for every core count. Hot loops use primitive arrays only and allocate nothing.
 */
final class ConvCore implements ProcessingElement
{
    private final int coreId;
    private final ConvMemories mem;
    private final ConvGeometry geo;
    private final int[] rowFrom;
    private final int[] rowTo;
    private final long[][] dirty;

    /** Per-tick synaptic operations per receiving layer (pooling: deliveries to pooling units). */
    final long[] tickOps;
    /** Per-tick spikes delivered to each receiving layer. */
    final int[] tickSpikesIn;
    /** Per-tick spikes fired by each layer. */
    final int[] tickSpikesOut;
    /** Per-tick neuron threshold compares per layer. */
    final long[] tickUpdates;
    /** Per-tick neuron threshold compares over all layers. */
    long tickNeuronUpdates;

    ConvCore(final int coreId, final int coreCount, final ConvMemories mem)
    {
        this.coreId = coreId;
        this.mem = mem;
        this.geo = mem.geometry;
        final int n = geo.layerCount();
        rowFrom = new int[n];
        rowTo = new int[n];
        dirty = new long[n][];
        for (int l = 1; l < n; l++)
        {
            final int h = geo.height(l);
            rowFrom[l] = (int)((long)h * coreId / coreCount);
            rowTo[l] = (int)((long)h * (coreId + 1) / coreCount);
            dirty[l] = new long[(geo.positions(l) + 63) >>> 6];
        }
        tickOps = new long[n];
        tickSpikesIn = new int[n];
        tickSpikesOut = new int[n];
        tickUpdates = new long[n];
    }

    /** The core's id. */
    int coreId()
    {
        return coreId;
    }

    /** First row of layer {@code l} owned by this core. */
    int rowFrom(final int l)
    {
        return rowFrom[l];
    }

    /** First row of layer {@code l} after this core's band. */
    int rowTo(final int l)
    {
        return rowTo[l];
    }

    @Override
    public void onSpikes(final long tick, final SpikeBatch spikes)
    {
        Arrays.fill(tickOps, 0L);
        Arrays.fill(tickSpikesIn, 0);
        Arrays.fill(tickSpikesOut, 0);
        Arrays.fill(tickUpdates, 0L);
        tickNeuronUpdates = 0;
        final int depth = mem.depth;
        final int[] ids = spikes.array();
        final int count = spikes.count();
        int layer = 0;
        int layerBase = 0;
        int nextBase = geo.base(1);
        for (int s = 0; s < count; s++)
        {
            final int id = ids[s];
            while (id >= nextBase)
            {
                layer++;
                layerBase = nextBase;
                nextBase = geo.base(layer + 1);
            }
            final int target = layer + 1;
            if (target > depth)
            {
                break;
            }
            tickSpikesIn[target]++;
            if (geo.spec(target).isConv())
            {
                deliverConv(target, id - layerBase);
            }
            else
            {
                deliverPool(target, id - layerBase);
            }
        }
    }

    private void deliverConv(final int l, final int local)
    {
        final int inMaps = geo.maps(l - 1);
        final int inW = geo.width(l - 1);
        final int pos = local / inMaps;
        final int k = local - pos * inMaps;
        final int y = pos / inW;
        final int x = pos - y * inW;
        final ConvLayerSpec spec = geo.spec(l);
        final int kSize = spec.kernel();
        final int pad = spec.pad();
        final int w = geo.width(l);
        final int maps = geo.maps(l);
        final int iLo = Math.max(0, y + pad - (rowTo[l] - 1));
        final int iHi = Math.min(kSize - 1, y + pad - rowFrom[l]);
        if (iLo > iHi)
        {
            return;
        }
        final int jLo = Math.max(0, x + pad - (w - 1));
        final int jHi = Math.min(kSize - 1, x + pad);
        final float[] v = mem.potential[l];
        final boolean[] blk = mem.mode[l] == Inhibition.POSITION ? mem.blocked[l] : null;
        final long[] d = dirty[l];
        final KernelWeights kw = mem.weights[l];
        final float[] wt = kw.values();
        final int[] liveCount = kw.tapLiveCount();
        final int[] liveMaps = kw.tapLiveMaps();
        long ops = 0;
        for (int i = iLo; i <= iHi; i++)
        {
            final int rowBase = (y + pad - i) * w;
            final int tapRow = (k * kSize + i) * kSize;
            for (int j = jLo; j <= jHi; j++)
            {
                final int p = rowBase + x + pad - j;
                if (blk != null && blk[p])
                {
                    continue;
                }
                final int tap = tapRow + j;
                final int n = liveCount[tap];
                if (n == 0)
                {
                    continue;
                }
                final int wOff = tap * maps;
                final int vOff = p * maps;
                if (n == maps)
                {
                    for (int m = 0; m < maps; m++)
                    {
                        v[vOff + m] += wt[wOff + m];
                    }
                }
                else
                {
                    for (int q = 0; q < n; q++)
                    {
                        final int m = liveMaps[wOff + q];
                        v[vOff + m] += wt[wOff + m];
                    }
                }
                ops += n;
                d[p >>> 6] |= 1L << p;
            }
        }
        tickOps[l] += ops;
    }

    private void deliverPool(final int l, final int local)
    {
        final int inMaps = geo.maps(l - 1);
        final int inW = geo.width(l - 1);
        final int pos = local / inMaps;
        final int k = local - pos * inMaps;
        final int y = pos / inW;
        final int x = pos - y * inW;
        final ConvLayerSpec spec = geo.spec(l);
        final int f = spec.kernel();
        final int s = spec.stride();
        final int pad = spec.pad();
        final int w = geo.width(l);
        final int maps = geo.maps(l);
        final int rLo = Math.max(rowFrom[l], ceilDiv(y + pad - f + 1, s));
        final int rHi = Math.min(rowTo[l] - 1, Math.floorDiv(y + pad, s));
        final int cLo = Math.max(0, ceilDiv(x + pad - f + 1, s));
        final int cHi = Math.min(w - 1, Math.floorDiv(x + pad, s));
        final boolean[] blk = mem.mode[l] == Inhibition.POSITION ? mem.blocked[l] : null;
        final boolean[] once = mem.mode[l] == Inhibition.NEURON ? mem.fired[l] : null;
        final boolean[] hit = mem.flag[l];
        final long[] d = dirty[l];
        long ops = 0;
        for (int r = rLo; r <= rHi; r++)
        {
            for (int c = cLo; c <= cHi; c++)
            {
                final int p = r * w + c;
                if ((blk != null && blk[p]) || (once != null && once[p * maps + k]))
                {
                    continue;
                }
                hit[p * maps + k] = true;
                d[p >>> 6] |= 1L << p;
                ops++;
            }
        }
        tickOps[l] += ops;
    }

    static int ceilDiv(final int a, final int b)
    {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public void advance(final long tick, final SpikeBatch out)
    {
        final int depth = mem.depth;
        for (int l = 1; l <= depth; l++)
        {
            final int before = out.count();
            if (geo.spec(l).isConv())
            {
                fireConv(l, out);
            }
            else
            {
                firePool(l, out);
            }
            tickSpikesOut[l] = out.count() - before;
        }
    }

    private void fireConv(final int l, final SpikeBatch out)
    {
        final int w = geo.width(l);
        final int maps = geo.maps(l);
        final int base = geo.base(l);
        final float thr = mem.threshold[l];
        final float[] v = mem.potential[l];
        final boolean[] blk = mem.mode[l] == Inhibition.POSITION ? mem.blocked[l] : null;
        final boolean[] fired = mem.flag[l];
        final long[] d = dirty[l];
        final int from = rowFrom[l] * w;
        final int to = rowTo[l] * w;
        if (from >= to)
        {
            return;
        }
        long updates = 0;
        for (int wi = from >>> 6, last = (to - 1) >>> 6; wi <= last; wi++)
        {
            long bits = d[wi];
            if (bits == 0)
            {
                continue;
            }
            d[wi] = 0;
            while (bits != 0)
            {
                final int p = (wi << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final int off = p * maps;
                updates += maps;
                if (blk != null)
                {
                    int best = -1;
                    float bestV = thr;
                    for (int m = 0; m < maps; m++)
                    {
                        if (v[off + m] > bestV)
                        {
                            bestV = v[off + m];
                            best = m;
                        }
                    }
                    if (best >= 0)
                    {
                        out.add(base + off + best);
                        blk[p] = true;
                        fired[off + best] = true;
                    }
                }
                else
                {
                    for (int m = 0; m < maps; m++)
                    {
                        if (v[off + m] > thr && !fired[off + m])
                        {
                            fired[off + m] = true;
                            out.add(base + off + m);
                        }
                    }
                }
            }
        }
        tickUpdates[l] += updates;
        tickNeuronUpdates += updates;
    }

    private void firePool(final int l, final SpikeBatch out)
    {
        final int w = geo.width(l);
        final int maps = geo.maps(l);
        final int base = geo.base(l);
        final boolean[] blk = mem.mode[l] == Inhibition.POSITION ? mem.blocked[l] : null;
        final boolean[] once = mem.mode[l] == Inhibition.NEURON ? mem.fired[l] : null;
        final boolean[] hit = mem.flag[l];
        final long[] d = dirty[l];
        final int from = rowFrom[l] * w;
        final int to = rowTo[l] * w;
        if (from >= to)
        {
            return;
        }
        long updates = 0;
        for (int wi = from >>> 6, last = (to - 1) >>> 6; wi <= last; wi++)
        {
            long bits = d[wi];
            if (bits == 0)
            {
                continue;
            }
            d[wi] = 0;
            while (bits != 0)
            {
                final int p = (wi << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final int off = p * maps;
                updates += maps;
                boolean any = false;
                for (int m = 0; m < maps; m++)
                {
                    if (hit[off + m])
                    {
                        hit[off + m] = false;
                        out.add(base + off + m);
                        any = true;
                        if (once != null)
                        {
                            once[off + m] = true;
                        }
                    }
                }
                if (any && blk != null)
                {
                    blk[p] = true;
                }
            }
        }
        tickUpdates[l] += updates;
        tickNeuronUpdates += updates;
    }

    @Override
    public boolean isQuiescent()
    {
        // Non-leaky neurons: a tick without input spikes changes nothing and fires nothing.
        return true;
    }
}
