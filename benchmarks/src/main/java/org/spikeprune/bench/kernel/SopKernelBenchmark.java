package org.spikeprune.bench.kernel;

import java.util.SplittableRandom;
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
import org.spikeprune.core.dc.SynapseKernels;

/**
 * The SOP kernel (one input spike arriving over its synapses) on the simulator's own storage, beside a
 * streaming read of the same bytes in the same run.
 *
 * <p>Setting: 784 inputs (paper A), each with a fan-out of {@code fanOut} local neurons; an invocation delivers
 * {@value #SPIKES} spikes of inputs drawn at random, so the rows come from L2/L3 as in a simulation (the weight
 * memory is 0.6–5 MB), and the result is the time per spike. Divide by the synapses per spike for the time per
 * SOP, and divide the bytes per spike by it for bytes per second.
 *
 * <ul>
 *   <li>{@code packed*}: {@link SynapseKernels} over its packed storage (post index and weight in one
 *       {@code long}, 8 bytes per synapse, a gather/scatter loop). {@code packedDense} keeps every synapse
 *       (pruned ones as weight 0); {@code packedPruned} stores only the {@code connectivity} fraction left after
 *       pruning, as the simulator does (compaction).</li>
 *   <li>{@code packedPrunedDelays20}: the same synapses split into 20 delay groups per input, the simulator's
 *       default ({@code syn.delay_max_ms=10}): the 20 groups one spike reaches over 20 ticks, run back to
 *       back.</li>
 *   <li>{@code emitDelays20}: the simulator's kernel as {@code DcCore} runs it since spikes are propagated at
 *       emission: all synapses of one spike in one loop, each weight added to the conductance increment of its
 *       arrival tick ({@link SynapseKernels#emit}); {@code emitDelays20Groups} is the form for long delay groups,
 *       the 20 groups back to back with a loop each ({@link SynapseKernels#emitGroups}); {@code DcCore} picks one
 *       by the average group length.</li>
 *   <li>{@code row*}: the dense-row layout of {@link DenseRowKernels} (a {@code float[]} per input, post index
 *       implicit, 4 bytes per synapse, {@code ge[j] += w[j]}); {@code rowDenseWide} holds the same weights as
 *       doubles (8 bytes per synapse, bit-identical sums, the form C2 vectorises on JDK 17);
 *       {@code rowDenseFloatAcc} accumulates into float conductances (fastest, but not the simulator's
 *       arithmetic).</li>
 *   <li>{@code *Depress}: the learning kernel, accumulation fused with the STDP pre-spike depression.</li>
 *   <li>{@code readDelays20}: the streaming-read baseline of the emission kernels, over the bytes they read (packed
 *       synapses and their arrival offsets, 12 bytes per synapse), in the same spike stream.</li>
 *   <li>{@code readPacked}, {@code readRow}, {@code readRowWide}: the streaming-read baseline over exactly the
 *       bytes the dense kernels read, row by row in the same spike order: {@code System.arraycopy} into a
 *       buffer that stays in L1 (the JVM's intrinsic copy, AVX2 loads; a plain-Java summing loop is a serial
 *       scalar reduction and reads 2–3 times slower, see {@code readPackedScalar}).</li>
 * </ul>
 *
 * <p>Pitfalls: the machine is shared, so the mode is {@link Mode#SampleTime} and the figure to read is the
 * median (p0.50) — an invocation of a few microseconds is rarely preempted, so the median is the on-CPU time
 * while the mean is not. Weights drift under the depression kernels (to 0 and stay there); the time does not
 * depend on the values.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar SopKernel -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
@OperationsPerInvocation(SopKernelBenchmark.SPIKES)
public class SopKernelBenchmark
{
    /** Spikes per invocation. */
    static final int SPIKES = 256;
    /** Length of the spike stream of the emission kernels (a multiple of {@link #SPIKES}). */
    static final int STREAM = 1 << 18;
    /** Inputs of paper A's network. */
    static final int INPUTS = 784;
    /** Delay groups per input in the default configuration. */
    static final int DELAYS = 20;
    /** Pre-synaptic learning rate ν_pre (paper A). */
    static final float NU_PRE = 1e-4f;

    /** Storage that keeps every synapse: independent of connectivity. */
    @State(Scope.Thread)
    public static class Dense
    {
        /** Synapses per input spike. */
        @Param({"100", "400", "800"})
        public int fanOut;

        long[] packed;
        int[] packedStart;
        float[][] rows;
        double[][] wideRows;
        long[] copyBuffer;
        double[] wideBuffer;
        float[] geFloat;
        float[] rowBuffer;
        double[] ge;
        float[] y1;
        int[] spikes;

        /** Builds the storage. */
        @Setup
        public void setUp()
        {
            final SplittableRandom r = new SplittableRandom(1);
            packed = new long[INPUTS * fanOut];
            packedStart = new int[INPUTS + 1];
            rows = new float[INPUTS][fanOut];
            wideRows = new double[INPUTS][fanOut];
            for (int i = 0; i < INPUTS; i++)
            {
                packedStart[i] = i * fanOut;
                for (int j = 0; j < fanOut; j++)
                {
                    final float w = (float)(0.3 * r.nextDouble());
                    packed[i * fanOut + j] = SynapseKernels.pack(j, w);
                    rows[i][j] = w;
                    wideRows[i][j] = w;
                }
            }
            packedStart[INPUTS] = INPUTS * fanOut;
            copyBuffer = new long[fanOut];
            rowBuffer = new float[fanOut];
            wideBuffer = new double[fanOut];
            geFloat = new float[fanOut];
            ge = new double[fanOut];
            y1 = traces(r, fanOut);
            spikes = spikes(r);
        }
    }

    /** Storage after pruning each input's row to {@code connectivity}. */
    @State(Scope.Thread)
    public static class Pruned
    {
        /** Synapses per input spike before pruning. */
        @Param({"100", "400", "800"})
        public int fanOut;

        /** Fraction of synapses kept. */
        @Param({"1.0", "0.5", "0.25", "0.1", "0.05"})
        public double connectivity;

        long[] packed;
        int[] packedStart;
        long[] delayed;
        byte[] delayedDelay;
        int[] delayedArrival;
        int[] delayedStart;
        double[] ge;
        float[] y1;
        int[] spikes;
        /**
         * A long random spike stream for the emission kernels: each invocation takes the next {@value #SPIKES}
         * spikes, so the branch predictor cannot learn the group lengths of a short sequence repeated (as in a
         * simulation, where the spike sequence never repeats).
         */
        int[] stream;
        int cursor;

        /** The first spike of the next {@value #SPIKES} of {@link #stream}, wrapping round at its end. */
        int nextWindow()
        {
            final int first = cursor;
            cursor = first + SPIKES == STREAM ? 0 : first + SPIKES;
            return first;
        }
        double[] incoming;
        long[] ops;
        long[] synBuffer;
        int[] arrivalBuffer;

        /** Builds the compacted storage, one group per input and 20 delay groups per input. */
        @Setup
        public void setUp()
        {
            final SplittableRandom r = new SplittableRandom(2);
            final int keep = (int)Math.round(connectivity * fanOut);
            packed = new long[INPUTS * keep];
            packedStart = new int[INPUTS + 1];
            delayed = new long[INPUTS * keep];
            delayedDelay = new byte[INPUTS * keep];
            delayedStart = new int[INPUTS * DELAYS + 1];
            final int[] posts = new int[fanOut];
            final byte[] delay = new byte[fanOut];
            int k = 0;
            int kd = 0;
            for (int i = 0; i < INPUTS; i++)
            {
                packedStart[i] = k;
                for (int j = 0; j < fanOut; j++)
                {
                    posts[j] = j;
                    delay[j] = (byte)r.nextInt(DELAYS);
                }
                // a random subset of `keep` posts survives, kept ascending
                for (int j = 0; j < keep; j++)
                {
                    final int s = j + r.nextInt(fanOut - j);
                    final int t = posts[j];
                    posts[j] = posts[s];
                    posts[s] = t;
                }
                java.util.Arrays.sort(posts, 0, keep);
                for (int j = 0; j < keep; j++)
                {
                    packed[k++] = SynapseKernels.pack(posts[j], (float)(0.3 * r.nextDouble()));
                }
                for (int d = 0; d < DELAYS; d++)
                {
                    delayedStart[i * DELAYS + d] = kd;
                    for (int j = 0; j < keep; j++)
                    {
                        if (delay[posts[j]] == d)
                        {
                            delayedDelay[kd] = (byte)d;
                            delayed[kd++] = packed[packedStart[i] + j];
                        }
                    }
                }
            }
            packedStart[INPUTS] = k;
            delayedStart[INPUTS * DELAYS] = kd;
            delayedArrival = new int[kd];
            for (int q = 0; q < kd; q++)
            {
                delayedArrival[q] = delayedDelay[q] * fanOut + SynapseKernels.post(delayed[q]);
            }
            ge = new double[fanOut];
            y1 = traces(r, fanOut);
            spikes = spikes(r);
            stream = new int[STREAM];
            for (int x = 0; x < STREAM; x++)
            {
                stream[x] = r.nextInt(INPUTS);
            }
            incoming = new double[DELAYS * fanOut];
            synBuffer = new long[fanOut];
            arrivalBuffer = new int[fanOut];
            ops = new long[DELAYS];
        }
    }

    static float[] traces(final SplittableRandom r, final int n)
    {
        final float[] y1 = new float[n];
        for (int j = 0; j < n; j++)
        {
            y1[j] = r.nextInt(4) == 0 ? (float)r.nextDouble() : 0f;
        }
        return y1;
    }

    static int[] spikes(final SplittableRandom r)
    {
        final int[] s = new int[SPIKES];
        for (int x = 0; x < SPIKES; x++)
        {
            s[x] = r.nextInt(INPUTS);
        }
        return s;
    }

    /**
     * Streaming-read baseline over the packed rows.
     *
     * @param s the storage.
     * @return a value that depends on every read.
     */
    @Benchmark
    public long readPacked(final Dense s)
    {
        final long[] buf = s.copyBuffer;
        for (final int i : s.spikes)
        {
            System.arraycopy(s.packed, s.packedStart[i], buf, 0, s.fanOut);
        }
        return buf[0] + buf[buf.length - 1];
    }

    /**
     * Scalar streaming read of the packed rows (a summing loop: C2 does not vectorise the reduction).
     *
     * @param s the storage.
     * @return the sum.
     */
    @Benchmark
    public long readPackedScalar(final Dense s)
    {
        long sum = 0;
        for (final int i : s.spikes)
        {
            sum += sum(s.packed, s.packedStart[i], s.packedStart[i + 1]);
        }
        return sum;
    }

    private static long sum(final long[] a, final int from, final int to)
    {
        long sum = 0;
        for (int k = from; k < to; k++)
        {
            sum += a[k];
        }
        return sum;
    }

    /**
     * Streaming-read baseline over the dense float rows.
     *
     * @param s the storage.
     * @return a value that depends on every read.
     */
    @Benchmark
    public float readRow(final Dense s)
    {
        final float[] buf = s.rowBuffer;
        for (final int i : s.spikes)
        {
            System.arraycopy(s.rows[i], 0, buf, 0, s.fanOut);
        }
        return buf[0] + buf[buf.length - 1];
    }

    /**
     * Streaming-read baseline over the dense rows held as doubles.
     *
     * @param s the storage.
     * @return a value that depends on every read.
     */
    @Benchmark
    public double readRowWide(final Dense s)
    {
        final double[] buf = s.wideBuffer;
        for (final int i : s.spikes)
        {
            System.arraycopy(s.wideRows[i], 0, buf, 0, s.fanOut);
        }
        return buf[0] + buf[buf.length - 1];
    }

    /**
     * The dense-row SOP kernel over weights held as doubles (bit-identical sums, vectorised on JDK 17).
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double rowDenseWide(final Dense s)
    {
        for (final int i : s.spikes)
        {
            DenseRowKernels.accumulateWide(s.wideRows[i], s.ge);
        }
        return s.ge[0];
    }

    /**
     * The dense-row SOP kernel with float conductances (not the simulator's arithmetic).
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public float rowDenseFloatAcc(final Dense s)
    {
        for (final int i : s.spikes)
        {
            DenseRowKernels.accumulateFloat(s.rows[i], s.geFloat);
        }
        return s.geFloat[0];
    }

    /**
     * The simulator's SOP kernel over packed storage that keeps every synapse.
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double packedDense(final Dense s)
    {
        for (final int i : s.spikes)
        {
            SynapseKernels.accumulate(s.packed, s.packedStart[i], s.packedStart[i + 1], s.ge);
        }
        return s.ge[0];
    }

    /**
     * The simulator's learning kernel over packed storage that keeps every synapse.
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double packedDenseDepress(final Dense s)
    {
        for (final int i : s.spikes)
        {
            SynapseKernels.accumulateDepress(s.packed, s.packedStart[i], s.packedStart[i + 1], s.ge, s.y1, NU_PRE);
        }
        return s.ge[0];
    }

    /**
     * The dense-row SOP kernel.
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double rowDense(final Dense s)
    {
        for (final int i : s.spikes)
        {
            DenseRowKernels.accumulate(s.rows[i], s.ge);
        }
        return s.ge[0];
    }

    /**
     * The dense-row learning kernel.
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double rowDenseDepress(final Dense s)
    {
        for (final int i : s.spikes)
        {
            DenseRowKernels.accumulateDepress(s.rows[i], s.ge, s.y1, NU_PRE);
        }
        return s.ge[0];
    }

    /**
     * The simulator's SOP kernel over its compacted (pruned) storage.
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double packedPruned(final Pruned s)
    {
        for (final int i : s.spikes)
        {
            SynapseKernels.accumulate(s.packed, s.packedStart[i], s.packedStart[i + 1], s.ge);
        }
        return s.ge[0];
    }

    /**
     * The simulator's learning kernel over its compacted (pruned) storage.
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double packedPrunedDepress(final Pruned s)
    {
        for (final int i : s.spikes)
        {
            SynapseKernels.accumulateDepress(s.packed, s.packedStart[i], s.packedStart[i + 1], s.ge, s.y1, NU_PRE);
        }
        return s.ge[0];
    }

    /**
     * The simulator's SOP kernel over compacted storage in 20 delay groups per input (the default delays).
     *
     * @param s the storage.
     * @return a conductance.
     */
    @Benchmark
    public double packedPrunedDelays20(final Pruned s)
    {
        final int[] start = s.delayedStart;
        for (final int i : s.spikes)
        {
            final int g0 = i * DELAYS;
            for (int d = 0; d < DELAYS; d++)
            {
                SynapseKernels.accumulate(s.delayed, start[g0 + d], start[g0 + d + 1], s.ge);
            }
        }
        return s.ge[0];
    }

    /**
     * The simulator's SOP kernel as {@code DcCore} runs it while its delay groups are short: an input spike
     * propagated at emission over all its synapses in one loop (20 delays, the default), each weight added to the
     * conductance increment of its arrival tick ({@link SynapseKernels#emit}).
     *
     * @param s the storage.
     * @return an increment.
     */
    @Benchmark
    public double emitDelays20(final Pruned s)
    {
        final int[] start = s.delayedStart;
        final int[] stream = s.stream;
        final int first = s.nextWindow();
        int slot = 0;
        for (int x = first; x < first + SPIKES; x++)
        {
            final int i = stream[x];
            SynapseKernels.emit(s.delayed, s.delayedArrival, start, i * DELAYS, DELAYS, s.incoming, s.fanOut, slot,
                s.ops);
            slot = slot + 1 == DELAYS ? 0 : slot + 1;
        }
        return s.incoming[0];
    }

    /**
     * The other form of {@link #emitDelays20}: the 20 delay groups of one spike back to back, a loop per group
     * ({@link SynapseKernels#emitGroups}); the same sums bit for bit. {@code DcCore} runs this one when its delay
     * groups are long (32 synapses or more on average), the one-loop form otherwise.
     *
     * @param s the storage.
     * @return an increment.
     */
    @Benchmark
    public double emitDelays20Groups(final Pruned s)
    {
        final int[] start = s.delayedStart;
        final int[] stream = s.stream;
        final int first = s.nextWindow();
        int slot = 0;
        for (int x = first; x < first + SPIKES; x++)
        {
            final int i = stream[x];
            SynapseKernels.emitGroups(s.delayed, start, i * DELAYS, DELAYS, s.incoming, s.fanOut, slot, s.ops);
            slot = slot + 1 == DELAYS ? 0 : slot + 1;
        }
        return s.incoming[0];
    }

    /**
     * Streaming-read baseline of the emission kernels: exactly the bytes {@link #emitDelays20} reads per spike, the
     * input's packed synapses (8 bytes each) and their arrival offsets (4 bytes each), in the same spike order,
     * each row copied into a buffer that stays in L1.
     *
     * @param s the storage.
     * @return a copied value.
     */
    @Benchmark
    public long readDelays20(final Pruned s)
    {
        final int[] start = s.delayedStart;
        final int[] stream = s.stream;
        final int first = s.nextWindow();
        for (int x = first; x < first + SPIKES; x++)
        {
            final int i = stream[x];
            final int from = start[i * DELAYS];
            final int len = start[i * DELAYS + DELAYS] - from;
            System.arraycopy(s.delayed, from, s.synBuffer, 0, len);
            System.arraycopy(s.delayedArrival, from, s.arrivalBuffer, 0, len);
        }
        return s.synBuffer[0] + s.arrivalBuffer[0];
    }
}
