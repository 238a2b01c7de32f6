package org.spikeprune.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.core.dc.CoreProbe;

/**
 * Poisson input generation for one presentation (350 ms = 700 ticks) of a digit-like image: the simulator's
 * generator, which draws one geometric inter-spike interval per spike and keeps pending spikes in a calendar of
 * per-tick lists. The result is the time per presentation; the image gives about 2,300 spikes (printed at
 * set-up), so divide by that for the time per input spike.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar PoissonInput -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class PoissonInputBenchmark
{
    private CoreProbe probe;
    private byte[] image;
    private long tick;

    /** Builds the generator and reports the spikes of one presentation. */
    @Setup
    public void setUp()
    {
        probe = Fixtures.core(100, 1.0);
        image = Fixtures.image();
        final int spikes = presentation();
        System.out.println("input spikes per presentation: " + spikes);
    }

    /**
     * Generates every input spike of one presentation.
     *
     * @return the number of spikes.
     */
    @Benchmark
    public int presentation()
    {
        final int ticks = probe.presentTicks();
        final long t0 = tick;
        probe.present(t0, image, 0, Fixtures.INTENSITY);
        int spikes = 0;
        for (int t = 0; t < ticks; t++)
        {
            spikes += probe.emit(t0 + t);
        }
        tick = t0 + ticks;
        return spikes;
    }
}
