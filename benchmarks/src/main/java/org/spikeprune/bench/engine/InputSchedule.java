package org.spikeprune.bench.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.spikeprune.engine.SpikeBatch;

/**
 * A fixed input spike schedule for one image of {@link #TICKS} ticks: which of the {@link #INPUTS} input
 * channels fire on each tick, in canonical (ascending) order. Precomputed so that neither the benchmark nor its
 * baseline spends time drawing random numbers.
 */
final class InputSchedule
{
    /** Ticks per image: 500 ms of presentation at paper A's 0.5 ms step. */
    static final int TICKS = 1_000;
    /** Input channels: one per MNIST pixel. */
    static final int INPUTS = 784;
    /** Spikes per image at paper A's rate (~3.5 input spikes per tick). */
    static final int PAPER_A_SPIKES = 3_500;
    /** Spikes per tick of the heavy load. */
    static final int HEAVY_SPIKES_PER_TICK = 64;

    private final int[] tickStart;
    private final int[] ids;

    private InputSchedule(final int[] tickStart, final int[] ids)
    {
        this.tickStart = tickStart;
        this.ids = ids;
    }

    /** Exactly {@code spikes} distinct (tick, input) events scattered uniformly over the image. */
    static InputSchedule scattered(final int spikes, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final boolean[] fired = new boolean[TICKS * INPUTS];
        for (int placed = 0; placed < spikes; )
        {
            final int event = random.nextInt(TICKS * INPUTS);
            if (!fired[event])
            {
                fired[event] = true;
                placed++;
            }
        }
        return fromEvents(fired, spikes);
    }

    /** Exactly {@code perTick} distinct random inputs on every tick. */
    static InputSchedule everyTick(final int perTick, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final boolean[] fired = new boolean[TICKS * INPUTS];
        for (int t = 0; t < TICKS; t++)
        {
            for (int placed = 0; placed < perTick; )
            {
                final int event = t * INPUTS + random.nextInt(INPUTS);
                if (!fired[event])
                {
                    fired[event] = true;
                    placed++;
                }
            }
        }
        return fromEvents(fired, perTick * TICKS);
    }

    private static InputSchedule fromEvents(final boolean[] fired, final int spikes)
    {
        final int[] tickStart = new int[TICKS + 1];
        final int[] ids = new int[spikes];
        int n = 0;
        for (int t = 0; t < TICKS; t++)
        {
            tickStart[t] = n;
            for (int i = 0; i < INPUTS; i++)
            {
                if (fired[t * INPUTS + i])
                {
                    ids[n++] = i;
                }
            }
        }
        tickStart[TICKS] = n;
        return new InputSchedule(tickStart, Arrays.copyOf(ids, n));
    }

    /** Appends the spikes of {@code tick} (taken modulo one image) to {@code batch}. */
    void fill(final long tick, final SpikeBatch batch)
    {
        final int t = (int)(tick % TICKS);
        batch.addAll(ids, tickStart[t], tickStart[t + 1] - tickStart[t]);
    }

    /** Spikes in one image. */
    int spikes()
    {
        return ids.length;
    }
}
