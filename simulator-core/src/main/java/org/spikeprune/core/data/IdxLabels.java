package org.spikeprune.core.data;

import java.nio.file.Path;

/** The labels of an IDX label file (magic {@code 0x00000801}: unsigned bytes, rank 1: count). */
public final class IdxLabels
{
    /** Magic number of an IDX file of unsigned-byte labels. */
    public static final int MAGIC = 0x00000801;

    private static final String[] DIM_NAMES = {"label count"};

    private final Path file;
    private final int classCount;
    private final byte[] labels;

    private IdxLabels(final Path file, final int classCount, final byte[] labels)
    {
        this.file = file;
        this.classCount = classCount;
        this.labels = labels;
    }

    /**
     * Reads an IDX label file, raw or gzip-compressed, and checks every label is in {@code [0, classCount)}.
     *
     * @param file       the file.
     * @param classCount the number of classes (10 for MNIST), 1..256.
     * @return its labels.
     * @throws DatasetFormatException if the file is missing, truncated, too long, has a wrong magic number, rank or
     *                                count, or holds a label out of range.
     */
    public static IdxLabels read(final Path file, final int classCount)
    {
        if (classCount < 1 || classCount > 256)
        {
            throw new IllegalArgumentException("classCount must be in 1..256, classCount=" + classCount);
        }
        final IdxReader.Content content = IdxReader.read(file, 1, DIM_NAMES, "labels");
        final byte[] labels = content.body();
        for (int i = 0; i < labels.length; i++)
        {
            final int label = labels[i] & 0xff;
            if (label >= classCount)
            {
                throw new DatasetFormatException(file,
                    "label " + i + " at " + (content.gzip() ? "decompressed " : "") + "byte "
                        + (content.headerBytes() + i),
                    "a class in 0.." + (classCount - 1), Integer.toString(label));
            }
        }
        return new IdxLabels(file, classCount, labels);
    }

    /** The file the labels were read from. */
    public Path file()
    {
        return file;
    }

    /** Number of labels. */
    public int count()
    {
        return labels.length;
    }

    /** Number of classes the labels were checked against. */
    public int classCount()
    {
        return classCount;
    }

    /**
     * The label of one item.
     *
     * @param index the item.
     * @return its class, in {@code [0, classCount)}.
     */
    public int label(final int index)
    {
        return labels[index] & 0xff;
    }

    /** The label array itself (not a copy); callers must not modify it. */
    public byte[] labels()
    {
        return labels;
    }

    /** Items per class: element {@code c} counts the labels equal to {@code c}. */
    public int[] histogram()
    {
        final int[] histogram = new int[classCount];
        for (final byte label : labels)
        {
            histogram[label & 0xff]++;
        }
        return histogram;
    }
}
