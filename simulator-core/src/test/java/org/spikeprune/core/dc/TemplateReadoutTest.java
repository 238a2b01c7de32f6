package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TemplateReadoutTest
{
    /** Three inputs, two neurons: weight of input p onto neuron j at p * 2 + j. */
    private static DcNetwork.State state(final float[] a, final float[] b, final byte[] status, final boolean[] off)
    {
        final float[] w = new float[6];
        for (int p = 0; p < 3; p++)
        {
            w[p * 2] = a[p];
            w[p * 2 + 1] = b[p];
        }
        return new DcNetwork.State(w, new byte[6], status, new double[2], off);
    }

    private static byte[] live()
    {
        return new byte[] {1, 1, 1, 1, 1, 1};
    }

    private static byte[] image(final int... pixels)
    {
        final byte[] b = new byte[pixels.length];
        for (int i = 0; i < b.length; i++)
        {
            b[i] = (byte)pixels[i];
        }
        return b;
    }

    @Test
    void shouldTakeTheLabelOfTheTemplateNearestInAngleNotInDotProduct()
    {
        // neuron 0 has the larger dot product with (255, 0, 0), neuron 1 the larger cosine
        final TemplateReadout r = new TemplateReadout(state(new float[] {0.9f, 0.9f, 0.9f},
            new float[] {0.5f, 0f, 0f}, live(), new boolean[2]), new int[] {1, 2}, 2);
        assertEquals(2, r.classify(image(255, 0, 0), 0));
        assertEquals(1, r.classify(image(100, 100, 90), 0));
        assertEquals(-1, r.classify(image(0, 0, 0), 0), "a blank image matches no template");
    }

    @Test
    void shouldCountAPrunedSynapseAsZeroWeight()
    {
        final float[] a = {0.9f, 0.9f, 0.9f};
        final float[] b = {0.5f, 0.9f, 0f};
        final byte[] status = live();
        // unpruned, neuron 1's template (0.5, 0.9, 0) is farther from (255, 0, 0) than neuron 0's
        assertEquals(1, new TemplateReadout(state(a, b, status, new boolean[2]), new int[] {1, 2}, 2)
            .classify(image(255, 0, 0), 0));
        status[1 * 2 + 1] = 0; // input 1 onto neuron 1 pruned: its weight no longer counts
        assertEquals(2, new TemplateReadout(state(a, b, status, new boolean[2]), new int[] {1, 2}, 2)
            .classify(image(255, 0, 0), 0));
    }

    @Test
    void shouldLeaveOutNeuronsWithoutALabelAndRemovedNeurons()
    {
        final float[] a = {0.9f, 0.9f, 0.9f};
        final float[] b = {0.5f, 0f, 0f};
        assertEquals(1, new TemplateReadout(state(a, b, live(), new boolean[2]), new int[] {1, -1}, 2)
            .classify(image(255, 0, 0), 0));
        assertEquals(1, new TemplateReadout(state(a, b, live(), new boolean[] {false, true}), new int[] {1, 2}, 2)
            .classify(image(255, 0, 0), 0));
        assertEquals(-1, new TemplateReadout(state(a, b, live(), new boolean[2]), new int[] {-1, -1}, 2)
            .classify(image(255, 0, 0), 0));
    }

    @Test
    void shouldScoreTheImagesInOrder()
    {
        final TemplateReadout r = new TemplateReadout(state(new float[] {1f, 0f, 0f}, new float[] {0f, 1f, 1f},
            live(), new boolean[2]), new int[] {3, 5}, 2);
        final byte[] pixels = image(200, 0, 0, 0, 10, 9, 0, 50, 0, 7, 1, 0);
        assertEquals(3, r.classify(pixels, 0));
        assertEquals(5, r.classify(pixels, 1));
        assertEquals(5, r.classify(pixels, 2));
        assertEquals(3, r.classify(pixels, 3));
        assertEquals(0.75, r.accuracy(pixels, new byte[] {3, 5, 5, 5}, 4), 0.0);
        assertEquals(0.5, r.accuracy(pixels, new byte[] {3, 3, 5, 5}, 2), 0.0);
        assertEquals(Double.NaN, r.accuracy(pixels, new byte[0], 0));
    }

    @Test
    void shouldRefuseLabelsThatDoNotFitTheNeurons()
    {
        assertThrows(IllegalArgumentException.class, () -> new TemplateReadout(state(new float[3], new float[3],
            live(), new boolean[2]), new int[] {1}, 2));
    }
}
