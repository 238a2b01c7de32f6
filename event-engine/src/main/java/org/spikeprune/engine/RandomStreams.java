package org.spikeprune.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named, seeded random streams, one per purpose ("input", "weights", "delays", …). A stream depends only on the
 * run's seed and its name, never on the number of cores or the threading mode, so partitioning a network never
 * changes its numbers.
 */
public final class RandomStreams
{
    private final long seed;

    /** @param seed the run's seed. */
    public RandomStreams(final long seed)
    {
        this.seed = seed;
    }

    /** The run's seed. */
    public long seed()
    {
        return seed;
    }

    /**
     * A fresh generator for the named purpose: the same name and seed always give the same sequence.
     *
     * @param name the purpose, e.g. {@code "input"}.
     * @return a new generator positioned at the start of that stream.
     */
    public SplittableRandom stream(final String name)
    {
        return new SplittableRandom(streamSeed(seed, name));
    }

    /** The 64-bit seed of a named stream: SplitMix64 of the run seed mixed with the FNV-1a hash of the name. */
    public static long streamSeed(final long seed, final String name)
    {
        long h = 0xcbf29ce484222325L;
        for (final byte b : name.getBytes(StandardCharsets.UTF_8))
        {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    private static long mix(final long v)
    {
        long z = v + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
