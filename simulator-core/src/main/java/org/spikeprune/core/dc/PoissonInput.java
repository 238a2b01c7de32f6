package org.spikeprune.core.dc;

import java.util.SplittableRandom;

import org.spikeprune.engine.SpikeBatch;

/**
 * Poisson rate coding of one image, generated event by event: every input draws its next spike tick from a
 * geometric inter-spike interval (one draw per spike, not one per input per tick), which is exactly a Bernoulli
 * trial with probability {@code rate·dt} at every tick. Pending spikes sit in a calendar of per-tick intrusive
 * lists, so nothing is allocated per spike.
 */
final class PoissonInput implements InputSource
{
    private final int inputs;
    private final int horizon;
    private final int[] head;
    private final int[] next;
    private final double[] logOneMinusP;
    private final SplittableRandom random;
    private long startTick;
    private int pending;

    PoissonInput(final int inputs, final int horizonTicks, final SplittableRandom random)
    {
        this.inputs = inputs;
        this.horizon = horizonTicks;
        this.head = new int[horizonTicks];
        this.next = new int[inputs];
        this.logOneMinusP = new double[inputs];
        this.random = random;
        java.util.Arrays.fill(head, -1);
    }

    /**
     * Starts a presentation at {@code tick}: input {@code i} fires with probability {@code prob[i]} per tick.
     *
     * @param tick  first tick of the presentation.
     * @param pixels image pixels, unsigned bytes.
     * @param offset offset of the image in {@code pixels}.
     * @param ratePerPixelHz rate in Hz per unit of pixel value.
     * @param dtMs  tick length in ms.
     */
    @Override
    public void begin(final long tick, final byte[] pixels, final int offset, final double ratePerPixelHz,
        final double dtMs)
    {
        java.util.Arrays.fill(head, -1);
        startTick = tick;
        pending = 0;
        for (int i = 0; i < inputs; i++)
        {
            final int px = pixels[offset + i] & 0xff;
            final double prob = px * ratePerPixelHz * dtMs * 1e-3;
            if (prob <= 0)
            {
                logOneMinusP[i] = 0;
                continue;
            }
            logOneMinusP[i] = prob >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-prob);
            schedule(i, draw(i));
        }
    }

    /** Ticks until the next spike of input i, counted from the current tick: 0 means this tick. */
    private int draw(final int i)
    {
        final double l = logOneMinusP[i];
        if (l == Double.NEGATIVE_INFINITY)
        {
            return 0;
        }
        final double u = 1.0 - random.nextDouble();
        final double k = Math.floor(Math.log(u) / l);
        return k >= horizon ? horizon : (int)k;
    }

    private void schedule(final int i, final int at)
    {
        if (at < horizon)
        {
            next[i] = head[at];
            head[at] = i;
            pending++;
        }
    }

    /** Appends the inputs that fire at {@code tick}, ascending, to {@code out}. */
    @Override
    public void emit(final long tick, final SpikeBatch out)
    {
        final long rel = tick - startTick;
        if (rel < 0 || rel >= horizon)
        {
            return;
        }
        final int r = (int)rel;
        int i = head[r];
        if (i < 0)
        {
            return;
        }
        head[r] = -1;
        final int first = out.count();
        while (i >= 0)
        {
            final int nxt = next[i];
            out.add(i);
            pending--;
            schedule(i, r + 1 + draw(i));
            i = nxt;
        }
        sortTail(out, first);
    }

    /** The first tick at or after {@code tick} with a pending spike, or Long.MAX_VALUE. */
    @Override
    public long nextTick(final long tick)
    {
        if (pending == 0)
        {
            return Long.MAX_VALUE;
        }
        for (long t = Math.max(tick, startTick); t < startTick + horizon; t++)
        {
            if (head[(int)(t - startTick)] >= 0)
            {
                return t;
            }
        }
        return Long.MAX_VALUE;
    }

    private static void sortTail(final SpikeBatch out, final int first)
    {
        final int[] a = out.array();
        final int end = out.count();
        for (int x = first + 1; x < end; x++)
        {
            final int v = a[x];
            int y = x - 1;
            while (y >= first && a[y] > v)
            {
                a[y + 1] = a[y];
                y--;
            }
            a[y + 1] = v;
        }
    }
}
