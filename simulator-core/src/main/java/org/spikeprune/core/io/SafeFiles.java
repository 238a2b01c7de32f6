package org.spikeprune.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.spikeprune.core.InputException;

/**
 * Writes result files so that a failure part-way (a full disk, a folder that is not writable) never leaves a
 * half-written file in place of an earlier one: the content goes into a hidden file beside the target
 * ({@code .<name>.tmp}), which is moved over the target only once it is complete and closed. On failure the hidden
 * file is removed and an {@link InputException} names the target and the cause; the target keeps what it held.
 */
public final class SafeFiles
{
    /** Writes a file's content into a stream. */
    @FunctionalInterface
    public interface Content
    {
        /**
         * @param out the stream (buffered; closed by the caller).
         * @throws IOException on a write failure.
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles()
    {
    }

    /**
     * Several files that belong together (a run's result, model and plots): each is written into its hidden sibling
     * first, and only once all are complete are they moved into place, one after the other. A failure while writing
     * (a full disk) leaves every earlier file as it was, so a folder never mixes an earlier run's files with a new
     * run's. Closing without {@link #commit()} removes the hidden files.
     */
    public static final class Batch implements AutoCloseable
    {
        private final java.util.List<Path[]> staged = new java.util.ArrayList<>();

        /**
         * Writes a file's content into its hidden sibling.
         *
         * @param given   the file (links are followed; a device or pipe is written at once, in place).
         * @param content what to write.
         * @throws InputException naming the file when it cannot be written.
         */
        public void write(final Path given, final Content content)
        {
            if (given.getFileName() == null)
            {
                throw new InputException(given + ": not a file name");
            }
            final Path target = throughLinks(given);
            if (Files.isDirectory(target))
            {
                throw new InputException(given + ": cannot write: it is a folder");
            }
            if (Files.exists(target) && !Files.isRegularFile(target))
            {
                writeInPlace(given, target, content);
                return;
            }
            final Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))
            {
                content.writeTo(out);
            }
            catch (final IOException | UncheckedIOException ex)
            {
                deleteQuietly(tmp);
                final IOException io = ex instanceof UncheckedIOException ? ((UncheckedIOException)ex).getCause()
                    : (IOException)ex;
                throw new InputException(given + ": cannot write: " + describe(io), ex);
            }
            catch (final RuntimeException | Error ex)
            {
                deleteQuietly(tmp);
                throw ex;
            }
            staged.add(new Path[] {tmp, target, given});
        }

        /**
         * Takes a file written elsewhere (by a writer of its own) as the hidden copy of {@code target}: it is moved
         * into place on {@link #commit()} and removed on {@link #close()} without one.
         *
         * @param written the complete file, in the target's folder.
         * @param target  where it goes.
         */
        public void adopt(final Path written, final Path target)
        {
            staged.add(new Path[] {written, throughLinks(target), target});
        }

        /**
         * Moves every written file into place, in the order written.
         *
         * @throws InputException naming the file that could not be moved.
         */
        public void commit()
        {
            while (!staged.isEmpty())
            {
                final Path[] s = staged.get(0);
                try
                {
                    try
                    {
                        Files.move(s[0], s[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                    catch (final AtomicMoveNotSupportedException ex)
                    {
                        Files.move(s[0], s[1], StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                catch (final IOException ex)
                {
                    throw new InputException(s[2] + ": cannot write: " + describe(ex), ex);
                }
                staged.remove(0);
            }
        }

        /** Removes the hidden files of what was not committed. */
        @Override
        public void close()
        {
            for (final Path[] s : staged)
            {
                deleteQuietly(s[0]);
            }
            staged.clear();
        }
    }

    /**
     * Writes a file through a hidden sibling and moves it into place.
     *
     * @param given   the file; a symbolic link is followed (the file it points at is replaced, the link stays), and a
     *                device or pipe is written in place.
     * @param content what to write.
     * @throws InputException naming the file when it cannot be written; the earlier file is untouched.
     */
    public static void write(final Path given, final Content content)
    {
        try (Batch one = new Batch())
        {
            one.write(given, content);
            one.commit();
        }
    }

    /**
     * The file a path names once symbolic links are followed: writing through a link replaces the file it points
     * at and keeps the link, as writing to the link would.
     */
    private static Path throughLinks(final Path path)
    {
        Path p = path;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++)
        {
            try
            {
                final Path link = Files.readSymbolicLink(p);
                final Path parent = p.toAbsolutePath().getParent();
                p = parent == null ? link : parent.resolve(link);
            }
            catch (final IOException ex)
            {
                throw new InputException(path + ": cannot follow the link: " + describe(ex), ex);
            }
        }
        return p;
    }

    private static void writeInPlace(final Path given, final Path target, final Content content)
    {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target,
            java.nio.file.StandardOpenOption.WRITE), 1 << 16))
        {
            content.writeTo(out);
        }
        catch (final IOException | UncheckedIOException ex)
        {
            final IOException io = ex instanceof UncheckedIOException ? ((UncheckedIOException)ex).getCause()
                : (IOException)ex;
            throw new InputException(given + ": cannot write: " + describe(io), ex);
        }
    }

    /**
     * Writes bytes (see {@link #write(Path, Content)}).
     *
     * @param target the file.
     * @param bytes  its content.
     */
    public static void writeBytes(final Path target, final byte[] bytes)
    {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes UTF-8 text (see {@link #write(Path, Content)}).
     *
     * @param target the file.
     * @param text   its content.
     */
    public static void writeText(final Path target, final String text)
    {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cause in a few words: the message, or the exception's kind when it has none. */
    static String describe(final IOException ex)
    {
        final String m = ex.getMessage();
        if (ex instanceof java.nio.file.AccessDeniedException)
        {
            return "permission denied";
        }
        if (ex instanceof java.nio.file.NoSuchFileException)
        {
            return "the folder does not exist";
        }
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    private static void deleteQuietly(final Path tmp)
    {
        try
        {
            Files.deleteIfExists(tmp);
        }
        catch (final IOException ignored)
        {
            // the original failure is what the user needs to see
        }
    }
}
