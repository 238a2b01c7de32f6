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
     * Refuses an evaluation's output folder that is the evaluated network's own run folder when the evaluation would
     * replace files the training run wrote there.
     *
     * @param out       the {@code --out} folder, or null.
     * @param modelFile the model file being evaluated.
     * @param files     the files the evaluation would write that a training run also writes.
     * @throws InputException naming the folder and the files.
     */
    public static void refuseRunFolder(final Path out, final Path modelFile, final String... files)
    {
        if (out == null || !Files.isDirectory(out))
        {
            return;
        }
        final Path parent = modelFile.toAbsolutePath().getParent();
        try
        {
            if (parent == null || !Files.isSameFile(out, parent))
            {
                return;
            }
        }
        catch (final IOException ex)
        {
            return;
        }
        final java.util.List<String> present = new java.util.ArrayList<>();
        for (final String f : files)
        {
            if (Files.exists(out.resolve(f)))
            {
                present.add(f);
            }
        }
        if (!present.isEmpty())
        {
            throw new InputException("--out " + out + " is the folder of the network being evaluated: its "
                + String.join(" and ", present) + " would be replaced by the evaluation's; give another folder, e.g. "
                + out.resolve("eval"));
        }
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
