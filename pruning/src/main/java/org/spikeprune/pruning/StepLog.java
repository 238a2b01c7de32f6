package org.spikeprune.pruning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.spikeprune.core.prune.PruneContext;
import org.spikeprune.core.prune.WeightMemory;

/** The per-step records and the last per-neuron thresholds of one policy (control path only). */
final class StepLog
{
    private final List<PruneStepRecord> records = new ArrayList<>();
    private final List<PruneStepRecord> view = Collections.unmodifiableList(records);
    private float[] thresholds;
    private boolean thresholdsUsed;

    /**
     * The per-neuron threshold array to fill at this step, allocated on first use.
     *
     * @param postCount the number of post neurons.
     * @return the array, one entry per post neuron.
     */
    float[] thresholds(final int postCount)
    {
        if (thresholds == null || thresholds.length != postCount)
        {
            thresholds = new float[postCount];
        }
        thresholdsUsed = true;
        return thresholds;
    }

    /** A copy of the last thresholds, or null if the policy has not set any. */
    float[] lastThresholds()
    {
        return thresholdsUsed ? thresholds.clone() : null;
    }

    List<PruneStepRecord> records()
    {
        return view;
    }

    /**
     * Appends a record for a step that used per-neuron weight thresholds (those in {@link #thresholds(int)}).
     *
     * @return the record.
     */
    PruneStepRecord addThresholdStep(
        final PruneContext context,
        final float baseThreshold,
        final int groups,
        final long pruned,
        final long frozen)
    {
        final WeightMemory weights = context.weights();
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0.0;
        int present = 0;
        for (int post = 0; post < weights.postCount(); post++)
        {
            if (weights.isNeuronPruned(post))
            {
                continue;
            }
            final double value = thresholds[post];
            min = present == 0 ? value : Math.min(min, value);
            max = present == 0 ? value : Math.max(max, value);
            sum += value;
            present++;
        }
        final double mean = present == 0 ? Double.NaN : sum / present;
        return add(context, baseThreshold, min, max, mean, groups, pruned, frozen, 0, -1L);
    }

    /**
     * Appends a record for a step that removed neurons and used no weight threshold.
     *
     * @return the record.
     */
    PruneStepRecord addNeuronStep(final PruneContext context, final int neuronsPruned, final long cutoff,
        final long synapsesPruned)
    {
        return add(context, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, synapsesPruned, 0L, neuronsPruned,
            cutoff);
    }

    private PruneStepRecord add(
        final PruneContext context,
        final double base,
        final double min,
        final double max,
        final double mean,
        final int groups,
        final long pruned,
        final long frozen,
        final int neuronsPruned,
        final long cutoff)
    {
        final WeightMemory weights = context.weights();
        final long live = weights.liveCount();
        final long frozenAfter = weights.frozenCount();
        final double total = weights.totalCount();
        final PruneStepRecord record = new PruneStepRecord(
            context.step(),
            context.imagesSeen(),
            base,
            min,
            max,
            mean,
            groups,
            pruned,
            frozen,
            neuronsPruned,
            cutoff,
            live,
            frozenAfter,
            live / total,
            (live - frozenAfter) / total);
        records.add(record);
        return record;
    }
}
