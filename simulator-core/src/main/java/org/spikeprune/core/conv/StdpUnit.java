package org.spikeprune.core.conv;

import java.util.Arrays;

/**
 * The STDP unit of the layer that is learning (paper B §2 eq. 3 and §4; Kheradpisheh et al. 2018 as
 * implemented by paper B's reference [22]). After each time step it:
 *
 * <ol>
 *   <li>takes as candidates the neurons of the learning layer that fired at the step and are still STDP-enabled;
 *   <li>repeatedly picks the candidate with the highest potential (ties: the lowest id), at most
 *       {@code winnersPerStep} per step and {@code winnersPerImage} per image, removing after each pick the
 *       candidates of the same map and those within ± the inhibition radius in every map (k-winner selection);
 *   <li>updates the winner's kernel: Δw = +a⁺·w(1−w) for each input that fired at a step ≤ t−1 (pre before post)
 *       and Δw = −a⁻·w(1−w) otherwise (padding counts as not fired), skipping pruned weights, and logs every
 *       decrement in the Decrement Track memory with the winner's spike step t_post;
 *   <li>disables STDP for the rest of the image in the winner's map and within ± the radius in all maps, so a map
 *       learns at most once per image.
 * </ol>
 *
 * <p>Winners of one step belong to different maps and touch disjoint weights, so the update order does not
 * matter.
 */
final class StdpUnit
{
    private final ConvGeometry geo;
    private final ConvMemories mem;

    private int layer;
    private KernelWeights weights;
    private DecrementTrack track;
    private boolean[] inputFired;
    private int[] inputCount;
    private boolean countPre;
    private float aPlus;
    private float aMinus;
    private int winnersPerStep;
    private int winnersPerImage;
    private int radius;

    private boolean[] mapDone = new boolean[0];
    private int[] windowRow = new int[0];
    private int[] windowCol = new int[0];
    private int windows;
    private int imageWinners;

    private int[] candidate = new int[256];
    private boolean[] removed = new boolean[256];

    private int[] rowOwner = new int[0];

    long updates;
    long ltd;
    long decrementWrites;
    int tickWinners;
    /**
     * Per-core STDP updates and Decrement Track writes of the last step (attributed to the core owning the winner;
     * no writes without a Decrement Track).
     */
    long[] coreUpdates = new long[0];
    long[] coreDecrements = new long[0];

    StdpUnit(final ConvMemories mem)
    {
        this.mem = mem;
        this.geo = mem.geometry;
    }

    /**
     * Selects the learning layer and its parameters (control path).
     *
     * @param layer      network index of the learning convolution.
     * @param track      Decrement Track memory, or null when no dynamic pruning is running.
     * @param perStep    maximum winners per time step.
     * @param perImage   maximum winners per image.
     * @param radius     inhibition radius (offset) of the k-winner selection.
     * @param owner      the core owning each row of the learning layer.
     * @param cores      number of cores.
     */
    void configure(final int layer, final DecrementTrack track, final int perStep, final int perImage,
        final int radius, final int[] owner, final int cores)
    {
        this.rowOwner = owner;
        if (coreUpdates.length != cores)
        {
            coreUpdates = new long[cores];
            coreDecrements = new long[cores];
        }
        this.layer = layer;
        this.weights = mem.weights[layer];
        this.track = track;
        this.winnersPerStep = perStep;
        this.winnersPerImage = perImage;
        this.radius = radius;
        final int maps = geo.maps(layer);
        if (mapDone.length != maps)
        {
            mapDone = new boolean[maps];
            windowRow = new int[maps];
            windowCol = new int[maps];
        }
        if (inputFired == null || inputFired.length != geo.size(layer - 1))
        {
            inputFired = new boolean[geo.size(layer - 1)];
            inputCount = new int[inputFired.length];
        }
    }

    /**
     * Whether an input's spikes are counted in its potentiation: Δw = (n·(a⁺ + a⁻) − a⁻)·w(1−w) for an input with
     * n spikes before the winner's step (the reference implementation), instead of +a⁺·w(1−w) for any n ≥ 1.
     */
    void countPreSpikes(final boolean count)
    {
        this.countPre = count;
    }

    /** The learning rates for the coming images. */
    void rates(final float newAPlus, final float newAMinus)
    {
        this.aPlus = newAPlus;
        this.aMinus = newAMinus;
    }

    /** The network index of the learning layer. */
    int layer()
    {
        return layer;
    }

    /** Spike memory of the learning layer's input: true once the input neuron has fired in this image. */
    boolean[] inputFired()
    {
        return inputFired;
    }

    /**
     * Spikes of each input of the learning layer so far in this image; kept by the Controller beside
     * {@link #inputFired()} and read only when spikes are counted.
     */
    int[] inputCount()
    {
        return inputCount;
    }

    /** Start of an image: every map and position STDP-enabled again, no input fired. */
    void beginImage()
    {
        Arrays.fill(mapDone, false);
        Arrays.fill(inputFired, false);
        Arrays.fill(inputCount, 0);
        windows = 0;
        imageWinners = 0;
    }

    /**
     * Runs the unit after step {@code step}.
     *
     * @param step   the time step (t_post of any winner).
     * @param ids    global ids, ascending; the learning layer's spikes of this step are {@code ids[from..to)}.
     * @param from   first index of the learning layer's spikes.
     * @param to     end index.
     */
    void onStep(final int step, final int[] ids, final int from, final int to)
    {
        tickWinners = 0;
        Arrays.fill(coreUpdates, 0L);
        Arrays.fill(coreDecrements, 0L);
        if (from >= to || imageWinners >= winnersPerImage)
        {
            return;
        }
        final int maps = geo.maps(layer);
        final int w = geo.width(layer);
        final int base = geo.base(layer);
        int n = 0;
        if (candidate.length < to - from)
        {
            candidate = new int[Math.max(to - from, candidate.length * 2)];
            removed = new boolean[candidate.length];
        }
        for (int s = from; s < to; s++)
        {
            final int local = ids[s] - base;
            final int p = local / maps;
            final int m = local - p * maps;
            if (mapDone[m] || inWindow(p / w, p % w))
            {
                continue;
            }
            candidate[n] = local;
            removed[n] = false;
            n++;
        }
        final float[] v = mem.potential[layer];
        int picked = 0;
        while (picked < winnersPerStep && imageWinners < winnersPerImage)
        {
            int best = -1;
            float bestV = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++)
            {
                if (!removed[c] && v[candidate[c]] > bestV)
                {
                    bestV = v[candidate[c]];
                    best = c;
                }
            }
            if (best < 0)
            {
                break;
            }
            final int local = candidate[best];
            final int p = local / maps;
            final int m = local - p * maps;
            final int r = p / w;
            final int col = p % w;
            for (int c = 0; c < n; c++)
            {
                if (!removed[c])
                {
                    final int lc = candidate[c];
                    final int pc = lc / maps;
                    final int mc = lc - pc * maps;
                    if (mc == m || (Math.abs(pc / w - r) <= radius && Math.abs(pc % w - col) <= radius))
                    {
                        removed[c] = true;
                    }
                }
            }
            update(r, col, m, step);
            mapDone[m] = true;
            windowRow[windows] = r;
            windowCol[windows] = col;
            windows++;
            picked++;
            imageWinners++;
        }
        tickWinners = picked;
    }

    private boolean inWindow(final int r, final int c)
    {
        for (int i = 0; i < windows; i++)
        {
            if (Math.abs(r - windowRow[i]) <= radius && Math.abs(c - windowCol[i]) <= radius)
            {
                return true;
            }
        }
        return false;
    }

    private void update(final int r, final int c, final int m, final int step)
    {
        final int kSize = geo.spec(layer).kernel();
        final int pad = geo.spec(layer).pad();
        final int inH = geo.height(layer - 1);
        final int inW = geo.width(layer - 1);
        final int inMaps = geo.maps(layer - 1);
        final float[] wt = weights.values();
        final float ap = aPlus;
        final float am = aMinus;
        long up = 0;
        long dec = 0;
        for (int k = 0; k < inMaps; k++)
        {
            for (int i = 0; i < kSize; i++)
            {
                final int y = r + i - pad;
                for (int j = 0; j < kSize; j++)
                {
                    final int idx = weights.index(k, i, j, m);
                    if (weights.isPruned(idx))
                    {
                        continue;
                    }
                    final int x = c + j - pad;
                    final boolean inside = y >= 0 && y < inH && x >= 0 && x < inW;
                    final boolean pre = inside && inputFired[(y * inW + x) * inMaps + k];
                    final float wv = wt[idx];
                    final float stab = wv * (1f - wv);
                    if (pre && countPre && inputCount[(y * inW + x) * inMaps + k] > 1)
                    {
                        final int spikes = inputCount[(y * inW + x) * inMaps + k];
                        wt[idx] = wv + (spikes * am + spikes * ap - am) * stab;
                    }
                    else if (pre)
                    {
                        wt[idx] = wv + ap * stab;
                    }
                    else
                    {
                        wt[idx] = wv - am * stab;
                        dec++;
                        if (track != null)
                        {
                            track.record(idx, step);
                        }
                    }
                    up++;
                }
            }
        }
        updates += up;
        ltd += dec;
        coreUpdates[rowOwner[r]] += up;
        if (track != null)
        {
            coreDecrements[rowOwner[r]] += dec;
            decrementWrites += dec;
        }
    }
}
