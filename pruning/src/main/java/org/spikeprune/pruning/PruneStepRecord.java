package org.spikeprune.pruning;

/**
 * What a policy did at one pruning step, for the run's report ({@code result.json}). Threshold fields are over
 * the post neurons still present; they are {@code NaN} for a policy that uses no weight threshold (adaptive
 * neuron pruning).
 *
 * @param step               the pruning step ({@link org.spikeprune.core.prune.PruneContext#step()}).
 * @param images             training images seen at the step.
 * @param baseThreshold      the global threshold {@code W} of the step (paper A Algorithm 1: the time-adapted
 *                           threshold, given to group G0), capped below {@code w_max}; {@code NaN} if none.
 * @param minThreshold       the smallest per-neuron threshold of the step; {@code NaN} if none.
 * @param maxThreshold       the largest per-neuron threshold of the step; {@code NaN} if none.
 * @param meanThreshold      the mean per-neuron threshold of the step; {@code NaN} if none.
 * @param groups             the number of spike-count groups (1 without adaptation over neurons, 0 if none).
 * @param synapsesPruned     synapses pruned (removed) at this step.
 * @param synapsesFrozen     synapses frozen (soft-pruned) at this step.
 * @param neuronsPruned      excitatory neurons removed at this step.
 * @param spikeCountCutoff   adaptive neuron pruning: the largest batch spike count among the neurons removed at
 *                           this step; −1 if none were removed or the policy removes no neurons.
 * @param liveAfter          synapses not pruned after the step (frozen ones included).
 * @param frozenAfter        frozen synapses after the step.
 * @param connectivityAfter  live synapses over all synapses after the step, in {@code [0, 1]}.
 * @param unprunedAfter      synapses neither pruned nor frozen over all synapses after the step, in
 *                           {@code [0, 1]}: paper A's "unpruned percentage" for soft pruning; equal to the
 *                           connectivity when nothing is frozen.
 */
public record PruneStepRecord(
    int step,
    long images,
    double baseThreshold,
    double minThreshold,
    double maxThreshold,
    double meanThreshold,
    int groups,
    long synapsesPruned,
    long synapsesFrozen,
    int neuronsPruned,
    long spikeCountCutoff,
    long liveAfter,
    long frozenAfter,
    double connectivityAfter,
    double unprunedAfter)
{
}
