package org.spikeprune.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training and test splits of an MNIST-layout data set (MNIST, Fashion-MNIST): a folder holding
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte}, each raw or with a {@code .gz} suffix; 28 x 28 images, 10 classes.
 *
 * @param train the training split.
 * @param test  the test split.
 */
public record MnistFiles(IdxDataset train, IdxDataset test)
{
    /** Training images file name (without {@code .gz}). */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Training labels file name (without {@code .gz}). */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Test images file name (without {@code .gz}). */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Test labels file name (without {@code .gz}). */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four file names, training first. */
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** Number of classes. */
    public static final int CLASS_COUNT = 10;
    /** Image side in pixels. */
    public static final int SIDE = 28;

    /**
     * Loads both splits from a folder.
     *
     * @param dir the folder.
     * @return the splits.
     * @throws DatasetFormatException if a file is missing or defective, or the images are not 28 x 28.
     */
    public static MnistFiles load(final Path dir)
    {
        final IdxDataset train = loadSplit(find(dir, TRAIN_IMAGES), find(dir, TRAIN_LABELS));
        final IdxDataset test = loadSplit(find(dir, TEST_IMAGES), find(dir, TEST_LABELS));
        return new MnistFiles(train, test);
    }

    /**
     * Whether all four files are in a folder (raw or gzip); their content is not checked.
     *
     * @param dir the folder.
     * @return true if each of {@link #FILE_NAMES} exists as a regular file, plain or with {@code .gz}.
     */
    public static boolean isPresent(final Path dir)
    {
        for (final String name : FILE_NAMES)
        {
            if (locate(dir, name) == null)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The file for a base name: {@code dir/name} if it exists, else {@code dir/name.gz}.
     *
     * @param dir  the folder.
     * @param name one of {@link #FILE_NAMES}.
     * @return the existing file.
     * @throws DatasetFormatException if neither exists.
     */
    public static Path find(final Path dir, final String name)
    {
        final Path file = locate(dir, name);
        if (file == null)
        {
            throw new DatasetFormatException(dir.resolve(name), "file", name + " or " + name + ".gz in " + dir,
                "neither");
        }
        return file;
    }

    private static Path locate(final Path dir, final String name)
    {
        final Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw))
        {
            return raw;
        }
        final Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private static IdxDataset loadSplit(final Path imagesFile, final Path labelsFile)
    {
        final IdxDataset split = IdxDataset.load(imagesFile, labelsFile, CLASS_COUNT);
        if (split.rows() != SIDE || split.cols() != SIDE)
        {
            throw new DatasetFormatException(imagesFile, "rows, columns at bytes 8..15",
                SIDE + " x " + SIDE + " pixels (MNIST layout)", split.rows() + " x " + split.cols());
        }
        return split;
    }
}
