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
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.engine.ProcessingElement;
import org.spikeprune.engine.SpikeBatch;

/**
 * The baseline of {@link SpikeBusBenchmark}: the same schedule and the same cores, called directly in a loop on
 * one thread, with no Controller, ring, barrier or output merge. Its score per tick is the work itself.
 *
 * <p>How to run: together with {@link SpikeBusBenchmark}, in the same run, so that both see the same machine:
 * {@code java -jar benchmarks/target/benchmarks.jar 'org.spikeprune.bench.engine' -prof gc}.
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
public class DirectCallBenchmark
{
    /** Processing elements sharing the layer. */
    @Param({"1", "2"})
    public int cores;

    /** Input load: {@code paperA} or {@code heavy}. */
    @Param({"paperA", "heavy"})
    public String load;

    /** Excitatory neurons of the layer (paper A: 100 or 800). */
    @Param({"100"})
    public int neurons;

    private InputSchedule schedule;
    private ProcessingElement[] pes;
    private SpikeBatch[] outputs;
    private SpikeBatch input;
    private long tick;

    /** Builds the cores. */
    @Setup(Level.Trial)
    public void setUp()
    {
        schedule = Loads.schedule(load);
        pes = DenseLifCore.partition(neurons, cores, Loads.WEIGHT_SEED);
        outputs = new SpikeBatch[cores];
        for (int c = 0; c < cores; c++)
        {
            outputs[c] = new SpikeBatch(1024);
        }
        input = new SpikeBatch(1024);
    }

    /** One image: {@value InputSchedule#TICKS} ticks of direct calls; the score is per tick. */
    @Benchmark
    @OperationsPerInvocation(InputSchedule.TICKS)
    public long image()
    {
        long fired = 0;
        for (int i = 0; i < InputSchedule.TICKS; i++, tick++)
        {
            input.clear();
            schedule.fill(tick, input);
            for (int c = 0; c < pes.length; c++)
            {
                final SpikeBatch out = outputs[c];
                out.clear();
                pes[c].onSpikes(tick, input);
                pes[c].advance(tick, out);
                fired += out.count();
            }
        }
        return fired;
    }
}
