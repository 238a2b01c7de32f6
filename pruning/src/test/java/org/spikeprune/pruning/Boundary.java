package org.spikeprune.pruning;

import org.spikeprune.core.prune.PruneContext;
import org.spikeprune.core.prune.WeightMemory;

/** A pruning boundary as the Prune unit would hand it to a policy, for tests. */
record Boundary(
    WeightMemory weights,
    int step,
    long imagesSeen,
    long trainImages,
    long[] batchSpikeCounts,
    boolean endOfTraining) implements PruneContext
{
    /** Boundary {@code step} of a 60,000-image run with the paper's 30,000 / 5,000 schedule. */
    static Boundary paperStep(final WeightMemory weights, final int step, final long[] counts)
    {
        final long images = 30_000L + 5_000L * (step - 1);
        return new Boundary(weights, step, images, 60_000L, counts, images == 60_000L);
    }

    /** The end of a 60,000-image run, after the last boundary. */
    static Boundary endOfTraining(final WeightMemory weights, final int step, final long[] counts)
    {
        return new Boundary(weights, step, 60_000L, 60_000L, counts, true);
    }
}
