package org.spikeprune.engine;

import java.util.Arrays;

/**
 * A growable, reusable batch of spike ids for one tick: the payload a Controller dispatches to the
 * processing elements and the output a processing element reports back.
 *
 * <p>Preallocated and reused tick after tick; it only grows (on the control path) when a tick carries more
 * spikes than ever before, so the steady state allocates nothing.
 */
public final class SpikeBatch
{
    private int[] ids;
    private int count;

    /**
     * @param initialCapacity ids the batch holds before it first grows.
     */
    public SpikeBatch(final int initialCapacity)
    {
        ids = new int[Math.max(1, initialCapacity)];
    }

    /** Appends one spike id. */
    public void add(final int id)
    {
        if (count == ids.length)
        {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = id;
    }

    /** Appends {@code n} ids from {@code src[from..from+n)}. */
    public void addAll(final int[] src, final int from, final int n)
    {
        ensureCapacity(count + n);
        System.arraycopy(src, from, ids, count, n);
        count += n;
    }

    /** Appends every id of another batch. */
    public void addAll(final SpikeBatch other)
    {
        addAll(other.ids, 0, other.count);
    }

    /** Empties the batch, keeping its storage. */
    public void clear()
    {
        count = 0;
    }

    /** Number of ids in the batch. */
    public int count()
    {
        return count;
    }

    /** True when the batch holds no spike. */
    public boolean isEmpty()
    {
        return count == 0;
    }

    /** The id at {@code index}; {@code index < count()}. */
    public int id(final int index)
    {
        return ids[index];
    }

    /** The backing array; valid entries are {@code [0, count())}. Read-only for callers. */
    public int[] array()
    {
        return ids;
    }

    /** Grows the storage to at least {@code capacity} ids. */
    public void ensureCapacity(final int capacity)
    {
        if (capacity > ids.length)
        {
            ids = Arrays.copyOf(ids, Math.max(capacity, ids.length * 2));
        }
    }

    /** Sorts the ids ascending: the canonical order of one tick's events (insertion sort for small batches). */
    public void sort()
    {
        if (count < 32)
        {
            for (int i = 1; i < count; i++)
            {
                final int v = ids[i];
                int j = i - 1;
                while (j >= 0 && ids[j] > v)
                {
                    ids[j + 1] = ids[j];
                    j--;
                }
                ids[j + 1] = v;
            }
        }
        else
        {
            Arrays.sort(ids, 0, count);
        }
    }

    @Override
    public String toString()
    {
        return "SpikeBatch" + Arrays.toString(Arrays.copyOf(ids, count));
    }
}
