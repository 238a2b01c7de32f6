package org.spikeprune.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Labelled grayscale images read from folders laid out {@code <root>/<split>/<class>/*.(jpg|jpeg|png)}, such as
 * the Caltech 101 Faces/Motorbikes subset. Classes are the sub-folders of the split sorted by name (label 0 is the
 * first); images within a class are sorted by file name, so the order is the same on every machine. Files with
 * other extensions and hidden entries are ignored.
 *
 * <p>Each image is kept at its original size as luminance in [0, 255]: 8-bit grayscale files as stored, colour
 * files as {@code 0.299 R + 0.587 G + 0.114 B} of their sRGB values (ITU-R BT.601, as OpenCV and MATLAB
 * {@code rgb2gray} do). {@link #resized(int, int, int)} scales them bilinearly.
 */
public final class ImageFolderDataset
{
    /** Default minimum width and height of an image, in pixels. */
    public static final int MIN_SIDE_DEFAULT = 16;
    /** Largest image accepted, in pixels; checked from the file header before decoding. */
    public static final long MAX_PIXELS = 1L << 26;

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    private final Path splitDir;
    private final List<String> classNames;
    private final List<Path> files;
    private final int[] labels;
    private final int[] widths;
    private final int[] heights;
    private final float[][] gray;

    private ImageFolderDataset(final Path splitDir, final List<String> classNames, final List<Path> files,
        final int[] labels, final int[] widths, final int[] heights, final float[][] gray)
    {
        this.splitDir = splitDir;
        this.classNames = classNames;
        this.files = files;
        this.labels = labels;
        this.widths = widths;
        this.heights = heights;
        this.gray = gray;
    }

    /**
     * Reads one split with the default minimum image size ({@value #MIN_SIDE_DEFAULT} x {@value #MIN_SIDE_DEFAULT}).
     *
     * @param root  the folder holding the split folders.
     * @param split the split folder's name ({@code train}, {@code test}).
     * @return the images.
     * @throws DatasetFormatException if the split folder is missing, has fewer than two class folders, a class
     *                                folder has no image, or an image cannot be read or is too small or too large.
     */
    public static ImageFolderDataset read(final Path root, final String split)
    {
        return read(root, split, MIN_SIDE_DEFAULT, MIN_SIDE_DEFAULT);
    }

    /**
     * Reads one split.
     *
     * @param root      the folder holding the split folders.
     * @param split     the split folder's name ({@code train}, {@code test}).
     * @param minWidth  smallest width accepted, in pixels (at least 1).
     * @param minHeight smallest height accepted, in pixels (at least 1).
     * @return the images.
     * @throws DatasetFormatException if the split folder is missing, has fewer than two class folders, a class
     *                                folder has no image, or an image cannot be read or is too small or too large.
     */
    public static ImageFolderDataset read(final Path root, final String split, final int minWidth,
        final int minHeight)
    {
        if (minWidth < 1 || minHeight < 1)
        {
            throw new IllegalArgumentException("minimum size must be positive, minWidth=" + minWidth
                + ", minHeight=" + minHeight);
        }
        final Path splitDir = root.resolve(split).toAbsolutePath().normalize();
        if (!Files.isDirectory(splitDir))
        {
            throw new DatasetFormatException(splitDir, "split folder '" + split + "'",
                "a folder of class folders", Files.exists(splitDir) ? "a file" : "nothing (no such folder)");
        }
        final List<Path> classDirs = new ArrayList<>();
        int looseFiles = 0;
        for (final Path entry : sortedEntries(splitDir))
        {
            if (isHidden(entry))
            {
                continue;
            }
            if (Files.isDirectory(entry))
            {
                classDirs.add(entry);
            }
            else
            {
                looseFiles++;
            }
        }
        if (classDirs.size() < 2)
        {
            final StringBuilder found = new StringBuilder().append(classDirs.size());
            if (classDirs.size() == 1)
            {
                found.append(" (").append(classDirs.get(0).getFileName()).append(')');
            }
            if (looseFiles > 0)
            {
                found.append(" and ").append(looseFiles).append(" loose files");
            }
            throw new DatasetFormatException(splitDir, "class folders", "at least 2 (one per class)",
                found.toString());
        }

        final List<String> classNames = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        final List<Integer> labelList = new ArrayList<>();
        for (final Path classDir : classDirs)
        {
            final int label = classNames.size();
            classNames.add(classDir.getFileName().toString());
            int images = 0;
            int others = 0;
            for (final Path entry : sortedEntries(classDir))
            {
                if (isHidden(entry) || !Files.isRegularFile(entry))
                {
                    continue;
                }
                if (isImageName(entry))
                {
                    files.add(entry);
                    labelList.add(label);
                    images++;
                }
                else
                {
                    others++;
                }
            }
            if (images == 0)
            {
                throw new DatasetFormatException(classDir, "class folder '" + classDir.getFileName() + "'",
                    "at least one .jpg, .jpeg or .png image",
                    others == 0 ? "an empty folder" : "no image files (" + others + " other files)");
            }
        }

        final int n = files.size();
        final int[] labels = new int[n];
        final int[] widths = new int[n];
        final int[] heights = new int[n];
        final float[][] gray = new float[n][];
        for (int i = 0; i < n; i++)
        {
            labels[i] = labelList.get(i);
            final BufferedImage image = decode(files.get(i), minWidth, minHeight);
            widths[i] = image.getWidth();
            heights[i] = image.getHeight();
            gray[i] = luminance(image);
        }
        return new ImageFolderDataset(splitDir, Collections.unmodifiableList(classNames),
            Collections.unmodifiableList(files), labels, widths, heights, gray);
    }

    /** The split folder the images were read from (absolute). */
    public Path splitDir()
    {
        return splitDir;
    }

    /** Number of images. */
    public int count()
    {
        return labels.length;
    }

    /** Number of classes. */
    public int classCount()
    {
        return classNames.size();
    }

    /** Class names (folder names), indexed by label. */
    public List<String> classNames()
    {
        return classNames;
    }

    /** The file of one image. */
    public Path file(final int image)
    {
        return files.get(image);
    }

    /** The label of one image, an index into {@link #classNames()}. */
    public int label(final int image)
    {
        return labels[image];
    }

    /** The original width of one image, in pixels. */
    public int width(final int image)
    {
        return widths[image];
    }

    /** The original height of one image, in pixels. */
    public int height(final int image)
    {
        return heights[image];
    }

    /**
     * One image at its original size: {@code width * height} luminance values in [0, 255], row-major. This is the
     * array itself, not a copy; callers must not modify it.
     */
    public float[] gray(final int image)
    {
        return gray[image];
    }

    /**
     * One image scaled to {@code width x height} by bilinear interpolation with pixel centres aligned (a
     * destination pixel's centre {@code x + 0.5} maps to source {@code (x + 0.5) * srcWidth / width - 0.5},
     * clamped to the edge; the same convention as OpenCV's {@code INTER_LINEAR}).
     *
     * @param image  the image index.
     * @param width  the new width.
     * @param height the new height.
     * @return a new array of {@code width * height} luminance values in [0, 255], row-major.
     */
    public float[] resized(final int image, final int width, final int height)
    {
        return resizeBilinear(gray[image], widths[image], heights[image], width, height, new float[width * height]);
    }

    /** Images per class: element {@code c} counts the images labelled {@code c}. */
    public int[] labelHistogram()
    {
        final int[] histogram = new int[classNames.size()];
        for (final int label : labels)
        {
            histogram[label]++;
        }
        return histogram;
    }

    /**
     * Bilinear resampling with aligned pixel centres (see {@link #resized(int, int, int)}).
     *
     * @param src       source values, row-major.
     * @param srcWidth  source width.
     * @param srcHeight source height.
     * @param dstWidth  destination width (at least 1).
     * @param dstHeight destination height (at least 1).
     * @param dst       destination array of at least {@code dstWidth * dstHeight} values.
     * @return {@code dst}.
     */
    public static float[] resizeBilinear(final float[] src, final int srcWidth, final int srcHeight,
        final int dstWidth, final int dstHeight, final float[] dst)
    {
        if (dstWidth < 1 || dstHeight < 1)
        {
            throw new IllegalArgumentException("size must be positive, width=" + dstWidth + ", height=" + dstHeight);
        }
        final double sx = (double)srcWidth / dstWidth;
        final double sy = (double)srcHeight / dstHeight;
        for (int y = 0; y < dstHeight; y++)
        {
            final double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0.0), srcHeight - 1.0);
            final int y0 = (int)fy;
            final int y1 = Math.min(y0 + 1, srcHeight - 1);
            final double wy = fy - y0;
            for (int x = 0; x < dstWidth; x++)
            {
                final double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0.0), srcWidth - 1.0);
                final int x0 = (int)fx;
                final int x1 = Math.min(x0 + 1, srcWidth - 1);
                final double wx = fx - x0;
                final double top = src[y0 * srcWidth + x0] * (1 - wx) + src[y0 * srcWidth + x1] * wx;
                final double bottom = src[y1 * srcWidth + x0] * (1 - wx) + src[y1 * srcWidth + x1] * wx;
                dst[y * dstWidth + x] = (float)(top * (1 - wy) + bottom * wy);
            }
        }
        return dst;
    }

    private static BufferedImage decode(final Path file, final int minWidth, final int minHeight)
    {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile()))
        {
            if (in == null)
            {
                throw unreadable(file, "a file that cannot be opened", null);
            }
            final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext())
            {
                throw unreadable(file, "data in no known image format", null);
            }
            final ImageReader reader = readers.next();
            try
            {
                reader.setInput(in, true, true);
                final int width = reader.getWidth(0);
                final int height = reader.getHeight(0);
                if (width < minWidth || height < minHeight)
                {
                    throw new DatasetFormatException(file, "image size", "at least " + minWidth + " x " + minHeight
                        + " pixels (width x height)", width + " x " + height);
                }
                if ((long)width * height > MAX_PIXELS)
                {
                    throw new DatasetFormatException(file, "image size", "at most " + MAX_PIXELS + " pixels",
                        width + " x " + height);
                }
                final BufferedImage image = reader.read(0);
                if (image == null)
                {
                    throw unreadable(file, "no image", null);
                }
                return image;
            }
            finally
            {
                reader.dispose();
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            if (ex instanceof DatasetFormatException)
            {
                throw (DatasetFormatException)ex;
            }
            throw unreadable(file, "undecodable data (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + ")", ex);
        }
    }

    private static DatasetFormatException unreadable(final Path file, final String found, final Throwable cause)
    {
        return new DatasetFormatException(file, "image data", "a readable JPEG or PNG image", found, cause);
    }

    private static float[] luminance(final BufferedImage image)
    {
        final int w = image.getWidth();
        final int h = image.getHeight();
        final float[] out = new float[w * h];
        final Raster raster = image.getRaster();
        final int type = image.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY)
        {
            final float scale = type == BufferedImage.TYPE_BYTE_GRAY ? 1.0f : 255.0f / 65535.0f;
            final int[] row = new int[w];
            for (int y = 0; y < h; y++)
            {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++)
                {
                    out[y * w + x] = row[x] * scale;
                }
            }
            return out;
        }
        final int[] rgb = new int[w];
        for (int y = 0; y < h; y++)
        {
            image.getRGB(0, y, w, 1, rgb, 0, w);
            for (int x = 0; x < w; x++)
            {
                final int p = rgb[x];
                out[y * w + x] = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
            }
        }
        return out;
    }

    private static List<Path> sortedEntries(final Path dir)
    {
        final List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir))
        {
            for (final Path p : stream)
            {
                entries.add(p);
            }
        }
        catch (final IOException ex)
        {
            throw new DatasetFormatException(dir, "folder listing", "a readable folder", "an I/O error (" + ex + ")",
                ex);
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return entries;
    }

    private static boolean isHidden(final Path entry)
    {
        return entry.getFileName().toString().startsWith(".");
    }

    private static boolean isImageName(final Path entry)
    {
        final String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        for (final String ext : EXTENSIONS)
        {
            if (name.endsWith(ext))
            {
                return true;
            }
        }
        return false;
    }
}
