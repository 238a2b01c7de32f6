package org.spikeprune.bench.engine;

import java.util.Map;
import java.util.SplittableRandom;
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
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.engine.ThreadingMode;

/**
 * The engine's cost with paper A's real processing elements: one presentation of a digit-like image to the
 * {@code guo2020-mnist-100} network (Poisson input from its seeded stream, the Controller routing inhibition, the
 * cores' delayed SOPs, neuron updates and, when learning, STDP and normalisation), in each threading mode. The
 * network is deterministic whatever the mode, so every mode does the same work, spike for spike; the differences
 * are what the mode costs. {@code INVOKER} calls the Controller and the cores directly on the caller's thread (no
 * ring, no thread; {@link DirectCallBenchmark} shows it equal to a hand-written loop within noise), so it is the
 * direct-call baseline here: the bus overhead of {@code SHARED} is its excess over {@code INVOKER}.
 *
 * <p>The score is per presentation (about 1,000 ticks, 350 ms of input and 150 ms of rest that the engine skips);
 * the tear-down prints the input spikes per presentation, which turns it into a cost per spike.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar NetworkMode -prof gc}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    ForkFlags.ADD_OPENS_REFLECT, ForkFlags.ADD_EXPORTS_NIO, ForkFlags.ADD_EXPORTS_REF, ForkFlags.ADD_EXPORTS_MISC,
    ForkFlags.IGNORE_UNRECOGNIZED, ForkFlags.NATIVE_ACCESS, ForkFlags.UNSAFE_ACCESS, ForkFlags.NO_ANALYTICS,
    ForkFlags.NO_ANNOUNCER})
@State(Scope.Benchmark)
public class NetworkModeBenchmark
{
    /** Pixels of an image. */
    private static final int PIXELS = DcNetwork.INPUTS;
    /** Distinct images presented in turn. */
    private static final int IMAGES = 16;

    /** How the cores map to threads. */
    @Param({"INVOKER", "SHARED", "DEDICATED"})
    public ThreadingMode mode;

    /** Processing elements sharing the excitatory layer. */
    @Param({"1", "2"})
    public int cores;

    /** Learning (STDP, normalisation, θ) or inference presentations. */
    @Param({"true", "false"})
    public boolean learn;

    /** The weight normalisation before each learning presentation ({@code norm.mode}; {@code none} leaves it out). */
    @Param({"unpruned"})
    public String norm;

    private DcNetwork network;
    private byte[] pixels;
    private long[] counts;
    private int next;
    private long presentations;
    private long inputSpikesAtStart;

    /** Builds the network and its images. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of("norm.mode", norm), "config", Map.of()));
        network = new DcNetwork(p, 11, cores, mode, ActivitySink.NONE);
        pixels = images();
        counts = new long[p.excNeurons()];
        inputSpikesAtStart = network.inputSpikes();
    }

    /** Prints the input spikes per presentation and closes the network (its threads). */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        final long spikes = network.inputSpikes() - inputSpikesAtStart;
        System.out.printf(" [%d presentations, %.1f input spikes each]", presentations,
            presentations == 0 ? 0.0 : (double)spikes / presentations);
        network.close();
    }

    /**
     * One image (with its re-presentations, if it drew fewer than 5 spikes).
     *
     * @return presentations used.
     */
    @Benchmark
    public int present()
    {
        final int image = next;
        next = (next + 1) % IMAGES;
        final int used = network.present(pixels, image, image % 10, learn, counts);
        presentations += used;
        return used;
    }

    /** Digit-like images: a fifth of the pixels lit, at random intensities. */
    private static byte[] images()
    {
        final SplittableRandom r = new SplittableRandom(7);
        final byte[] px = new byte[IMAGES * PIXELS];
        for (int i = 0; i < px.length; i++)
        {
            px[i] = (byte)(r.nextInt(100) < 19 ? 100 + r.nextInt(156) : 0);
        }
        return px;
    }
}
