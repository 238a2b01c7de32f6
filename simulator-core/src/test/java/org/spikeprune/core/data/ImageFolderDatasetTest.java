package org.spikeprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.spikeprune.core.data.DataFixtures.colourPng;
import static org.spikeprune.core.data.DataFixtures.grayPng;
import static org.spikeprune.core.data.DataFixtures.write;
import static org.spikeprune.core.data.DataFixtures.writeText;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSortClassesAndFilesByNameWhenReading()
    {
        write(dir.resolve("train/zebra/b.png"), grayPng(20, 17));
        write(dir.resolve("train/zebra/a.PNG"), grayPng(18, 16));
        write(dir.resolve("train/ant/c.png"), grayPng(16, 16));
        write(dir.resolve("train/ant/B.png"), grayPng(30, 20));

        final ImageFolderDataset data = ImageFolderDataset.read(dir, "train");

        assertEquals(List.of("ant", "zebra"), data.classNames());
        assertEquals(4, data.count());
        assertEquals(List.of("B.png", "c.png", "a.PNG", "b.png"),
            List.of(name(data, 0), name(data, 1), name(data, 2), name(data, 3)));
        assertArrayEquals(new int[] {0, 0, 1, 1}, new int[] {data.label(0), data.label(1), data.label(2),
            data.label(3)});
        assertEquals(30, data.width(0));
        assertEquals(20, data.height(0));
        assertArrayEquals(new int[] {2, 2}, data.labelHistogram());
    }

    @Test
    void shouldIgnoreHiddenEntriesAndOtherFilesWhenReading()
    {
        write(dir.resolve("train/a/x.png"), grayPng(16, 16));
        writeText(dir.resolve("train/a/README.txt"), "notes");
        write(dir.resolve("train/a/.hidden.png"), new byte[] {1, 2, 3});
        write(dir.resolve("train/b/y.jpeg"), jpeg());
        DataFixtures.mkdirs(dir.resolve("train/.cache"));
        writeText(dir.resolve("train/LICENSE"), "text");

        final ImageFolderDataset data = ImageFolderDataset.read(dir, "train");

        assertEquals(2, data.count());
        assertEquals(List.of("a", "b"), data.classNames());
    }

    @Test
    void shouldKeepStoredValuesWhenImageIsGray()
    {
        write(dir.resolve("s/a/x.png"), grayPng(20, 16));
        write(dir.resolve("s/b/y.png"), grayPng(16, 16));

        final float[] gray = ImageFolderDataset.read(dir, "s").gray(0);

        assertEquals(20 * 16, gray.length);
        assertEquals(0f, gray[0]);
        assertEquals(5f + 3f, gray[3 * 20 + 5]);
    }

    @Test
    void shouldWeighChannelsBt601WhenImageIsColour()
    {
        write(dir.resolve("s/a/red.png"), colourPng(16, 16, 0xff0000));
        write(dir.resolve("s/b/mix.png"), colourPng(16, 16, 0x102030));

        final ImageFolderDataset data = ImageFolderDataset.read(dir, "s");

        assertEquals(0.299f * 255, data.gray(0)[0], 1e-3f);
        assertEquals(0.299f * 0x10 + 0.587f * 0x20 + 0.114f * 0x30, data.gray(1)[17], 1e-3f);
    }

    @Test
    void shouldAcceptSmallImagesWhenMinimumLowered()
    {
        write(dir.resolve("s/a/x.png"), grayPng(4, 3));
        write(dir.resolve("s/b/y.png"), grayPng(3, 4));

        assertEquals(2, ImageFolderDataset.read(dir, "s", 3, 3).count());
    }

    @Test
    void shouldInterpolateLinearlyWhenUpscaling()
    {
        final float[] out = ImageFolderDataset.resizeBilinear(new float[] {0, 100}, 2, 1, 4, 1, new float[4]);

        assertArrayEquals(new float[] {0, 25, 75, 100}, out, 1e-4f);
    }

    @Test
    void shouldAverageNeighboursWhenDownscalingByTwo()
    {
        final float[] src = {0, 100, 200, 300, 10, 110, 210, 310};
        final float[] out = ImageFolderDataset.resizeBilinear(src, 4, 2, 2, 1, new float[2]);

        assertArrayEquals(new float[] {55, 255}, out, 1e-4f);
    }

    @Test
    void shouldReturnSameImageWhenResizedToOwnSize()
    {
        write(dir.resolve("s/a/x.png"), grayPng(23, 17));
        write(dir.resolve("s/b/y.png"), grayPng(16, 16));
        final ImageFolderDataset data = ImageFolderDataset.read(dir, "s");

        assertArrayEquals(data.gray(0), data.resized(0, 23, 17), 1e-4f);
    }

    @Test
    void shouldStayWithinSourceRangeWhenResizedToAnySize()
    {
        qt().withExamples(300).forAll(integers().between(1, 40), integers().between(1, 40),
            integers().between(1, 60), integers().between(1, 60))
            .check((sw, sh, dw, dh) ->
            {
                final float value = (sw * 31 + sh * 17 + dw * 7 + dh) % 256;
                final float[] src = new float[sw * sh];
                for (int i = 0; i < src.length; i++)
                {
                    src[i] = (i % 3 == 0) ? value : 255f - value;
                }
                final float lo = Math.min(value, 255f - value);
                final float hi = Math.max(value, 255f - value);
                final float[] out = ImageFolderDataset.resizeBilinear(src, sw, sh, dw, dh, new float[dw * dh]);
                for (final float v : out)
                {
                    if (v < lo - 1e-3f || v > hi + 1e-3f)
                    {
                        return false;
                    }
                }
                return true;
            });
    }

    @Test
    @Tag("slow")
    void shouldReadCaltechFacesMotorbikesWhenSharedCopyPresent()
    {
        final Path root = sharedCaltech();
        assumeTrue(root != null,
            "no shared/datasets/caltech101-faces-motorbikes above " + Path.of("").toAbsolutePath());

        final ImageFolderDataset train = ImageFolderDataset.read(root, "train");
        final ImageFolderDataset test = ImageFolderDataset.read(root, "test");

        assertEquals(400, train.count());
        assertEquals(396, test.count());
        assertEquals(List.of("Face", "Motor"), train.classNames());
        assertEquals(List.of("Face", "Motor"), test.classNames());
        assertArrayEquals(new int[] {200, 200}, train.labelHistogram());
        assertArrayEquals(new int[] {198, 198}, test.labelHistogram());
        for (final ImageFolderDataset split : List.of(train, test))
        {
            for (int i = 0; i < split.count(); i++)
            {
                assertTrue(split.width(i) > 0 && split.height(i) > 0, split.file(i).toString());
                assertEquals(split.width(i) * split.height(i), split.gray(i).length);
            }
        }
        final float[] resized = train.resized(0, 250, 160);
        assertEquals(250 * 160, resized.length);
        final double mean = mean(resized);
        assertTrue(mean > 10 && mean < 245, "mean gray level " + mean);
    }

    /** Walks up from the working folder to the first one beside a {@code shared/datasets} folder. */
    static Path sharedCaltech()
    {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent())
        {
            final Path candidate = p.resolve("shared/datasets/caltech101-faces-motorbikes");
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static double mean(final float[] values)
    {
        double sum = 0;
        for (final float v : values)
        {
            sum += v;
        }
        return sum / values.length;
    }

    private static String name(final ImageFolderDataset data, final int i)
    {
        return data.file(i).getFileName().toString();
    }

    private static byte[] jpeg()
    {
        final BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_3BYTE_BGR);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try
        {
            assertTrue(ImageIO.write(image, "jpg", bytes), "no JPEG writer");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }
}
