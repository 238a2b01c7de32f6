package org.spikeprune.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The determinism contract: the same network and seed give the same spike train in every threading mode and for
 * every partition of the neurons over cores.
 */
class DeterminismTest
{
    private static final long SEED = 20_201_120L;
    private static final long TICKS = 10_000;

    private static RecurrentTestNetwork network;
    private static Result reference;

    @BeforeAll
    static void runReference()
    {
        network = new RecurrentTestNetwork(SEED);
        reference = run(ThreadingMode.INVOKER, 1);
    }

    static List<Arguments> modesAndCoreCounts()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final ThreadingMode mode : ThreadingMode.values())
        {
            for (final int cores : new int[] {1, 2, 3, 4, 8})
            {
                cases.add(Arguments.of(mode, cores));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} with {1} cores")
    @MethodSource("modesAndCoreCounts")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldProduceSameSpikeTrainDigestWhenModeOrCoreCountChanges(final ThreadingMode mode, final int cores)
    {
        // The reference network must really be active, and rest between presentations, or equal digests prove little.
        assertTrue(reference.spikes > 50_000, "reference spikes: " + reference.spikes);
        assertTrue(reference.ticksWithOutput > 5_000, "reference ticks with output: " + reference.ticksWithOutput);
        assertTrue(reference.ticksSkipped > 0, "reference skipped no tick");

        final Result first = run(mode, cores);
        final Result second = run(mode, cores);

        assertEquals(reference, first, "first run");
        assertEquals(first, second, "second run");
    }

    private static Result run(final ThreadingMode mode, final int cores)
    {
        final RecurrentTestNetwork.DigestController controller = network.controller();
        try (Engine engine = Engine.builder().threadingMode(mode).batchCapacity(64).build(
            controller, network.cores(cores)))
        {
            engine.start();
            // Two calls, so that a run resumed after a pause is part of the contract too.
            engine.run(0, TICKS / 2);
            engine.run(TICKS / 2, TICKS);
            assertEquals(TICKS, engine.ticksRun() + engine.ticksSkipped(), "ticks run + skipped");
            return new Result(
                controller.digest(), controller.spikeCount(), controller.ticksWithOutput(), engine.ticksSkipped());
        }
    }

    /** What must be equal between runs. */
    private record Result(long digest, long spikes, long ticksWithOutput, long ticksSkipped)
    {
        @Override
        public String toString()
        {
            return String.format("digest=%016x spikes=%d ticksWithOutput=%d skipped=%d",
                digest, spikes, ticksWithOutput, ticksSkipped);
        }
    }
}
