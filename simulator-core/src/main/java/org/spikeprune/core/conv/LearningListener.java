package org.spikeprune.core.conv;

/** Observes the layer-wise learning of a {@link ConvNetwork} (progress, connectivity curves). */
public interface LearningListener
{
    /** A listener that ignores everything. */
    LearningListener NONE = new LearningListener()
    {
    };

    /**
     * After each learning iteration (image) and any Prune unit pass that follows it.
     *
     * @param convLayer       0-based convolution ordinal that is learning.
     * @param iteration       iterations of this layer completed (1..).
     * @param globalIteration iterations of all layers completed (1..).
     */
    default void onIteration(final int convLayer, final int iteration, final long globalIteration)
    {
    }

    /**
     * After a Prune unit pass.
     *
     * @param convLayer   0-based convolution ordinal.
     * @param iteration   iterations of this layer completed.
     * @param postLearning true for the post-learning pass, false for a dynamic one.
     * @param evaluated   weights evaluated.
     * @param pruned      weights pruned by the pass.
     */
    default void onPrune(final int convLayer, final int iteration, final boolean postLearning, final long evaluated,
        final long pruned)
    {
    }
}
