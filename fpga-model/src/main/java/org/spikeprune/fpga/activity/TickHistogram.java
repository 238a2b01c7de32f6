package org.spikeprune.fpga.activity;

import java.util.Arrays;

/**
 * Distinct per-tick action vectors and how often each occurred: the exact compressed form of a run for the
 * timing model, since every tick starts from an idle core (the end-of-tick barrier drains every unit), so the
 * cycles of a tick depend only on its own actions. Open addressing over primitive arrays; entries keep their
 * insertion order, so iteration is deterministic.
 */
final class TickHistogram
{
    private static final int INITIAL_CAPACITY = 64;

    private long[] keys = new long[INITIAL_CAPACITY * ActivityLog.TICK_FIELDS];
    private long[] counts = new long[INITIAL_CAPACITY];
    private int[] table = new int[INITIAL_CAPACITY * 2];
    private int size;
    private long total;
    private int last = -1;

    TickHistogram()
    {
        Arrays.fill(table, -1);
    }

    /** Adds {@code times} occurrences of the vector {@code v} (length {@link ActivityLog#TICK_FIELDS}). */
    void add(final long[] v, final long times)
    {
        // Consecutive ticks are often identical (rest, idle layers): skip the hash for a repeat.
        if (last >= 0 && matches(last, v))
        {
            counts[last] += times;
            total += times;
            return;
        }
        final int mask = table.length - 1;
        int slot = hash(v) & mask;
        while (true)
        {
            final int e = table[slot];
            if (e < 0)
            {
                break;
            }
            if (matches(e, v))
            {
                last = e;
                counts[e] += times;
                total += times;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == counts.length)
        {
            grow();
            add(v, times);
            return;
        }
        System.arraycopy(v, 0, keys, size * ActivityLog.TICK_FIELDS, ActivityLog.TICK_FIELDS);
        counts[size] = times;
        table[slot] = size;
        last = size;
        size++;
        total += times;
    }

    int size()
    {
        return size;
    }

    long total()
    {
        return total;
    }

    long field(final int entry, final int field)
    {
        return keys[entry * ActivityLog.TICK_FIELDS + field];
    }

    long count(final int entry)
    {
        return counts[entry];
    }

    private boolean matches(final int e, final long[] v)
    {
        final int base = e * ActivityLog.TICK_FIELDS;
        for (int i = 0; i < ActivityLog.TICK_FIELDS; i++)
        {
            if (keys[base + i] != v[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final long[] v)
    {
        long h = 0;
        for (final long x : v)
        {
            h = (h + x) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ (h >>> 29));
    }

    private void grow()
    {
        final int capacity = counts.length * 2;
        keys = Arrays.copyOf(keys, capacity * ActivityLog.TICK_FIELDS);
        counts = Arrays.copyOf(counts, capacity);
        table = new int[capacity * 2];
        Arrays.fill(table, -1);
        final int mask = table.length - 1;
        final long[] v = new long[ActivityLog.TICK_FIELDS];
        for (int e = 0; e < size; e++)
        {
            System.arraycopy(keys, e * ActivityLog.TICK_FIELDS, v, 0, ActivityLog.TICK_FIELDS);
            int slot = hash(v) & mask;
            while (table[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = e;
        }
    }
}
