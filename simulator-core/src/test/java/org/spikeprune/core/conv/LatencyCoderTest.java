package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyCoderTest
{
    @Test
    void shouldFireStrongerValuesEarlierWhenRankOrderCoding()
    {
        final double[] v = {0.0, 5.0, 1.0, 9.0, 0.0, 3.0, 7.0, 2.0, 8.0, 4.0, 6.0};
        final InputSpikes s = LatencyCoder.rankOrder(v, 9, 1);
        assertEquals(9, s.count(), "zeros do not fire");
        assertEquals(10, s.bins());
        assertEquals(-1, s.binOf(0));
        assertEquals(-1, s.binOf(4));
        // N = 9, spread 9: rank r goes to bin ceil(r / 1) = r.
        assertEquals(0, s.binOf(3));
        assertEquals(1, s.binOf(8));
        assertEquals(2, s.binOf(6));
        assertEquals(8, s.binOf(2));
        for (int a = 0; a < v.length; a++)
        {
            for (int b = 0; b < v.length; b++)
            {
                if (v[a] > v[b] && v[b] > 0)
                {
                    assertTrue(s.binOf(a) <= s.binOf(b), a + " before " + b);
                }
            }
        }
        assertEquals(1, s.label());
    }

    @Test
    void shouldPutOnlyTheStrongestInBinZeroAndSpreadTheRestWhenManyValues()
    {
        final double[] v = new double[90];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = 1000 - i;
        }
        final InputSpikes s = LatencyCoder.rankOrder(v, 9, 0);
        assertEquals(1, s.binStart(1) - s.binStart(0), "bin 0 holds rank 0 only");
        // ceil(r / 10): ranks 1..10 in bin 1, …, 81..89 in bin 9.
        assertEquals(10, s.binStart(2) - s.binStart(1));
        assertEquals(9, s.binStart(10) - s.binStart(9));
        assertEquals(1, s.binOf(10));
        assertEquals(2, s.binOf(11));
    }

    @Test
    void shouldBreakTiesByIdWhenValuesAreEqual()
    {
        final double[] v = {2.0, 2.0, 2.0};
        final InputSpikes s = LatencyCoder.rankOrder(v, 2, 0);
        assertTrue(s.binOf(0) <= s.binOf(1));
        assertTrue(s.binOf(1) <= s.binOf(2));
        assertEquals(0, s.binOf(0));
    }

    @Test
    void shouldCutEqualBinsAndDropTheRemainderWhenEqualCountCoding()
    {
        final double[] v = new double[16];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = i + 1;
        }
        final InputSpikes s = LatencyCoder.equalCount(v, 5, 0);
        assertEquals(15, s.count(), "16 // 5 = 3 per bin, 15 fire");
        assertEquals(0, s.binOf(15));
        assertEquals(4, s.binOf(1));
        assertEquals(-1, s.binOf(0), "the weakest is past the last bin");
    }
}
