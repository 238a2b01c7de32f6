package org.spikeprune.core.prune;

/**
 * A pruning method, called by the Prune unit at its boundaries (paper A: every {@code stepImages} training images
 * from {@code startImages} on, and once at the end of training). Policies live in the {@code pruning} module;
 * this module owns only the interface.
 */
public interface PrunePolicy
{
    /** The policy's name as given on the command line ({@code none}, {@code constant}, {@code aptn}, …). */
    String name();

    /** Training image count at which the first pruning step happens. */
    long startImages();

    /** Training images per pruning step (the batch). */
    long stepImages();

    /**
     * Prunes at one boundary. Called after the batch's last image has been learned, before the next one.
     *
     * @param context the weights, spike counts and step index.
     */
    void onBoundary(PruneContext context);

    /**
     * Called once after training, before testing (post-training pruning acts here). Default: nothing.
     *
     * @param context the weights and final counts; {@link PruneContext#endOfTraining()} is true.
     */
    default void onEndOfTraining(final PruneContext context)
    {
    }

    /** Threshold used at the last boundary, per post neuron, for reports; null if none. */
    default float[] lastThresholds()
    {
        return null;
    }

    /** Neuron groups formed at the last boundary (paper A's grouping by spike count), 0 if none. */
    default int lastGroupCount()
    {
        return 0;
    }

    /** The policy that never prunes. */
    PrunePolicy NONE = new PrunePolicy()
    {
        @Override
        public String name()
        {
            return "none";
        }

        @Override
        public long startImages()
        {
            return Long.MAX_VALUE;
        }

        @Override
        public long stepImages()
        {
            return Long.MAX_VALUE;
        }

        @Override
        public void onBoundary(final PruneContext context)
        {
        }
    };
}
