package org.spikeprune.core.prune;

/**
 * The plastic weight memory of a layer as the Prune unit sees it: a {@code pre × post} matrix of weights, each
 * either live (plastic, transmitting), frozen (transmitting, no more STDP: soft pruning) or pruned (removed:
 * no current, no STDP, no SOP). Implementations compact their storage when synapses are pruned, so that the
 * run's work falls with connectivity.
 */
public interface WeightMemory
{
    /** Number of pre-synaptic inputs (rows). */
    int preCount();

    /** Number of post-synaptic neurons (columns). */
    int postCount();

    /** Maximum weight ({@code w_max}); thresholds must stay below it. */
    float wMax();

    /** The weight of synapse {@code pre → post}; 0 if pruned. */
    float weight(int pre, int post);

    /** True when {@code pre → post} is not pruned (it may be frozen). */
    boolean isLive(int pre, int post);

    /** True when {@code pre → post} is frozen (soft-pruned): it transmits but no longer learns. */
    boolean isFrozen(int pre, int post);

    /**
     * Prunes every live synapse onto {@code post} whose weight is strictly below {@code threshold}.
     *
     * @return the number of synapses pruned.
     */
    int pruneBelow(int post, float threshold);

    /**
     * Freezes (soft-prunes) every live, not yet frozen synapse onto {@code post} whose weight is strictly below
     * {@code threshold}: it keeps its current value and keeps transmitting, but gets no more STDP.
     *
     * @return the number of synapses frozen.
     */
    int freezeBelow(int post, float threshold);

    /** Prunes every synapse onto {@code post} and removes the neuron from the network (adaptive neuron pruning). */
    void pruneNeuron(int post);

    /** True when neuron {@code post} has been removed. */
    boolean isNeuronPruned(int post);

    /** Number of synapses not pruned. */
    long liveCount();

    /** Number of frozen synapses (a subset of the live ones). */
    long frozenCount();

    /** Number of synapses of the dense layer ({@code preCount × postCount}). */
    default long totalCount()
    {
        return (long)preCount() * postCount();
    }

    /** Percentage-free connectivity in [0, 1]: live synapses over all synapses. */
    default double connectivity()
    {
        return (double)liveCount() / totalCount();
    }
}
