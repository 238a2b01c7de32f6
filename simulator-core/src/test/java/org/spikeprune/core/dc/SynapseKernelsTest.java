package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SOP, depression and potentiation kernels on the packed storage. */
class SynapseKernelsTest
{
    @ParameterizedTest
    @CsvSource({"0, 0.0", "7, 0.25", "799, 1.0", "65535, 3.5e-7"})
    void shouldRecoverPostAndWeightWhenPacked(final int post, final float w)
    {
        final long s = SynapseKernels.pack(post, w);
        assertEquals(post, SynapseKernels.post(s));
        assertEquals(Float.floatToRawIntBits(w), Float.floatToRawIntBits(SynapseKernels.weight(s)));
        final long t = SynapseKernels.withWeight(s, 0.75f);
        assertEquals(post, SynapseKernels.post(t));
        assertEquals(0.75f, SynapseKernels.weight(t));
    }

    @Test
    void shouldAddEachWeightOfTheGroupToItsPostNeuronOnly()
    {
        final long[] syn = {SynapseKernels.pack(9, 5f), SynapseKernels.pack(1, 0.5f), SynapseKernels.pack(3, 0.25f),
            SynapseKernels.pack(4, 2f)};
        final double[] ge = new double[5];
        ge[3] = 1.0;
        SynapseKernels.accumulate(syn, 1, 4, ge);
        assertArrayEquals(new double[] {0, 0.5, 0, 1.25, 2.0}, ge);
    }

    @ParameterizedTest
    @CsvSource({"0, 20, 7", "13, 20, 7", "19, 20, 100", "5, 1, 12", "3, 6, 1"})
    void shouldEmitOverAllDelaysInOneLoopOrGroupByGroupWithTheSameSumsBitForBit(
        final int slot0, final int delays, final int n)
    {
        // three inputs, each with at most one synapse per post neuron and a random delay, some groups empty
        final java.util.SplittableRandom rnd = new java.util.SplittableRandom(slot0 * 31L + delays * 7L + n);
        final int inputs = 3;
        final int[] groupStart = new int[inputs * delays + 1];
        final long[] syn = new long[inputs * n];
        final byte[] delay = new byte[inputs * n];
        int k = 0;
        for (int i = 0; i < inputs; i++)
        {
            final int[] d = new int[n];
            for (int j = 0; j < n; j++)
            {
                d[j] = rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(delays);
            }
            for (int g = 0; g < delays; g++)
            {
                groupStart[i * delays + g] = k;
                for (int j = 0; j < n; j++)
                {
                    if (d[j] == g)
                    {
                        syn[k] = SynapseKernels.pack(j, (float)rnd.nextDouble());
                        delay[k++] = (byte)g;
                    }
                }
            }
        }
        groupStart[inputs * delays] = k;
        final int[] offsets = new int[k];  // as SynapseTable.Builder stores them
        for (int q = 0; q < k; q++)
        {
            offsets[q] = delay[q] * n + SynapseKernels.post(syn[q]);
        }
        final double[][] byGroup = new double[delays][n];  // reference: synapse by synapse, slot by modulo
        final double[] flat = new double[delays * n];
        final double[] flatGroups = new double[delays * n];
        for (int s = 0; s < delays; s++)
        {
            for (int j = 0; j < n; j++)
            {
                byGroup[s][j] = rnd.nextDouble();
                flat[s * n + j] = byGroup[s][j];
                flatGroups[s * n + j] = byGroup[s][j];
            }
        }
        final long[] opsA = new long[delays];
        final long[] opsB = new long[delays];
        final long[] opsC = new long[delays];
        for (int i = 0; i < inputs; i++)
        {
            final int slot = (slot0 + i) % delays;
            for (int q = groupStart[i * delays]; q < groupStart[(i + 1) * delays]; q++)
            {
                final int arrival = (slot + delay[q]) % delays;
                byGroup[arrival][SynapseKernels.post(syn[q])] += SynapseKernels.weight(syn[q]);
                opsA[arrival]++;
            }
            SynapseKernels.emit(syn, offsets, groupStart, i * delays, delays, flat, n, slot, opsB);
            SynapseKernels.emitGroups(syn, groupStart, i * delays, delays, flatGroups, n, slot, opsC);
        }
        for (int s = 0; s < delays; s++)
        {
            for (int j = 0; j < n; j++)
            {
                assertEquals(Double.doubleToRawLongBits(byGroup[s][j]), Double.doubleToRawLongBits(flat[s * n + j]),
                    "slot " + s + " neuron " + j);
                assertEquals(Double.doubleToRawLongBits(byGroup[s][j]),
                    Double.doubleToRawLongBits(flatGroups[s * n + j]), "groups: slot " + s + " neuron " + j);
            }
        }
        assertArrayEquals(opsA, opsB);
        assertArrayEquals(opsA, opsC);
        assertEquals(k, Arrays.stream(opsB).sum());
    }

    @Test
    void shouldAccumulateTheOldWeightThenDepressItAndClipAtZero()
    {
        final long[] syn = {SynapseKernels.pack(0, 0.5f), SynapseKernels.pack(1, 1e-5f), SynapseKernels.pack(2, 0.5f)};
        final double[] ge = new double[3];
        final float[] y1 = {1f, 1f, 0f};
        SynapseKernels.accumulateDepress(syn, 0, 3, ge, y1, 1e-4f);
        assertArrayEquals(new double[] {0.5, (double)1e-5f, 0.5}, ge);
        assertEquals(0.5f - 1e-4f, SynapseKernels.weight(syn[0]));
        assertEquals(0f, SynapseKernels.weight(syn[1]), "clipped at 0");
        assertEquals(0.5f, SynapseKernels.weight(syn[2]), "no post trace, no depression");
    }

    @Test
    void shouldTakeTheLatestArrivalNotAfterNowForThePreTrace()
    {
        final int depth = 3;
        final int[] history = new int[2 * depth];
        Arrays.fill(history, SynapseKernels.NEVER);
        final int[] head = new int[2];
        // input 0 emitted at ticks 10 and 14 (ring slots 0 and 1, head at 2)
        history[0] = 10;
        history[1] = 14;
        head[0] = 2;
        final float[] x = {1f, 0.5f, 0.25f, 0.125f};
        // delay 2 at tick 15: the spike of 14 has not arrived (16), the one of 10 arrived at 12: age 3
        assertEquals(0.125f, SynapseKernels.preTrace(history, head, depth, x, 0, 2, 15));
        // delay 0 at tick 15: the spike of 14, age 1
        assertEquals(0.5f, SynapseKernels.preTrace(history, head, depth, x, 0, 0, 15));
        // older than the table: 0
        assertEquals(0f, SynapseKernels.preTrace(history, head, depth, x, 0, 0, 30));
        // input 1 never fired
        assertEquals(0f, SynapseKernels.preTrace(history, head, depth, x, 1, 0, 15));
    }

    @Test
    void shouldPotentiateOnlySynapsesWithATraceAndClipAtWMax()
    {
        final long[] syn = {SynapseKernels.pack(0, 0.5f), SynapseKernels.pack(0, 0.95f), SynapseKernels.pack(0, 0.5f)};
        final short[] pre = {0, 0, 1};
        final byte[] delay = {0, 0, 0};
        final int[] positions = {0, 1, 2};
        final int[] history = {20, SynapseKernels.NEVER, SynapseKernels.NEVER, SynapseKernels.NEVER};
        final int[] head = {1, 0};
        final float[] x = {1f, 0.5f};
        SynapseKernels.potentiate(syn, pre, delay, positions, 0, 3, 0.2f, 1f, history, head, 2, x, 21);
        assertEquals(0.5f + 0.2f * 0.5f, SynapseKernels.weight(syn[0]));
        assertEquals(1f, SynapseKernels.weight(syn[1]), "clipped at w_max");
        assertEquals(0.5f, SynapseKernels.weight(syn[2]), "input 1 never fired");
    }
}
