package org.spikeprune.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;

class SafeFilesTest
{
    /** A file system of 64 KiB: a small disk that fills up. */
    private FileSystem small;
    private Path dir;

    @BeforeEach
    void setUp() throws IOException
    {
        small = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(1024).setMaxSize(64 * 1024)
            .build());
        dir = Files.createDirectories(small.getPath("/out"));
    }

    @AfterEach
    void tearDown() throws IOException
    {
        small.close();
    }

    @Test
    void writesAndReplacesLeavingNoHiddenFile() throws IOException
    {
        final Path f = dir.resolve("result.json");
        SafeFiles.writeText(f, "first");
        SafeFiles.writeText(f, "second");
        assertEquals("second", Files.readString(f));
        assertEquals(List.of("result.json"), names(dir));
    }

    @Test
    void aLinkIsWrittenThroughAndKept() throws IOException
    {
        final Path real = Files.createDirectories(small.getPath("/elsewhere")).resolve("result.json");
        Files.writeString(real, "old");
        final Path link = Files.createSymbolicLink(dir.resolve("result.json"), real);
        SafeFiles.writeText(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new", Files.readString(real));
        final Path dangling = Files.createSymbolicLink(dir.resolve("late.csv"), small.getPath("/elsewhere/late.csv"));
        SafeFiles.writeText(dangling, "made");
        assertEquals("made", Files.readString(small.getPath("/elsewhere/late.csv")));
        assertEquals(List.of("late.csv", "result.json"), names(dir));
    }

    @Test
    void aBatchReplacesItsFilesTogetherOrNotAtAll() throws IOException
    {
        final Path a = dir.resolve("model.bin");
        final Path b = dir.resolve("result.json");
        Files.writeString(a, "old model");
        Files.writeString(b, "old result");
        try (SafeFiles.Batch batch = new SafeFiles.Batch())
        {
            batch.write(a, out -> out.write("new model".getBytes(StandardCharsets.UTF_8)));
            assertEquals("old model", Files.readString(a), "nothing is replaced before the commit");
            final InputException ex = assertThrows(InputException.class, () -> batch.write(b, out -> out.write(
                new byte[1 << 20])));
            assertTrue(ex.getMessage().startsWith(b + ": cannot write"), ex.getMessage());
        }
        assertEquals("old model", Files.readString(a), "a failure part-way keeps every earlier file");
        assertEquals("old result", Files.readString(b));
        assertEquals(List.of("model.bin", "result.json"), names(dir), "no hidden file is left");
        try (SafeFiles.Batch batch = new SafeFiles.Batch())
        {
            batch.write(a, out -> out.write("new model".getBytes(StandardCharsets.UTF_8)));
            batch.write(b, out -> out.write("new result".getBytes(StandardCharsets.UTF_8)));
            batch.commit();
        }
        assertEquals("new model", Files.readString(a));
        assertEquals("new result", Files.readString(b));
        assertEquals(List.of("model.bin", "result.json"), names(dir));
    }

    @Test
    void aFolderIsNotReplaced() throws IOException
    {
        final Path folder = Files.createDirectories(dir.resolve("sub"));
        final InputException ex = assertThrows(InputException.class, () -> SafeFiles.writeText(folder, "x"));
        assertTrue(ex.getMessage().contains("it is a folder"), ex.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aDeviceIsWrittenInPlaceNotReplaced() throws IOException
    {
        final Path nul = Paths.get("/dev/null");
        final Path full = Paths.get("/dev/full");
        assumeTrue(Files.exists(nul) && Files.exists(full) && !Files.isRegularFile(full), "a Linux /dev");
        SafeFiles.writeText(nul, "gone");
        assertFalse(Files.isRegularFile(nul), "/dev/null is still a device");
        final InputException ex = assertThrows(InputException.class, () -> SafeFiles.writeText(full, "x".repeat(
            1 << 17)));
        assertTrue(ex.getMessage().startsWith("/dev/full: cannot write"), ex.getMessage());
        assertFalse(Files.isRegularFile(full), "/dev/full is still a device");
    }

    @Test
    void aFullDiskKeepsTheEarlierFileAndNamesIt() throws IOException
    {
        final Path f = dir.resolve("result.json");
        SafeFiles.writeText(f, "earlier result");
        final byte[] tooBig = new byte[200 * 1024];
        final InputException ex = assertThrows(InputException.class, () -> SafeFiles.writeBytes(f, tooBig));
        assertTrue(ex.getMessage().startsWith(f + ": cannot write: "), ex.getMessage());
        assertEquals("earlier result", Files.readString(f));
        assertEquals(List.of("result.json"), names(dir), "the hidden partial file is removed");
        // the space of the failed attempt is given back: a file that fits is written afterwards
        final byte[] fits = new byte[16 * 1024];
        fits[7] = 42;
        SafeFiles.writeBytes(f, fits);
        assertArrayEquals(fits, Files.readAllBytes(f));
    }

    @Test
    void aFullDiskMidStreamKeepsTheEarlierFile() throws IOException
    {
        final Path f = dir.resolve("weights.png");
        SafeFiles.writeText(f, "earlier picture");
        final InputException ex = assertThrows(InputException.class, () -> SafeFiles.write(f, out ->
        {
            final byte[] chunk = new byte[4096];
            for (int i = 0; i < 100; i++)
            {
                out.write(chunk);
            }
        }));
        assertTrue(ex.getMessage().contains("weights.png"), ex.getMessage());
        assertEquals("earlier picture", Files.readString(f));
        assertEquals(List.of("weights.png"), names(dir));
    }

    @Test
    void aFailingProducerLeavesTheTargetAndRethrows() throws IOException
    {
        final Path f = dir.resolve("summary.md");
        SafeFiles.writeText(f, "kept");
        final IllegalStateException boom = new IllegalStateException("renderer failed");
        final IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> SafeFiles.write(f, out ->
        {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("kept", Files.readString(f));
        assertEquals(List.of("summary.md"), names(dir));
    }

    @Test
    void aMissingFolderIsNamed()
    {
        final Path f = dir.resolve("no/such/folder/result.json");
        final InputException ex = assertThrows(InputException.class, () -> SafeFiles.writeText(f, "x"));
        assertEquals(f + ": cannot write: the folder does not exist", ex.getMessage());
    }

    /** The real thing on Linux: writes into {@code /dev/full} fail with "No space left on device". */
    @Test
    void noSpaceLeftOnDevice(@TempDir final Path tmp) throws IOException
    {
        final Path full = Paths.get("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        final Path f = tmp.resolve("model.bin");
        Files.writeString(f, "earlier model");
        // the hidden file the write goes through is a link to the full device
        Files.createSymbolicLink(tmp.resolve(".model.bin.tmp"), full);
        final InputException ex = assertThrows(InputException.class,
            () -> SafeFiles.writeBytes(f, new byte[100_000]));
        assertEquals(f + ": cannot write: No space left on device", ex.getMessage());
        assertEquals("earlier model", Files.readString(f));
        assertFalse(Files.exists(tmp.resolve(".model.bin.tmp"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(full), "the device itself is untouched");
    }

    private static List<String> names(final Path dir) throws IOException
    {
        try (Stream<Path> s = Files.list(dir))
        {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
