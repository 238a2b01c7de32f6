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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRecorder;

/**
 * Cost of recording one event, measured on the producer's thread while the trace agent writes the Chronicle
 * queue on another. The ring absorbs bursts; over a whole iteration the producer can go no faster than the agent
 * writes, so the throughput here is the sustained write rate, and {@code -prof gc} shows the allocation per
 * event ({@code gc.alloc.rate.norm}, expected 0 B/op).
 *
 * <p>Pitfall: a recorder started per iteration (a new queue, an 8 MiB ring) allocates about a megabyte inside
 * the measured iteration, which {@code -prof gc} then spreads over the iteration's events as a false 1 to 2 B/op.
 * So one recorder serves the whole trial (about 70 bytes per event on disk, deleted at the end), and the bytes
 * written per event (documents plus their 4-byte queue headers, over the calls made) are printed once at the end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-XX:+IgnoreUnrecognizedVMOptions", "--enable-native-access=ALL-UNNAMED",
    "--sun-misc-unsafe-memory-access=allow", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xmx1g"})
@State(Scope.Thread)
public class TraceAppendBenchmark
{
    private final int[] ids = new int[16];
    private Path dir;
    private TraceRecorder recorder;
    private long tick;
    private long recordsAtStart;
    private long bytesAtStart;

    /** Starts a recorder in a fresh directory. */
    @Setup(Level.Trial)
    public void start()
    {
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = i * 49;
        }
        dir = TraceDirectories.create("trace-bench");
        recorder = TraceRecorder.start(dir.resolve("trace"), TraceHeader.of("bench", 1, "bench: true\n", "bench"))
            .awaitStarted();
        recordsAtStart = recorder.committedRecords();
        bytesAtStart = recorder.committedBytes();
    }

    /** Closes the recorder (the agent drains the ring), prints the bytes per event and deletes the trace. */
    @TearDown(Level.Trial)
    public void stop()
    {
        recorder.finish("");
        final long records = recorder.committedRecords() - recordsAtStart;
        final long events = tick;
        System.out.printf(" [%d events in %d records, %.2f queue bytes per event]", events, records,
            events == 0 ? 0.0 : (double)(recorder.committedBytes() - bytesAtStart) / events);
        TraceDirectories.delete(dir);
    }

    /** One core tick, gathered into the pending CORE_TICK record (a row each: the core changes every call). */
    @Benchmark
    public void coreTick()
    {
        final long t = tick++;
        recorder.onCoreTick(t, (int)t & 3, 5, 1000, 100, 10, 1, 2);
    }

    /** One tick of 16 input ids, gathered into the pending INPUT_SPIKES record (72 bytes a tick in the record). */
    @Benchmark
    public void inputSpikes16()
    {
        recorder.onInputSpikes(tick++, ids, 0, ids.length);
    }

    /** One IMAGE_START record (32 bytes), the smallest record. */
    @Benchmark
    public void imageStart()
    {
        final long t = tick++;
        recorder.onImageStart(t, (int)t, 3, true, 0);
    }
}
