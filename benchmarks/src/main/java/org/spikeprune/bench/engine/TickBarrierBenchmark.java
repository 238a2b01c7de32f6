package org.spikeprune.bench.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.engine.Engine;
import org.spikeprune.engine.IdleMode;
import org.spikeprune.engine.ProcessingElement;
import org.spikeprune.engine.SpikeBatch;
import org.spikeprune.engine.ThreadingMode;

/**
 * The fixed cost of one tick: no spike dispatched, cores that do nothing, empty-tick skipping off, so every tick
 * is one trip through dispatch, the spike bus, the end-of-tick barrier, the output merge and the Controller's
 * output callback. In {@link ThreadingMode#INVOKER} that is a few calls; in the threaded modes it is a
 * cross-thread round trip.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar TickBarrierBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {
    ForkFlags.ADD_OPENS_REFLECT, ForkFlags.ADD_EXPORTS_NIO, ForkFlags.ADD_EXPORTS_REF, ForkFlags.ADD_EXPORTS_MISC,
    ForkFlags.IGNORE_UNRECOGNIZED, ForkFlags.NATIVE_ACCESS, ForkFlags.UNSAFE_ACCESS, ForkFlags.NO_ANALYTICS,
    ForkFlags.NO_ANNOUNCER})
@State(Scope.Benchmark)
public class TickBarrierBenchmark
{
    private static final int TICKS = 1_000;

    /** How the cores map to threads. */
    @Param({"INVOKER", "SHARED", "DEDICATED"})
    public ThreadingMode mode;

    /** Processing elements. */
    @Param({"1", "2"})
    public int cores;

    /** How the engine's threads wait. */
    @Param({"BACKOFF"})
    public IdleMode idle;

    private Engine engine;
    private ScheduleController controller;
    private long tick;

    /** Builds and starts the engine. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final ProcessingElement[] pes = new ProcessingElement[cores];
        for (int c = 0; c < cores; c++)
        {
            pes[c] = new IdleCore();
        }
        controller = new ScheduleController(null);
        engine = Engine.builder().threadingMode(mode).idleMode(idle).skipEmptyTicks(false).build(controller, pes);
        engine.start();
    }

    /** Stops the engine's threads. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.close();
    }

    /** {@value #TICKS} empty ticks; the score is per tick. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long emptyTicks()
    {
        engine.run(tick, tick + TICKS);
        tick += TICKS;
        return engine.ticksRun();
    }

    /** A core with nothing to do that never reports itself quiescent. */
    static final class IdleCore implements ProcessingElement
    {
        @Override
        public void onSpikes(final long tick, final SpikeBatch spikes)
        {
        }

        @Override
        public void advance(final long tick, final SpikeBatch out)
        {
        }
    }
}
