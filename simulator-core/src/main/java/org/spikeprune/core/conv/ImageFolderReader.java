package org.spikeprune.core.conv;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Reads a labelled image folder, {@code <split>/<class>/*.jpg|jpeg|png}, as grayscale images resized to the
 * network's input size. Classes are the sub-folders in name order (label 0, 1, …); files are read in name order.
 * Grayscale conversion uses the ITU-R 601 luma weights in 16-bit fixed point (as common image libraries do);
 * resizing is {@link ImageResampler} (antialiased Lanczos-3).
 */
public final class ImageFolderReader
{
    /** Smallest accepted source image side, in pixels. */
    public static final int MIN_SIDE_DEFAULT = 16;

    private ImageFolderReader()
    {
    }

    /** One image of the folder, loaded. */
    public record LabelledImage(Path file, int label, double[] gray)
    {
    }

    /** One image file of the folder and its label. */
    public record ImageFile(Path file, int label)
    {
    }

    /**
     * The classes of a split folder: its sub-folders in name order.
     *
     * @param split the split folder.
     * @return the class folder names.
     * @throws ImageFolderException if the folder is missing or has fewer than two classes.
     */
    public static List<String> classes(final Path split)
    {
        if (!Files.isDirectory(split))
        {
            throw new ImageFolderException(split, "expected a folder of class folders, found "
                + (Files.exists(split) ? "a file" : "nothing"));
        }
        final List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(split))
        {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        catch (final IOException ex)
        {
            throw new ImageFolderException(split, "cannot list the folder: " + ex.getMessage(), ex);
        }
        if (names.size() < 2)
        {
            throw new ImageFolderException(split, "expected at least 2 class folders, found " + names.size()
                + (names.isEmpty() ? "" : " (" + names.get(0) + ")"));
        }
        return names;
    }

    /**
     * Reads a split.
     *
     * @param split    the split folder.
     * @param height   target rows.
     * @param width    target columns.
     * @param minSide  smallest accepted source side.
     * @param limit    at most this many images (0 = all), taken evenly from the classes in turn.
     * @return the images, class by class in name order.
     */
    public static List<LabelledImage> read(final Path split, final int height, final int width, final int minSide,
        final int limit)
    {
        final List<ImageFile> files = list(split, limit);
        final List<LabelledImage> out = new ArrayList<>(files.size());
        for (final ImageFile f : files)
        {
            out.add(new LabelledImage(f.file(), f.label(), load(f.file(), height, width, minSide)));
        }
        return out;
    }

    /**
     * Lists the image files of a split without decoding them.
     *
     * @param split the split folder.
     * @param limit at most this many images (0 = all), shared evenly between the classes.
     * @return the files, class by class in name order.
     */
    public static List<ImageFile> list(final Path split, final int limit)
    {
        final List<String> classes = classes(split);
        final List<ImageFile> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++)
        {
            final Path dir = split.resolve(classes.get(c));
            final List<Path> list = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir))
            {
                s.filter(ImageFolderReader::isImageName).sorted().forEach(list::add);
            }
            catch (final IOException ex)
            {
                throw new ImageFolderException(dir, "cannot list the class folder: " + ex.getMessage(), ex);
            }
            if (list.isEmpty())
            {
                throw new ImageFolderException(dir, "expected image files (.jpg, .jpeg, .png) in class '"
                    + classes.get(c) + "', found none");
            }
            final int take = limit <= 0 ? list.size() : Math.min(list.size(), perClass(limit, classes.size(), c));
            for (int i = 0; i < take; i++)
            {
                out.add(new ImageFile(list.get(i), c));
            }
        }
        return out;
    }

    private static int perClass(final int limit, final int classes, final int c)
    {
        return limit / classes + (c < limit % classes ? 1 : 0);
    }

    private static boolean isImageName(final Path p)
    {
        final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png"));
    }

    /**
     * Loads one image as grayscale and resizes it.
     *
     * @param file    the image file.
     * @param height  target rows.
     * @param width   target columns.
     * @param minSide smallest accepted side.
     * @return row-major pixels 0..255.
     */
    public static double[] load(final Path file, final int height, final int width, final int minSide)
    {
        final BufferedImage img;
        try
        {
            img = ImageIO.read(file.toFile());
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ImageFolderException(file, "cannot decode the image: " + ex.getMessage(), ex);
        }
        if (img == null)
        {
            throw new ImageFolderException(file, "not a readable image (expected JPEG or PNG)");
        }
        final int h = img.getHeight();
        final int w = img.getWidth();
        if (h < minSide || w < minSide)
        {
            throw new ImageFolderException(file, "image too small: expected at least " + minSide + "x" + minSide
                + " pixels, found " + w + "x" + h);
        }
        final double[] gray = new double[h * w];
        final Raster raster = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    gray[y * w + x] = raster.getSample(x, y, 0);
                }
            }
        }
        else
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    final int rgb = img.getRGB(x, y);
                    final int r = (rgb >> 16) & 0xff;
                    final int g = (rgb >> 8) & 0xff;
                    final int b = rgb & 0xff;
                    gray[y * w + x] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
                }
            }
        }
        return h == height && w == width ? gray : ImageResampler.resize(gray, h, w, height, width);
    }
}
