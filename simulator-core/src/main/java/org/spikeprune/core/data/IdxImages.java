package org.spikeprune.core.data;

import java.nio.file.Path;

/**
 * The images of an IDX image file (magic {@code 0x00000803}: unsigned bytes, rank 3: count, rows, columns), held
 * as one array of {@code count * rows * cols} unsigned pixels, image after image, each row-major.
 */
public final class IdxImages
{
    /** Magic number of an IDX file of unsigned-byte images. */
    public static final int MAGIC = 0x00000803;

    private static final String[] DIM_NAMES = {"image count", "rows", "columns"};

    private final Path file;
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;

    private IdxImages(final Path file, final int count, final int rows, final int cols, final byte[] pixels)
    {
        this.file = file;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
    }

    /**
     * Reads an IDX image file, raw or gzip-compressed.
     *
     * @param file the file.
     * @return its images.
     * @throws DatasetFormatException if the file is missing, truncated, too long, or has a wrong magic number, rank
     *                                or dimension.
     */
    public static IdxImages read(final Path file)
    {
        final IdxReader.Content content = IdxReader.read(file, 3, DIM_NAMES, "images");
        return new IdxImages(file, content.dims()[0], content.dims()[1], content.dims()[2], content.body());
    }

    /** The file the images were read from. */
    public Path file()
    {
        return file;
    }

    /** Number of images. */
    public int count()
    {
        return count;
    }

    /** Rows (height) of each image. */
    public int rows()
    {
        return rows;
    }

    /** Columns (width) of each image. */
    public int cols()
    {
        return cols;
    }

    /** Pixels per image, {@code rows * cols}. */
    public int pixelsPerImage()
    {
        return rows * cols;
    }

    /**
     * The pixel array itself (not a copy): image {@code i} occupies {@code [i * rows * cols, (i + 1) * rows * cols)};
     * read a value as {@code pixels[k] & 0xff}. Callers must not modify it.
     */
    public byte[] pixels()
    {
        return pixels;
    }

    /**
     * One pixel as an intensity in [0, 255].
     *
     * @param image the image index.
     * @param index the pixel index within the image, {@code row * cols + col}.
     * @return the intensity.
     */
    public int pixel(final int image, final int index)
    {
        return pixels[image * (rows * cols) + index] & 0xff;
    }
}
