package org.spikeprune.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a run's files into its output folder: each file is written beside its final name and moved into place,
 * so a failure (a full disk) never leaves a half-written result over an earlier one.
 */
public final class RunOutput
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final SafeFiles.Batch batch;

    /** @param dir the output folder, created if missing. */
    public RunOutput(final Path dir)
    {
        this(dir, null);
    }

    private RunOutput(final Path dir, final SafeFiles.Batch batch)
    {
        this.dir = dir;
        this.batch = batch;
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new InputException(dir + ": cannot be the output folder: it is a file");
        }
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new InputException(dir + ": cannot create the output folder: " + (ex instanceof
                java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way: " + ((java.nio.file.FileAlreadyExistsException)ex).getFile()
                : ex.getMessage()), ex);
        }
        if (!Files.isWritable(dir))
        {
            throw new InputException(dir + ": output folder is not writable");
        }
    }

    /**
     * The same folder, its files written through a batch: they replace the earlier files only when the batch is
     * committed, all together ({@link SafeFiles.Batch}).
     *
     * @param files the batch.
     * @return a view of this folder that writes into the batch.
     */
    public RunOutput through(final SafeFiles.Batch files)
    {
        return new RunOutput(dir, files);
    }

    /** The output folder. */
    public Path dir()
    {
        return dir;
    }

    /**
     * @param name a file name.
     * @return its path in the output folder.
     */
    public Path file(final String name)
    {
        return dir.resolve(name);
    }

    /** Writes a JSON tree (indented) as {@code name}. */
    public void writeJson(final String name, final Map<String, Object> tree)
    {
        try
        {
            writeBytes(name, JSON.writeValueAsBytes(tree));
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Writes UTF-8 text as {@code name}. */
    public void writeText(final String name, final String text)
    {
        writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes as {@code name}, beside it first and then moved into place ({@link SafeFiles}). */
    public void writeBytes(final String name, final byte[] bytes)
    {
        write(name, out -> out.write(bytes));
    }

    /** Writes {@code name} from a stream, beside it first and then moved into place ({@link SafeFiles}). */
    public void write(final String name, final SafeFiles.Content content)
    {
        if (batch != null)
        {
            batch.write(dir.resolve(name), content);
        }
        else
        {
            SafeFiles.write(dir.resolve(name), content);
        }
    }

    /** The JSON mapper result files are written with. */
    public static ObjectMapper json()
    {
        return JSON;
    }
}
