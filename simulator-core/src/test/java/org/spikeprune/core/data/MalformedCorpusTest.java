package org.spikeprune.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikeprune.core.data.DataFixtures.concat;
import static org.spikeprune.core.data.DataFixtures.gzip;
import static org.spikeprune.core.data.DataFixtures.idx;
import static org.spikeprune.core.data.DataFixtures.images;
import static org.spikeprune.core.data.DataFixtures.labels;
import static org.spikeprune.core.data.DataFixtures.mkdirs;
import static org.spikeprune.core.data.DataFixtures.tar;
import static org.spikeprune.core.data.DataFixtures.tarEntry;
import static org.spikeprune.core.data.DataFixtures.write;
import static org.spikeprune.core.data.DataFixtures.writeText;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed data files, generated into a temporary folder: each must fail with a
 * {@link DatasetFormatException} that names the file and the field, quickly and without running out of memory.
 */
class MalformedCorpusTest
{
    /** Writes a malformed input into a folder and returns the load that must fail and the file it must name. */
    @FunctionalInterface
    interface Setup
    {
        Load create(Path dir);
    }

    /** A load that must fail, and the path its message must name. */
    record Load(Runnable action, Path culprit)
    {
    }

    private static final int[] MNIST = {1, 28, 28};

    static Stream<Arguments> corpus()
    {
        return Stream.of(
            // --- IDX headers
            idxCase("empty file", new byte[0], "magic number at byte 0", "after 0 bytes"),
            idxCase("truncated magic number", new byte[] {0, 0, 8}, "magic number at byte 0", "after 3 bytes"),
            idxCase("truncated header inside the dimensions",
                Arrays.copyOf(idx(IdxImages.MAGIC, MNIST, new byte[0]), 10), "header at byte 10", "16 header bytes"),
            idxCase("wrong magic number", idx(0x12345678, MNIST, new byte[784]),
                "magic number at byte 0", "0x00000803", "found 0x12345678"),
            idxCase("float data type", idx(0x00000D03, MNIST, new byte[784 * 4]),
                "data type at byte 2", "0x0D (float)"),
            idxCase("label file read as images (wrong rank)", labels(1, 2, 3), "rank at byte 3", "expected 3",
                "found 1"),
            args("image file read as labels (wrong rank)", dir -> labelsLoad(write(dir.resolve("l-idx1-ubyte"),
                images(2, 28, 28, 1)), 10), List.of("rank at byte 3", "expected 1", "found 3")),
            idxCase("negative rows", idx(IdxImages.MAGIC, new int[] {1, -28, 28}, new byte[0]),
                "rows at byte 8", "found -28"),
            idxCase("count 0xFFFFFFFF (negative)", idx(IdxImages.MAGIC, new int[] {-1, 28, 28}, new byte[0]),
                "image count at byte 4", "found -1"),
            idxCase("zero images", idx(IdxImages.MAGIC, new int[] {0, 28, 28}, new byte[0]),
                "image count at byte 4", "found 0"),
            args("zero labels", dir -> labelsLoad(write(dir.resolve("l-idx1-ubyte"),
                idx(IdxLabels.MAGIC, new int[] {0}, new byte[0])), 10), List.of("label count at byte 4", "found 0")),
            idxCase("dimensions overflow int", idx(IdxImages.MAGIC, new int[] {60000, 50000, 50000}, new byte[0]),
                "dimensions 60000 x 50000 x 50000", "too large"),
            idxCase("huge declared count, tiny raw file",
                idx(IdxImages.MAGIC, new int[] {2_739_000, 28, 28}, new byte[100]),
                "data after the 16-byte header", "2147376000 bytes", "truncated"),
            idxCase("huge declared count, tiny gzip file",
                gzip(idx(IdxImages.MAGIC, new int[] {2_739_000, 28, 28}, new byte[100])),
                "gzip file of", "cannot hold"),
            // --- IDX bodies
            idxCase("truncated body", Arrays.copyOf(images(10, 28, 28, 2), 16 + 5 * 784),
                "data after the 16-byte header", "7840 bytes", "only 3920 bytes"),
            idxCase("truncated body inside gzip", gzip(Arrays.copyOf(images(100, 28, 28, 3), 16 + 2 * 784)),
                "(decompressed)", "78400 bytes", "only 1568 bytes"),
            idxCase("trailing garbage", concat(images(1, 28, 28, 4), new byte[] {1, 2, 3}),
                "end of data at byte 800", "3 trailing bytes"),
            idxCase("trailing garbage inside gzip", gzip(concat(images(1, 28, 28, 5), new byte[] {1, 2, 3})),
                "end of data at decompressed byte 800", "more data"),
            idxCase("corrupt gzip (reserved deflate block type)",
                new byte[] {0x1f, (byte)0x8b, 8, 0, 0, 0, 0, 0, 0, (byte)0xff, 0x07, 0, 0, 0, 0},
                "gzip stream at decompressed byte 0", "corrupt or truncated"),
            idxCase("truncated gzip", truncatedGzip(), "gzip stream at decompressed byte", "corrupt or truncated"),
            idxCase("gzip magic with an unknown compression method",
                new byte[] {0x1f, (byte)0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3},
                "gzip stream at decompressed byte 0", "corrupt or truncated"),
            args("label out of range", dir -> labelsLoad(write(dir.resolve("l-idx1-ubyte"), labels(1, 2, 3, 10, 4)),
                10), List.of("label 3 at byte 11", "a class in 0..9", "found 10")),
            args("label out of range inside gzip", dir -> labelsLoad(write(dir.resolve("l-idx1-ubyte.gz"),
                gzip(labels(0, 255))), 10), List.of("label 1 at decompressed byte 9", "found 255")),
            args("image and label counts disagree", dir ->
            {
                final Path imagesFile = write(dir.resolve("i-idx3-ubyte"), images(5, 28, 28, 6));
                final Path labelsFile = write(dir.resolve("l-idx1-ubyte"), labels(0, 1, 2, 3));
                return new Load(() -> IdxDataset.load(imagesFile, labelsFile, 10), labelsFile);
            }, List.of("label count", "5 labels, one per image of", "i-idx3-ubyte", "found 4 labels")),
            args("MNIST folder with 32 x 32 images", dir ->
            {
                final Path imagesFile = write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(2, 32, 32, 7));
                write(dir.resolve(MnistFiles.TRAIN_LABELS), labels(0, 1));
                write(dir.resolve(MnistFiles.TEST_IMAGES + ".gz"), gzip(images(2, 32, 32, 8)));
                write(dir.resolve(MnistFiles.TEST_LABELS + ".gz"), gzip(labels(0, 1)));
                return new Load(() -> MnistFiles.load(dir), imagesFile);
            }, List.of("rows, columns", "28 x 28", "found 32 x 32")),
            args("MNIST folder missing a file", dir ->
            {
                write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(2, 28, 28, 9));
                write(dir.resolve(MnistFiles.TRAIN_LABELS), labels(0, 1));
                write(dir.resolve(MnistFiles.TEST_IMAGES), images(2, 28, 28, 10));
                return new Load(() -> MnistFiles.load(dir), dir.resolve(MnistFiles.TEST_LABELS));
            }, List.of("t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz", "found neither")),
            args("IDX path is a folder", dir ->
            {
                final Path folder = mkdirs(dir.resolve("x-idx3-ubyte"));
                return new Load(() -> IdxImages.read(folder), folder);
            }, List.of("a folder")),
            args("IDX file does not exist", dir ->
            {
                final Path missing = dir.resolve("nothing-idx3-ubyte");
                return new Load(() -> IdxImages.read(missing), missing);
            }, List.of("no such file")),
            // --- image folders
            args("missing split folder", dir ->
            {
                mkdirs(dir.resolve("test/a"));
                return new Load(() -> ImageFolderDataset.read(dir, "train"), dir.resolve("train"));
            }, List.of("split folder 'train'", "no such folder")),
            args("split folder is a file", dir ->
            {
                final Path file = writeText(dir.resolve("train"), "x");
                return new Load(() -> ImageFolderDataset.read(dir, "train"), file);
            }, List.of("split folder 'train'", "found a file")),
            args("single-class folder", dir ->
            {
                write(dir.resolve("train/cats/a.png"), DataFixtures.grayPng(20, 20));
                return new Load(() -> ImageFolderDataset.read(dir, "train"), dir.resolve("train"));
            }, List.of("class folders", "at least 2", "found 1 (cats)")),
            args("no class folders, only loose images", dir ->
            {
                write(dir.resolve("train/a.png"), DataFixtures.grayPng(20, 20));
                write(dir.resolve("train/b.png"), DataFixtures.grayPng(20, 20));
                return new Load(() -> ImageFolderDataset.read(dir, "train"), dir.resolve("train"));
            }, List.of("class folders", "found 0 and 2 loose files")),
            args("empty class folder", dir ->
            {
                write(dir.resolve("train/cats/a.png"), DataFixtures.grayPng(20, 20));
                final Path dogs = mkdirs(dir.resolve("train/dogs"));
                return new Load(() -> ImageFolderDataset.read(dir, "train"), dogs);
            }, List.of("class folder 'dogs'", "at least one .jpg, .jpeg or .png image", "an empty folder")),
            args("class folder without image files", dir ->
            {
                write(dir.resolve("train/cats/a.png"), DataFixtures.grayPng(20, 20));
                writeText(dir.resolve("train/dogs/notes.txt"), "no images here");
                writeText(dir.resolve("train/dogs/a.gif"), "GIF89a");
                return new Load(() -> ImageFolderDataset.read(dir, "train"), dir.resolve("train/dogs"));
            }, List.of("class folder 'dogs'", "no image files (2 other files)")),
            imageCase("unreadable image (random bytes named .jpg)", "b.jpg", randomBytes(3000),
                "image data", "a readable JPEG or PNG image", "no known image format"),
            imageCase("text file named .png", "b.png", "this is not a PNG".getBytes(StandardCharsets.UTF_8),
                "image data", "a readable JPEG or PNG image"),
            imageCase("truncated PNG", "b.png", Arrays.copyOf(DataFixtures.grayPng(64, 64), 60),
                "image data", "a readable JPEG or PNG image", "undecodable"),
            imageCase("image smaller than the minimum", "b.png", DataFixtures.grayPng(8, 12),
                "image size", "at least 16 x 16", "found 8 x 12"),
            imageCase("PNG header declaring 100000 x 100000 pixels", "b.png",
                DataFixtures.pngDeclaringSize(100_000, 100_000), "image size", "at most 67108864 pixels",
                "found 100000 x 100000"),
            // --- npm tarballs
            tarCase("truncated tarball", Arrays.copyOf(gzip(tar(tarEntry("package/data/a", '0', randomBytes(5000)))),
                700), "corrupt or truncated"),
            tarCase("tar header checksum wrong", corruptChecksum(), "tar header checksum at byte 148"),
            tarCase("requested tar entry missing", gzip(tar(tarEntry("package/data/b", '0', new byte[10]))),
                "entries under 'package/data/'", "no entry for [a]"),
            tarCase("requested tar entry is a symbolic link", gzip(tar(tarEntry("package/data/a", '2', new byte[0]))),
                "tar entry 'package/data/a'", "a regular file (type '0')", "found type '2'"),
            tarCase("gzip of data that is not a tar archive", gzip(randomBytes(2048)), "tar header checksum"),
            tarCase("tar entry data cut short", gzip(Arrays.copyOf(tarEntry("package/data/a", '0', new byte[4000]),
                1500)), "data of tar entry 'package/data/a' at byte 512", "4000 bytes", "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldRaiseTypedErrorNamingFileAndFieldWhenInputIsMalformed(
        final String name, final Setup setup, final List<String> fragments, @TempDir final Path dir)
    {
        final Load load = setup.create(dir);
        final DatasetFormatException ex = assertThrows(DatasetFormatException.class, load.action()::run, name);
        final String message = ex.getMessage();
        assertTrue(message.startsWith(load.culprit().toAbsolutePath().normalize().toString())
                || message.startsWith(load.culprit().toString()),
            "message should start with the file " + load.culprit() + ": " + message);
        assertEquals(load.culprit().getFileName(), ex.file().getFileName(), message);
        assertTrue(message.contains(": expected ") && message.contains(", found "), message);
        for (final String fragment : fragments)
        {
            assertTrue(message.contains(fragment), "message should contain '" + fragment + "': " + message);
        }
        assertTrue(message.indexOf('\n') < 0, "message should be one line: " + message);
    }

    private static Arguments args(final String name, final Setup setup, final List<String> fragments)
    {
        return Arguments.of(name, setup, fragments);
    }

    private static Arguments idxCase(final String name, final byte[] content, final String... fragments)
    {
        return args(name, dir ->
        {
            final Path file = write(dir.resolve("f-idx3-ubyte"), content);
            return new Load(() -> IdxImages.read(file), file);
        }, List.of(fragments));
    }

    private static Arguments imageCase(final String name, final String fileName, final byte[] content,
        final String... fragments)
    {
        return args(name, dir ->
        {
            write(dir.resolve("train/a/ok.png"), DataFixtures.grayPng(20, 20));
            final Path bad = write(dir.resolve("train/b/" + fileName), content);
            return new Load(() -> ImageFolderDataset.read(dir, "train"), bad);
        }, List.of(fragments));
    }

    private static Arguments tarCase(final String name, final byte[] tgz, final String... fragments)
    {
        return args(name, dir ->
        {
            final Path file = write(dir.resolve("p.tgz"), tgz);
            return new Load(() -> Tarball.extract(file, "package/data/", Set.of("a"), dir.resolve("out")), file);
        }, List.of(fragments));
    }

    private static Load labelsLoad(final Path file, final int classes)
    {
        return new Load(() -> IdxLabels.read(file, classes), file);
    }

    private static byte[] truncatedGzip()
    {
        final byte[] gz = gzip(images(20, 28, 28, 11));
        return Arrays.copyOf(gz, gz.length / 2);
    }

    private static byte[] corruptChecksum()
    {
        final byte[] tar = tar(tarEntry("package/data/a", '0', new byte[10]));
        tar[0] = 'q';
        return gzip(tar);
    }

    private static byte[] randomBytes(final int n)
    {
        final byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
