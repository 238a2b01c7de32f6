package org.spikeprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spikeprune.core.data.DataFixtures.cyclicLabels;
import static org.spikeprune.core.data.DataFixtures.gzip;
import static org.spikeprune.core.data.DataFixtures.images;
import static org.spikeprune.core.data.DataFixtures.labels;
import static org.spikeprune.core.data.DataFixtures.write;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadPixelsAndLabelsWhenFilesAreRaw()
    {
        final byte[] imageFile = images(3, 4, 5, 42);
        final Path imagesPath = write(dir.resolve("i-idx3-ubyte"), imageFile);
        final Path labelsPath = write(dir.resolve("l-idx1-ubyte"), labels(2, 0, 1));

        final IdxDataset data = IdxDataset.load(imagesPath, labelsPath, 3);

        assertEquals(3, data.count());
        assertEquals(4, data.rows());
        assertEquals(5, data.cols());
        assertEquals(3, data.classCount());
        assertArrayEquals(Arrays.copyOfRange(imageFile, 16, imageFile.length), data.images().pixels());
        assertEquals(imageFile[16 + 20 + 7] & 0xff, data.images().pixel(1, 7));
        assertEquals(2, data.label(0));
        assertEquals(1, data.label(2));
        assertArrayEquals(new int[] {1, 1, 1}, data.labelHistogram());
    }

    @Test
    void shouldDetectGzipByContentWhenFileNameHasNoSuffix()
    {
        final byte[] imageFile = images(2, 28, 28, 7);
        final Path raw = write(dir.resolve("raw-idx3-ubyte"), imageFile);
        final Path gzNoSuffix = write(dir.resolve("packed-idx3-ubyte"), gzip(imageFile));

        assertArrayEquals(IdxImages.read(raw).pixels(), IdxImages.read(gzNoSuffix).pixels());
    }

    @Test
    void shouldReadWholeBodyWhenGzipBodySpansSeveralChunks()
    {
        final int count = 3000; // 2.35 MB: the growing buffer doubles twice past its first 1 MB chunk
        final byte[] imageFile = images(count, 28, 28, 11);
        final Path gz = write(dir.resolve("i-idx3-ubyte.gz"), gzip(imageFile));

        final IdxImages read = IdxImages.read(gz);

        assertEquals(count, read.count());
        assertArrayEquals(Arrays.copyOfRange(imageFile, 16, imageFile.length), read.pixels());
    }

    @Test
    void shouldCountLabelsPerClassWhenHistogramAsked()
    {
        final Path labelsPath = write(dir.resolve("l-idx1-ubyte.gz"), gzip(labels(cyclicLabels(25, 10))));

        final IdxLabels read = IdxLabels.read(labelsPath, 10);

        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 2, 2, 2, 2, 2}, read.histogram());
        assertEquals(9, read.label(19));
    }

    @Test
    void shouldCopyUnsignedIntensitiesWhenImageCopiedAsFloats()
    {
        final byte[] body = {0, 1, (byte)128, (byte)255, 7, 8, 9, 10};
        final Path imagesPath = write(dir.resolve("i-idx3-ubyte"),
            DataFixtures.idx(IdxImages.MAGIC, new int[] {2, 2, 2}, body));
        final Path labelsPath = write(dir.resolve("l-idx1-ubyte"), labels(0, 1));
        final IdxDataset data = IdxDataset.load(imagesPath, labelsPath, 2);

        final float[] into = new float[4];
        assertArrayEquals(new float[] {0, 1, 128, 255}, data.copyImage(0, into));
        assertArrayEquals(new float[] {7, 8, 9, 10}, data.copyImage(1, into));
    }

    @Test
    void shouldLoadBothSplitsWhenMnistFolderMixesRawAndGzip()
    {
        write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(20, 28, 28, 1));
        write(dir.resolve(MnistFiles.TRAIN_LABELS + ".gz"), gzip(labels(cyclicLabels(20, 10))));
        write(dir.resolve(MnistFiles.TEST_IMAGES + ".gz"), gzip(images(10, 28, 28, 2)));
        write(dir.resolve(MnistFiles.TEST_LABELS), labels(cyclicLabels(10, 10)));

        final MnistFiles data = MnistFiles.load(dir);

        assertEquals(20, data.train().count());
        assertEquals(10, data.test().count());
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, data.train().labelHistogram());
    }

    @Test
    void shouldPreferRawFileWhenRawAndGzipBothPresent()
    {
        write(dir.resolve(MnistFiles.TRAIN_LABELS), labels(1));
        write(dir.resolve(MnistFiles.TRAIN_LABELS + ".gz"), gzip(labels(2)));

        assertEquals(dir.resolve(MnistFiles.TRAIN_LABELS), MnistFiles.find(dir, MnistFiles.TRAIN_LABELS));
    }
}
