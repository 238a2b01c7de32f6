package org.spikeprune.core.dc;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.prune.WeightMemory;
import org.spikeprune.engine.Engine;
import org.spikeprune.engine.RandomStreams;
import org.spikeprune.engine.SpikeBatch;
import org.spikeprune.engine.ThreadingMode;

/**
 * Paper A's two-layer network (Diehl &amp; Cook 2015 / Guo et al. 2020) on the event engine: 784 Poisson inputs,
 * an excitatory layer with adaptive thresholds learning by triplet STDP, and a one-to-one inhibitory layer that
 * gives winner-take-all lateral inhibition. The excitatory neurons are partitioned over cores by contiguous
 * ranges; each core owns its neurons and the synapses that feed them.
 */
public final class DcNetwork implements AutoCloseable
{
    /** Inputs: one per pixel of a 28×28 image. */
    public static final int INPUTS = 784;

    private final DcParams p;
    private final DcCore[] cores;
    private final DcController controller;
    private final Engine engine;
    private final Weights weights = new Weights();
    private final ActivitySink sink;
    private long tick;
    private long presentations;
    private long[] lastSops;
    private long[] lastUpdates;
    private long[] lastDecrements;
    private long[] lastNeuronUpdates;
    /** Per excitatory neuron: the sum its live weights are normalised to ({@code norm.mode} unpruned, retained). */
    private final double[] normTarget;

    /**
     * Builds the network: initial weights from the stream "weights", delays from "delays", Poisson input from
     * "input" — none of which depends on the core count.
     *
     * @param p     the parameters.
     * @param seed  the run's seed.
     * @param coreCount processing elements (at most the number of excitatory neurons).
     * @param mode  the threading mode.
     * @param sink  receives per-tick unit actions; {@link ActivitySink#NONE} for none.
     */
    public DcNetwork(final DcParams p, final long seed, final int coreCount, final ThreadingMode mode,
        final ActivitySink sink)
    {
        this(p, seed, "input", coreCount, mode, sink, null, null);
    }

    /**
     * Builds a network whose input comes from the named stream; with a {@link State}, its synapses, thresholds and
     * removed neurons are those of the state (a trained network), and its dynamic state starts at rest.
     *
     * @param p           the parameters.
     * @param seed        the run's seed.
     * @param inputStream name of the Poisson input stream ("input", "assign", "test", …).
     * @param coreCount   processing elements.
     * @param mode        the threading mode.
     * @param sink        receives per-tick unit actions.
     * @param state       a trained network's state, or null for fresh random weights.
     * @param inputs      makes the input source, or null for Poisson input from the named stream.
     */
    public DcNetwork(final DcParams p, final long seed, final String inputStream, final int coreCount,
        final ThreadingMode mode, final ActivitySink sink, final State state, final InputSource.Factory inputs)
    {
        if (coreCount < 1 || coreCount > p.excNeurons)
        {
            throw new org.spikeprune.core.InputException("cores=" + coreCount + " is invalid: must be between 1 and "
                + "the number of excitatory neurons (" + p.excNeurons + ")");
        }
        this.p = p;
        this.sink = sink;
        normTarget = new double[p.excNeurons];
        java.util.Arrays.fill(normTarget, p.normTotal);
        final RandomStreams streams = new RandomStreams(seed);
        final int exc = p.excNeurons;
        cores = new DcCore[coreCount];
        for (int c = 0; c < coreCount; c++)
        {
            final int lo = (int)((long)exc * c / coreCount);
            final int hi = (int)((long)exc * (c + 1) / coreCount);
            cores[c] = new DcCore(c, lo, hi - lo, INPUTS, p);
            cores[c].network = this;
        }
        if (state == null)
        {
            initialiseSynapses(streams.stream("weights"), streams.stream("delays"));
        }
        else
        {
            restore(state);
        }
        final InputSource poisson = inputs != null ? inputs.create(inputStream, p.presentTicks)
            : new PoissonInput(INPUTS, p.presentTicks, streams.stream(inputStream));
        final boolean tracking = sink != ActivitySink.NONE;
        controller = new DcController(INPUTS, exc, poisson, tracking ? this::onTick : null);
        if (state != null)
        {
            for (final boolean off : state.disabled())
            {
                controller.activeExc -= off ? 1 : 0;
            }
        }
        lastSops = new long[coreCount];
        lastUpdates = new long[coreCount];
        lastDecrements = new long[coreCount];
        lastNeuronUpdates = new long[coreCount];
        engine = Engine.builder().threadingMode(mode).batchCapacity(INPUTS + 2 * exc).build(controller, cores);
        engine.start();
    }

    private void initialiseSynapses(final SplittableRandom wr, final SplittableRandom dr)
    {
        final int exc = p.excNeurons;
        final float[] w = new float[INPUTS * exc];
        for (int i = 0; i < INPUTS; i++)
        {
            for (int j = 0; j < exc; j++)
            {
                w[i * exc + j] = (float)((wr.nextDouble() + p.wInitOffset) * p.wInitScale);
            }
        }
        final byte[] d = initialDelays(p, dr);
        final byte[] status = new byte[INPUTS * exc];
        java.util.Arrays.fill(status, (byte)1);
        build(w, d, status);
    }

    /**
     * The delays a new network of these parameters draws: uniform in [0, delay ticks), input-major.
     *
     * @param p    the parameters.
     * @param seed the run's seed.
     * @return one delay in ticks per synapse, {@code [pre * exc + post]}, as a network of this seed draws them.
     */
    public static byte[] initialDelays(final DcParams p, final long seed)
    {
        return initialDelays(p, new RandomStreams(seed).stream("delays"));
    }

    private static byte[] initialDelays(final DcParams p, final SplittableRandom dr)
    {
        final byte[] d = new byte[INPUTS * p.excNeurons];
        for (int k = 0; k < d.length; k++)
        {
            d[k] = (byte)dr.nextInt(p.delayTicks);
        }
        return d;
    }

    /**
     * The learned state of a network: dense weights {@code [pre * exc + post]}, delays in ticks, the status of
     * each synapse (0 pruned, 1 plastic, 2 frozen), adaptive thresholds and removed neurons.
     */
    public record State(float[] weights, byte[] delays, byte[] status, double[] theta, boolean[] disabled)
    {
    }

    /** A copy of the learned state (control path). */
    public State state()
    {
        compact();
        final int exc = p.excNeurons;
        final float[] w = new float[INPUTS * exc];
        final byte[] d = new byte[INPUTS * exc];
        final byte[] status = new byte[INPUTS * exc];
        final boolean[] disabled = new boolean[exc];
        for (final DcCore core : cores)
        {
            export(core, core.plastic, w, d, status, (byte)1, exc);
            export(core, core.frozen, w, d, status, (byte)2, exc);
            System.arraycopy(core.disabled, 0, disabled, core.lo, core.n);
        }
        return new State(w, d, status, thetas(), disabled);
    }

    private static void export(final DcCore core, final SynapseTable t, final float[] w, final byte[] d,
        final byte[] status, final byte code, final int exc)
    {
        for (int k = 0; k < t.size(); k++)
        {
            final int idx = t.pre[k] * exc + core.lo + t.post(k);
            w[idx] = t.weight(k);
            d[idx] = t.delay[k];
            status[idx] = code;
        }
    }

    private void restore(final State state)
    {
        build(state.weights(), state.delays(), state.status());
        for (final DcCore core : cores)
        {
            System.arraycopy(state.theta(), core.lo, core.theta, 0, core.n);
            for (int j = 0; j < core.n; j++)
            {
                if (state.disabled()[core.lo + j])
                {
                    core.disable(j);
                }
            }
        }
    }

    private void build(final float[] w, final byte[] d, final byte[] status)
    {
        final int exc = p.excNeurons;
        final int delays = p.delayTicks;
        for (final DcCore core : cores)
        {
            final SynapseTable.Builder b = new SynapseTable.Builder(INPUTS, delays, core.n, INPUTS * core.n);
            final SynapseTable.Builder f = new SynapseTable.Builder(INPUTS, delays, core.n, 16);
            for (int i = 0; i < INPUTS; i++)
            {
                for (int dd = 0; dd < delays; dd++)
                {
                    for (int j = 0; j < core.n; j++)
                    {
                        final int gj = core.lo + j;
                        final int idx = i * exc + gj;
                        if (d[idx] == dd && status[idx] != 0)
                        {
                            (status[idx] == 1 ? b : f).add(i, dd, j, w[idx]);
                        }
                    }
                }
            }
            core.plastic = b.build();
            core.frozen = f.build();
            core.wherePlastic = null;
            core.indexPotentiation();
        }
    }

    private long lastReportedTick = -1;

    private void onTick(final long t, final SpikeBatch dispatched, final SpikeBatch output)
    {
        // ticks the engine skipped were idle: no spike, no synaptic work, but every neuron still steps
        for (long g = Math.max(lastReportedTick + 1, t - p.presentTicks - p.restTicks); g < t; g++)
        {
            for (int c = 0; c < cores.length; c++)
            {
                sink.onCoreTick(g, c, 0, 0, cores[c].n, 0, 0, 0);
            }
        }
        lastReportedTick = t;
        sink.onTickSpikes(t, dispatched.array(), dispatched.count(), output.array(), output.count());
        for (int c = 0; c < cores.length; c++)
        {
            final DcCore core = cores[c];
            sink.onCoreTick(t, c, core.tickSpikesIn, core.synapticOps - lastSops[c],
                core.neuronUpdates - lastNeuronUpdates[c], core.stdpUpdates - lastUpdates[c],
                core.decrements - lastDecrements[c], core.tickSpikesOut);
            lastSops[c] = core.synapticOps;
            lastUpdates[c] = core.stdpUpdates;
            lastDecrements[c] = core.decrements;
            lastNeuronUpdates[c] = core.neuronUpdates;
        }
    }

    /**
     * Presents one image: 350 ms of Poisson input then 150 ms of rest, repeated with the intensity raised by one
     * while the excitatory layer fires fewer than {@code input.min_spikes} spikes.
     *
     * @param pixels  images, unsigned bytes.
     * @param image   index of the image.
     * @param label   its label (for activity reports).
     * @param learn   STDP, normalisation and θ adaptation on.
     * @param counts  receives each excitatory neuron's spike count of the final presentation.
     * @return the number of presentations used (1 + re-presentations).
     */
    public int present(final byte[] pixels, final int image, final int label, final boolean learn, final long[] counts)
    {
        for (final DcCore core : cores)
        {
            core.learning(learn);
        }
        compact();
        final int offset = image * INPUTS;
        int repeat = 0;
        while (true)
        {
            if (learn && p.normMode != DcParams.NormMode.NONE)
            {
                // each core normalises its own synapses at the start of the run, on its own thread
                for (final DcCore core : cores)
                {
                    core.normalisePending = true;
                }
            }
            sink.onImageStart(tick, image, label, learn, repeat);
            final double intensity = p.intensity + repeat;
            controller.poisson().begin(tick, pixels, offset, intensity / 8.0, p.dtMs);
            controller.beginPresentation(tick, p.presentTicks);
            // input and rest in one run (the Controller counts spikes only before the presentation's end): in the
            // threaded modes each run is a handoff to the engine's loop thread and back
            engine.run(tick, tick + p.presentTicks + p.restTicks);
            tick += p.presentTicks + p.restTicks;
            presentations++;
            sink.onImageEnd(tick, image, (int)controller.presentationSpikes);
            if (controller.presentationSpikes >= p.minSpikes || repeat >= p.maxRepeats)
            {
                break;
            }
            repeat++;
        }
        System.arraycopy(controller.counts, 0, counts, 0, counts.length);
        return repeat + 1;
    }

    /**
     * Scales each neuron's plastic weights so its weights sum to {@code norm.total} (MODEL-REFERENCE §1.5, §7.4), or
     * with {@code norm.kind=l2} so their Euclidean norm is {@code norm.total}, on
     * the calling thread, core after core. A presentation does it core by core instead, each core at the start of
     * its run ({@link DcCore#onRunStart(long)}): the same arithmetic, so the same weights.
     */
    void normalise()
    {
        if (p.normMode == DcParams.NormMode.NONE)
        {
            return;
        }
        for (final DcCore core : cores)
        {
            normalise(core);
        }
    }

    /**
     * {@link #normalise()} of one core's synapses (each neuron's synapses all belong to its core). The core's lazy
     * pre-spike depressions are applied first: every depression of the last presentation acts before the scaling,
     * as in the tick loop, whichever way the core deferred it (the deferral depends on how many neurons the core
     * holds, so without this the weights would depend on the partition).
     */
    void normalise(final DcCore core)
    {
        if (p.normMode == DcParams.NormMode.NONE)
        {
            return;
        }
        core.settle();
        if (core.normPlastic == null)
        {
            core.normPlastic = new double[core.n];
            core.normFrozen = new double[core.n];
            core.normLive = new int[core.n];
            core.normFactor = new float[core.n];
        }
        final double[] plasticSum = core.normPlastic;
        final double[] frozenSum = core.normFrozen;
        final int[] live = core.normLive;
        final float[] factor = core.normFactor;
        final SynapseTable table = core.plastic;
        final int[] start = core.potentiationStart;
        final int[] pos = core.potentiationPos;
        final long[] syn = table.syn;
        // The sums of the last normalisation are kept while the tables are the same (a prune pass or a load
        // rebuilds them): a neuron whose weights cannot have changed since keeps its sum, the others are summed
        // again, in storage order (the potentiation index lists a neuron's synapses in storage order), so every
        // sum is the one a pass over the whole table would give, bit for bit.
        final boolean whole = core.normTable != table || core.normFrozenTable != core.frozen;
        final boolean l2 = p.normL2;
        if (whole)
        {
            java.util.Arrays.fill(frozenSum, 0);
            java.util.Arrays.fill(live, 0);
            sum(core.frozen, frozenSum, live, p.normL2);
            for (int j = 0; j < core.n; j++)
            {
                live[j] += start[j + 1] - start[j];
            }
            core.normTable = table;
            core.normFrozenTable = core.frozen;
        }
        for (int j = 0; j < core.n; j++)
        {
            if (whole || core.weightsMayHaveChanged(j))
            {
                double sum = 0;
                for (int q = start[j]; q < start[j + 1]; q++)
                {
                    final double w = SynapseTable.weight(syn[pos[q]]);
                    sum += l2 ? w * w : w;
                }
                plasticSum[j] = sum;
            }
            final float f;
            if (l2)
            {
                // sums of squares: the plastic weights take what the frozen ones leave of target²
                final double target = p.normMode == DcParams.NormMode.PROPORTIONAL
                    ? p.normTotal * Math.sqrt(live[j] / (double)INPUTS) : normTarget[core.lo + j];
                final double plasticTarget = target * target - frozenSum[j];
                f = plasticSum[j] > 0 && plasticTarget > 0 ? (float)Math.sqrt(plasticTarget / plasticSum[j]) : 1f;
            }
            else
            {
                final double target = p.normMode == DcParams.NormMode.PROPORTIONAL
                    ? p.normTotal * live[j] / (double)INPUTS : normTarget[core.lo + j];
                final double plasticTarget = target - frozenSum[j];
                f = plasticSum[j] > 0 && plasticTarget > 0 ? (float)(plasticTarget / plasticSum[j]) : 1f;
            }
            factor[j] = f;
            if (f != 1f)
            {
                // w · 1 = w: a neuron whose factor is 1 keeps its weights, and its sum
                double sum = 0;
                for (int q = start[j]; q < start[j + 1]; q++)
                {
                    final int k = pos[q];
                    final long sk = syn[k];
                    final float w = SynapseTable.weight(sk) * f;
                    syn[k] = SynapseTable.withWeight(sk, w);
                    sum += l2 ? (double)w * w : w;
                }
                plasticSum[j] = sum;
            }
        }
        core.normalised();
    }

    /**
     * Each excitatory neuron's live weight mass in the measure of {@code norm.kind}: the sum (or with l2 the
     * Euclidean norm) of its unpruned (plastic and frozen) input weights, read
     * through the weight memory; changes of a prune pass count once {@link #compact()} has run or as soon as the
     * weight memory reports them. Control path.
     *
     * @return one sum per excitatory neuron.
     */
    public double[] liveWeightMass()
    {
        final WeightMemory w = weights();
        final double[] mass = new double[w.postCount()];
        for (int j = 0; j < mass.length; j++)
        {
            double sum = 0;
            for (int i = 0; i < w.preCount(); i++)
            {
                if (w.isLive(i, j))
                {
                    final double x = w.weight(i, j);
                    sum += p.normL2 ? x * x : x;
                }
            }
            mass[j] = p.normL2 ? Math.sqrt(sum) : sum;
        }
        return mass;
    }

    /**
     * After a prune pass, with {@code norm.mode=retained}: each neuron's normalisation target keeps only the share
     * of its weight mass that survived, {@code target × after / before}, so that normalisation does not push the
     * surviving weights up to replace what pruning removed (MODEL-REFERENCE §7.4). Other modes: no effect.
     *
     * @param before {@link #liveWeightMass()} just before the pass.
     * @param after  {@link #liveWeightMass()} just after it.
     */
    public void retainPrunedMass(final double[] before, final double[] after)
    {
        if (p.normMode != DcParams.NormMode.RETAINED)
        {
            return;
        }
        for (int j = 0; j < normTarget.length; j++)
        {
            if (before[j] > 0)
            {
                normTarget[j] *= after[j] / before[j];
            }
        }
    }

    /**
     * The sum excitatory neuron {@code j}'s live weights are normalised to before each training image.
     *
     * @param j the neuron.
     * @return the target; {@code norm.total} until a prune pass changes it ({@code norm.mode=retained}).
     */
    public double normTarget(final int j)
    {
        return normTarget[j];
    }

    private static void sum(final SynapseTable t, final double[] sums, final int[] live, final boolean squares)
    {
        final long[] syn = t.syn;
        final int size = t.size();
        for (int k = 0; k < size; k++)
        {
            final int j = SynapseTable.post(syn[k]);
            final double w = SynapseTable.weight(syn[k]);
            sums[j] += squares ? w * w : w;
            live[j]++;
        }
    }

    /** The weight memory of the input → excitatory projection, for the Prune unit. */
    public WeightMemory weights()
    {
        return weights;
    }

    /** Spikes per excitatory neuron accumulated since the last {@link #resetBatchCounts()}. */
    public long[] batchSpikeCounts()
    {
        return controller.batchCounts;
    }

    /**
     * Spikes per excitatory neuron within presentations (the readout's window) since the network was built; never
     * reset. The array is the live counter: copy it to keep a value.
     */
    public long[] spikeCounts()
    {
        return controller.totalCounts;
    }

    /** Clears the per-batch spike counters. */
    public void resetBatchCounts()
    {
        java.util.Arrays.fill(controller.batchCounts, 0);
    }

    /** Excitatory neurons. */
    public int excNeurons()
    {
        return p.excNeurons;
    }

    /** Total weight accumulations on input → excitatory synapses. */
    public long synapticOps()
    {
        long s = 0;
        for (final DcCore c : cores)
        {
            s += c.synapticOps;
        }
        return s;
    }

    /** Total STDP weight updates. */
    public long stdpUpdates()
    {
        long s = 0;
        for (final DcCore c : cores)
        {
            s += c.stdpUpdates;
        }
        return s;
    }

    /** Total neuron state updates. */
    public long neuronUpdates()
    {
        long s = 0;
        for (final DcCore c : cores)
        {
            s += c.neuronUpdates;
        }
        return s;
    }

    /** Input (pixel) spikes dispatched so far. */
    public long inputSpikes()
    {
        return controller.inputSpikes;
    }

    /** Excitatory spikes so far: each is one excitatory → inhibitory synaptic event. */
    public long excSpikes()
    {
        return controller.excSpikes;
    }

    /** Inhibitory → excitatory synaptic events so far (each inhibitory spike reaches every other active neuron). */
    public long inhToExcEvents()
    {
        return controller.inhToExcEvents;
    }

    /** Presentations so far (re-presentations included). */
    public long presentations()
    {
        return presentations;
    }

    /** Current tick. */
    public long tick()
    {
        return tick;
    }

    /** Ticks the engine ran and skipped. */
    public long[] engineTicks()
    {
        return new long[] {engine.ticksRun(), engine.ticksSkipped()};
    }

    /** Adaptive threshold θ (mV) of every excitatory neuron. */
    public double[] thetas()
    {
        final double[] out = new double[p.excNeurons];
        for (final DcCore c : cores)
        {
            System.arraycopy(c.theta, 0, out, c.lo, c.n);
        }
        return out;
    }

    /** Dense copy of the weights, {@code [pre * exc + post]} (pruned = 0). */
    public float[] denseWeights()
    {
        compact();
        final int exc = p.excNeurons;
        final float[] out = new float[INPUTS * exc];
        for (final DcCore core : cores)
        {
            copy(core, core.plastic, out, exc);
            copy(core, core.frozen, out, exc);
        }
        return out;
    }

    private static void copy(final DcCore core, final SynapseTable t, final float[] out, final int exc)
    {
        for (int k = 0; k < t.size(); k++)
        {
            out[t.pre[k] * exc + core.lo + t.post(k)] = t.weight(k);
        }
    }

    /** SHA-256 of the weights, thresholds and the given assignments: the run's digest. */
    public String digest(final int[] assignments)
    {
        return digest(denseWeights(), thetas(), assignments);
    }

    /**
     * The digest of a network given as arrays, as {@link #digest(int[])} computes it for a live one.
     *
     * @param weights     dense weights {@code [pre * exc + post]}, 0 where pruned.
     * @param thetas      adaptive thresholds.
     * @param assignments labels.
     * @return the SHA-256, in hexadecimal.
     */
    public static String digest(final float[] weights, final double[] thetas, final int[] assignments)
    {
        try
        {
            final MessageDigest md = MessageDigest.getInstance("SHA-256");
            final ByteBuffer b = ByteBuffer.allocate(weights.length * 4);
            for (final float x : weights)
            {
                b.putFloat(x);
            }
            md.update(b.array());
            final ByteBuffer tb = ByteBuffer.allocate(thetas.length * 8 + assignments.length * 4);
            for (final double x : thetas)
            {
                tb.putDouble(x);
            }
            for (final int a : assignments)
            {
                tb.putInt(a);
            }
            md.update(tb.array());
            final StringBuilder sb = new StringBuilder();
            for (final byte x : md.digest())
            {
                sb.append(String.format("%02x", x & 0xff));
            }
            return sb.toString();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Rebuilds every core's synapse tables after pruning or freezing (control path). */
    public void compact()
    {
        for (final DcCore core : cores)
        {
            core.compactIfDirty();
        }
    }

    @Override
    public void close()
    {
        engine.close();
    }

    /** The weight memory as the Prune unit sees it; changes take effect at {@link #compact()}. */
    private final class Weights implements WeightMemory
    {
        private DcCore owner(final int post)
        {
            for (final DcCore c : cores)
            {
                if (post >= c.lo && post < c.lo + c.n)
                {
                    return c;
                }
            }
            throw new IndexOutOfBoundsException("post " + post);
        }

        @Override
        public int preCount()
        {
            return INPUTS;
        }

        @Override
        public int postCount()
        {
            return p.excNeurons;
        }

        @Override
        public float wMax()
        {
            return (float)p.wMax;
        }

        @Override
        public float weight(final int pre, final int post)
        {
            final DcCore c = owner(post);
            return c.weightOf(pre, post - c.lo);
        }

        @Override
        public boolean isLive(final int pre, final int post)
        {
            final DcCore c = owner(post);
            return c.where(pre, post - c.lo) != DcCore.PRUNED;
        }

        @Override
        public boolean isFrozen(final int pre, final int post)
        {
            final DcCore c = owner(post);
            return c.where(pre, post - c.lo) < DcCore.PRUNED;
        }

        @Override
        public int pruneBelow(final int post, final float threshold)
        {
            final DcCore c = owner(post);
            return c.markBelow(post - c.lo, threshold, true);
        }

        @Override
        public int freezeBelow(final int post, final float threshold)
        {
            final DcCore c = owner(post);
            return c.markBelow(post - c.lo, threshold, false);
        }

        @Override
        public void pruneNeuron(final int post)
        {
            final DcCore c = owner(post);
            c.markBelow(post - c.lo, Float.POSITIVE_INFINITY, true);
            if (!c.disabled[post - c.lo])
            {
                c.disable(post - c.lo);
                controller.activeExc--;
            }
        }

        @Override
        public boolean isNeuronPruned(final int post)
        {
            final DcCore c = owner(post);
            return c.disabled[post - c.lo];
        }

        @Override
        public long liveCount()
        {
            long s = 0;
            for (final DcCore c : cores)
            {
                c.compactIfDirty();
                s += c.plastic.size() + c.frozen.size();
            }
            return s;
        }

        @Override
        public long frozenCount()
        {
            long s = 0;
            for (final DcCore c : cores)
            {
                c.compactIfDirty();
                s += c.frozen.size();
            }
            return s;
        }
    }
}
