package org.spikeprune.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.core.dc.CoreProbe;

/**
 * STDP post-spike potentiation of one neuron on the simulator's storage: every synapse onto the neuron (784 ×
 * connectivity of them, scattered over the core's delay groups) looks up its pre-synaptic trace in the
 * emission history of its input and gains {@code ν_post·x·y2}, clipped at w_max. The histories are those left
 * by 350 ticks of Poisson input of a digit-like image, so most traces are live. The result is the time per
 * potentiation (one post-synaptic spike); the neuron cycles over the core.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar Potentiation -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class PotentiationBenchmark
{
    /** Excitatory neurons of the core (the storage the synapses are scattered over). */
    @Param({"100", "800"})
    public int neurons;

    /** Fraction of each neuron's synapses kept. */
    @Param({"1.0", "0.5", "0.25", "0.1", "0.05"})
    public double connectivity;

    private CoreProbe probe;
    private int tick;
    private int neuron;

    /** Builds the core and fills the emission histories with one presentation's input. */
    @Setup
    public void setUp()
    {
        probe = Fixtures.core(neurons, connectivity);
        probe.learning(false);
        probe.present(0, Fixtures.image(), 0, Fixtures.INTENSITY);
        tick = 350;
        for (int t = 0; t < tick; t++)
        {
            probe.tick(t);
        }
    }

    /**
     * Potentiates the next neuron as if it fired now.
     *
     * @return the neuron.
     */
    @Benchmark
    public int potentiate()
    {
        final int j = neuron;
        probe.potentiate(j, tick);
        neuron = j + 1 == neurons ? 0 : j + 1;
        return j;
    }
}
