package org.spikeprune.core.dc;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Non-spiking reference classifiers on the raw pixels, read out as the spiking network is: a set of prototypes
 * (one per "neuron"), each labelled with the class whose training images it wins most often relative to the class's
 * size (the label rule of {@link Readout} with a winner-take-all response of 1), and an image classified as the label
 * of its nearest prototype (squared Euclidean distance). Two prototype sets:
 * <ul>
 * <li>{@link #classMeans}: one prototype per class, the class's mean image;</li>
 * <li>{@link #kMeans}: K prototypes learned by Lloyd's k-means algorithm from K distinct training images drawn by a
 * seeded stream, iterated until no assignment changes or an iteration cap.</li>
 * </ul>
 * They tell what K prototypes of the same images can reach, the capacity against which the STDP-learned templates of
 * a K-neuron layer can be judged. Deterministic: the result depends on the seed, not on the thread count (each
 * image's nearest prototype is found independently; the means are summed in image order). Control path, not the
 * simulator's hot loop.
 */
public final class PixelPrototypes
{
    /** How an image is matched to a prototype. */
    public enum Similarity
    {
        /** The nearest prototype: the smallest squared Euclidean distance. */
        EUCLIDEAN,
        /** The largest cosine between image and prototype. */
        COSINE,
        /**
         * The largest dot product with the prototype scaled to a fixed sum, as the spiking layer's input drive is
         * (each neuron's weights normalised to the same total).
         */
        DOT_L1
    }

    /** The learned prototypes. */
    private final float[] centres; // pixel-major: centres[p * k + c]
    private final int k;
    private final int pixels;
    private final int[] labels;
    private final int iterations;
    private final boolean converged;
    private final Similarity similarity;

    private PixelPrototypes(final float[] centres, final int k, final int pixels, final int[] labels,
        final int iterations, final boolean converged, final Similarity similarity)
    {
        this.similarity = similarity;
        this.centres = centres;
        this.k = k;
        this.pixels = pixels;
        this.labels = labels;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * One prototype per class: the mean of its training images.
     *
     * @param images  training images, {@code pixels} unsigned bytes each.
     * @param classOf the images' labels.
     * @param count   training images used, from the first.
     * @param pixels  pixels per image.
     * @param classes classes.
     * @return the class-mean prototypes, prototype c labelled c (−1 for a class with no image).
     */
    public static PixelPrototypes classMeans(final byte[] images, final byte[] classOf, final int count,
        final int pixels, final int classes)
    {
        final int[] of = new int[count];
        for (int i = 0; i < count; i++)
        {
            of[i] = classOf[i];
        }
        final float[] centres = new float[classes * pixels];
        final int[] sizes = means(images, of, count, pixels, classes, centres, null);
        final int[] labels = new int[classes];
        for (int c = 0; c < classes; c++)
        {
            labels[c] = sizes[c] > 0 ? c : -1;
        }
        return new PixelPrototypes(centres, classes, pixels, labels, 1, true, Similarity.EUCLIDEAN);
    }

    /**
     * K prototypes by Lloyd's algorithm.
     *
     * @param images        training images, {@code pixels} unsigned bytes each.
     * @param classOf       the images' labels (for labelling the prototypes only).
     * @param count         training images used, from the first; at least {@code k}.
     * @param pixels        pixels per image.
     * @param classes       classes.
     * @param k             prototypes, at least 1.
     * @param maxIterations the iteration cap, at least 1.
     * @param seed          seed of the stream drawing the initial prototypes.
     * @param threads       threads for the nearest-prototype search (the result does not depend on it).
     * @return the prototypes, labelled.
     */
    public static PixelPrototypes kMeans(final byte[] images, final byte[] classOf, final int count, final int pixels,
        final int classes, final int k, final int maxIterations, final long seed, final int threads)
    {
        if (k < 1 || count < k || maxIterations < 1 || threads < 1)
        {
            throw new IllegalArgumentException("k=" + k + ", images=" + count + ", iterations=" + maxIterations
                + ", threads=" + threads);
        }
        final float[] centres = draw(images, count, pixels, k, seed);
        final int[] nearest = new int[count];
        Arrays.fill(nearest, -1);
        final int[] next = new int[count];
        int iteration = 0;
        boolean converged = false;
        final ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try
        {
            while (iteration < maxIterations)
            {
                iteration++;
                assign(images, count, pixels, centres, k, next, threads, pool);
                if (Arrays.equals(next, nearest))
                {
                    converged = true;
                    break;
                }
                System.arraycopy(next, 0, nearest, 0, count);
                // an emptied prototype keeps its place
                means(images, nearest, count, pixels, k, centres, centres);
            }
        }
        finally
        {
            if (pool != null)
            {
                pool.shutdownNow();
            }
        }
        return new PixelPrototypes(centres, k, pixels, label(nearest, classOf, count, k, classes), iteration,
            converged, Similarity.EUCLIDEAN);
    }

    /**
     * K prototypes learned online in one pass, as a winner-take-all layer learns: each training image in order moves
     * its nearest prototype to the running mean of the images it has won (MacQueen's k-means), starting from the
     * K images {@link #kMeans} starts from. Labelled afterwards from a second pass with the prototypes fixed, as the
     * network's labels come from a learning-off pass.
     *
     * @param images  training images, {@code pixels} unsigned bytes each.
     * @param classOf the images' labels (for labelling the prototypes only).
     * @param count   training images used, from the first; at least {@code k}.
     * @param pixels  pixels per image.
     * @param classes classes.
     * @param k       prototypes, at least 1.
     * @param seed    seed of the stream drawing the initial prototypes.
     * @return the prototypes, labelled.
     */
    public static PixelPrototypes onlineKMeans(final byte[] images, final byte[] classOf, final int count,
        final int pixels, final int classes, final int k, final long seed)
    {
        return onlineKMeans(images, classOf, count, pixels, classes, k, seed, Similarity.EUCLIDEAN, 0);
    }

    /**
     * {@link #onlineKMeans(byte[], byte[], int, int, int, int, long)} with another matching rule, used both to pick
     * the prototype an image moves and to label and classify afterwards, and optionally a constant learning rate:
     * the winner moves by {@code rate · (x − c)} instead of to the running mean.
     *
     * @param images     training images, {@code pixels} unsigned bytes each.
     * @param classOf    the images' labels (for labelling the prototypes only).
     * @param count      training images used, from the first; at least {@code k}.
     * @param pixels     pixels per image.
     * @param classes    classes.
     * @param k          prototypes, at least 1.
     * @param seed       seed of the stream drawing the initial prototypes.
     * @param similarity the matching rule.
     * @param rate       the constant learning rate in (0, 1], or 0 for the running mean.
     * @return the prototypes, labelled.
     */
    public static PixelPrototypes onlineKMeans(final byte[] images, final byte[] classOf, final int count,
        final int pixels, final int classes, final int k, final long seed, final Similarity similarity,
        final double rate)
    {
        if (k < 1 || count < k || !(rate >= 0 && rate <= 1))
        {
            throw new IllegalArgumentException("k=" + k + ", images=" + count + ", rate=" + rate);
        }
        final float[] centres = draw(images, count, pixels, k, seed);
        final int[] won = new int[k];
        Arrays.fill(won, 1); // each prototype starts as one image
        final float[] factors = factors(centres, k, pixels, similarity);
        final int[] pick = new int[count];
        final float[] dot = new float[k];
        for (int i = 0; i < count; i++)
        {
            nearest(images, i, i + 1, pixels, centres, factors, similarity, null, k, pick, dot);
            final int c = pick[i];
            final float step = rate > 0 ? (float)rate : 1f / ++won[c];
            final int base = i * pixels;
            for (int p = 0; p < pixels; p++)
            {
                final int q = p * k + c;
                centres[q] += step * ((images[base + p] & 0xff) - centres[q]);
            }
            factors[c] = factor(centres, k, pixels, similarity, c);
        }
        final int[] nearest = new int[count];
        nearest(images, 0, count, pixels, centres, factors(centres, k, pixels, similarity), similarity, null, k,
            nearest, new float[k]);
        return new PixelPrototypes(centres, k, pixels, label(nearest, classOf, count, k, classes), 1, true,
            similarity);
    }

    /** K distinct training images drawn by a partial Fisher-Yates shuffle, as prototypes (pixel-major). */
    private static float[] draw(final byte[] images, final int count, final int pixels, final int k, final long seed)
    {
        final SplittableRandom rng = new SplittableRandom(seed);
        final int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }
        final float[] centres = new float[k * pixels];
        for (int c = 0; c < k; c++)
        {
            final int pick = c + rng.nextInt(count - c);
            final int t = order[c];
            order[c] = order[pick];
            order[pick] = t;
            final int base = order[c] * pixels;
            for (int p = 0; p < pixels; p++)
            {
                centres[p * k + c] = images[base + p] & 0xff;
            }
        }
        return centres;
    }

    /**
     * The mean image of each group into {@code centres} (pixel-major); a group with no image keeps
     * {@code previous}'s prototype, or zeros when {@code previous} is null.
     */
    private static int[] means(final byte[] images, final int[] group, final int count, final int pixels,
        final int groups, final float[] centres, final float[] previous)
    {
        final double[] sum = new double[groups * pixels];
        final int[] sizes = new int[groups];
        for (int i = 0; i < count; i++)
        {
            final int g = group[i];
            sizes[g]++;
            final int base = i * pixels;
            for (int p = 0; p < pixels; p++)
            {
                sum[p * groups + g] += images[base + p] & 0xff;
            }
        }
        for (int p = 0; p < pixels; p++)
        {
            for (int g = 0; g < groups; g++)
            {
                if (sizes[g] > 0)
                {
                    centres[p * groups + g] = (float)(sum[p * groups + g] / sizes[g]);
                }
                else if (previous == null)
                {
                    centres[p * groups + g] = 0f;
                }
            }
        }
        return sizes;
    }

    private static void assign(final byte[] images, final int count, final int pixels, final float[] centres,
        final int k, final int[] out, final int threads, final ExecutorService pool)
    {
        final float[] norms = factors(centres, k, pixels, Similarity.EUCLIDEAN);
        if (pool == null)
        {
            nearest(images, 0, count, pixels, centres, norms, Similarity.EUCLIDEAN, null, k, out, new float[k]);
            return;
        }
        final Future<?>[] parts = new Future<?>[threads];
        for (int t = 0; t < threads; t++)
        {
            final int from = (int)((long)count * t / threads);
            final int to = (int)((long)count * (t + 1) / threads);
            parts[t] = pool.submit(() -> nearest(images, from, to, pixels, centres, norms, Similarity.EUCLIDEAN, null,
                k, out, new float[k]));
        }
        for (final Future<?> f : parts)
        {
            try
            {
                f.get();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
            catch (final java.util.concurrent.ExecutionException ex)
            {
                throw new IllegalStateException(ex.getCause());
            }
        }
    }

    /** Each prototype's {@link #factor}. */
    private static float[] factors(final float[] centres, final int k, final int pixels, final Similarity sim)
    {
        final float[] f = new float[k];
        for (int c = 0; c < k; c++)
        {
            f[c] = factor(centres, k, pixels, sim, c);
        }
        return f;
    }

    /**
     * What the matching rule needs of prototype {@code c} besides its dot product with the image: its squared norm
     * (Euclidean), the inverse of its norm (cosine) or the inverse of its sum (scaled dot product); 0 for an
     * all-zero prototype under the last two.
     */
    private static float factor(final float[] centres, final int k, final int pixels, final Similarity sim,
        final int c)
    {
        float squares = 0;
        float sum = 0;
        for (int p = 0; p < pixels; p++)
        {
            final float v = centres[p * k + c];
            squares += v * v;
            sum += v;
        }
        switch (sim)
        {
            case EUCLIDEAN:
                return squares;
            case COSINE:
                return squares > 0 ? (float)(1 / Math.sqrt(squares)) : 0f;
            default:
                return sum > 0 ? 1 / sum : 0f;
        }
    }

    /**
     * For images [from, to): the best-matching prototype (the lowest on a tie), into {@code out[i]}: the one
     * minimising |c|² − 2·x·c (Euclidean) or maximising x·c times its factor (cosine, scaled dot product). Prototypes
     * marked in {@code skip} (null for none) take no part; with none left, 0. {@code dot} is scratch space of
     * {@code k} entries.
     */
    private static void nearest(final byte[] images, final int from, final int to, final int pixels,
        final float[] centres, final float[] factors, final Similarity sim, final boolean[] skip, final int k,
        final int[] out, final float[] dot)
    {
        final boolean euclidean = sim == Similarity.EUCLIDEAN;
        for (int i = from; i < to; i++)
        {
            Arrays.fill(dot, 0f);
            final int base = i * pixels;
            for (int p = 0; p < pixels; p++)
            {
                final int x = images[base + p] & 0xff;
                if (x != 0)
                {
                    final float xf = x;
                    final int row = p * k;
                    for (int c = 0; c < k; c++)
                    {
                        dot[c] += xf * centres[row + c];
                    }
                }
            }
            int best = -1;
            float bestD = 0;
            for (int c = 0; c < k; c++)
            {
                if (skip != null && skip[c])
                {
                    continue;
                }
                final float d = euclidean ? factors[c] - 2 * dot[c] : -dot[c] * factors[c];
                if (best < 0 || d < bestD)
                {
                    bestD = d;
                    best = c;
                }
            }
            out[i] = Math.max(best, 0);
        }
    }

    /** Each prototype's label: the class with the largest share of its images won (−1 if it wins none). */
    static int[] label(final int[] nearest, final byte[] classOf, final int count, final int k,
        final int classes)
    {
        final int[] wins = new int[k * classes];
        final int[] classSize = new int[classes];
        for (int i = 0; i < count; i++)
        {
            wins[nearest[i] * classes + classOf[i]]++;
            classSize[classOf[i]]++;
        }
        final int[] labels = new int[k];
        for (int c = 0; c < k; c++)
        {
            labels[c] = -1;
            double best = 0;
            for (int y = 0; y < classes; y++)
            {
                final double share = classSize[y] == 0 ? 0 : wins[c * classes + y] / (double)classSize[y];
                if (share > best)
                {
                    best = share;
                    labels[c] = y;
                }
            }
        }
        return labels;
    }

    /**
     * The fraction of images whose nearest labelled prototype carries their label.
     *
     * @param images  images, {@code pixels} unsigned bytes each.
     * @param classOf their labels.
     * @param count   images, from the first.
     * @return the accuracy, NaN for none.
     */
    public double accuracy(final byte[] images, final byte[] classOf, final int count)
    {
        final int[] out = new int[count];
        // only labelled prototypes take part
        final boolean[] skip = new boolean[k];
        for (int c = 0; c < k; c++)
        {
            skip[c] = labels[c] < 0;
        }
        nearest(images, 0, count, pixels, centres, factors(centres, k, pixels, similarity), similarity, skip, k, out,
            new float[k]);
        int right = 0;
        for (int i = 0; i < count; i++)
        {
            right += labels[out[i]] == classOf[i] ? 1 : 0;
        }
        return count == 0 ? Double.NaN : right / (double)count;
    }

    /** Prototypes. */
    public int size()
    {
        return k;
    }

    /** Each prototype's label, −1 for none. */
    public int[] labels()
    {
        return labels.clone();
    }

    /** Prototypes that won no training image (no label). */
    public int unlabelled()
    {
        int n = 0;
        for (final int l : labels)
        {
            n += l < 0 ? 1 : 0;
        }
        return n;
    }

    /** Lloyd iterations run (1 for class means). */
    public int iterations()
    {
        return iterations;
    }

    /** Whether the assignments stopped changing before the cap. */
    public boolean converged()
    {
        return converged;
    }

    /** Every prototype, pixel-major: prototype {@code c} at pixel {@code p} is entry {@code p · size() + c}. */
    public float[] centres()
    {
        return centres.clone();
    }

    /** Prototype {@code c}'s value at pixel {@code p}. */
    public float centre(final int c, final int p)
    {
        return centres[p * k + c];
    }
}
