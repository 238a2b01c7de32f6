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
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.core.dc.CoreProbe;

/**
 * The neuron update loop of a core: one Euler step (0.5 ms) of every conductance LIF neuron with its adaptive
 * threshold, refractoriness and threshold test — the simulator's own {@code integrate}, through
 * {@link CoreProbe}. No synaptic input arrives, so no neuron fires: this is the per-tick cost every neuron pays
 * in every tick the engine runs. The result is the time per tick of the whole core; divide by {@code neurons}
 * for the time per neuron update.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar NeuronUpdate -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
@OperationsPerInvocation(NeuronUpdateBenchmark.TICKS)
public class NeuronUpdateBenchmark
{
    /** Ticks per invocation. */
    static final int TICKS = 16;

    /** Excitatory neurons of the core. */
    @Param({"100", "400", "800"})
    public int neurons;

    private CoreProbe probe;
    private int tick;

    /** Builds the core, learning on (θ decays every tick). */
    @Setup
    public void setUp()
    {
        probe = Fixtures.core(neurons, 1.0);
        probe.learning(true);
    }

    /**
     * One tick of every neuron, {@value #TICKS} times.
     *
     * @return spikes emitted.
     */
    @Benchmark
    public int integrate()
    {
        int spikes = 0;
        for (int k = 0; k < TICKS; k++)
        {
            spikes += probe.integrate(tick++);
        }
        return spikes;
    }
}
