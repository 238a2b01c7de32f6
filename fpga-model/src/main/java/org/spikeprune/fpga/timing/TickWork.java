package org.spikeprune.fpga.timing;

import java.util.Arrays;

/**
 * The work of one tick of one layer, as the hardware sees it: the spikes the Controller dispatches, in order,
 * and for each spike the synaptic operations it causes in each processing element (its live row segment in that
 * PE's partition; pruned connections are simply absent), then the end-of-tick neuron updates and spikes out,
 * then the STDP unit's updates and decrements. Reused between ticks: no allocation once grown.
 */
public final class TickWork
{
    private int spikes;
    private int[] spikeStart = new int[17];
    private int[] entryPe = new int[64];
    private long[] entryOps = new long[64];
    private int entries;
    private long neuronUpdates;
    private long stdpUpdates;
    private long decrements;
    private long spikesOut;

    /** @return this, emptied. */
    public TickWork clear()
    {
        spikes = 0;
        entries = 0;
        spikeStart[0] = 0;
        neuronUpdates = 0;
        stdpUpdates = 0;
        decrements = 0;
        spikesOut = 0;
        return this;
    }

    /**
     * Begins the next spike the Controller dispatches; a spike with no {@link #target} has a fully pruned row.
     *
     * @return this.
     */
    public TickWork spike()
    {
        if (spikes + 2 > spikeStart.length)
        {
            spikeStart = Arrays.copyOf(spikeStart, spikeStart.length * 2);
        }
        spikes++;
        spikeStart[spikes] = entries;
        return this;
    }

    /**
     * Adds synaptic operations of the current spike in one processing element.
     *
     * @param pe  the processing element.
     * @param ops live synapses of the spike's row in that element's partition, at least 1.
     * @return this.
     */
    public TickWork target(final int pe, final long ops)
    {
        if (spikes == 0)
        {
            throw new IllegalStateException("call spike() before target()");
        }
        if (ops < 1 || pe < 0)
        {
            throw new IllegalArgumentException("pe must be >= 0 and ops >= 1, found pe=" + pe + " ops=" + ops);
        }
        if (entries == entryPe.length)
        {
            entryPe = Arrays.copyOf(entryPe, entries * 2);
            entryOps = Arrays.copyOf(entryOps, entries * 2);
        }
        entryPe[entries] = pe;
        entryOps[entries] = ops;
        entries++;
        spikeStart[spikes] = entries;
        return this;
    }

    /** @return this, with {@code n} neuron updates at the end of the tick (spread evenly over the PEs). */
    public TickWork neuronUpdates(final long n)
    {
        neuronUpdates = n;
        return this;
    }

    /** @return this, with {@code updates} STDP weight updates of which {@code decrements} are decrements. */
    public TickWork stdp(final long updates, final long decrements)
    {
        stdpUpdates = updates;
        this.decrements = decrements;
        return this;
    }

    /** @return this, with {@code n} spikes written to Spike memory (spread evenly over the PEs). */
    public TickWork spikesOut(final long n)
    {
        spikesOut = n;
        return this;
    }

    /**
     * Fills this from per-tick counts, the way the Controller of a core with {@code pes} elements distributes a
     * fully connected layer: post-synaptic neurons are partitioned evenly, so each spike reaches every element
     * holding live synapses of its row. The {@code sops} are spread evenly over the spikes (spike k gets the ops
     * floor(k·sops/spikes) … floor((k+1)·sops/spikes) − 1) and op j belongs to element j mod pes, so every element
     * gets the same share within one op. Synaptic ops without spikes (delayed arrivals) travel as one spike.
     *
     * @param spikes        spikes dispatched.
     * @param sops          synaptic operations.
     * @param neuronUpdates neuron updates.
     * @param stdpUpdates   STDP updates.
     * @param decrements    decrements.
     * @param spikesOut     spikes out.
     * @param pes           processing elements.
     * @return this.
     */
    public TickWork fromCounts(final long spikes, final long sops, final long neuronUpdates,
        final long stdpUpdates, final long decrements, final long spikesOut, final int pes)
    {
        clear();
        final long s = sops > 0 ? Math.max(1, spikes) : spikes;
        for (long k = 0; k < s; k++)
        {
            spike();
            // Spike k carries the ops [c_k, c_k+1) of the tick, c_k = floor(k · sops / s); op j is a synapse onto a
            // neuron of PE j mod pes (post-synaptic neurons interleaved over the PEs).
            final long from = k * sops / s;
            final long to = (k + 1) * sops / s;
            for (int p = 0; p < pes; p++)
            {
                final long o = Math.floorDiv(to - 1 - p, pes) - Math.floorDiv(from - 1 - p, pes);
                if (o > 0)
                {
                    target(p, o);
                }
            }
        }
        return neuronUpdates(neuronUpdates).stdp(stdpUpdates, decrements).spikesOut(spikesOut);
    }

    /** @return spikes dispatched. */
    public int spikes()
    {
        return spikes;
    }

    /** @return total synaptic operations. */
    public long synapticOps()
    {
        long sum = 0;
        for (int e = 0; e < entries; e++)
        {
            sum += entryOps[e];
        }
        return sum;
    }

    int firstEntry(final int spike)
    {
        return spikeStart[spike];
    }

    int endEntry(final int spike)
    {
        return spikeStart[spike + 1];
    }

    int pe(final int entry)
    {
        return entryPe[entry];
    }

    long ops(final int entry)
    {
        return entryOps[entry];
    }

    long neuronUpdates()
    {
        return neuronUpdates;
    }

    long stdpUpdates()
    {
        return stdpUpdates;
    }

    long decrements()
    {
        return decrements;
    }

    long spikesOut()
    {
        return spikesOut;
    }
}
