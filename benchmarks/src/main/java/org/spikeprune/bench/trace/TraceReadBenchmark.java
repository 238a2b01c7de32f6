package org.spikeprune.bench.trace;

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
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceReader;
import org.spikeprune.traces.TraceRecorder;
import org.spikeprune.traces.TraceSink;

/**
 * Read rate of a checked reader (checksum, index, kind and length of every record) over a trace of
 * {@value #RECORDS} events shaped like a run: per tick a batch of 1 to 8 input ids and one core tick (gathered
 * into INPUT_SPIKES and CORE_TICK records of 64 ticks). Scores are per event (a tick's spike batch or a core tick,
 * each a stop of the cursor); the trace is written once per trial, opened once per invocation.
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
public class TraceReadBenchmark
{
    /** Records in the trace. */
    public static final int RECORDS = 1_000_000;

    private Path dir;
    private Path trace;

    /** A sink that sums what it gets, so that nothing is optimised away. */
    static final class Summing implements TraceSink
    {
        long sum;

        @Override
        public void onInputSpikes(final long tick, final int[] ids, final int offset, final int count)
        {
            sum += tick + count + ids[offset];
        }

        @Override
        public void onCoreTick(
            final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
            final long stdpUpdates, final long decrements, final int spikesOut)
        {
            sum += synapticOps + stdpUpdates;
        }
    }

    /** Writes the trace. */
    @Setup(Level.Trial)
    public void write()
    {
        dir = TraceDirectories.create("trace-read-bench");
        trace = dir.resolve("trace");
        final int[] ids = new int[8];
        try (TraceRecorder recorder = TraceRecorder.start(trace, TraceHeader.of("bench", 1, "bench\n", "bench")))
        {
            for (int tick = 0; tick < RECORDS / 2; tick++)
            {
                final int n = 1 + (tick & 7);
                for (int i = 0; i < n; i++)
                {
                    ids[i] = (tick * 31 + i * 97) % 784;
                }
                recorder.onInputSpikes(tick, ids, 0, n);
                recorder.onCoreTick(tick, 0, n, 100L * n, 100, 100L * n, 10, 0);
            }
            recorder.finish("bench");
            System.out.printf(" [%d records, %.2f queue bytes per record]", recorder.committedRecords(),
                (double)recorder.committedBytes() / recorder.committedRecords());
        }
    }

    /** Deletes the trace. */
    @TearDown(Level.Trial)
    public void delete()
    {
        TraceDirectories.delete(dir);
    }

    /** Pull: next() and the accessors of the record's kind. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long cursor()
    {
        long sum = 0;
        try (TraceReader reader = TraceReader.open(trace))
        {
            while (reader.next())
            {
                sum += reader.tick();
                switch (reader.kind())
                {
                    case INPUT_SPIKES:
                        sum += reader.spikeCount() + reader.spikeId(0);
                        break;
                    case CORE_TICK:
                        sum += reader.synapticOps() + reader.stdpUpdates();
                        break;
                    default:
                        break;
                }
            }
            if (!reader.isComplete())
            {
                throw new IllegalStateException("trace is incomplete");
            }
        }
        return sum;
    }

    /** Push: read(TraceSink), which copies spike ids into the reader's buffer for the sink. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long sink()
    {
        final Summing summing = new Summing();
        try (TraceReader reader = TraceReader.open(trace))
        {
            reader.read(summing);
        }
        return summing.sum;
    }
}
