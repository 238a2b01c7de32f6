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
     * Writes a file through a hidden sibling and moves it into place.
     *
     * @param target  the file.
     * @param content what to write.
     * @throws InputException naming {@code target} when it cannot be written; the earlier file is untouched.
     */
    public static void write(final Path target, final Content content)
    {
        final Path name = target.getFileName();
        if (name == null)
        {
            throw new InputException(target + ": not a file name");
        }
        final Path tmp = target.resolveSibling("." + name + ".tmp");
        try
        {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))
            {
                content.writeTo(out);
            }
            try
            {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (final IOException | UncheckedIOException ex)
        {
            deleteQuietly(tmp);
            final IOException io = ex instanceof UncheckedIOException ? ((UncheckedIOException)ex).getCause()
                : (IOException)ex;
            throw new InputException(target + ": cannot write: " + describe(io), ex);
        }
        catch (final RuntimeException | Error ex)
        {
            deleteQuietly(tmp);
            throw ex;
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
