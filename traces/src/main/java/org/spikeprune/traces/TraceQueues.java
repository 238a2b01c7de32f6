package org.spikeprune.traces;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** How a Chronicle file's header document starts, after its 4-byte document header: the field "header". */
    private static final byte[] HEADER_FIELD = {(byte)0xb9, 6, 'h', 'e', 'a', 'd', 'e', 'r'};
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
        catch (final Exception | InternalError ex)
        {
            // Chronicle reads the metadata file first when it opens a queue: a damaged one fails here (as "Unable
            // to claim exclusive shared lock", say); Chronicle may also throw checked exceptions undeclared.
            throw new TraceFormatException("trace " + dir + ": the queue metadata file " + METADATA_FILE
                + " is damaged: the queue (" + names(files) + ") cannot be opened (" + reason(ex) + ")", ex);
        }
        try
        {
            checkWritePositions(dir, queue, files);
            return queue;
        }
        catch (final TraceFormatException ex)
        {
            closeQuietly(queue);
            throw ex;
        }
        catch (final Exception | InternalError ex)
        {
            closeQuietly(queue);
            throw new TraceFormatException("trace " + dir + ": its queue files (" + names(files) + ") are damaged: "
                + "they cannot be read (" + reason(ex) + ")", ex);
        }
    }

    /**
     * What went wrong, for a message: the exception's own message without its class name, or the class's simple
     * name when it has none.
     *
     * @param ex a failure of Chronicle's.
     * @return one line.
     */
    static String reason(final Throwable ex)
    {
        final String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m.replace('\n', ' ').trim();
    }

    private static void closeQuietly(final SingleChronicleQueue queue)
    {
        try
        {
            queue.close();
        }
        catch (final Exception | InternalError ignored)
        {
            // the queue is damaged already, and the caller says so
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
        checkHeader(dir, metadata, "the queue metadata file " + METADATA_FILE);
        for (final Path file : files)
        {
            checkLength(dir, file, MIN_QUEUE_FILE_LENGTH);
            checkHeader(dir, file, "queue file " + file.getFileName());
        }
        return files;
    }

    /**
     * Checks that a Chronicle file starts with its header document: a metadata document header (4 bytes) and then
     * the field {@code header}. Chronicle itself would fail on a damaged one with an exception that names no file,
     * or wait for a header that looks unfinished. A file whose first bytes are all zero is left to Chronicle: a
     * recording has just created it.
     */
    private static void checkHeader(final Path dir, final Path file, final String what)
    {
        final byte[] start = new byte[HEADER_FIELD.length + 4];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer b = ByteBuffer.wrap(start);
            while (b.hasRemaining() && ch.read(b) >= 0)
            {
                // fill
            }
        }
        catch (final IOException ex)
        {
            throw new TraceFormatException("trace " + dir + ": " + what + " cannot be read: " + ex.getMessage(), ex);
        }
        boolean zero = true;
        for (final byte x : start)
        {
            zero &= x == 0;
        }
        final boolean metaData = (start[3] & 0x40) != 0;
        if (!zero && (!metaData || !Arrays.equals(start, 4, start.length, HEADER_FIELD, 0, HEADER_FIELD.length)))
        {
            throw new TraceFormatException("trace " + dir + ": " + what + " is damaged: it does not start with a "
                + "Chronicle queue header");
        }
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

    private static void checkWritePositions(final Path dir, final SingleChronicleQueue queue, final List<Path> files)
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE)
        {
            return;
        }
        final NavigableSet<Long> cycles = queue.listCyclesBetween(first, last);
        int i = 0;
        for (final Long cycle : cycles)
        {
            // one file per cycle, both in order; when the counts differ, every file is named
            final String name = cycles.size() == files.size() ? files.get(i).getFileName().toString() : names(files);
            i++;
            final SingleChronicleQueueStore store;
            try
            {
                store = queue.storeForCycle(cycle.intValue(), queue.epoch(), false, null);
            }
            catch (final Exception | InternalError ex)
            {
                throw new TraceFormatException("trace " + dir + ": queue file " + name + " is damaged: its header "
                    + "cannot be read (" + reason(ex) + ")", ex);
            }
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
