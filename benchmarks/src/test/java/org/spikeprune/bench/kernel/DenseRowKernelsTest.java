package org.spikeprune.bench.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.dc.SynapseKernels;

/** The dense-row layouts give bit-identical conductances and weights to the simulator's packed storage. */
class DenseRowKernelsTest
{
    private static final int N = 37;
    private static final int ROWS = 50;

    private final SplittableRandom random = new SplittableRandom(5);
    private final float[][] dense = new float[ROWS][N];
    private final long[] packed = new long[ROWS * N];
    private final int[] start = new int[ROWS + 1];

    DenseRowKernelsTest()
    {
        int k = 0;
        for (int i = 0; i < ROWS; i++)
        {
            start[i] = k;
            for (int j = 0; j < N; j++)
            {
                // a third of the synapses pruned: absent from the packed storage, 0 in the dense row
                if (random.nextInt(3) > 0)
                {
                    final float w = (float)random.nextDouble();
                    dense[i][j] = w;
                    packed[k++] = SynapseKernels.pack(j, w);
                }
            }
        }
        start[ROWS] = k;
    }

    @Test
    void shouldGiveBitIdenticalConductancesAndWeightsWhenLearning()
    {
        final double[] gePacked = new double[N];
        final double[] geRow = new double[N];
        final float[] y1 = new float[N];
        for (int j = 0; j < N; j++)
        {
            y1[j] = random.nextInt(2) == 0 ? 0f : (float)random.nextDouble();
        }
        for (int s = 0; s < 2000; s++)
        {
            final int i = random.nextInt(ROWS);
            SynapseKernels.accumulateDepress(packed, start[i], start[i + 1], gePacked, y1, 0.01f);
            DenseRowKernels.accumulateDepress(dense[i], geRow, y1, 0.01f);
        }
        assertArrayEquals(gePacked, geRow, 0.0);
        int zeros = 0;
        for (int i = 0; i < ROWS; i++)
        {
            int live = 0;
            for (int q = start[i]; q < start[i + 1]; q++)
            {
                final long sq = packed[q];
                assertEquals(Float.floatToRawIntBits(SynapseKernels.weight(sq)),
                    Float.floatToRawIntBits(dense[i][SynapseKernels.post(sq)]));
                live++;
                zeros += SynapseKernels.weight(sq) == 0f ? 1 : 0;
            }
            int nonZero = 0;
            for (final float w : dense[i])
            {
                nonZero += w != 0f ? 1 : 0;
            }
            assertEquals(live, nonZero + countZeros(packed, start[i], start[i + 1]), "pruned entries stay 0");
        }
        assertTrue(zeros > 0, "some weights were depressed to 0 and clipped");
    }

    private static int countZeros(final long[] packed, final int from, final int to)
    {
        int z = 0;
        for (int q = from; q < to; q++)
        {
            z += SynapseKernels.weight(packed[q]) == 0f ? 1 : 0;
        }
        return z;
    }

    @Test
    void shouldGiveBitIdenticalConductancesWithFloatAndDoubleRows()
    {
        final double[][] wide = new double[ROWS][N];
        for (int i = 0; i < ROWS; i++)
        {
            for (int j = 0; j < N; j++)
            {
                wide[i][j] = dense[i][j];
            }
        }
        final double[] gePacked = new double[N];
        final double[] geRow = new double[N];
        final double[] geWide = new double[N];
        for (int s = 0; s < 2000; s++)
        {
            final int i = random.nextInt(ROWS);
            SynapseKernels.accumulate(packed, start[i], start[i + 1], gePacked);
            DenseRowKernels.accumulate(dense[i], geRow);
            DenseRowKernels.accumulateWide(wide[i], geWide);
        }
        assertArrayEquals(gePacked, geRow, 0.0);
        assertArrayEquals(gePacked, geWide, 0.0);
    }
}
