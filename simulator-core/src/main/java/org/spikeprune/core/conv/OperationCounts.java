package org.spikeprune.core.conv;

/**
 * Counts of the hardware actions of one phase (learning or inference) of the convolutional network, per network
 * layer where it makes sense: synaptic operations (accumulations of a live kernel weight into Potential memory;
 * for pooling layers, deliveries of a spike to a pooling unit), spikes fired, threshold compares, STDP weight
 * updates, LTD events, Decrement Track memory writes, Prune unit evaluations and weights pruned.
 */
public final class OperationCounts implements java.io.Serializable
{
    private static final long serialVersionUID = 1L;

    private final long[] synapticOps;
    private final long[] spikes;
    private final long[] neuronUpdates;
    private final long[] stdpUpdates;
    private final long[] ltd;
    private final long[] decrementWrites;
    private final long[] pruneEvaluations;
    private final long[] pruned;
    private long images;
    private long ticks;

    /** @param layers layers of the network, input included. */
    public OperationCounts(final int layers)
    {
        synapticOps = new long[layers];
        spikes = new long[layers];
        neuronUpdates = new long[layers];
        stdpUpdates = new long[layers];
        ltd = new long[layers];
        decrementWrites = new long[layers];
        pruneEvaluations = new long[layers];
        pruned = new long[layers];
    }

    /** Layers, input included. */
    public int layers()
    {
        return synapticOps.length;
    }

    void addTick(final int layer, final long ops, final int fired)
    {
        synapticOps[layer] += ops;
        spikes[layer] += fired;
    }

    void addNeuronUpdates(final int layer, final long n)
    {
        neuronUpdates[layer] += n;
    }

    void addStdp(final int layer, final long updates, final long decrements, final long writes)
    {
        stdpUpdates[layer] += updates;
        ltd[layer] += decrements;
        decrementWrites[layer] += writes;
    }

    void addPrune(final int layer, final long evaluations, final long removed)
    {
        pruneEvaluations[layer] += evaluations;
        pruned[layer] += removed;
    }

    void addInputSpikes(final long n)
    {
        spikes[0] += n;
    }

    void addImage(final long tickCount)
    {
        images++;
        ticks += tickCount;
    }

    /** Synaptic operations of layer {@code l}. */
    public long synapticOps(final int l)
    {
        return synapticOps[l];
    }

    /** Spikes fired by layer {@code l} (layer 0: input spikes). */
    public long spikes(final int l)
    {
        return spikes[l];
    }

    /** Threshold compares of layer {@code l}. */
    public long neuronUpdates(final int l)
    {
        return neuronUpdates[l];
    }

    /** STDP weight updates of layer {@code l}. */
    public long stdpUpdates(final int l)
    {
        return stdpUpdates[l];
    }

    /** LTD events (decrements) of layer {@code l}. */
    public long ltd(final int l)
    {
        return ltd[l];
    }

    /** Decrement Track memory writes of layer {@code l}. */
    public long decrementWrites(final int l)
    {
        return decrementWrites[l];
    }

    /** Prune unit evaluations of layer {@code l}. */
    public long pruneEvaluations(final int l)
    {
        return pruneEvaluations[l];
    }

    /** Weights pruned in layer {@code l}. */
    public long pruned(final int l)
    {
        return pruned[l];
    }

    /** Images presented. */
    public long images()
    {
        return images;
    }

    /** Ticks (time steps) simulated, including skipped empty ones. */
    public long ticks()
    {
        return ticks;
    }

    /** Synaptic operations over all layers. */
    public long totalSynapticOps()
    {
        return sum(synapticOps);
    }

    /** Synaptic operations of convolution layers only (the prunable ones). */
    public long convSynapticOps(final ConvGeometry geometry)
    {
        long s = 0;
        for (int c = 0; c < geometry.convCount(); c++)
        {
            s += synapticOps[geometry.convLayer(c)];
        }
        return s;
    }

    /** STDP updates over all layers. */
    public long totalStdpUpdates()
    {
        return sum(stdpUpdates);
    }

    /** LTD events over all layers. */
    public long totalLtd()
    {
        return sum(ltd);
    }

    /** Decrement Track writes over all layers. */
    public long totalDecrementWrites()
    {
        return sum(decrementWrites);
    }

    /** Prune evaluations over all layers. */
    public long totalPruneEvaluations()
    {
        return sum(pruneEvaluations);
    }

    /** Weights pruned over all layers. */
    public long totalPruned()
    {
        return sum(pruned);
    }

    /** Spikes fired over all layers after the input. */
    public long totalSpikes()
    {
        long s = 0;
        for (int l = 1; l < spikes.length; l++)
        {
            s += spikes[l];
        }
        return s;
    }

    /** Adds every count of {@code other} to this one. */
    public void add(final OperationCounts other)
    {
        for (int l = 0; l < synapticOps.length; l++)
        {
            synapticOps[l] += other.synapticOps[l];
            spikes[l] += other.spikes[l];
            neuronUpdates[l] += other.neuronUpdates[l];
            stdpUpdates[l] += other.stdpUpdates[l];
            ltd[l] += other.ltd[l];
            decrementWrites[l] += other.decrementWrites[l];
            pruneEvaluations[l] += other.pruneEvaluations[l];
            pruned[l] += other.pruned[l];
        }
        images += other.images;
        ticks += other.ticks;
    }

    private static long sum(final long[] a)
    {
        long s = 0;
        for (final long v : a)
        {
            s += v;
        }
        return s;
    }
}
