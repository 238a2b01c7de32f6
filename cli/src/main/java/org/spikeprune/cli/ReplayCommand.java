package org.spikeprune.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.trace.HardwareReplay;
import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.core.dc.InputSource;
import org.spikeprune.core.prune.PrunePolicy;
import org.spikeprune.engine.SpikeBatch;
import org.spikeprune.engine.ThreadingMode;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwareEstimate;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.traces.TickWorkDescriptor;
import org.spikeprune.traces.TickWorkReader;
import org.spikeprune.traces.TraceException;
import org.spikeprune.traces.TraceReader;
import org.spikeprune.traces.TraceRecordKind;
import org.spikeprune.traces.TraceStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spikeprune replay DIR}: re-drives the recorded run's network from the recorded input spikes and checks
 * that it reproduces the run bit for bit (same digest); with {@code --hw}, feeds the recorded unit actions through
 * the hardware model instead, without learning again.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a recorded run: re-drive the network from the recorded input spikes and compare the "
        + "digest, or (with --hw) time the recorded unit actions on another hardware configuration.")
public final class ReplayCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The trace folder written by train --trace.")
    Path dir;

    @Option(names = "--hw", paramLabel = "PRESET|FILE",
        description = "Time the recorded actions on this hardware (zedboard, zedboard-8pe, loihi-like, paper-a, or "
            + "a properties file) instead of re-running the network.")
    String hw;

    @Option(names = "--data", description = "Folder holding the IDX files (default: the data cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder.")
    Path cache;

    @Override
    public Integer call()
    {
        try
        {
            return hw != null ? replayHardware() : replayNetwork();
        }
        catch (final TraceException ex)
        {
            throw new InputException(ex.getMessage(), ex);
        }
    }

    private Integer replayHardware()
    {
        final HardwareConfig config = HardwarePresets.load(hw);
        final long t0 = System.nanoTime();
        final HardwareActivity a = hardwareActivity(dir, false);
        final Map<String, Double> m = HardwareEstimate.of(config, a.log()).toMap();
        final double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "replayed %d core-tick records of %s (from %s) on %s in %.2f s%n",
            a.coreTicks(), dir, a.source(), hw, seconds);
        for (final Map.Entry<String, Double> e : m.entrySet())
        {
            System.out.printf(Locale.ROOT, "hw.%s = %.1f%n", e.getKey(), e.getValue());
        }
        if (!a.complete())
        {
            System.out.println("note: the trace is incomplete (the recording did not finish)");
        }
        return 0;
    }

    /**
     * The recorded run's hardware activity: from the trace's tick-work file when it is whole (it never opens the
     * queue), else from the queue's records.
     *
     * @param dir       the trace.
     * @param fromQueue read the queue even when the tick-work file is whole.
     * @return the filled activity log and where it came from.
     */
    static HardwareActivity hardwareActivity(final Path dir, final boolean fromQueue)
    {
        if (!fromQueue && TickWorkReader.exists(dir))
        {
            try (TickWorkReader work = TickWorkReader.open(dir))
            {
                final ActivityLog log = new ActivityLog(shape(dir, work.header().configText()));
                final HardwareReplay replay = new HardwareReplay(log);
                final long coreTicks = work.read(replay);
                if (work.hasEnd())
                {
                    replay.finish();
                    return new HardwareActivity(log, coreTicks, TickWorkDescriptor.FILE_NAME,
                        work.status() == TraceStatus.COMPLETE);
                }
            }
            System.out.println("note: " + TickWorkDescriptor.FILE_NAME + " has no end block (the recording did not "
                + "finish); reading the queue instead");
        }
        try (TraceReader reader = TraceReader.open(dir))
        {
            final ActivityLog log = new ActivityLog(shape(dir, reader.header().configText()));
            final HardwareReplay replay = new HardwareReplay(log);
            reader.read(replay);
            replay.finish();
            return new HardwareActivity(log, reader.coreTicks(), "the queue",
                reader.isComplete());
        }
    }

    /**
     * The network the hardware model times: paper A's, with the trace configuration's {@code network.exc_neurons}
     * excitatory neurons. Nothing else of the configuration is needed, so a trace written by another tool (and
     * imported with {@code trace import}) needs only that line.
     */
    private static NetworkShape shape(final Path dir, final String configText)
    {
        final String n = TrainCommand.parseRunConfigText(configText).get("network.exc_neurons");
        if (n == null)
        {
            throw new InputException(dir + ": the trace's configuration has no network.exc_neurons line: the "
                + "hardware model needs the number of excitatory neurons");
        }
        try
        {
            final int neurons = Integer.parseInt(n.trim());
            if (neurons > 0)
            {
                return NetworkShape.paperA(neurons);
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw new InputException(dir + ": the trace's configuration has network.exc_neurons=" + n + ": it must be a "
            + "whole number > 0");
    }

    /**
     * A recorded run's hardware activity.
     *
     * @param log       the filled log.
     * @param coreTicks core-tick records replayed.
     * @param source    what was read.
     * @param complete  whether the recording finished.
     */
    record HardwareActivity(ActivityLog log, long coreTicks, String source, boolean complete)
    {
    }

    private Integer replayNetwork()
    {
        final long t0 = System.nanoTime();
        final Map<String, String> run;
        final String recordedDigest;
        try (TraceReader header = TraceReader.open(dir))
        {
            run = runConfig(dir, header.header().configText());
            while (header.next())
            {
                // walk to the end record
            }
            if (!header.isComplete())
            {
                throw new InputException(dir + ": the trace is incomplete (no end record): it cannot be replayed "
                    + "bit for bit; `spikeprune trace inspect` shows what it holds");
            }
            recordedDigest = header.end().runDigest();
        }
        final String profile = run.remove("run.profile");
        final String pruning = run.remove("run.pruning");
        final long seed = Long.parseLong(run.remove("run.seed"));
        final long nTrain = Long.parseLong(run.remove("run.train_images"));
        final long nTest = Long.parseLong(run.remove("run.test_images"));
        final long nAssign = Long.parseLong(run.remove("run.assign_images"));
        final int cores = Integer.parseInt(run.remove("run.cores"));
        final ThreadingMode mode = TrainCommand.threadingMode(run.remove("run.threading"));
        final Params params = DcProfiles.params(profile, Map.of(), "trace", run);
        final DcParams p = new DcParams(params);
        final MnistFiles files = data != null ? MnistFiles.load(data) : DataCache.resolve(cache).load(
            p.dataSet().equals("mnist") ? CachedDataset.MNIST : CachedDataset.FASHION_MNIST);
        final DcTrainer.Data d = DcTrainer.Data.of(files);
        final PrunePolicy policy = Policies.create(pruning, params, nTrain * p.epochs(), p.excNeurons(), p.wMax());
        final DcTrainer.Result result;
        try (RecordedInput inputs = new RecordedInput(TraceReader.open(dir));
            Progress progress = new Progress(System.err, "replay " + profile))
        {
            result = DcTrainer.run(p, d, new DcTrainer.Request(seed, cores, mode, nTrain, nTest, nAssign, policy,
                ActivitySink.NONE, progress, false, inputs));
            if (inputs.remaining() > 0)
            {
                throw new InputException(dir + ": " + inputs.remaining() + " recorded input records were not "
                    + "consumed: the replay diverged from the recording");
            }
        }
        final boolean same = result.digest().equals(recordedDigest);
        System.out.printf(Locale.ROOT, "replay of %s: accuracy %.2f%%, digest %s (recorded %s): %s, %.1f s%n", dir,
            100 * result.accuracy(), result.digest().substring(0, 16),
            recordedDigest.isEmpty() ? "-" : recordedDigest.substring(0, Math.min(16, recordedDigest.length())),
            same ? "identical" : "DIFFERENT", (System.nanoTime() - t0) / 1e9);
        return same ? 0 : 1;
    }

    private static Map<String, String> runConfig(final Path dir, final String text)
    {
        final Map<String, String> m = TrainCommand.parseRunConfigText(text);
        if (!m.containsKey("run.profile"))
        {
            throw new InputException(dir + ": the trace header holds no run configuration (run.profile missing)");
        }
        return m;
    }

    /**
     * Input spikes read back from a trace, in recorded order: the training network, then the assignment and test
     * networks each consume their presentations' records in turn.
     */
    static final class RecordedInput implements InputSource.Factory, AutoCloseable
    {
        private final TraceReader reader;
        private boolean has;
        private long peekTick;
        private long remaining;

        RecordedInput(final TraceReader reader)
        {
            this.reader = reader;
            advance();
        }

        private void advance()
        {
            while (reader.next())
            {
                if (reader.kind() == TraceRecordKind.INPUT_SPIKES)
                {
                    has = true;
                    peekTick = reader.tick();
                    return;
                }
            }
            has = false;
        }

        long remaining()
        {
            remaining = 0;
            while (has)
            {
                remaining++;
                advance();
            }
            return remaining;
        }

        @Override
        public InputSource create(final String streamName, final int horizonTicks)
        {
            return new InputSource()
            {
                private long start;

                @Override
                public void begin(final long tick, final byte[] pixels, final int offset, final double rate,
                    final double dtMs)
                {
                    start = tick;
                }

                @Override
                public void emit(final long tick, final SpikeBatch out)
                {
                    while (has && peekTick == tick && tick >= start && tick < start + horizonTicks)
                    {
                        final int n = reader.spikeCount();
                        for (int i = 0; i < n; i++)
                        {
                            out.add(reader.spikeId(i));
                        }
                        advance();
                    }
                }

                @Override
                public long nextTick(final long tick)
                {
                    return has && peekTick >= tick && peekTick < start + horizonTicks ? peekTick : Long.MAX_VALUE;
                }
            };
        }

        @Override
        public void close()
        {
            reader.close();
        }
    }
}
