package org.spikeprune.core.conv;

import java.nio.file.Path;

import org.spikeprune.core.InputException;

/** A problem with an image folder or one of its files; the message names the file. */
public final class ImageFolderException extends InputException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the folder or file at fault.
     * @param message what was expected and what was found.
     */
    public ImageFolderException(final Path file, final String message)
    {
        super(file + ": " + message);
        this.file = file;
    }

    /**
     * @param file    the folder or file at fault.
     * @param message what was expected and what was found.
     * @param cause   the underlying failure.
     */
    public ImageFolderException(final Path file, final String message, final Throwable cause)
    {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The folder or file at fault. */
    public Path file()
    {
        return file;
    }
}
