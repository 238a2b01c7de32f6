package org.spikeprune.core.data;

import java.nio.file.Path;

/** One split of an IDX data set: images and their labels, checked to be equal in number. */
public final class IdxDataset
{
    private final IdxImages images;
    private final IdxLabels labels;

    private IdxDataset(final IdxImages images, final IdxLabels labels)
    {
        this.images = images;
        this.labels = labels;
    }

    /**
     * Reads an image file and its label file.
     *
     * @param imagesFile the IDX image file (raw or gzip).
     * @param labelsFile the IDX label file (raw or gzip).
     * @param classCount number of classes; every label must be below it.
     * @return the split.
     * @throws DatasetFormatException on any defect of either file, or if their counts differ.
     */
    public static IdxDataset load(final Path imagesFile, final Path labelsFile, final int classCount)
    {
        final IdxLabels labels = IdxLabels.read(labelsFile, classCount);
        final IdxImages images = IdxImages.read(imagesFile);
        return of(images, labels);
    }

    /**
     * Pairs images with labels.
     *
     * @param images the images.
     * @param labels their labels.
     * @return the split.
     * @throws DatasetFormatException if the counts differ.
     */
    public static IdxDataset of(final IdxImages images, final IdxLabels labels)
    {
        if (images.count() != labels.count())
        {
            throw new DatasetFormatException(labels.file(), "label count at byte 4",
                images.count() + " labels, one per image of " + images.file(), labels.count() + " labels");
        }
        return new IdxDataset(images, labels);
    }

    /** The images. */
    public IdxImages images()
    {
        return images;
    }

    /** The labels. */
    public IdxLabels labels()
    {
        return labels;
    }

    /** Number of labelled images. */
    public int count()
    {
        return images.count();
    }

    /** Rows (height) of each image. */
    public int rows()
    {
        return images.rows();
    }

    /** Columns (width) of each image. */
    public int cols()
    {
        return images.cols();
    }

    /** Number of classes. */
    public int classCount()
    {
        return labels.classCount();
    }

    /**
     * The label of one image.
     *
     * @param image the image index.
     * @return its class.
     */
    public int label(final int image)
    {
        return labels.label(image);
    }

    /**
     * Copies one image into {@code into} as intensities in [0, 255], row-major; allocates nothing.
     *
     * @param image the image index.
     * @param into  an array of at least {@code rows * cols} floats.
     * @return {@code into}.
     */
    public float[] copyImage(final int image, final float[] into)
    {
        final int n = images.pixelsPerImage();
        final byte[] pixels = images.pixels();
        final int base = image * n;
        for (int k = 0; k < n; k++)
        {
            into[k] = pixels[base + k] & 0xff;
        }
        return into;
    }

    /** Images per class: element {@code c} counts the images labelled {@code c}. */
    public int[] labelHistogram()
    {
        return labels.histogram();
    }
}
