package org.spikeprune.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.IdxDataset;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.prune.WeightMemory;
import org.spikeprune.engine.ThreadingMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spikeprune bench}: end-to-end speed of paper A's network. For every connectivity it builds the network,
 * prunes each neuron's weakest input weights down to that fraction (before any timing), trains on a fixed number
 * of images and then tests (learning off) on the same network, and reports images/s, SOPs/s, ticks/s, time per
 * image and where the time goes (a JFR execution-sample profile aggregated by simulator unit, see
 * {@link TimeBreakdown}). Writes {@code bench.csv} and {@code bench.md} and prints the table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure training and test speed of a network profile at several connectivities, with the "
        + "time broken down by unit; writes bench.csv and bench.md.")
public final class BenchCommand implements Callable<Integer>
{
    @Option(names = "--profile", defaultValue = "guo2020-mnist-100",
        description = "Network profile (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--train-images", defaultValue = "1000",
        description = "Training images timed per connectivity (default ${DEFAULT-VALUE}).")
    long trainImages;

    @Option(names = "--test-images", defaultValue = "200",
        description = "Test images timed per connectivity (default ${DEFAULT-VALUE}).")
    long testImages;

    @Option(names = "--warmup-images", defaultValue = "200",
        description = "Training images (and a quarter as many test images) run once, untimed, before the first "
            + "connectivity (JIT warm-up; default ${DEFAULT-VALUE}).")
    long warmupImages;

    @Option(names = "--connectivity", split = ",", defaultValue = "1.0,0.5,0.25,0.1,0.05",
        description = "Connectivities to measure, each in (0, 1] (default ${DEFAULT-VALUE}).")
    List<Double> connectivity;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cores", defaultValue = "1", description = "Processing elements (default ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--threading", defaultValue = "invoker",
        description = "invoker, shared or dedicated (default ${DEFAULT-VALUE}).")
    String threading;

    @Option(names = "--no-breakdown", description = "Do not record where the time goes (no flight recording).")
    boolean noBreakdown;

    @Option(names = "--set", description = "Override one parameter, key=value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--data", description = "Folder holding the IDX files (default: the data cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    @Option(names = "--out", description = "Output folder (default: runs/bench-<profile>).")
    Path out;

    @Override
    public Integer call()
    {
        final PrintStream stdout = System.out;
        validate();
        final Map<String, String> setMap = Params.parseAssignments(sets);
        final Params params = DcProfiles.params(profile, Map.of(), "config", setMap);
        final DcParams p = new DcParams(params);
        final ThreadingMode mode = TrainCommand.threadingMode(threading);
        final MnistFiles files = data != null ? MnistFiles.load(data) : DataCache.resolve(cache)
            .load(p.dataSet().equals("mnist") ? CachedDataset.MNIST : CachedDataset.FASHION_MNIST);
        final IdxDataset train = files.train();
        final IdxDataset test = files.test();
        final Images trainSet = new Images(train.images().pixels(), train.labels().labels(), train.count());
        final Images testSet = new Images(test.images().pixels(), test.labels().labels(), test.count());
        final long nTest = Math.min(testImages, test.count());
        final RunOutput output = new RunOutput(out != null ? out : Path.of("runs", "bench-" + profile));
        final Machine machine = Machine.describe();

        stdout.printf(Locale.ROOT, "spikeprune bench: %s, %d training + %d test images per connectivity, "
            + "connectivity %s, seed %d, %d core(s), %s%n", profile, trainImages, nTest, connectivity, seed, cores,
            mode.name().toLowerCase(Locale.ROOT));
        stdout.println(machine.line());
        if (warmupImages > 0)
        {
            final long warmTest = Math.min(nTest, Math.max(1, warmupImages / 4));
            stdout.printf(Locale.ROOT, "warm-up: %d training and %d test images (untimed)%n", warmupImages,
                warmTest);
            try (DcNetwork net = new DcNetwork(p, seed, cores, mode, ActivitySink.NONE))
            {
                present(net, trainSet, warmupImages, true);
                present(net, testSet, warmTest, false);
            }
        }
        final List<BenchRow> rows = new ArrayList<>();
        for (final double c : connectivity)
        {
            try (DcNetwork net = new DcNetwork(p, seed, cores, mode, ActivitySink.NONE))
            {
                final long live = pruneToConnectivity(net.weights(), c);
                net.compact();
                final double actual = net.weights().connectivity();
                final BenchRow trainRow = measure(net, trainSet, trainImages, true, c, actual, live, mode);
                rows.add(trainRow);
                stdout.println(trainRow.line());
                if (nTest > 0)
                {
                    final BenchRow testRow = measure(net, testSet, nTest, false, c, actual, live, mode);
                    rows.add(testRow);
                    stdout.println(testRow.line());
                }
            }
        }
        final String md = BenchRow.markdown(profile, machine, trainImages, nTest, rows);
        output.writeText("bench.csv", BenchRow.csv(profile, rows));
        output.writeText("bench.md", md);
        stdout.println();
        stdout.print(md);
        stdout.println("wrote " + output.dir().resolve("bench.csv") + ", bench.md");
        return 0;
    }

    private void validate()
    {
        if (trainImages <= 0)
        {
            throw new UsageException("--train-images=" + trainImages + " is invalid: must be > 0");
        }
        if (testImages < 0)
        {
            throw new UsageException("--test-images=" + testImages + " is invalid: must be >= 0");
        }
        if (warmupImages < 0)
        {
            throw new UsageException("--warmup-images=" + warmupImages + " is invalid: must be >= 0");
        }
        if (connectivity == null || connectivity.isEmpty())
        {
            throw new UsageException("--connectivity is empty: give fractions in (0, 1], e.g. 1.0,0.1");
        }
        for (final double c : connectivity)
        {
            if (!(c > 0 && c <= 1))
            {
                throw new UsageException("--connectivity " + c + " is invalid: each must be in (0, 1]");
            }
        }
    }

    private BenchRow measure(final DcNetwork net, final Images set, final long images, final boolean learn,
        final double target, final double actual, final long live, final ThreadingMode mode)
    {
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        final boolean threadCpu = mode == ThreadingMode.INVOKER && mx.isCurrentThreadCpuTimeSupported();
        final long sops0 = net.synapticOps();
        final long updates0 = net.stdpUpdates();
        final long neuron0 = net.neuronUpdates();
        final long input0 = net.inputSpikes();
        final long pres0 = net.presentations();
        final long[] ticks0 = net.engineTicks();
        final TimeBreakdown breakdown = noBreakdown ? null : TimeBreakdown.start(Thread.currentThread());
        final long cpu0 = cpuNanos(mx, threadCpu);
        final long wall0 = System.nanoTime();
        present(net, set, images, learn);
        final long wall = System.nanoTime() - wall0;
        final long cpu = cpuNanos(mx, threadCpu) - cpu0;
        final long[] samples = breakdown == null ? new long[TimeBreakdown.Part.values().length] : breakdown.stop();
        final long[] ticks = net.engineTicks();
        final long accumulations = net.synapticOps() - sops0;
        final long updates = net.stdpUpdates() - updates0;
        return new BenchRow(learn ? "train" : "test", target, actual, live, images, net.presentations() - pres0,
            wall / 1e9, cpu / 1e9, threadCpu ? "thread" : "process", accumulations, updates,
            net.neuronUpdates() - neuron0, net.inputSpikes() - input0, ticks[0] - ticks0[0], ticks[1] - ticks0[1],
            samples);
    }

    private static long cpuNanos(final ThreadMXBean mx, final boolean threadCpu)
    {
        if (threadCpu)
        {
            return mx.getCurrentThreadCpuTime();
        }
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean)
        {
            return ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static void present(final DcNetwork net, final Images set, final long images, final boolean learn)
    {
        final long[] counts = new long[net.excNeurons()];
        for (long m = 0; m < images; m++)
        {
            final int image = (int)(m % set.count());
            net.present(set.pixels(), image, set.labels()[image], learn, counts);
        }
    }

    /**
     * Prunes each excitatory neuron's weakest input weights so that it keeps {@code round(connectivity × inputs)}
     * of them (a per-neuron quantile: the threshold is the weight of rank {@code inputs − keep} in ascending
     * order, and {@link WeightMemory#pruneBelow} removes every weight below it), then returns the live synapses.
     *
     * @param wm           the weight memory of the network.
     * @param connectivity fraction kept, in (0, 1].
     * @return synapses left.
     */
    static long pruneToConnectivity(final WeightMemory wm, final double connectivity)
    {
        final int inputs = wm.preCount();
        final int keep = (int)Math.round(connectivity * inputs);
        if (keep < inputs)
        {
            final float[] column = new float[inputs];
            for (int post = 0; post < wm.postCount(); post++)
            {
                for (int pre = 0; pre < inputs; pre++)
                {
                    column[pre] = wm.weight(pre, post);
                }
                Arrays.sort(column);
                wm.pruneBelow(post, column[inputs - keep]);
            }
        }
        return wm.liveCount();
    }

    /** Images of one split. */
    private record Images(byte[] pixels, byte[] labels, int count)
    {
    }
}
