package org.spikeprune.fpga.activity;

import java.util.SplittableRandom;

import org.spikeprune.core.InputException;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.prune.PruningOverhead;

/**
 * Synthetic activity for when no recorded run is at hand: it reproduces the per-image statistics of the papers'
 * networks, not their learning. Fed through the {@link ActivityLog}'s sink methods, as a simulator would.
 *
 * <p><b>Paper A</b> ({@link #paperA}): per image 1,000 ticks of 0.5 ms, 700 of presentation (350 ms) and 300 of
 * rest (150 ms) (Diehl and Cook; MODEL-REFERENCE §1.3). In a presentation tick the 784 inputs fire a
 * Poisson-distributed number of spikes with mean {@code inputSpikes / 700} (about 2,300 per image: mean pixel
 * 33.3 / 4 Hz × 784 × 0.35 s; MODEL-REFERENCE §1.3 and PERFORMANCE-NOTES); each spike causes one synaptic op
 * per live synapse of its row ({@code neurons × connectivity}). Every tick updates every excitatory and inhibitory
 * neuron. The excitatory layer fires {@code outputSpikes} spikes per image (model choice: 20; the re-presentation
 * rule needs at least 5), each at a random presentation tick, each followed by its inhibitory partner's spike.
 * While learning, each input spike depresses its live row (one STDP update and one decrement per synaptic op)
 * and each excitatory spike potentiates its live column (784 × connectivity updates). Connectivity is 100% until
 * the first pruning step and falls geometrically to {@code finalConnectivity} over the steps at images start,
 * start + batch, …; each step is one Prune unit pass over all 784 × neurons weights with 20 groups. Testing
 * runs at the final connectivity without STDP.
 *
 * <p><b>Paper B</b> ({@link #paperB}): 15 time steps per image over the five layers of
 * {@link NetworkShape#paperB()}, with fixed per-image spike counts (model choice: 3,000 input DoG spikes spread
 * over steps 0–9, then 2,500 / 800 / 300 / 150 / 60 output spikes of conv1 / pool1 / conv2 / pool2 / conv3),
 * fan-outs 100 / 1 / 5,780 / 1 / 500 (kernel size × maps), layer-wise learning for 3,000 / 5,000 / 6,000 images
 * (scaled) with one STDP round per image (winners × kernel: 4 × 25, 4 × 1,156, 2 × 500 updates, 70% of them
 * decrements), and only the touched potentials compared. A pruned run removes kernel weights every 500 images
 * while a layer learns (to live fractions 0.8 / 0.3 / 0.1) and after it (to 0.56 / 0.084 / 0.013, the
 * post-learning figures of MODEL-REFERENCE §4.4), one Prune unit pass each.
 */
public final class SyntheticActivity
{
    /** Ticks of presentation per paper A image (350 ms at 0.5 ms). */
    public static final int PRESENTATION_TICKS = 700;
    /** Ticks of rest per paper A image (150 ms). */
    public static final int REST_TICKS = 300;

    private static final int[] B_FANOUT = {100, 1, 5_780, 1, 500};
    private static final int[] B_OUT_SPIKES = {2_500, 800, 300, 150, 60};
    private static final int B_INPUT_SPIKES = 3_000;
    private static final int[] B_LEARN_IMAGES = {3_000, 5_000, 6_000};
    private static final int[] B_CONV_LAYER = {0, 2, 4};
    private static final long[] B_STDP_UPDATES = {4 * 25, 4 * 1_156, 2 * 500};
    private static final double[] B_DYNAMIC_LIVE = {0.8, 0.3, 0.1};
    private static final double[] B_FINAL_LIVE = {0.56, 0.084, 0.013};
    private static final int B_STEPS = 15;
    private static final int B_PRUNE_INTERVAL = 500;

    private SyntheticActivity()
    {
    }

    /**
     * The parameters of paper A's synthetic run.
     *
     * @param neurons           excitatory neurons.
     * @param trainImages       training images.
     * @param testImages        test images.
     * @param pruneStart        training images before the first pruning step.
     * @param pruneBatch        training images per pruning step.
     * @param finalConnectivity connectivity after the last step, in (0, 1].
     * @param inputSpikes       mean input spikes per image.
     * @param outputSpikes      excitatory spikes per image.
     * @param seed              random seed.
     */
    public record PaperA(int neurons, int trainImages, int testImages, int pruneStart, int pruneBatch,
        double finalConnectivity, double inputSpikes, int outputSpikes, long seed)
    {
        /** Validates the parameters. */
        public PaperA
        {
            if (neurons < 1 || trainImages < 0 || testImages < 0 || pruneStart < 0 || pruneBatch < 1
                || !(finalConnectivity > 0 && finalConnectivity <= 1) || !(inputSpikes >= 0) || outputSpikes < 0)
            {
                throw new InputException("synthetic paper A activity: neurons >= 1, images >= 0, batch >= 1, "
                    + "connectivity in (0, 1] and spikes >= 0 expected, found " + neurons + " neurons, "
                    + trainImages + "/" + testImages + " images, batch " + pruneBatch + ", connectivity "
                    + finalConnectivity);
            }
        }

        /**
         * Paper A's full run: 60,000 training and 10,000 test images, pruning from 30,000 every 5,000 to 10%
         * connectivity, 2,300 input and 20 output spikes per image.
         *
         * @param neurons excitatory neurons.
         * @return the parameters.
         */
        public static PaperA full(final int neurons)
        {
            return new PaperA(neurons, 60_000, 10_000, 30_000, 5_000, 0.1, 2_300, 20, 1);
        }

        /**
         * A small run with the same per-image statistics and the same number of pruning steps (7): 1,200
         * training images pruned from 600 every 100, 200 test images.
         *
         * @param neurons excitatory neurons.
         * @return the parameters.
         */
        public static PaperA quick(final int neurons)
        {
            return new PaperA(neurons, 1_200, 200, 600, 100, 0.1, 2_300, 20, 1);
        }
    }

    /**
     * Generates paper A's synthetic run.
     *
     * @param p the parameters.
     * @return the activity.
     */
    public static ActivityLog paperA(final PaperA p)
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(p.neurons()));
        final SplittableRandom random = new SplittableRandom(p.seed());
        final long weights = 784L * p.neurons();
        final long steps = PruningOverhead.steps(p.trainImages(), p.pruneStart(), p.pruneBatch());
        final double lambda = p.inputSpikes() / PRESENTATION_TICKS;
        final double spikeProbability = Math.min(1.0, (double) p.outputSpikes() / PRESENTATION_TICKS);
        long tick = 0;
        long live = weights;
        long step = 0;
        for (int i = 0; i < p.trainImages() + p.testImages(); i++)
        {
            final boolean learning = i < p.trainImages();
            log.onImageStart(tick, learning ? i : i - p.trainImages(), 0, learning, 0);
            final long rowLive = Math.round((double) live / 784);
            final long columnLive = Math.round((double) live / p.neurons());
            int fired = 0;
            for (int t = 0; t < PRESENTATION_TICKS + REST_TICKS; t++, tick++)
            {
                final boolean presenting = t < PRESENTATION_TICKS;
                final int spikes = presenting ? poisson(random, lambda) : 0;
                final int exc = presenting && random.nextDouble() < spikeProbability ? 1 : 0;
                fired += exc;
                final long sops = spikes * rowLive;
                final long stdp = learning ? sops + exc * columnLive : 0;
                log.onCoreTick(tick, 0, spikes, sops, 2L * p.neurons(), stdp, learning ? sops : 0, 2 * exc);
            }
            log.onImageEnd(tick - 1, i, fired);
            if (learning && steps > 0 && i + 1 >= p.pruneStart() && (i + 1 - p.pruneStart()) % p.pruneBatch() == 0)
            {
                step++;
                final long target = Math.round(weights * Math.pow(p.finalConnectivity(), (double) step / steps));
                log.onPrune(tick - 1, weights, live - target, 20);
                live = target;
            }
        }
        log.finish();
        return log;
    }

    /**
     * Generates paper B's synthetic run.
     *
     * @param pruned     true for the pruned run (dynamic and post-learning pruning), false for the baseline.
     * @param scale      fraction of the 3,000 / 5,000 / 6,000 learning images and of the 500-image pruning
     *                   interval, in (0, 1].
     * @param testImages inference images.
     * @return the activity.
     */
    public static ActivityLog paperB(final boolean pruned, final double scale, final int testImages)
    {
        if (!(scale > 0 && scale <= 1) || testImages < 0)
        {
            throw new InputException("synthetic paper B activity: scale in (0, 1] and test images >= 0 expected, "
                + "found " + scale + " and " + testImages);
        }
        final NetworkShape shape = NetworkShape.paperB();
        final ActivityLog log = new ActivityLog(shape);
        final double[] live = {1, 1, 1, 1, 1};
        final long interval = Math.max(1, Math.round(B_PRUNE_INTERVAL * scale));
        long tick = 0;
        int image = 0;
        for (int c = 0; c < B_CONV_LAYER.length; c++)
        {
            final int layer = B_CONV_LAYER[c];
            final long images = Math.max(1, Math.round(B_LEARN_IMAGES[c] * scale));
            final long passes = pruned ? images / interval : 0;
            for (long i = 0; i < images; i++, image++)
            {
                tick = imageB(log, tick, image, true, layer, live);
                if (pruned && (i + 1) % interval == 0 && (i + 1) / interval <= passes)
                {
                    final double next = 1 - (1 - B_DYNAMIC_LIVE[c]) * ((i + 1) / interval) / Math.max(1, passes);
                    prune(log, tick, shape.layers().get(layer).weights(), live, layer, next);
                }
            }
            if (pruned)
            {
                prune(log, tick, shape.layers().get(layer).weights(), live, layer, B_FINAL_LIVE[c]);
            }
        }
        for (int i = 0; i < testImages; i++)
        {
            tick = imageB(log, tick, i, false, 4, live);
        }
        log.finish();
        return log;
    }

    private static void prune(final ActivityLog log, final long tick, final long weights, final double[] live,
        final int layer, final double next)
    {
        final long before = Math.round(weights * live[layer]);
        final long after = Math.round(weights * next);
        log.onPrune(tick, before, Math.max(0, before - after), 0);
        live[layer] = next;
    }

    private static long imageB(final ActivityLog log, final long start, final int image, final boolean learning,
        final int lastLayer, final double[] live)
    {
        log.onImageStart(start, image, 0, learning, 0);
        long tick = start;
        for (int t = 0; t < B_STEPS; t++, tick++)
        {
            for (int layer = 0; layer <= lastLayer; layer++)
            {
                final int in = layer == 0 ? inputAt(t) : spikesOutAt(layer - 1, t - 1);
                final long sops = Math.round(in * (double) B_FANOUT[layer] * live[layer]);
                final int out = spikesOutAt(layer, t);
                long stdp = 0;
                if (learning && layer == lastLayer && t == 8 && layer % 2 == 0)
                {
                    stdp = Math.round(B_STDP_UPDATES[layer / 2] * live[layer]);
                }
                final long updates = Math.min(shapeNeurons(layer), sops);
                log.onLayerTick(tick, layer, 0, in, sops, updates, stdp, Math.round(0.7 * stdp), out);
            }
        }
        log.onImageEnd(tick - 1, image, spikesOutAt(lastLayer, B_STEPS - 1));
        return tick;
    }

    private static long shapeNeurons(final int layer)
    {
        return NetworkShape.paperB().layers().get(layer).neurons();
    }

    /** Input spikes at step t: the first in step 0, the rest evenly over steps 1–9 (rank-order bins). */
    private static int inputAt(final int t)
    {
        if (t == 0)
        {
            return 1;
        }
        if (t > 9)
        {
            return 0;
        }
        final int rest = B_INPUT_SPIKES - 1;
        return rest / 9 + (t <= rest % 9 ? 1 : 0);
    }

    /** Output spikes of a layer at step t: its total spread like its input, one step later. */
    private static int spikesOutAt(final int layer, final int t)
    {
        if (t < layer + 1 || t > 10 + layer || t >= B_STEPS)
        {
            return 0;
        }
        final int total = B_OUT_SPIKES[layer];
        final int bins = Math.min(10, B_STEPS - layer - 1);
        final int k = t - layer - 1;
        return k < bins ? total / bins + (k < total % bins ? 1 : 0) : 0;
    }

    private static int poisson(final SplittableRandom random, final double lambda)
    {
        final double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit)
        {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
