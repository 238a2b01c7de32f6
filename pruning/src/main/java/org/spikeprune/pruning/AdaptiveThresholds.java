package org.spikeprune.pruning;

import org.spikeprune.core.InputException;
import org.spikeprune.core.prune.PruneContext;
import org.spikeprune.core.prune.WeightMemory;

/**
 * Paper A's Algorithm 1, with the readings noted below: per-neuron weight thresholds adapted over
 * time and over spike-count groups. Online constant pruning, APT and APN are the special cases with no
 * adaptation, adaptation over time only ({@code SI = ∞}) and over neurons only ({@code f_T} constant).
 *
 * <p>At pruning step {@code k} (1-based):
 * <ol>
 *   <li>{@code W = f_T(k − 1; w_th0)}, capped below {@code w_max}: step 1 uses {@code w_th0}.</li>
 *   <li>The present excitatory neurons are sorted by their batch spike count {@code S_i}, ascending (ties by
 *       neuron index). Group G0 starts at the first neuron with {@code S = S_i} and threshold {@code W}. A later
 *       neuron joins the current group while {@code S_i < S + SI} (strict); otherwise it opens group
 *       {@code n + 1} with {@code S = S_i} and threshold {@code f_N(n + 1; W)}. Groups restart at G0 every step.
 *       With {@code SI = ∞} there is one group.</li>
 *   <li>Every threshold is capped below {@code w_max}; live weights strictly below their neuron's threshold are
 *       pruned (or frozen, for soft pruning).</li>
 * </ol>
 *
 * <p>Readings where paper A is ambiguous: time {@code t − t_m} is counted in pruning steps (with images, a^5000
 * would jump to {@code w_max} at once; seven steps over 60,000 images match its Table 4 per-image overheads);
 * {@code S_i} is the neuron's total spike count over the batch (a per-image average of about 0–1 would always
 * make a single group with {@code SI = 30}); the group index restarts at 0 every step and a new group's first
 * neuron gets the new group's threshold; the interval test is the algorithm's strict one (the text says
 * {@code [S, S + SI]}).
 */
final class AdaptiveThresholds
{
    private final double initialThreshold;
    private final AdaptationFunction timeFunction;
    private final double timeFactor;
    private final AdaptationFunction neuronFunction;
    private final double neuronFactor;
    private final double spikeInterval;
    private final SpikeCountOrder order = new SpikeCountOrder();

    /**
     * @param initialThreshold {@code w_th0}.
     * @param timeFunction     {@code f_T}.
     * @param timeFactor       the factor of {@code f_T} (identity factor: no adaptation over time).
     * @param neuronFunction   {@code f_N}.
     * @param neuronFactor     the factor of {@code f_N}.
     * @param spikeInterval    {@code SI}, {@code > 0}; infinity for one group.
     */
    AdaptiveThresholds(
        final double initialThreshold,
        final AdaptationFunction timeFunction,
        final double timeFactor,
        final AdaptationFunction neuronFunction,
        final double neuronFactor,
        final double spikeInterval)
    {
        this.initialThreshold = initialThreshold;
        this.timeFunction = timeFunction;
        this.timeFactor = timeFactor;
        this.neuronFunction = neuronFunction;
        this.neuronFactor = neuronFactor;
        this.spikeInterval = spikeInterval;
    }

    /**
     * The global threshold {@code W} of a pruning step: {@code f_T(step − 1; w_th0)} capped below {@code w_max}.
     *
     * @param step the pruning step, {@code >= 1}.
     * @param wMax the maximum weight.
     * @return the threshold in {@code [0, w_max)}.
     */
    float baseThreshold(final int step, final float wMax)
    {
        return AdaptationFunction.cap(timeFunction.apply(initialThreshold, timeFactor, Math.max(0, step - 1), wMax),
            wMax);
    }

    /**
     * Groups the present neurons by spike count and fills their thresholds (steps 2–3 of the class comment).
     * Removed neurons get threshold 0 and belong to no group.
     *
     * @param base        the group-0 threshold {@code W}, already capped.
     * @param spikeCounts batch spike count per post neuron (not read when {@code SI} is infinite).
     * @param weights     the weight memory (for {@code w_max} and removed neurons).
     * @param thresholds  output, one per post neuron.
     * @return the number of groups.
     */
    int assign(final float base, final long[] spikeCounts, final WeightMemory weights, final float[] thresholds)
    {
        final int postCount = weights.postCount();
        final float wMax = weights.wMax();
        int present = 0;
        for (int post = 0; post < postCount; post++)
        {
            if (weights.isNeuronPruned(post))
            {
                thresholds[post] = 0.0f;
            }
            else
            {
                thresholds[post] = base;
                present++;
            }
        }
        if (present == 0)
        {
            return 0;
        }
        if (spikeInterval == Double.POSITIVE_INFINITY)
        {
            return 1;
        }
        final int sorted = order.sort(spikeCounts, weights);
        int group = 0;
        float groupThreshold = base;
        long groupStart = order.count(0);
        for (int i = 1; i < sorted; i++)
        {
            final long count = order.count(i);
            final int post = order.neuron(i);
            if (!(count < groupStart + spikeInterval))
            {
                group++;
                groupThreshold = AdaptationFunction.cap(neuronFunction.apply(base, neuronFactor, group, wMax), wMax);
                groupStart = count;
            }
            thresholds[post] = groupThreshold;
        }
        return group + 1;
    }

    /**
     * Runs one step of Algorithm 1 on the context's weight memory.
     *
     * @param context the boundary.
     * @param log     where the thresholds and the step record go.
     * @param freeze  true to freeze (soft pruning) instead of pruning.
     * @return the step's record.
     */
    PruneStepRecord onBoundary(final PruneContext context, final StepLog log, final boolean freeze)
    {
        final WeightMemory weights = context.weights();
        final float wMax = weights.wMax();
        if (!(initialThreshold < wMax))
        {
            throw new InputException(PruneConfig.W_TH0_KEY + ": expected an initial threshold below w_max = " + wMax
                + ", found " + initialThreshold);
        }
        final float base = baseThreshold(context.step(), wMax);
        final float[] thresholds = log.thresholds(weights.postCount());
        final int groups = assign(base, context.batchSpikeCounts(), weights, thresholds);
        long changed = 0;
        for (int post = 0; post < weights.postCount(); post++)
        {
            if (weights.isNeuronPruned(post))
            {
                continue;
            }
            changed += freeze ? weights.freezeBelow(post, thresholds[post]) : weights.pruneBelow(post, thresholds[post]);
        }
        return log.addThresholdStep(context, base, groups, freeze ? 0L : changed, freeze ? changed : 0L);
    }
}
