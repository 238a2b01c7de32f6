package org.spikeprune.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * More than 10⁷ spike events through the spike bus, each checked by every core that receives it: the number of
 * spikes of every tick and every id at its position are functions of (tick, index) that the cores recompute, so a
 * lost, duplicated, stale or reordered event fails the check. The output path is checked the same way by the
 * Controller. Tick sizes vary from 0 to several times the batch capacity, so entries grow while running.
 */
@Tag("slow")
class SpikeBusStressTest
{
    private static final int TICKS = 20_000;
    private static final int CORES = 2;
    private static final long MIN_EVENTS = 10_000_000L;

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldDeliverEveryEventOnceAndInOrderWhenTenMillionEventsPass(final ThreadingMode mode)
    {
        final CheckingController controller = new CheckingController();
        final CheckingCore[] cores = new CheckingCore[CORES];
        for (int c = 0; c < CORES; c++)
        {
            cores[c] = new CheckingCore(c);
        }
        try (Engine engine = Engine.builder().threadingMode(mode).batchCapacity(256).ringSize(16).build(
            controller, cores))
        {
            engine.run(0, TICKS);
            assertEquals(TICKS, engine.ticksRun());
        }

        long expectedEvents = 0;
        long expectedChecksum = 0;
        for (int t = 0; t < TICKS; t++)
        {
            final int n = spikesAt(t);
            expectedEvents += n;
            for (int k = 0; k < n; k++)
            {
                expectedChecksum += spikeId(t, k);
            }
        }
        assertTrue(expectedEvents >= MIN_EVENTS, "events: " + expectedEvents);
        assertEquals(expectedEvents, controller.dispatched);
        for (final CheckingCore core : cores)
        {
            assertEquals(TICKS, core.ticks, "ticks seen by core " + core.id);
            assertEquals(expectedEvents, core.events, "events seen by core " + core.id);
            assertEquals(expectedChecksum, core.checksum, "checksum of core " + core.id);
        }
        assertEquals(TICKS, controller.outputTicks);
        assertEquals((long)TICKS * CORES * 3, controller.outputEvents);
    }

    /** Spikes on tick {@code t}: 0 to ~2,300, mostly around 1,100; every 97th tick is empty. */
    static int spikesAt(final long tick)
    {
        if (tick % 97 == 0)
        {
            return 0;
        }
        final long h = mix(tick);
        return (int)((h & 1023) + ((h >>> 10) & 255) + ((h >>> 20) % 7 == 0 ? 1024 : 0));
    }

    /** The {@code k}-th spike of tick {@code t}: strictly ascending in {@code k}, random low bits. */
    static int spikeId(final long tick, final int k)
    {
        return (k << 4) | (int)(mix(tick * 4099 + k) & 15);
    }

    private static long mix(final long v)
    {
        long z = v + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Checks every received event against (tick, index) and answers three spikes derived from (tick, core). */
    static final class CheckingCore implements ProcessingElement
    {
        final int id;
        long ticks;
        long events;
        long checksum;
        private long expectedTick;

        CheckingCore(final int id)
        {
            this.id = id;
        }

        @Override
        public void onSpikes(final long tick, final SpikeBatch spikes)
        {
            if (tick != expectedTick)
            {
                throw new AssertionError("core " + id + " expected tick " + expectedTick + " but got " + tick);
            }
            final int n = spikesAt(tick);
            if (spikes.count() != n)
            {
                throw new AssertionError("tick " + tick + ": expected " + n + " spikes but got " + spikes.count());
            }
            final int[] ids = spikes.array();
            for (int k = 0; k < n; k++)
            {
                final int expected = spikeId(tick, k);
                if (ids[k] != expected)
                {
                    throw new AssertionError("tick " + tick + " spike " + k + ": expected " + expected
                        + " but got " + ids[k]);
                }
                checksum += ids[k];
            }
            events += n;
        }

        @Override
        public void advance(final long tick, final SpikeBatch out)
        {
            for (int k = 0; k < 3; k++)
            {
                out.add(outputId(tick, id, k));
            }
            ticks++;
            expectedTick = tick + 1;
        }
    }

    static int outputId(final long tick, final int core, final int k)
    {
        return core * 1_000_000 + k * 1_000 + (int)(tick % 997);
    }

    /** Dispatches the (tick, index) spikes and checks that the merged output is core 0's spikes, then core 1's. */
    static final class CheckingController implements Controller
    {
        long dispatched;
        long outputTicks;
        long outputEvents;

        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            final int n = spikesAt(tick);
            for (int k = 0; k < n; k++)
            {
                spikes.add(spikeId(tick, k));
            }
            dispatched += n;
        }

        @Override
        public void onOutput(final long tick, final SpikeBatch spikes)
        {
            if (spikes.count() != CORES * 3)
            {
                throw new AssertionError("tick " + tick + ": expected " + CORES * 3 + " output spikes, got " + spikes);
            }
            int i = 0;
            for (int c = 0; c < CORES; c++)
            {
                for (int k = 0; k < 3; k++, i++)
                {
                    if (spikes.id(i) != outputId(tick, c, k))
                    {
                        throw new AssertionError("tick " + tick + " output " + i + ": " + spikes);
                    }
                }
            }
            outputTicks++;
            outputEvents += spikes.count();
        }
    }
}
