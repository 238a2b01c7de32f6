package org.spikeprune.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.spikeprune.core.InputException;

/** Finding and reading a network saved by {@code train} or {@code conv train}. */
public final class SavedModels
{
    /** The saved network's name in a run folder. */
    public static final String MODEL_FILE = "model.bin";

    private SavedModels()
    {
    }

    /**
     * @param modelOrRun a model file, or a run folder holding one.
     * @return the model file.
     */
    public static Path file(final Path modelOrRun)
    {
        return Files.isDirectory(modelOrRun) ? modelOrRun.resolve(MODEL_FILE) : modelOrRun;
    }

    /**
     * The model file's bytes.
     *
     * @param file the model file.
     * @return its bytes.
     * @throws InputException naming the file when it is missing or cannot be read.
     */
    public static byte[] read(final Path file)
    {
        try
        {
            return Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new InputException(file + ": no such model file (train and conv train write " + MODEL_FILE
                + " into their --out folder)", ex);
        }
        catch (final IOException ex)
        {
            throw new InputException(file + ": cannot read the model: " + ex, ex);
        }
    }
}
