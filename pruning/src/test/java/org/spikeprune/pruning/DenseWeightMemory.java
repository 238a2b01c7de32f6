package org.spikeprune.pruning;

import org.spikeprune.core.prune.WeightMemory;

/** A dense {@code pre × post} weight memory with pruned/frozen flags, for tests. */
final class DenseWeightMemory implements WeightMemory
{
    private final float[][] weights;
    private final boolean[][] pruned;
    private final boolean[][] frozen;
    private final boolean[] neuronPruned;
    private final float wMax;
    private long live;
    private long frozenCount;

    DenseWeightMemory(final int preCount, final int postCount, final float wMax)
    {
        this.weights = new float[preCount][postCount];
        this.pruned = new boolean[preCount][postCount];
        this.frozen = new boolean[preCount][postCount];
        this.neuronPruned = new boolean[postCount];
        this.wMax = wMax;
        this.live = (long)preCount * postCount;
    }

    /** A memory holding {@code values[pre][post]}. */
    static DenseWeightMemory of(final float wMax, final float[][] values)
    {
        final DenseWeightMemory memory = new DenseWeightMemory(values.length, values[0].length, wMax);
        for (int pre = 0; pre < values.length; pre++)
        {
            System.arraycopy(values[pre], 0, memory.weights[pre], 0, values[pre].length);
        }
        return memory;
    }

    /** A memory whose column {@code post} holds {@code columns[post]}. */
    static DenseWeightMemory ofColumns(final float wMax, final float[][] columns)
    {
        final DenseWeightMemory memory = new DenseWeightMemory(columns[0].length, columns.length, wMax);
        for (int post = 0; post < columns.length; post++)
        {
            for (int pre = 0; pre < columns[post].length; pre++)
            {
                memory.weights[pre][post] = columns[post][pre];
            }
        }
        return memory;
    }

    /**
     * One STDP-like update: adds {@code delta} to every live, not frozen weight, clipped to {@code [0, w_max]}.
     */
    void learn(final float delta)
    {
        for (int pre = 0; pre < preCount(); pre++)
        {
            for (int post = 0; post < postCount(); post++)
            {
                if (!pruned[pre][post] && !frozen[pre][post])
                {
                    weights[pre][post] = Math.max(0.0f, Math.min(wMax, weights[pre][post] + delta));
                }
            }
        }
    }

    /** The current a spike on input {@code pre} delivers to {@code post}: the weight if live, else 0. */
    float transmit(final int pre, final int post)
    {
        return pruned[pre][post] ? 0.0f : weights[pre][post];
    }

    @Override
    public int preCount()
    {
        return weights.length;
    }

    @Override
    public int postCount()
    {
        return neuronPruned.length;
    }

    @Override
    public float wMax()
    {
        return wMax;
    }

    @Override
    public float weight(final int pre, final int post)
    {
        return pruned[pre][post] ? 0.0f : weights[pre][post];
    }

    @Override
    public boolean isLive(final int pre, final int post)
    {
        return !pruned[pre][post];
    }

    @Override
    public boolean isFrozen(final int pre, final int post)
    {
        return frozen[pre][post];
    }

    @Override
    public int pruneBelow(final int post, final float threshold)
    {
        int count = 0;
        for (int pre = 0; pre < preCount(); pre++)
        {
            if (!pruned[pre][post] && weights[pre][post] < threshold)
            {
                prune(pre, post);
                count++;
            }
        }
        return count;
    }

    @Override
    public int freezeBelow(final int post, final float threshold)
    {
        int count = 0;
        for (int pre = 0; pre < preCount(); pre++)
        {
            if (!pruned[pre][post] && !frozen[pre][post] && weights[pre][post] < threshold)
            {
                frozen[pre][post] = true;
                frozenCount++;
                count++;
            }
        }
        return count;
    }

    @Override
    public void pruneNeuron(final int post)
    {
        for (int pre = 0; pre < preCount(); pre++)
        {
            if (!pruned[pre][post])
            {
                prune(pre, post);
            }
        }
        neuronPruned[post] = true;
    }

    @Override
    public boolean isNeuronPruned(final int post)
    {
        return neuronPruned[post];
    }

    @Override
    public long liveCount()
    {
        return live;
    }

    @Override
    public long frozenCount()
    {
        return frozenCount;
    }

    private void prune(final int pre, final int post)
    {
        if (frozen[pre][post])
        {
            frozen[pre][post] = false;
            frozenCount--;
        }
        pruned[pre][post] = true;
        weights[pre][post] = 0.0f;
        live--;
    }
}
