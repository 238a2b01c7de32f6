package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;
import org.spikeprune.core.prune.WeightMemory;

/**
 * Online adaptive neuron pruning (Guo, Yantir, Fouda, Eltawil, Salama 2020, Electronics 9(7):1059, as paper A
 * compares against it). That paper's exact adaptation rule was not available; this is the reading used here:
 *
 * <ul>
 *   <li>Same schedule as the weight methods: steps at {@code start, start + step, …} up to the end of training,
 *       {@code K} steps in all.</li>
 *   <li>At step {@code k}, the cumulative number of neurons removed is brought to
 *       {@code min(N − 1, round(F · N · k / K))} ({@code F} = {@code neuron_target_fraction}, {@code N} = excitatory
 *       neurons): a linear ramp that reaches the target at the last step. The neurons removed are the present ones
 *       with the lowest batch spike counts (ties: lower index first), each with all its synapses
 *       ({@link WeightMemory#pruneNeuron(int)}; the network also silences its inhibitory partner). The adaptive
 *       spike-count threshold of the original is thus the count of the last neuron removed, reported as
 *       {@link PruneStepRecord#spikeCountCutoff()}.</li>
 *   <li>With {@code F = 0.9} the inference work falls by about 90%, which is how paper A's tables place this method
 *       at "10% connectivity".</li>
 * </ul>
 */
public final class NeuronPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;
    private final StepLog log = new StepLog();
    private final SpikeCountOrder order = new SpikeCountOrder();

    /** @param config the settings; reads start, step and {@code neuron_target_fraction}. */
    public NeuronPrunePolicy(final PruneConfig config)
    {
        this.config = config;
    }

    @Override
    public String name()
    {
        return method().cliName();
    }

    @Override
    public PruneMethod method()
    {
        return PruneMethod.NEURON;
    }

    @Override
    public PruneConfig config()
    {
        return config;
    }

    @Override
    public long startImages()
    {
        return config.startImages();
    }

    @Override
    public long stepImages()
    {
        return config.stepImages();
    }

    /**
     * The cumulative number of neurons to have removed after a step.
     *
     * @param step      the pruning step, {@code >= 1}.
     * @param stepCount the number of steps of the run, {@code K}.
     * @param neurons   the number of excitatory neurons, {@code N}.
     * @return {@code min(N − 1, round(F · N · min(step, K) / K))}.
     */
    public long cumulativeTarget(final int step, final int stepCount, final int neurons)
    {
        final int steps = Math.max(1, stepCount);
        final int k = Math.min(Math.max(step, 0), steps);
        final long target = Math.round(config.neuronTargetFraction() * neurons * k / steps);
        return Math.max(0, Math.min(neurons - 1L, target));
    }

    @Override
    public void onBoundary(final PruneContext context)
    {
        final WeightMemory weights = context.weights();
        final int postCount = weights.postCount();
        int removed = 0;
        for (int post = 0; post < postCount; post++)
        {
            if (weights.isNeuronPruned(post))
            {
                removed++;
            }
        }
        final int stepCount = Math.max(config.stepCount(context.trainImages()), context.step());
        final long toRemove = cumulativeTarget(context.step(), stepCount, postCount) - removed;
        final long liveBefore = weights.liveCount();
        int neuronsPruned = 0;
        long cutoff = -1L;
        if (toRemove > 0)
        {
            final int present = order.sort(context.batchSpikeCounts(), weights);
            for (int i = 0; i < present && neuronsPruned < toRemove; i++)
            {
                weights.pruneNeuron(order.neuron(i));
                cutoff = order.count(i);
                neuronsPruned++;
            }
        }
        log.addNeuronStep(context, neuronsPruned, cutoff, liveBefore - weights.liveCount());
    }

    /** Null: this policy uses no weight threshold. */
    @Override
    public float[] lastThresholds()
    {
        return null;
    }

    @Override
    public List<PruneStepRecord> stepLog()
    {
        return log.records();
    }
}
