package org.spikeprune.core.data;

/** The IDX data sets that {@code spikeprune fetch-data} puts in the {@link DataCache}. */
public enum CachedDataset
{
    /** Handwritten digits (LeCun, Cortes, Burges), 60000 training and 10000 test images, 28 x 28. */
    MNIST("mnist", "MNIST"),
    /** Zalando's article images (Xiao, Rasul, Vollgraf), 60000 training and 10000 test images, 28 x 28. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST");

    private final String id;
    private final String displayName;

    CachedDataset(final String id, final String displayName)
    {
        this.id = id;
        this.displayName = displayName;
    }

    /** The name on the command line and of the cache sub-folder ({@code mnist}, {@code fashion-mnist}). */
    public String id()
    {
        return id;
    }

    /** The name for people ({@code MNIST}, {@code Fashion-MNIST}). */
    public String displayName()
    {
        return displayName;
    }

    /**
     * The data set with a given id.
     *
     * @param id {@code mnist} or {@code fashion-mnist}.
     * @return the data set, or null if none has that id.
     */
    public static CachedDataset byId(final String id)
    {
        for (final CachedDataset d : values())
        {
            if (d.id.equals(id))
            {
                return d;
            }
        }
        return null;
    }
}
