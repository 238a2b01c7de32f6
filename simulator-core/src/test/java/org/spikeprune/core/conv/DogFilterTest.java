package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DogFilterTest
{
    @Test
    void shouldNormaliseKernelToZeroMeanAndUnitCentreWhenBuilt()
    {
        final double[] k = DogFilter.kernel(7, 1.0, 2.0);
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (final double v : k)
        {
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(0.0, sum, 1e-12);
        assertEquals(1.0, k[3 * 7 + 3], 1e-12, "centre is the maximum, normalised to 1");
        assertEquals(1.0, max, 1e-12);
        assertTrue(k[1 * 7 + 3] < 0, "the surround ring is negative: " + k[1 * 7 + 3]);
        assertEquals(k[0], k[6], 1e-15);
        assertEquals(k[0], k[48], 1e-15);
        assertEquals(k[1 * 7 + 3], k[3 * 7 + 1], 1e-15);
    }

    @Test
    void shouldMatchTheReferenceFormulaWhenComputedByHand()
    {
        // Raw value at distance² d2: (e^(−d2/2)/1 − e^(−d2/8)/2)/√(2π); then minus mean, over (centre − mean).
        double sum = 0;
        final double[] raw = new double[49];
        for (int y = -3; y <= 3; y++)
        {
            for (int x = -3; x <= 3; x++)
            {
                final double d2 = x * x + y * y;
                raw[(y + 3) * 7 + x + 3] = (Math.exp(-d2 / 2) - Math.exp(-d2 / 8) / 2) / Math.sqrt(2 * Math.PI);
                sum += raw[(y + 3) * 7 + x + 3];
            }
        }
        final double mean = sum / 49;
        final double centre = raw[24] - mean;
        final double[] k = DogFilter.kernel(7, 1.0, 2.0);
        assertEquals((raw[0] - mean) / centre, k[0], 1e-12);
        assertEquals((raw[2 * 7 + 3] - mean) / centre, k[2 * 7 + 3], 1e-12);
        // The hand value of the direct neighbour: about 0.5 on this normalisation.
        assertTrue(k[2 * 7 + 3] > 0.3 && k[2 * 7 + 3] < 0.8, "neighbour " + k[2 * 7 + 3]);
    }

    @Test
    void shouldReproduceKernelWhenCorrelatingAnImpulse()
    {
        final double[] k = DogFilter.kernel(3, 1.0, 2.0);
        final double[] img = new double[25];
        img[12] = 10.0;
        final double[] out = DogFilter.correlate(img, 5, 5, k, 3);
        // Correlation of an impulse gives the kernel flipped; the DoG is symmetric.
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                assertEquals(10.0 * k[(2 - i) * 3 + (2 - j)], out[(1 + i) * 5 + 1 + j], 1e-12);
            }
        }
        assertEquals(0.0, out[0], 0.0);
    }

    @Test
    void shouldZeroBorderAndDropWeakResponsesWhenEncoding()
    {
        final InputCoding coding = new InputCoding(12, 12, 7, 1.0, 2.0, false, 5, 15.0, 10, false, 0,
            DogFilter.Style.REFERENCE);
        final double[] img = new double[144];
        img[0] = 255.0;
        final InputSpikes s = coding.encode(img, 0);
        assertEquals(0, s.count(), "a corner dot lies in the zeroed border");
        final double[] img2 = new double[144];
        img2[5 * 12 + 5] = 255.0;
        final InputSpikes s2 = coding.encode(img2, 0);
        assertEquals(0, s2.binOf(5 * 12 + 5), "the centre of a bright dot is the strongest response");
        assertTrue(s2.count() >= 1);
    }
}
