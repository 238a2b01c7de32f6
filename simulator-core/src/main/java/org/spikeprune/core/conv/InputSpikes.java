package org.spikeprune.core.conv;

/**
 * One image encoded as input spikes: every input neuron (pixel × channel) fires at most once, in the time bin its
 * rank gives it. Ids are input-layer ids ({@code (row * width + col) * channels + channel}); within a bin they are
 * ascending.
 */
public final class InputSpikes
{
    private final int[] ids;
    private final int[] binStart;
    private final int label;

    /**
     * @param ids      spike ids grouped by bin, ascending within a bin.
     * @param binStart start offset of each bin in {@code ids}, plus the end; length bins + 1.
     * @param label    class label of the image.
     */
    public InputSpikes(final int[] ids, final int[] binStart, final int label)
    {
        this.ids = ids;
        this.binStart = binStart;
        this.label = label;
    }

    /** Number of time bins. */
    public int bins()
    {
        return binStart.length - 1;
    }

    /** First index of bin {@code b} in {@link #ids()}; {@code binStart(bins())} is the spike count. */
    public int binStart(final int b)
    {
        return binStart[b];
    }

    /** The ids (read-only). */
    public int[] ids()
    {
        return ids;
    }

    /** Spikes in all bins. */
    public int count()
    {
        return binStart[binStart.length - 1];
    }

    /** The class label. */
    public int label()
    {
        return label;
    }

    /** The bin of input neuron {@code id}, or -1 if it does not fire. Linear search; for tests and tools. */
    public int binOf(final int id)
    {
        for (int b = 0; b < bins(); b++)
        {
            for (int s = binStart[b]; s < binStart[b + 1]; s++)
            {
                if (ids[s] == id)
                {
                    return b;
                }
            }
        }
        return -1;
    }
}
