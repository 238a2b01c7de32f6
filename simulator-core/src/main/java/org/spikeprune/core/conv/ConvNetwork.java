package org.spikeprune.core.conv;

import java.util.List;
import java.util.SplittableRandom;

import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.engine.Engine;
import org.spikeprune.engine.ProcessingElement;
import org.spikeprune.engine.RandomStreams;
import org.spikeprune.engine.ThreadingMode;

/**
 * Paper B's deep convolutional time-to-first-spike network on the event engine: a Controller, one processing
 * element per core (each owning a band of rows of every layer), the STDP unit with its Decrement Track memory,
 * and the Prune unit that calls a {@link KernelPrunePolicy}. Layers learn one after the other; a learning layer
 * runs the layers below it on every image. Features for the readout are the maximum potential per map of the
 * last convolution, with the extraction thresholds.
 *
 * <pre>
 *   InputSpikes ─▶ ConvController.dispatch(t) ─▶ ConvCore 0..P−1 (SOPs, threshold, inhibition)
 *                          ▲                                 │
 *                          └── onOutput(t): group by layer ◀─┘ ─▶ StdpUnit ─▶ DecrementTrack ─▶ Prune unit
 * </pre>
 *
 * Same configuration and seed ⇒ identical weights and features for any core count and threading mode.
 */
public final class ConvNetwork implements AutoCloseable
{
    private final ConvNetConfig config;
    private final ConvGeometry geometry;
    private final ConvMemories memories;
    private final ConvCore[] cores;
    private final StdpUnit stdp;
    private final ConvController controller;
    private final Engine engine;
    private final RandomStreams streams;
    private final ActivitySink sink;
    private final OperationCounts learning;
    private final OperationCounts inference;
    private final int[][] rowOwner;
    private long nextImageTick;
    private int imageIndex;

    /**
     * Builds the network with initial weights from the seed's "weights/convN" streams.
     *
     * @param config    the network.
     * @param seed      the run's seed.
     * @param coreCount processing elements.
     * @param mode      threading mode of the engine.
     * @param sink      receives per-tick actions ({@link ActivitySink#NONE} for none).
     */
    public ConvNetwork(final ConvNetConfig config, final long seed, final int coreCount, final ThreadingMode mode,
        final ActivitySink sink)
    {
        if (coreCount <= 0)
        {
            throw new IllegalArgumentException("cores must be > 0, cores=" + coreCount);
        }
        this.config = config;
        this.geometry = config.geometry();
        this.memories = new ConvMemories(geometry);
        this.streams = new RandomStreams(seed);
        this.sink = sink;
        for (int c = 0; c < geometry.convCount(); c++)
        {
            final SplittableRandom r = streams.stream("weights/conv" + (c + 1));
            memories.weights[geometry.convLayer(c)].initialise(r, config.initMean(), config.initStd());
        }
        this.cores = new ConvCore[coreCount];
        for (int i = 0; i < coreCount; i++)
        {
            cores[i] = new ConvCore(i, coreCount, memories);
        }
        this.rowOwner = new int[geometry.layerCount()][];
        for (int l = 1; l < geometry.layerCount(); l++)
        {
            rowOwner[l] = new int[geometry.height(l)];
            for (final ConvCore core : cores)
            {
                for (int r = core.rowFrom(l); r < core.rowTo(l); r++)
                {
                    rowOwner[l][r] = core.coreId();
                }
            }
        }
        this.stdp = new StdpUnit(memories);
        this.controller = new ConvController(memories, cores, stdp, sink);
        final ProcessingElement[] pes = cores.clone();
        this.engine = Engine.builder().threadingMode(mode).batchCapacity(4096).build(controller, pes);
        this.learning = new OperationCounts(geometry.layerCount());
        this.inference = new OperationCounts(geometry.layerCount());
    }

    /** The configuration. */
    public ConvNetConfig config()
    {
        return config;
    }

    /** The layer shapes. */
    public ConvGeometry geometry()
    {
        return geometry;
    }

    /** Number of processing elements. */
    public int coreCount()
    {
        return cores.length;
    }

    /** The weights of convolution {@code ordinal} (0 = conv1). */
    public KernelWeights weights(final int ordinal)
    {
        return memories.weights[geometry.convLayer(ordinal)];
    }

    /** Work done while learning (forward passes of the lower layers, STDP, decrement tracking, pruning). */
    public OperationCounts learningCounts()
    {
        return learning;
    }

    /** Work done while extracting features (inference). */
    public OperationCounts inferenceCounts()
    {
        return inference;
    }

    /** Live kernel weights over all convolutions. */
    public long liveConnections()
    {
        long s = 0;
        for (int c = 0; c < geometry.convCount(); c++)
        {
            s += weights(c).liveCount();
        }
        return s;
    }

    /** Kernel weights over all convolutions (33,220 for paper B). */
    public long totalConnections()
    {
        long s = 0;
        for (int c = 0; c < geometry.convCount(); c++)
        {
            s += weights(c).size();
        }
        return s;
    }

    /**
     * Layer-wise STDP learning with pruning (paper B Fig. 2): for each convolution in turn, {@code learnIterations}
     * images with the STDP unit on that layer, a Prune unit pass every k iterations (dynamic pruning), then the
     * post-learning pass before the next layer learns.
     *
     * @param images   the learning images (cycled).
     * @param policy   the pruning policy.
     * @param listener progress observer.
     */
    public void learn(final List<InputSpikes> images, final KernelPrunePolicy policy, final LearningListener listener)
    {
        if (images.isEmpty())
        {
            throw new IllegalArgumentException("no learning images");
        }
        final int[] order = new int[images.size()];
        final SplittableRandom shuffle = streams.stream("learning-order");
        int cursor = order.length;
        long global = 0;
        final int[] perLayer = config.iterationsPerLayer();
        final boolean globalSchedule = config.schedule() == ConvNetConfig.Schedule.GLOBAL;
        stdp.countPreSpikes(config.countPreSpikes());
        for (int c = 0; c < geometry.convCount(); c++)
        {
            final int layer = geometry.convLayer(c);
            final KernelWeights kw = memories.weights[layer];
            final int k = policy.evaluationPeriod(c);
            final DecrementTrack track = k > 0 ? new DecrementTrack(kw.size()) : null;
            memories.depth = layer;
            restoreThresholds();
            stdp.configure(layer, track, config.winnersPerStep()[c], config.winnersPerImage()[c],
                config.inhibitionRadius()[c], rowOwner[layer], cores.length);
            float aPlus = config.aPlus()[c];
            float aMinus = config.aMinus()[c];
            final int iterations = perLayer[c];
            for (int it = 0; it < iterations; it++)
            {
                if (cursor == order.length)
                {
                    nextPass(order, shuffle, images, global == 0);
                    cursor = 0;
                }
                final InputSpikes image = images.get(order[cursor++]);
                stdp.rates(aPlus, aMinus);
                present(image, order[cursor - 1], layer, true, learning);
                final int period = config.rateDoublingPeriod()[c];
                if (period > 0 && (globalSchedule ? global % period == 0 : it % period == 0))
                {
                    aPlus = Math.min(2f * aPlus, config.aPlusCap());
                    aMinus = config.aMinusRatio() * aPlus;
                }
                global++;
                if (k > 0 && (it + 1) % k == 0)
                {
                    final int before = kw.liveCount();
                    final long evaluated = policy.onEvaluate(c, it + 1, track, kw);
                    track.clear();
                    recordPrune(layer, evaluated, before - kw.liveCount());
                    listener.onPrune(c, it + 1, false, evaluated, before - kw.liveCount());
                }
                listener.onIteration(c, it + 1, global);
            }
            final int before = kw.liveCount();
            final long evaluated = policy.onLayerLearned(c, kw);
            recordPrune(layer, evaluated, before - kw.liveCount());
            listener.onPrune(c, iterations, true, evaluated, before - kw.liveCount());
        }
    }

    private void nextPass(final int[] order, final SplittableRandom shuffle, final List<InputSpikes> images,
        final boolean first)
    {
        if (config.order() == ConvNetConfig.LearningOrder.CLASS_PERMUTED)
        {
            if (first)
            {
                permuteWithinClasses(order, shuffle, images);
            }
            return;
        }
        for (int i = 0; i < order.length; i++)
        {
            order[i] = i;
        }
        if (config.order() == ConvNetConfig.LearningOrder.SHUFFLED)
        {
            for (int i = order.length - 1; i > 0; i--)
            {
                final int j = shuffle.nextInt(i + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }

    /** Runs of images with the same label, in list order, each permuted in place. */
    private static void permuteWithinClasses(final int[] order, final SplittableRandom shuffle,
        final List<InputSpikes> images)
    {
        for (int i = 0; i < order.length; i++)
        {
            order[i] = i;
        }
        int from = 0;
        while (from < order.length)
        {
            int to = from + 1;
            while (to < order.length && images.get(to).label() == images.get(from).label())
            {
                to++;
            }
            for (int i = to - 1; i > from; i--)
            {
                final int j = from + shuffle.nextInt(i - from + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            from = to;
        }
    }

    private void recordPrune(final int layer, final long evaluated, final long pruned)
    {
        learning.addPrune(layer, evaluated, pruned);
        sink.onLayerPrune(nextImageTick, layer - 1, evaluated, pruned, memories.weights[layer].liveCount());
        sink.onPrune(nextImageTick, evaluated, pruned, 0);
    }

    private void restoreThresholds()
    {
        for (int l = 1; l < geometry.layerCount(); l++)
        {
            memories.threshold[l] = geometry.spec(l).threshold();
            memories.mode[l] = geometry.spec(l).inhibition();
        }
    }

    /**
     * Feature extraction (inference): every layer runs with the extraction thresholds and inhibitions. Without a
     * readout pool, the feature of a map of the last convolution is its maximum potential over positions and time
     * (potentials never fall: non-leaky neurons, non-negative weights); with one, the features are the last
     * convolution's spikes (1 if the neuron fired in the image), max-pooled.
     *
     * @param images the images.
     * @return one row of features per image.
     */
    public double[][] features(final List<InputSpikes> images)
    {
        final double[][] out = new double[images.size()][];
        features(images, (i, row) -> out[i] = row.clone());
        return out;
    }

    /** Receives the feature rows of {@link #features(List, FeatureSink)} one at a time. */
    @FunctionalInterface
    public interface FeatureSink
    {
        /**
         * @param image the image's index in the list.
         * @param row   its features; the array is reused for the next image, so copy what is kept.
         */
        void accept(int image, double[] row);
    }

    /**
     * Feature extraction, one row at a time: as {@link #features(List)}, but each image's row is handed to
     * {@code sink} as soon as it is computed, so that a caller can keep a compact form (e.g. the non-zero entries of
     * binary pooled features) instead of every dense row.
     *
     * @param images the images.
     * @param sink   receives each row, in image order.
     */
    public void features(final List<InputSpikes> images, final FeatureSink sink)
    {
        memories.depth = geometry.layerCount() - 1;
        restoreThresholds();
        for (int c = 0; c < geometry.convCount(); c++)
        {
            final float t = config.extractionThreshold()[c];
            if (!Float.isNaN(t))
            {
                memories.threshold[geometry.convLayer(c)] = t;
            }
        }
        if (config.inferenceInhibition() != null)
        {
            for (int l = 1; l < geometry.layerCount(); l++)
            {
                memories.mode[l] = config.inferenceInhibition()[l - 1];
            }
        }
        final int last = geometry.layerCount() - 1;
        final int maps = geometry.maps(last);
        final int[] pool = config.readoutPool();
        final int h = geometry.height(last);
        final int w = geometry.width(last);
        final int ph = pool == null ? 0 : 1 + Math.floorDiv(h + 2 * pool[2] - pool[0], pool[1]);
        final int pw = pool == null ? 0 : 1 + Math.floorDiv(w + 2 * pool[2] - pool[0], pool[1]);
        final double[] f = new double[pool == null ? maps : ph * pw * maps];
        for (int i = 0; i < images.size(); i++)
        {
            present(images.get(i), i, last, false, inference);
            java.util.Arrays.fill(f, 0.0);
            if (pool == null)
            {
                final float[] v = memories.potential[last];
                java.util.Arrays.fill(f, Double.NEGATIVE_INFINITY);
                for (int n = 0; n < v.length; n++)
                {
                    final int m = n % maps;
                    if (v[n] > f[m])
                    {
                        f[m] = v[n];
                    }
                }
            }
            else
            {
                final boolean[] fired = memories.flag[last];
                for (int r = 0; r < h; r++)
                {
                    for (int c = 0; c < w; c++)
                    {
                        final int off = (r * w + c) * maps;
                        for (int m = 0; m < maps; m++)
                        {
                            if (fired[off + m])
                            {
                                markPooled(f, pool, r, c, m, ph, pw, maps);
                            }
                        }
                    }
                }
            }
            sink.accept(i, f);
        }
        restoreThresholds();
    }

    private static void markPooled(final double[] f, final int[] pool, final int r, final int c, final int m,
        final int ph, final int pw, final int maps)
    {
        final int win = pool[0];
        final int s = pool[1];
        final int pad = pool[2];
        for (int pr = Math.max(0, ConvCore.ceilDiv(r + pad - win + 1, s)); pr <= Math.min(ph - 1,
            Math.floorDiv(r + pad, s)); pr++)
        {
            for (int pc = Math.max(0, ConvCore.ceilDiv(c + pad - win + 1, s)); pc <= Math.min(pw - 1,
                Math.floorDiv(c + pad, s)); pc++)
            {
                f[(pr * pw + pc) * maps + m] = 1.0;
            }
        }
    }

    private void present(final InputSpikes image, final int index, final int depth, final boolean learn,
        final OperationCounts counts)
    {
        memories.depth = depth;
        memories.resetImage();
        final long base = nextImageTick;
        sink.onImageStart(base, index, image.label(), learn, 0);
        controller.beginImage(image, base, depth, learn, counts);
        engine.run(base + 1, base + config.ticksPerImage());
        counts.addImage(config.ticksPerImage() - 1);
        sink.onImageEnd(base + config.ticksPerImage() - 1, index, controller.imageSpikes());
        nextImageTick = base + config.ticksPerImage();
        imageIndex++;
    }

    /** Images presented so far (learning and inference). */
    public long imagesPresented()
    {
        return imageIndex;
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
