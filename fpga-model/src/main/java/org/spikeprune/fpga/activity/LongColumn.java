package org.spikeprune.fpga.activity;

import java.util.Arrays;

/** A growable column of longs. */
final class LongColumn
{
    private long[] values = new long[16];
    private int size;

    void add(final long v)
    {
        if (size == values.length)
        {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    long get(final int i)
    {
        return values[i];
    }

    void set(final int i, final long v)
    {
        values[i] = v;
    }

    void increment(final int i, final long by)
    {
        values[i] += by;
    }

    int size()
    {
        return size;
    }
}
