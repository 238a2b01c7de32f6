package org.spikeprune.traces;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.posix.PosixAPI;

/**
 * Opens the Chronicle queue of a trace directory, for writing or, after checking its files, for reading.
 *
 * <p>Reading a memory-mapped file that is shorter than its own header says makes the JVM fault (SIGBUS), so a
 * reader first checks every queue file: long enough to hold a queue header, and not shorter than the write
 * position its header records. Only then does Chronicle touch the files.
 */
final class TraceQueues
{
    /** System property that keeps Chronicle's native POSIX binding (for diagnosis; traces do not need it). */
    static final String NATIVE_POSIX_PROPERTY = "spikeprune.trace.nativePosix";

    static
    {
        // Chronicle's first initialisation in a JVM binds a native POSIX library (jnr-ffi, which generates and
        // assembles its call stubs at run time: about 0.15 s of CPU) only to msync mapped files and, on request, to
        // pre-touch pages and read clocks. Traces ask for none of these (sync mode NONE below: the page cache keeps
        // what a killed process wrote, and durability against a machine crash is not promised), so the binding is
        // replaced by Chronicle's own no-op implementation before anything loads it.
        // This block comes first: the constants below already initialise Chronicle classes.
        if (!Boolean.getBoolean(NATIVE_POSIX_PROPERTY))
        {
            PosixAPI.useNoOpPosixApi();
        }
    }

    /** Roll cycle of every trace: one file per UTC day, up to 2^37 records per file. */
    static final RollCycle ROLL_CYCLE = LargeRollCycles.LARGE_DAILY;
    /** Chronicle's mapping block size for trace files. */
    static final long BLOCK_SIZE = 64L << 20;
    /** Suffix of Chronicle's data files. */
    static final String QUEUE_FILE_SUFFIX = ".cq4";
    /** Chronicle's metadata file in the queue directory. */
    static final String METADATA_FILE = "metadata.cq4t";
    /** A queue file shorter than this cannot even hold its header: it was truncated. */
    static final long MIN_QUEUE_FILE_LENGTH = 64 * 1024;

    private TraceQueues()
    {
    }

    /**
     * Creates the queue of a new recording.
     *
     * @param dir the trace directory, which exists and holds no queue file.
     * @return the queue.
     */
    static SingleChronicleQueue openForWriting(final Path dir)
    {
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(ROLL_CYCLE)
            .blockSize(BLOCK_SIZE)
            .syncMode(SyncMode.NONE)
            .build();
    }

    /**
     * Checks the files of a trace directory and opens its queue read-only.
     *
     * @param dir the trace directory.
     * @return the queue.
     * @throws TraceFormatException when the directory is not a readable trace.
     */
    static SingleChronicleQueue openForReading(final Path dir)
    {
        final List<Path> files = checkFiles(dir);
        final SingleChronicleQueue queue;
        try
        {
            queue = SingleChronicleQueueBuilder.single(dir.toFile())
                .rollCycle(ROLL_CYCLE)
                .blockSize(BLOCK_SIZE)
                .syncMode(SyncMode.NONE)
                .readOnly(true)
                .build();
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw new TraceFormatException(
                "trace " + dir + ": its queue files (" + names(files) + ") cannot be opened: " + ex, ex);
        }
        try
        {
            checkWritePositions(dir, queue);
            return queue;
        }
        catch (final RuntimeException | InternalError ex)
        {
            queue.close();
            if (ex instanceof TraceFormatException)
            {
                throw (TraceFormatException)ex;
            }
            throw new TraceFormatException("trace " + dir + ": its queue files cannot be read: " + ex, ex);
        }
    }

    /**
     * The queue data files of a directory, sorted by name.
     *
     * @param dir a directory.
     * @return its {@code *.cq4} files.
     * @throws IOException when the directory cannot be listed.
     */
    static List<Path> queueFiles(final Path dir) throws IOException
    {
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + QUEUE_FILE_SUFFIX))
        {
            for (final Path file : stream)
            {
                if (Files.isRegularFile(file))
                {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static List<Path> checkFiles(final Path dir)
    {
        if (!Files.exists(dir))
        {
            throw new TraceFormatException("trace " + dir + ": no such directory");
        }
        if (!Files.isDirectory(dir))
        {
            throw new TraceFormatException(
                "trace " + dir + ": not a directory (a trace is a directory of queue files)");
        }
        final List<Path> files;
        try
        {
            files = queueFiles(dir);
        }
        catch (final IOException ex)
        {
            throw new TraceFormatException("trace " + dir + ": cannot list the directory: " + ex.getMessage(), ex);
        }
        if (files.isEmpty())
        {
            throw new TraceFormatException(
                "trace " + dir + ": not a trace: expected Chronicle queue files (*" + QUEUE_FILE_SUFFIX
                    + "), found none");
        }
        final Path metadata = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(metadata))
        {
            throw new TraceFormatException(
                "trace " + dir + ": the queue metadata file " + METADATA_FILE + " is missing");
        }
        checkLength(dir, metadata, 4096);
        for (final Path file : files)
        {
            checkLength(dir, file, MIN_QUEUE_FILE_LENGTH);
        }
        return files;
    }

    private static void checkLength(final Path dir, final Path file, final long minimum)
    {
        final long length = file.toFile().length();
        if (length < minimum)
        {
            throw new TraceFormatException(
                "trace " + dir + ": queue file " + file.getFileName() + " is truncated: " + length
                    + " bytes, a queue file holds at least " + minimum);
        }
    }

    private static void checkWritePositions(final Path dir, final SingleChronicleQueue queue)
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE)
        {
            return;
        }
        final NavigableSet<Long> cycles = queue.listCyclesBetween(first, last);
        for (final Long cycle : cycles)
        {
            final SingleChronicleQueueStore store = queue.storeForCycle(cycle.intValue(), queue.epoch(), false, null);
            if (store == null)
            {
                continue;
            }
            try
            {
                final File file = store.file();
                final long length = file.length();
                final long writePosition = store.writePosition();
                if (length < writePosition + 8)
                {
                    throw new TraceFormatException(
                        "trace " + dir + ": queue file " + file.getName() + " is truncated: " + length
                            + " bytes, but its header records data up to byte " + writePosition);
                }
            }
            finally
            {
                queue.closeStore(store);
            }
        }
    }

    private static String names(final List<Path> files)
    {
        final StringBuilder b = new StringBuilder();
        for (final Path file : files)
        {
            if (b.length() > 0)
            {
                b.append(", ");
            }
            b.append(file.getFileName());
        }
        return b.toString();
    }
}
