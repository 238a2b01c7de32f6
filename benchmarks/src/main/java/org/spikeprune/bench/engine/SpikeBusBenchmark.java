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
import org.spikeprune.engine.ThreadingMode;

/**
 * The cost of one tick of paper A's excitatory layer run through the {@link Engine}: the Controller dispatches
 * the tick's input spikes, the spike bus carries them to the cores, the cores add one weight row per spike and
 * update their neurons, and the barrier brings the outputs back. Compare with {@link DirectCallBenchmark}, the
 * same cores called directly: the difference is what the engine costs.
 *
 * <p>Loads: {@code paperA} is 3,500 input spikes scattered over the 1,000 ticks of one image (paper A's ~3.5
 * spikes per tick); {@code heavy} is 64 spikes on every tick. The score is per tick; divide by 3.5 or 64 for
 * the cost per spike.
 *
 * <p>Pitfall: the threaded modes pay one cross-thread round trip per tick whatever the tick carries, so the
 * cost per spike falls as spikes per tick rise; the barrier alone is measured by {@link TickBarrierBenchmark}.
 * The steady path must not allocate: run with {@code -prof gc} and read {@code gc.alloc.rate.norm}.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar 'org.spikeprune.bench.engine' -prof gc}.
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
public class SpikeBusBenchmark
{
    /** How the cores map to threads. */
    @Param({"INVOKER", "SHARED", "DEDICATED"})
    public ThreadingMode mode;

    /** Processing elements sharing the layer. */
    @Param({"1", "2"})
    public int cores;

    /** Input load: {@code paperA} or {@code heavy}. */
    @Param({"paperA", "heavy"})
    public String load;

    /** Excitatory neurons of the layer (paper A: 100 or 800). */
    @Param({"100"})
    public int neurons;

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
        controller = new ScheduleController(Loads.schedule(load));
        engine = Engine.builder().threadingMode(mode).idleMode(idle).skipEmptyTicks(false)
            .build(controller, DenseLifCore.partition(neurons, cores, Loads.WEIGHT_SEED));
        engine.start();
    }

    /** Stops the engine's threads. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.close();
    }

    /** One image: {@value InputSchedule#TICKS} ticks through the engine; the score is per tick. */
    @Benchmark
    @OperationsPerInvocation(InputSchedule.TICKS)
    public long image()
    {
        engine.run(tick, tick + InputSchedule.TICKS);
        tick += InputSchedule.TICKS;
        return controller.outputSpikes;
    }
}
