package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikeprune.core.InputException;

/** The validation split of the training set: held-out images never reach training or label assignment. */
class DcTrainerDataTest
{
    private static final int PIXELS = DcTrainer.Data.PIXELS;

    /** Training image i has every pixel = i and label i % 10; the test set is marked with pixel 255. */
    private static DcTrainer.Data data(final int train, final int test)
    {
        final byte[] trainImages = new byte[train * PIXELS];
        final byte[] trainLabels = new byte[train];
        for (int i = 0; i < train; i++)
        {
            Arrays.fill(trainImages, i * PIXELS, (i + 1) * PIXELS, (byte)i);
            trainLabels[i] = (byte)(i % 10);
        }
        final byte[] testImages = new byte[test * PIXELS];
        Arrays.fill(testImages, (byte)255);
        return new DcTrainer.Data(trainImages, trainLabels, train, testImages, new byte[test], test, 10);
    }

    @Test
    void shouldTestOnTheLastTrainingImagesWhenHoldingOut()
    {
        final DcTrainer.Data split = data(50, 7).holdOut(12);
        assertEquals(38, split.trainCount());
        assertEquals(12, split.testCount());
        assertEquals(38 * PIXELS, split.trainImages().length);
        assertEquals(12 * PIXELS, split.testImages().length);
        for (int i = 0; i < 12; i++)
        {
            assertEquals(38 + i, split.testImages()[i * PIXELS + 400], "held-out image " + i);
            assertEquals((38 + i) % 10, split.testLabels()[i]);
        }
        assertEquals(37, split.trainImages()[37 * PIXELS + PIXELS - 1]);
        assertEquals(10, split.classes());
    }

    @Test
    void shouldKeepHeldOutImagesOutOfTheTrainingPartWhenHoldingOut()
    {
        final DcTrainer.Data split = data(30, 5).holdOut(10);
        for (int k = 0; k < split.trainImages().length; k++)
        {
            assertTrue(split.trainImages()[k] < 20, "pixel " + k + " comes from a held-out image");
        }
        final byte[] firstLabels = new byte[20];
        for (int i = 0; i < 20; i++)
        {
            firstLabels[i] = (byte)(i % 10);
        }
        assertArrayEquals(firstLabels, split.trainLabels());
    }

    @Test
    void shouldNotChangeTheOriginalDataWhenHoldingOut()
    {
        final DcTrainer.Data all = data(20, 4);
        all.holdOut(5);
        assertEquals(20, all.trainCount());
        assertEquals(4, all.testCount());
        assertEquals((byte)255, all.testImages()[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 20, 21})
    void shouldRejectAHoldOutThatLeavesNoTrainingOrNoValidationImages(final int validation)
    {
        final InputException ex = assertThrows(InputException.class, () -> data(20, 4).holdOut(validation));
        assertTrue(ex.getMessage().contains("--validation-images=" + validation), ex.getMessage());
        assertTrue(ex.getMessage().contains("20"), ex.getMessage());
    }
}
