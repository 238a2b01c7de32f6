package org.spikeprune.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.spikeprune.core.dc.CoreProbe;

/**
 * One core alone during training presentations: ticks of Poisson input of a digit-like image with learning on
 * (input generation, delayed arrivals with the fused SOP + depression kernel, neuron updates, potentiation, the
 * core's own spikes routed back for lateral inhibition), every tick run, no engine. An invocation runs
 * {@value #TICKS} consecutive ticks, a twentieth of a presentation, so that it is rarely preempted on the shared
 * machine and its median is the on-CPU time; the result is the time per tick. Times 700 it is the core's share of
 * a training image, to set beside the end-to-end time of {@code spikeprune bench}.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar CoreTick -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
@OperationsPerInvocation(CoreTickBenchmark.TICKS)
public class CoreTickBenchmark
{
    /** Ticks per invocation. */
    static final int TICKS = 35;

    /** Excitatory neurons of the core. */
    @Param({"100", "400", "800"})
    public int neurons;

    /** Fraction of each neuron's synapses kept. */
    @Param({"1.0", "0.5", "0.25", "0.1", "0.05"})
    public double connectivity;

    private CoreProbe probe;
    private byte[] image;
    private long tick;
    private long presentations;
    private long spikes;

    /** Builds the core. */
    @Setup
    public void setUp()
    {
        probe = Fixtures.core(neurons, connectivity);
        probe.learning(true);
        image = Fixtures.image();
    }

    /**
     * The next {@value #TICKS} ticks; a new presentation starts every 700 ticks.
     *
     * @return spikes the core emitted.
     */
    @Benchmark
    public int ticks()
    {
        final int present = probe.presentTicks();
        int out = 0;
        for (int k = 0; k < TICKS; k++)
        {
            final long t = tick++;
            if (t % present == 0)
            {
                probe.present(t, image, 0, Fixtures.INTENSITY);
                presentations++;
            }
            out += probe.tick(t);
        }
        spikes += out;
        return out;
    }

    /** Reports the mean output spikes and SOPs per presentation. */
    @TearDown
    public void report()
    {
        if (presentations > 0)
        {
            System.out.printf("neurons %d connectivity %.2f: %.1f output spikes, %.0f SOPs per presentation%n",
                neurons, connectivity, spikes / (double)presentations, probe.synapticOps() / (double)presentations);
        }
    }
}
