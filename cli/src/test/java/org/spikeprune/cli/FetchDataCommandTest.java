package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.DatasetFormatException;
import org.spikeprune.core.data.MnistFiles;

@Timeout(60)
class FetchDataCommandTest
{
    @TempDir
    Path dir;

    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err)
    {
        List<String> errLines()
        {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    @Test
    void shouldPrintOneLineAndExitTwoWhenCachedFileIsCorrupt() throws IOException
    {
        final Path mnist = Files.createDirectories(dir.resolve("mnist"));
        for (final String name : MnistFiles.FILE_NAMES)
        {
            Files.write(mnist.resolve(name), new byte[] {0, 0, 8, 3, 1, 2, 3});
        }

        final Run run = run("fetch-data", "mnist", "--verify-only", "--cache", dir.toString());

        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        final String line = run.errLines().get(0);
        assertTrue(line.startsWith("spikeprune: " + mnist.resolve(MnistFiles.TRAIN_IMAGES)), line);
        assertTrue(line.contains("content length: expected 47040016 bytes, found 7 bytes"), line);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    void shouldPrintStackTraceWhenVerbose() throws IOException
    {
        final Path mnist = Files.createDirectories(dir.resolve("mnist"));
        Files.write(mnist.resolve(MnistFiles.TRAIN_IMAGES), new byte[3]);

        final Run run = run("fetch-data", "mnist", "--verify-only", "--verbose", "--cache", dir.toString());

        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.errLines().size() > 1, run.err());
        assertTrue(run.err().contains(DatasetFormatException.class.getName()), run.err());
    }

    @Test
    void shouldTellHowToFetchWhenVerifyingEmptyCache()
    {
        final Run run = run("fetch-data", "fashion-mnist", "--verify-only", "--cache", dir.toString());

        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("bin/spikeprune fetch-data fashion-mnist --cache " + dir), run.err());
    }

    @Test
    void shouldRejectUnknownDataSetInOneLine()
    {
        final Run run = run("fetch-data", "cifar10", "--cache", dir.toString());

        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertEquals(List.of("spikeprune: fetch-data: data set 'cifar10': expected mnist, fashion-mnist or all"),
            run.errLines());
    }

    @Test
    void shouldRejectCacheWhenItIsAFile() throws IOException
    {
        final Path file = Files.write(dir.resolve("not-a-folder"), new byte[1]);

        final Run run = run("fetch-data", "mnist", "--cache", file.toString());

        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("expected a folder, found a file"), run.err());
    }

    @Test
    void shouldSayWhatToInstallWhenToolMissing()
    {
        final InputException ex = assertThrows(InputException.class, () -> FetchDataCommand.requireTool("npm",
            dir.resolve("a") + File.pathSeparator + dir.resolve("b"), "install npm"));

        assertTrue(ex.getMessage().contains("needs 'npm'") && ex.getMessage().contains("install npm"),
            ex.getMessage());
        assertThrows(InputException.class, () -> FetchDataCommand.requireTool("npm", null, "install npm"));
    }

    @Test
    void shouldFindToolWhenExecutableOnPath() throws IOException
    {
        final Path bin = Files.createDirectories(dir.resolve("bin"));
        final Path tool = Files.write(bin.resolve("dpkg-deb"), "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        assumeTrue(tool.toFile().setExecutable(true), "cannot mark files executable here");

        assertEquals(tool, FetchDataCommand.requireTool("dpkg-deb",
            dir.resolve("none") + File.pathSeparator + bin, "install dpkg"));
    }

    @Test
    void shouldHashDecompressedContentWhenFileIsGzip() throws IOException
    {
        final byte[] content = new byte[100_000];
        new Random(1).nextBytes(content);
        final Path raw = Files.write(dir.resolve("x"), content);
        final Path gz = dir.resolve("x.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz)))
        {
            out.write(content);
        }

        final FetchDataCommand.Digest rawDigest = FetchDataCommand.contentDigest(raw);

        assertEquals(rawDigest, FetchDataCommand.contentDigest(gz));
        assertEquals(100_000, rawDigest.bytes());
        assertEquals(64, rawDigest.sha256().length());
    }

    @Test
    void shouldReportShaMismatchNamingFileWhenContentDiffers() throws IOException
    {
        final byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("a"), content);
        final String realSha = FetchDataCommand.contentDigest(dir.resolve("a")).sha256();
        final String otherSha = "0".repeat(64);

        assertNull(FetchDataCommand.firstProblem(dir, List.of(new FetchDataCommand.ExpectedFile("a", 5, realSha))));
        final DatasetFormatException problem = FetchDataCommand.firstProblem(dir,
            List.of(new FetchDataCommand.ExpectedFile("a", 5, otherSha)));
        assertNotNull(problem);
        assertEquals("SHA-256", problem.where());
        assertEquals(realSha, problem.found());
        assertTrue(problem.getMessage().startsWith(dir.resolve("a").toString()), problem.getMessage());
    }

    @Test
    void shouldKeepOneExpectedFilePerMnistFileWhenListingHashes()
    {
        for (final CachedDataset set : CachedDataset.values())
        {
            final List<FetchDataCommand.ExpectedFile> files = FetchDataCommand.expectedFiles(set);
            assertEquals(4, files.size());
            for (int i = 0; i < 4; i++)
            {
                assertTrue(files.get(i).name().startsWith(MnistFiles.FILE_NAMES.get(i)), files.get(i).name());
                assertTrue(files.get(i).sha256().matches("[0-9a-f]{64}"), files.get(i).sha256());
            }
        }
    }

    @Test
    void shouldVerifyWithoutDownloadWhenCacheAlreadyHoldsData()
    {
        final DataCache cache = DataCache.resolve(null);
        assumeTrue(cache.isPresent(CachedDataset.MNIST) && cache.isPresent(CachedDataset.FASHION_MNIST),
            "the data sets are not in " + cache.root());

        final Run run = run("fetch-data", "all", "--verify-only");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mnist: already present, verified"), run.out());
        assertTrue(run.out().contains("fashion-mnist: already present, verified"), run.out());
        assertTrue(run.out().contains("mnist: train 60000 images 28x28, per class 0..9: "
            + "5923 6742 5958 6131 5842 5421 5918 6265 5851 5949"), run.out());
        assertTrue(run.out().contains("mnist: test  10000 images 28x28, per class 0..9: "
            + "980 1135 1032 1010 982 892 958 1028 974 1009"), run.out());
        assertTrue(run.out().contains("fashion-mnist: test  10000 images 28x28, per class 0..9: "
            + "1000 1000 1000 1000 1000 1000 1000 1000 1000 1000"), run.out());
        assertFalse(run.out().contains("fetching"), run.out());
    }

    private static Run run(final String... args)
    {
        final PrintStream oldOut = System.out;
        final PrintStream oldErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code;
        try
        {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        }
        finally
        {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
