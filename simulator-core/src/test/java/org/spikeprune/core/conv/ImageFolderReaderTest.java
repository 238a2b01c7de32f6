package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;

class ImageFolderReaderTest
{
    @TempDir
    Path dir;

    private static void png(final Path file, final int w, final int h, final int value) throws IOException
    {
        Files.createDirectories(file.getParent());
        final BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                img.setRGB(x, y, (value << 16) | (value << 8) | value);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void shouldReadClassesInNameOrderAndResizeWhenFolderIsGood() throws IOException
    {
        png(dir.resolve("b/2.png"), 40, 30, 10);
        png(dir.resolve("b/1.png"), 40, 30, 20);
        png(dir.resolve("a/1.png"), 20, 20, 200);
        final List<ImageFolderReader.LabelledImage> images = ImageFolderReader.read(dir, 8, 10, 16, 0);
        assertEquals(3, images.size());
        assertEquals(0, images.get(0).label());
        assertEquals(1, images.get(1).label());
        assertTrue(images.get(1).file().endsWith("1.png"));
        assertEquals(80, images.get(0).gray().length);
        assertEquals(200.0, images.get(0).gray()[0], 1e-9, "a flat image stays flat after resizing");
        assertEquals(20.0, images.get(1).gray()[5], 1e-9);
    }

    @Test
    void shouldNameTheFileWhenAnImageIsUnreadable() throws IOException
    {
        png(dir.resolve("a/1.png"), 20, 20, 1);
        final Path bad = dir.resolve("b/broken.jpg");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "not an image");
        final InputException ex = assertThrows(InputException.class, () -> ImageFolderReader.read(dir, 8, 8, 16, 0));
        assertTrue(ex.getMessage().contains("broken.jpg"), ex.getMessage());
        assertTrue(ex instanceof ImageFolderException);
    }

    @Test
    void shouldNameTheClassWhenAClassFolderIsEmpty() throws IOException
    {
        png(dir.resolve("a/1.png"), 20, 20, 1);
        Files.createDirectories(dir.resolve("empty"));
        final InputException ex = assertThrows(InputException.class, () -> ImageFolderReader.read(dir, 8, 8, 16, 0));
        assertTrue(ex.getMessage().contains("empty") && ex.getMessage().contains("found none"), ex.getMessage());
    }

    @Test
    void shouldRefuseAFolderWithOneClassWhenReading() throws IOException
    {
        png(dir.resolve("only/1.png"), 20, 20, 1);
        final InputException ex = assertThrows(InputException.class, () -> ImageFolderReader.read(dir, 8, 8, 16, 0));
        assertTrue(ex.getMessage().contains("at least 2 class folders, found 1 (only)"), ex.getMessage());
        assertTrue(ex.getMessage().startsWith(dir.toString()), ex.getMessage());
    }

    @Test
    void shouldNameTheFileWhenAnImageIsTooSmall() throws IOException
    {
        png(dir.resolve("a/1.png"), 20, 20, 1);
        png(dir.resolve("b/tiny.png"), 5, 40, 1);
        final InputException ex = assertThrows(InputException.class, () -> ImageFolderReader.read(dir, 8, 8, 16, 0));
        assertTrue(ex.getMessage().contains("tiny.png") && ex.getMessage().contains("too small")
            && ex.getMessage().contains("5x40"), ex.getMessage());
    }

    @Test
    void shouldSayNothingIsThereWhenTheFolderIsMissing()
    {
        final InputException ex = assertThrows(InputException.class,
            () -> ImageFolderReader.read(dir.resolve("nope"), 8, 8, 16, 0));
        assertTrue(ex.getMessage().contains("nope") && ex.getMessage().contains("found nothing"), ex.getMessage());
    }

    @Test
    void shouldTakeClassesInTurnWhenLimited() throws IOException
    {
        for (int i = 0; i < 3; i++)
        {
            png(dir.resolve("a/" + i + ".png"), 20, 20, 1);
            png(dir.resolve("b/" + i + ".png"), 20, 20, 1);
        }
        final List<ImageFolderReader.LabelledImage> images = ImageFolderReader.read(dir, 8, 8, 16, 3);
        assertEquals(3, images.size());
        assertEquals(2, images.stream().filter(i -> i.label() == 0).count());
    }
}
