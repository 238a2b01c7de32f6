package org.spikeprune.bench.engine;

import java.util.SplittableRandom;

import org.spikeprune.engine.ProcessingElement;
import org.spikeprune.engine.SpikeBatch;

/**
 * The per-spike and per-tick work of paper A's excitatory layer on one core, in its simplest dense form: each
 * input spike adds one weight row into the conductance accumulators of the core's neurons (one SOP per neuron),
 * and each tick leaks, integrates and thresholds every neuron. The same instance is driven by the engine and,
 * in the baseline, by direct calls.
 */
final class DenseLifCore implements ProcessingElement
{
    private static final float DECAY = 0.99f;
    private static final float THRESHOLD = 0.25f;

    private final int first;
    private final float[][] weights;
    private final float[] conductance;
    private final float[] potential;

    /**
     * @param first   the first neuron id of this core.
     * @param neurons the neurons of this core.
     * @param seed    seed of the weights.
     */
    DenseLifCore(final int first, final int neurons, final long seed)
    {
        this.first = first;
        final SplittableRandom random = new SplittableRandom(seed);
        weights = new float[InputSchedule.INPUTS][neurons];
        for (final float[] row : weights)
        {
            for (int j = 0; j < neurons; j++)
            {
                row[j] = (float)random.nextDouble(0.0, 0.02);
            }
        }
        conductance = new float[neurons];
        potential = new float[neurons];
    }

    /** The cores of a layer of {@code neurons} neurons split into {@code cores} contiguous ranges. */
    static DenseLifCore[] partition(final int neurons, final int cores, final long seed)
    {
        final DenseLifCore[] result = new DenseLifCore[cores];
        for (int c = 0; c < cores; c++)
        {
            final int from = neurons * c / cores;
            final int to = neurons * (c + 1) / cores;
            result[c] = new DenseLifCore(from, to - from, seed + c);
        }
        return result;
    }

    @Override
    public void onSpikes(final long tick, final SpikeBatch spikes)
    {
        final int[] ids = spikes.array();
        for (int i = 0, n = spikes.count(); i < n; i++)
        {
            addRow(weights[ids[i]]);
        }
    }

    private void addRow(final float[] row)
    {
        final float[] g = conductance;
        for (int j = 0; j < g.length; j++)
        {
            g[j] += row[j];
        }
    }

    @Override
    public void advance(final long tick, final SpikeBatch out)
    {
        final float[] g = conductance;
        final float[] v = potential;
        for (int j = 0; j < v.length; j++)
        {
            final float u = v[j] * DECAY + g[j];
            g[j] = 0f;
            if (u > THRESHOLD)
            {
                v[j] = 0f;
                out.add(first + j);
            }
            else
            {
                v[j] = u;
            }
        }
    }
}
