package org.spikeprune.core.prune;

/** What the Prune unit hands a policy at one of its boundaries. */
public interface PruneContext
{
    /** The weight memory to prune. */
    WeightMemory weights();

    /**
     * The pruning step, 1 for the first boundary at which the policy acts (paper A: the end of the batch that
     * finishes at the start image), 2 for the next, …
     */
    int step();

    /** Training images seen so far (presentations of distinct images, retries not counted). */
    long imagesSeen();

    /** Total training images of the run. */
    long trainImages();

    /**
     * Spikes fired by each post-synaptic neuron during the batch that just ended (all presentations counted);
     * index = post neuron. Read-only.
     */
    long[] batchSpikeCounts();

    /** True when this is the boundary at the end of training (after the last training image). */
    boolean endOfTraining();
}
