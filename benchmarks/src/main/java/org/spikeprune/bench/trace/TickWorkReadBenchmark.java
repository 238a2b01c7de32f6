package org.spikeprune.bench.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spikeprune.traces.TickWorkDescriptor;
import org.spikeprune.traces.TickWorkReader;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRecorder;
import org.spikeprune.traces.TraceSink;

/**
 * Read rate of a trace's tick-work file, what {@code replay --hw} reads, over {@value #TICKS} ticks of one core
 * shaped like a run: 1,000-tick images whose last 300 ticks are idle (the core only updates its neurons), the busy
 * ticks drawn from about a thousand distinct shapes. Scores are per core-tick record; the trace is written once
 * per trial, the file opened and checked once per invocation. {@code perRecord} takes every core-tick as a call,
 * {@code perRun} every run of ticks, {@code perShape} also the sequences of numbered ticks (what replay --hw
 * does).
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
@State(Scope.Benchmark)
public class TickWorkReadBenchmark
{
    /** Ticks (core-tick records) in the trace. */
    public static final int TICKS = 1_000_000;

    private Path dir;
    private Path trace;

    /** Sums every core-tick record, one call each (the default expansion of a run). */
    static final class PerRecord implements TraceSink
    {
        long sum;

        @Override
        public void onCoreTick(
            final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
            final long stdpUpdates, final long decrements, final int spikesOut)
        {
            sum += synapticOps + stdpUpdates;
        }
    }

    /** Sums a run of ticks in one step, as a hardware model that aggregates does. */
    static final class PerRun implements TraceSink
    {
        long sum;

        @Override
        public void onTicks(final long tick, final int repeat, final int shape, final int cores,
            final long[] vectors)
        {
            sum += repeat * (vectors[TickWorkDescriptor.SYNAPTIC_OPS] + vectors[TickWorkDescriptor.STDP_UPDATES]);
        }
    }

    /** Keeps a sum per shape number and adds it up for sequences of numbered ticks, as the hardware replay does. */
    static final class PerShape implements TraceSink
    {
        long sum;
        long[] shapeSums = new long[1024];

        @Override
        public void onTicks(final long tick, final int repeat, final int shape, final int cores,
            final long[] vectors)
        {
            final long s = vectors[TickWorkDescriptor.SYNAPTIC_OPS] + vectors[TickWorkDescriptor.STDP_UPDATES];
            if (shape >= 0)
            {
                if (shape >= shapeSums.length)
                {
                    shapeSums = java.util.Arrays.copyOf(shapeSums, Math.max(shape + 1, shapeSums.length * 2));
                }
                shapeSums[shape] = s;
            }
            sum += repeat * s;
        }

        @Override
        public boolean onTickSequence(final long tick, final int count, final int[] shapes)
        {
            final long[] sums = shapeSums;
            for (int i = 0; i < count; i++)
            {
                sum += sums[shapes[i]];
            }
            return true;
        }
    }

    /** Writes the trace. */
    @Setup(Level.Trial)
    public void write() throws java.io.IOException
    {
        dir = TraceDirectories.create("tick-work-read-bench");
        trace = dir.resolve("trace");
        final int[] ids = new int[8];
        try (TraceRecorder recorder = TraceRecorder.start(trace, TraceHeader.of("bench", 1, "bench\n", "bench")))
        {
            for (int tick = 0; tick < TICKS; tick++)
            {
                if (tick % 1000 == 0)
                {
                    recorder.onImageStart(tick, tick / 1000, 0, true, 0);
                }
                if (tick % 1000 < 700)
                {
                    final int n = 1 + (tick & 7);
                    for (int i = 0; i < n; i++)
                    {
                        ids[i] = (tick * 31 + i * 97) % 784;
                    }
                    recorder.onInputSpikes(tick, ids, 0, n);
                    recorder.onCoreTick(tick, 0, n, 100L * n, 100, (tick * 31L) % 127, tick % 3, 0);
                }
                else
                {
                    recorder.onCoreTick(tick, 0, 0, 0, 100, 0, 0, 0);
                }
                if (tick % 1000 == 999)
                {
                    recorder.onImageEnd(tick, tick / 1000, 5);
                }
            }
            recorder.finish("bench");
        }
        System.out.printf(" [%d core-tick records, %.2f tick-work bytes per record]", TICKS,
            (double)Files.size(trace.resolve(TickWorkDescriptor.FILE_NAME)) / TICKS);
    }

    /** Deletes the trace. */
    @TearDown(Level.Trial)
    public void delete()
    {
        TraceDirectories.delete(dir);
    }

    /** Every core-tick record delivered as an {@code onCoreTick} call. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long perRecord()
    {
        final PerRecord sink = new PerRecord();
        read(sink);
        return sink.sum;
    }

    /** Runs of ticks delivered as {@code onTicks} calls. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long perRun()
    {
        final PerRun sink = new PerRun();
        read(sink);
        return sink.sum;
    }

    /** Runs of ticks as {@code onTicks} calls, sequences of numbered ticks as {@code onTickSequence} calls. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long perShape()
    {
        final PerShape sink = new PerShape();
        read(sink);
        return sink.sum;
    }

    private void read(final TraceSink sink)
    {
        try (TickWorkReader work = TickWorkReader.open(trace))
        {
            if (work.read(sink) != TICKS || !work.hasEnd())
            {
                throw new IllegalStateException("tick-work file is incomplete");
            }
        }
    }
}
