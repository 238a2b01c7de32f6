package org.spikeprune.core.dc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.spikeprune.core.prune.WeightMemory;

/**
 * The network's dynamics during training, monitored batch by batch as paper A's Fig. 2 does (every 5,000 of its
 * 60,000 training images, without pruning): how often the excitatory neurons fire, and how much the input weights
 * change. Paper A reads from them when learning settles (after about 30,000 images), which is why its pruning starts
 * there.
 *
 * <p>Control path only: the monitor reads counters and a dense copy of the weights at each batch boundary, between
 * two images, so it changes no number of the run. Everything it reports is a function of the run's spikes and
 * weights, so it is the same for every core count and threading mode.
 */
public final class LearningDynamics
{
    /** Paper A's monitoring batch, in its 60,000-image epoch. */
    public static final long PAPER_BATCH_IMAGES = 5_000L;
    /** Paper A's epoch. */
    public static final long PAPER_EPOCH_IMAGES = 60_000L;

    /**
     * One monitored batch.
     *
     * @param images              training images seen at the end of the batch (all epochs).
     * @param batchImages         images in the batch.
     * @param presentations       presentations in the batch (re-presentations of quiet images included).
     * @param neurons             excitatory neurons not removed by neuron pruning.
     * @param spikesMean          spikes per neuron within presentations over the batch, mean over the neurons.
     * @param spikesSd            their standard deviation over the neurons.
     * @param spikesMin           the fewest spikes of one neuron.
     * @param spikesMax           the most spikes of one neuron.
     * @param silentNeurons       neurons that did not fire in the batch.
     * @param synapses            input → excitatory synapses live at both ends of the batch (the Δw statistics' n).
     * @param dwMean              mean change Δw of those synapses' weights over the batch (STDP and normalisation).
     * @param dwVariance          variance of Δw over them (population variance).
     * @param dwMeanAbs           mean |Δw|.
     * @param weightMean          mean weight of the live synapses at the end of the batch.
     * @param thetaMean           mean adaptive threshold θ (mV) of the neurons at the end of the batch.
     * @param trainingAccuracy    the running accuracy on the batch's images while learning: each image classified
     *                            by its responses with the labels assigned from the responses of the images of an
     *                            earlier window (Diehl &amp; Cook's monitoring); NaN while no labels exist yet.
     */
    public record Point(long images, long batchImages, long presentations, int neurons, double spikesMean,
        double spikesSd, long spikesMin, long spikesMax, int silentNeurons, long synapses, double dwMean,
        double dwVariance, double dwMeanAbs, double weightMean, double thetaMean, double trainingAccuracy)
    {
    }

    private final long interval;
    private final List<Point> points = new ArrayList<>();
    private float[] lastWeights;
    private boolean[] lastLive;
    private long[] lastCounts;
    private long lastImages;
    private long lastPresentations;
    private long lastCorrect;
    private long lastJudged;

    /**
     * Starts monitoring a network before its first training image.
     *
     * @param net             the network.
     * @param imagesPerEpoch  training images per epoch; the batch is paper A's 5,000 images scaled to it.
     */
    public LearningDynamics(final DcNetwork net, final long imagesPerEpoch)
    {
        this.interval = interval(imagesPerEpoch);
        snapshot(net, 0);
    }

    /**
     * The monitoring batch for a training length: paper A's 5,000 of 60,000 images, scaled and rounded, at least 1.
     *
     * @param imagesPerEpoch training images per epoch.
     * @return images per batch.
     */
    public static long interval(final long imagesPerEpoch)
    {
        return Math.max(1, Math.round(PAPER_BATCH_IMAGES * (double)imagesPerEpoch / PAPER_EPOCH_IMAGES));
    }

    /** Images per monitored batch. */
    public long interval()
    {
        return interval;
    }

    /**
     * Called after every training image; records a point when a batch is complete.
     *
     * @param net     the network.
     * @param seen    training images seen so far.
     * @param correct images classified right so far by the running labels.
     * @param judged  images classified so far by the running labels.
     */
    public void afterImage(final DcNetwork net, final long seen, final long correct, final long judged)
    {
        if (seen % interval == 0)
        {
            record(net, seen, correct, judged);
        }
    }

    /** The points recorded so far, oldest first (read-only). */
    public List<Point> points()
    {
        return Collections.unmodifiableList(points);
    }

    private void record(final DcNetwork net, final long seen, final long correct, final long judged)
    {
        final long[] counts = net.spikeCounts();
        final WeightMemory wm = net.weights();
        final int exc = counts.length;
        int neurons = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        int silent = 0;
        double sum = 0;
        for (int j = 0; j < exc; j++)
        {
            if (wm.isNeuronPruned(j))
            {
                continue;
            }
            final long c = counts[j] - lastCounts[j];
            neurons++;
            sum += c;
            min = Math.min(min, c);
            max = Math.max(max, c);
            silent += c == 0 ? 1 : 0;
        }
        final double mean = neurons == 0 ? Double.NaN : sum / neurons;
        double sq = 0;
        for (int j = 0; j < exc; j++)
        {
            if (!wm.isNeuronPruned(j))
            {
                final double d = counts[j] - lastCounts[j] - mean;
                sq += d * d;
            }
        }
        final float[] w = net.denseWeights();
        final boolean[] live = live(wm, exc, w.length);
        long n = 0;
        double dwSum = 0;
        double absSum = 0;
        double wSum = 0;
        long wN = 0;
        for (int k = 0; k < w.length; k++)
        {
            if (live[k])
            {
                wSum += w[k];
                wN++;
                if (lastLive[k])
                {
                    final double dw = (double)w[k] - lastWeights[k];
                    dwSum += dw;
                    absSum += Math.abs(dw);
                    n++;
                }
            }
        }
        final double dwMean = n == 0 ? Double.NaN : dwSum / n;
        double dwSq = 0;
        for (int k = 0; k < w.length; k++)
        {
            if (live[k] && lastLive[k])
            {
                final double d = (double)w[k] - lastWeights[k] - dwMean;
                dwSq += d * d;
            }
        }
        double theta = 0;
        final double[] thetas = net.thetas();
        for (int j = 0; j < exc; j++)
        {
            if (!wm.isNeuronPruned(j))
            {
                theta += thetas[j];
            }
        }
        points.add(new Point(seen, seen - lastImages, net.presentations() - lastPresentations, neurons, mean,
            neurons == 0 ? Double.NaN : Math.sqrt(sq / neurons), neurons == 0 ? 0 : min, max, silent, n, dwMean,
            n == 0 ? Double.NaN : dwSq / n, n == 0 ? Double.NaN : absSum / n, wN == 0 ? Double.NaN : wSum / wN,
            neurons == 0 ? Double.NaN : theta / neurons,
            judged == lastJudged ? Double.NaN : (correct - lastCorrect) / (double)(judged - lastJudged)));
        lastCorrect = correct;
        lastJudged = judged;
        lastWeights = w;
        lastLive = live;
        lastCounts = counts.clone();
        lastImages = seen;
        lastPresentations = net.presentations();
    }

    private void snapshot(final DcNetwork net, final long seen)
    {
        final WeightMemory wm = net.weights();
        lastWeights = net.denseWeights();
        lastLive = live(wm, net.excNeurons(), lastWeights.length);
        lastCounts = net.spikeCounts().clone();
        lastImages = seen;
        lastPresentations = net.presentations();
    }

    private static boolean[] live(final WeightMemory wm, final int exc, final int size)
    {
        final boolean[] live = new boolean[size];
        final int pre = size / exc;
        for (int i = 0; i < pre; i++)
        {
            for (int j = 0; j < exc; j++)
            {
                live[i * exc + j] = wm.isLive(i, j);
            }
        }
        return live;
    }
}
