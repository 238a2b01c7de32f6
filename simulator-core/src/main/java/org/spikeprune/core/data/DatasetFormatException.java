package org.spikeprune.core.data;

import java.nio.file.Path;

import org.spikeprune.core.InputException;

/**
 * A defect in a data-set file or folder. The message has the shape
 * {@code <file>: <where>: expected <expected>, found <found>}, where {@code where} names the field or byte offset.
 */
public class DatasetFormatException extends InputException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String where;
    private final String expected;
    private final String found;

    /**
     * @param file     the file or folder at fault.
     * @param where    the field or byte offset at fault.
     * @param expected what a valid file holds there.
     * @param found    what this file holds there.
     */
    public DatasetFormatException(final Path file, final String where, final String expected, final String found)
    {
        this(file, where, expected, found, null);
    }

    /**
     * @param file     the file or folder at fault.
     * @param where    the field or byte offset at fault.
     * @param expected what a valid file holds there.
     * @param found    what this file holds there.
     * @param cause    the underlying failure, or null.
     */
    public DatasetFormatException(
        final Path file, final String where, final String expected, final String found, final Throwable cause)
    {
        super(file + ": " + where + ": expected " + expected + ", found " + found, cause);
        this.file = file;
        this.where = where;
        this.expected = expected;
        this.found = found;
    }

    /** The file or folder at fault. */
    public Path file()
    {
        return file;
    }

    /** The field or byte offset at fault. */
    public String where()
    {
        return where;
    }

    /** What a valid file holds there. */
    public String expected()
    {
        return expected;
    }

    /** What this file holds there. */
    public String found()
    {
        return found;
    }
}
