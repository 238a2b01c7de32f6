package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikeprune.engine.SpikeBatch;

/**
 * The core applies the STDP pre-spike depressions lazily (when a row or a column of weights is next needed); a
 * plain reference that depresses every synapse at every arrival tick and potentiates at every post spike, driven
 * by the same input and output spikes, must end with bit-identical weights.
 */
class LazyDepressionTest
{
    private static final int INPUTS = 40;
    private static final int NEURONS = 12;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shouldGiveTheWeightsOfDepressingAtEveryArrivalWhenDepressionIsLazy(final long seed)
    {
        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test",
            Map.of("network.exc_neurons", Integer.toString(NEURONS))));
        final int delays = p.delayTicks;
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] w = new float[INPUTS * NEURONS];
        final int[] d = new int[INPUTS * NEURONS];
        final SynapseTable.Builder b = new SynapseTable.Builder(INPUTS, delays, NEURONS, INPUTS * NEURONS);
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (float)(0.2 + 0.8 * r.nextDouble());
            d[k] = r.nextInt(delays);
        }
        for (int i = 0; i < INPUTS; i++)
        {
            for (int dd = 0; dd < delays; dd++)
            {
                for (int j = 0; j < NEURONS; j++)
                {
                    if (d[i * NEURONS + j] == dd)
                    {
                        b.add(i, dd, j, w[i * NEURONS + j]);
                    }
                }
            }
        }
        final DcCore core = new DcCore(0, 0, NEURONS, INPUTS, p);
        core.plastic = b.build();
        core.frozen = new SynapseTable.Builder(INPUTS, delays, NEURONS, 1).build();
        core.indexPotentiation();
        core.learning(true);

        final float[] xTable = DcCore.decayTable(p.tauPre, p.dtMs);
        final float[] y1Table = DcCore.decayTable(p.tauPost1, p.dtMs);
        final float[] y2Table = DcCore.decayTable(p.tauPost2, p.dtMs);
        final float nuPre = (float)p.nuPre;
        final float nuPost = (float)p.nuPost;
        final float wMax = (float)p.wMax;
        final int ticks = 5000;
        final boolean[][] emitted = new boolean[ticks][INPUTS];
        final int[] lastPost = new int[NEURONS];
        Arrays.fill(lastPost, SynapseKernels.NEVER);
        final SpikeBatch in = new SpikeBatch(INPUTS + 2 * NEURONS);
        final SpikeBatch out = new SpikeBatch(INPUTS + 2 * NEURONS);
        final SpikeBatch previous = new SpikeBatch(INPUTS + 2 * NEURONS);
        int posts = 0;
        int crowdedTicks = 0;
        for (int t = 0; t < ticks; t++)
        {
            in.clear();
            // bursts of high and low rates: emissions of one input closer together than the longest delay
            final double rate = (t / 200) % 2 == 0 ? 0.25 : 0.03;
            // a long stretch where only a few inputs fire: a post spike then visits only the active inputs
            final boolean few = t >= 3000 && t < 5000;
            for (int i = 0; i < INPUTS; i++)
            {
                if (few && i >= 6)
                {
                    continue;
                }
                if (r.nextDouble() < (few ? 0.6 : rate))
                {
                    in.add(i);
                    emitted[t][i] = true;
                }
            }
            in.addAll(previous);
            core.onSpikes(t, in);
            out.clear();
            core.advance(t, out);
            previous.clear();
            previous.addAll(out);
            // reference: depression at every arrival of tick t
            for (int i = 0; i < INPUTS; i++)
            {
                for (int j = 0; j < NEURONS; j++)
                {
                    final int e = t - d[i * NEURONS + j];
                    if (e >= 0 && emitted[e][i])
                    {
                        final float nw = w[i * NEURONS + j] - nuPre * SynapseKernels.lookup(y1Table, t - lastPost[j]);
                        w[i * NEURONS + j] = nw < 0f ? 0f : nw;
                    }
                }
            }
            // reference: potentiation of every neuron that fired at t
            int firedNow = 0;
            for (int s = 0; s < out.count(); s++)
            {
                final int j = out.array()[s] - INPUTS;
                firedNow += j >= 0 && j < NEURONS ? 1 : 0;
            }
            crowdedTicks += firedNow >= 3 ? 1 : 0;
            for (int s = 0; s < out.count(); s++)
            {
                final int j = out.array()[s] - INPUTS;
                if (j < 0 || j >= NEURONS)
                {
                    continue;
                }
                posts++;
                final float scale = nuPost * SynapseKernels.lookup(y2Table, t - lastPost[j]);
                for (int i = 0; i < INPUTS; i++)
                {
                    final int dd = d[i * NEURONS + j];
                    float x = 0f;
                    for (int e = t - dd; e >= 0; e--)
                    {
                        if (emitted[e][i])
                        {
                            x = SynapseKernels.lookup(xTable, t - (e + dd));
                            break;
                        }
                    }
                    if (x != 0f)
                    {
                        final float nw = w[i * NEURONS + j] + scale * x;
                        w[i * NEURONS + j] = nw > wMax ? wMax : nw;
                    }
                }
                lastPost[j] = t;
            }
        }
        assertTrue(posts > 50, "post spikes " + posts);
        assertTrue(crowdedTicks > 5, "ticks with three or more post spikes (rows settled at once): " + crowdedTicks);
        assertTrue(core.recentSettles > 0 && core.groupSettles > 0,
            "rows settled through recent spikers " + core.recentSettles + ", through delay groups " + core.groupSettles);
        assertTrue(core.activePotentiations > 0, "post spikes that visited only the active inputs");
        core.settle();
        int zero = 0;
        for (int i = 0; i < INPUTS; i++)
        {
            for (int j = 0; j < NEURONS; j++)
            {
                zero += w[i * NEURONS + j] == 0f ? 1 : 0;
                assertEquals(Float.floatToIntBits(w[i * NEURONS + j]), Float.floatToIntBits(core.weightOf(i, j)),
                    "weight " + i + " -> " + j);
            }
        }
        assertTrue(zero < w.length, "weights all depressed to 0");
    }
}
