package org.spikeprune.bench.trace;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRecorder;

/**
 * What recording adds to a run: the same amount of simulated work per record ({@link Blackhole#consumeCPU}),
 * without and with one core tick recorded (gathered into CORE_TICK records), while the agent writes the queue on another thread. The
 * difference of the two scores is the recording overhead on the run's own thread when the agent keeps up;
 * {@code work} sets how much work the run does between two records (one unit is a few cycles).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-XX:+IgnoreUnrecognizedVMOptions", "--enable-native-access=ALL-UNNAMED",
    "--sun-misc-unsafe-memory-access=allow", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xmx1g"})
@State(Scope.Thread)
public class TraceOverheadBenchmark
{
    /** Work between two records, in {@link Blackhole#consumeCPU} units. */
    @Param({"200"})
    public long work;

    private Path dir;
    private TraceRecorder recorder;
    private long tick;

    /** Starts a recorder for the trial. */
    @Setup(Level.Trial)
    public void start()
    {
        dir = TraceDirectories.create("trace-overhead-bench");
        recorder = TraceRecorder.start(dir.resolve("trace"), TraceHeader.of("bench", 1, "bench\n", "bench"))
            .awaitStarted();
    }

    /** Stops the recorder and deletes the trace. */
    @TearDown(Level.Trial)
    public void stop()
    {
        recorder.finish("");
        TraceDirectories.delete(dir);
    }

    /** The work alone: the baseline. */
    @Benchmark
    public void workOnly()
    {
        Blackhole.consumeCPU(work);
    }

    /** The work and one core tick recorded. */
    @Benchmark
    public void workAndRecord()
    {
        Blackhole.consumeCPU(work);
        final long t = tick++;
        recorder.onCoreTick(t, 0, 5, 1000, 100, 10, 1, 2);
    }
}
