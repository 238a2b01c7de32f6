package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadoutTest
{
    @Test
    void shouldAssignEachNeuronTheClassOfItsHighestMeanAndKeepSilentNeuronsUnlabelled()
    {
        final Readout.ClassSums sums = new Readout.ClassSums(3, 2);
        // class 0 seen twice: neuron 0 fires 4 then 0 (mean 2); class 1 once: neuron 0 fires 3 (mean 3)
        sums.add(0, new long[] {4, 1, 0});
        sums.add(0, new long[] {0, 1, 0});
        sums.add(1, new long[] {3, 0, 0});
        assertArrayEquals(new int[] {1, 0, -1}, sums.assign());
        assertEquals(3, sums.images());
    }

    @Test
    void shouldClassifyByTheMeanCountOfEachClassNeurons()
    {
        // neurons 0 and 1 labelled 0, neuron 2 labelled 1: class 0 scores (2 + 0) / 2 = 1, class 1 scores 3
        assertEquals(1, Readout.classify(new long[] {2, 0, 3}, 0, new int[] {0, 0, 1}, 2));
        assertEquals(0, Readout.classify(new long[] {4, 0, 1}, 0, new int[] {0, 0, 1}, 2));
        // a tie goes to the lower class: (2 + 0) / 2 = 1 against 1
        assertEquals(0, Readout.classify(new long[] {2, 0, 1}, 0, new int[] {0, 0, 1}, 2));
        assertEquals(-1, Readout.classify(new long[] {0, 0, 0}, 0, new int[] {0, 0, 1}, 2));
    }

    @Test
    void shouldScoreSelfAssignedLabelsOnTheSameImagesAndAcrossFolds()
    {
        // two neurons, two classes; images 0-3 are clean (neuron = class), image 4 (class 0) fires neuron 1 only
        final long[] counts = {
            3, 0,
            0, 3,
            3, 0,
            0, 3,
            0, 5,
        };
        final byte[] labels = {0, 1, 0, 1, 0};
        // same images: neuron 0 -> class 0 (mean 2), neuron 1 -> class 1 (mean 3 > 5/3); image 4 is wrong
        assertEquals(0.8, Readout.selfAssignedAccuracy(counts, labels, 5, 2, 2, 1), 1e-12);
        // fold 0 = images 0, 2, 4 labelled from images 1, 3 (neuron 0 never fires there: unlabelled), so image 0
        // and image 2 get no class; image 4 is class 1. Fold 1 = images 1, 3 from 0, 2, 4: neuron 0 -> 0, neuron 1 ->
        // 0 (mean 5/3 > 0), so images 1 and 3 are called class 0. Nothing right.
        assertEquals(0.0, Readout.selfAssignedAccuracy(counts, labels, 5, 2, 2, 2), 1e-12);
        assertTrue(Double.isNaN(Readout.selfAssignedAccuracy(counts, labels, 0, 2, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> Readout.selfAssignedAccuracy(counts, labels, 5, 2, 2, 0));
    }
}
