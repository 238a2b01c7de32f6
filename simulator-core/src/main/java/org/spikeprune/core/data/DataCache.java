package org.spikeprune.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.spikeprune.core.InputException;

/**
 * The local folder where {@code spikeprune fetch-data} keeps the IDX data sets, one sub-folder per
 * {@link CachedDataset}. Its location is, in order of precedence: the {@code --cache} option, the
 * {@value #ENV_VAR} environment variable, {@code ~/.cache/spikeprune}.
 */
public final class DataCache
{
    /** Environment variable that overrides the default cache folder. */
    public static final String ENV_VAR = "SPIKEPRUNE_CACHE";

    private final Path root;

    private DataCache(final Path root)
    {
        this.root = root;
    }

    /**
     * Resolves the cache folder from the command-line override, the environment and the user's home.
     *
     * @param cliOverride the {@code --cache} value, or null.
     * @return the cache (the folder need not exist yet).
     * @throws InputException if the resolved path exists and is not a folder.
     */
    public static DataCache resolve(final Path cliOverride)
    {
        return resolve(cliOverride, System.getenv(), System.getProperty("user.home"));
    }

    /**
     * Resolves the cache folder from explicit inputs (for tests and embedding).
     *
     * @param cliOverride the {@code --cache} value, or null.
     * @param environment the environment variables.
     * @param userHome    the user's home folder.
     * @return the cache (the folder need not exist yet).
     * @throws InputException if the resolved path exists and is not a folder.
     */
    public static DataCache resolve(final Path cliOverride, final Map<String, String> environment,
        final String userHome)
    {
        final Path root;
        final String source;
        final String fromEnv = environment.get(ENV_VAR);
        if (cliOverride != null)
        {
            root = cliOverride;
            source = "--cache";
        }
        else if (fromEnv != null && !fromEnv.isBlank())
        {
            root = Path.of(fromEnv);
            source = ENV_VAR;
        }
        else
        {
            root = Path.of(userHome, ".cache", "spikeprune");
            source = "default cache";
        }
        final Path absolute = root.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute))
        {
            throw new InputException(absolute + ": " + source + ": expected a folder, found a file");
        }
        return new DataCache(absolute);
    }

    /** The cache folder (absolute). */
    public Path root()
    {
        return root;
    }

    /** The folder of one data set. */
    public Path dir(final CachedDataset dataset)
    {
        return root.resolve(dataset.id());
    }

    /** The MNIST folder, {@code <root>/mnist}. */
    public Path mnistDir()
    {
        return dir(CachedDataset.MNIST);
    }

    /** The Fashion-MNIST folder, {@code <root>/fashion-mnist}. */
    public Path fashionMnistDir()
    {
        return dir(CachedDataset.FASHION_MNIST);
    }

    /** Whether all four files of a data set are in place (their content is not checked). */
    public boolean isPresent(final CachedDataset dataset)
    {
        return MnistFiles.isPresent(dir(dataset));
    }

    /**
     * Loads the training and test splits of a data set.
     *
     * @param dataset which one.
     * @return both splits.
     * @throws InputException if the data set has not been fetched (the message gives the command to run), or a
     *                        {@link DatasetFormatException} if a file is defective.
     */
    public MnistFiles load(final CachedDataset dataset)
    {
        if (!isPresent(dataset))
        {
            throw new InputException(dir(dataset) + ": " + dataset.displayName() + " data set: expected the four IDX "
                + "files, found them missing; fetch them with: bin/spikeprune fetch-data " + dataset.id()
                + (root.equals(defaultRootHint()) ? "" : " --cache " + root));
        }
        return MnistFiles.load(dir(dataset));
    }

    /** Loads MNIST (see {@link #load(CachedDataset)}). */
    public MnistFiles loadMnist()
    {
        return load(CachedDataset.MNIST);
    }

    /** Loads Fashion-MNIST (see {@link #load(CachedDataset)}). */
    public MnistFiles loadFashionMnist()
    {
        return load(CachedDataset.FASHION_MNIST);
    }

    private static Path defaultRootHint()
    {
        final String fromEnv = System.getenv(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank())
        {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "spikeprune").toAbsolutePath().normalize();
    }

    @Override
    public String toString()
    {
        return root.toString();
    }
}
