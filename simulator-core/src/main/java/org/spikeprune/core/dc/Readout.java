package org.spikeprune.core.dc;

/**
 * Label assignment and classification of Diehl &amp; Cook (MODEL-REFERENCE §1.7): each neuron is assigned the class
 * for which its mean spike count is highest (strictly greater, from 0, so a silent neuron keeps label −1); an
 * image is classified as the class whose assigned neurons have the highest mean spike count.
 */
public final class Readout
{
    private Readout()
    {
    }

    /**
     * Per-class spike sums of each neuron, accumulated image by image (no per-image storage).
     */
    public static final class ClassSums
    {
        private final int neurons;
        private final int classes;
        private final double[] sum;
        private final int[] perClass;

        /**
         * @param neurons neurons.
         * @param classes classes.
         */
        public ClassSums(final int neurons, final int classes)
        {
            this.neurons = neurons;
            this.classes = classes;
            this.sum = new double[classes * neurons];
            this.perClass = new int[classes];
        }

        /** Adds one image's spike counts under its label. */
        public void add(final int label, final long[] counts)
        {
            add(label, counts, 0);
        }

        /** Adds one image's spike counts, {@code counts[offset .. offset + neurons)}, under its label. */
        public void add(final int label, final long[] counts, final int offset)
        {
            perClass[label]++;
            final int base = label * neurons;
            for (int j = 0; j < neurons; j++)
            {
                sum[base + j] += counts[offset + j];
            }
        }

        /** Images added. */
        public int images()
        {
            int s = 0;
            for (final int c : perClass)
            {
                s += c;
            }
            return s;
        }

        /** Forgets everything. */
        public void clear()
        {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(perClass, 0);
        }

        /**
         * Assigns each neuron the class with its highest mean count (strictly greater, from 0).
         *
         * @return the label of each neuron, −1 if it never fired.
         */
        public int[] assign()
        {
            final int[] assignment = new int[neurons];
            for (int j = 0; j < neurons; j++)
            {
                double best = 0;
                int label = -1;
                for (int c = 0; c < classes; c++)
                {
                    if (perClass[c] == 0)
                    {
                        continue;
                    }
                    final double mean = sum[c * neurons + j] / perClass[c];
                    if (mean > best)
                    {
                        best = mean;
                        label = c;
                    }
                }
                assignment[j] = label;
            }
            return assignment;
        }
    }

    /**
     * Classifies one image from its spike counts.
     *
     * @return the predicted class, or −1 if no neuron of any class fired.
     */
    public static int classify(final long[] counts, final int offset, final int[] assignment, final int classes)
    {
        final double[] sum = new double[classes];
        final int[] num = new int[classes];
        for (int j = 0; j < assignment.length; j++)
        {
            final int a = assignment[j];
            if (a >= 0)
            {
                sum[a] += counts[offset + j];
                num[a]++;
            }
        }
        int best = -1;
        double bestScore = 0;
        for (int c = 0; c < classes; c++)
        {
            final double score = num[c] == 0 ? 0 : sum[c] / num[c];
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /**
     * Accuracy with the labels assigned from the classified images' own responses, the way Diehl &amp; Cook's
     * demonstration evaluation script does (it assigns from test-set activity): an optimistic diagnostic for
     * comparing with figures obtained that way, never the reported accuracy.
     *
     * @param counts  spike counts, {@code neurons} per image, image after image.
     * @param labels  the images' labels.
     * @param images  images.
     * @param neurons neurons.
     * @param classes classes.
     * @param folds   1 to assign from all the images and classify the same images; k &gt; 1 to classify the images of
     *                each fold (image index mod k) with labels assigned from the other folds.
     * @return the fraction classified right, NaN for no image.
     */
    public static double selfAssignedAccuracy(final long[] counts, final byte[] labels, final int images,
        final int neurons, final int classes, final int folds)
    {
        if (folds < 1)
        {
            throw new IllegalArgumentException("folds: expected at least 1, found " + folds);
        }
        if (images == 0)
        {
            return Double.NaN;
        }
        long right = 0;
        final ClassSums sums = new ClassSums(neurons, classes);
        for (int f = 0; f < folds; f++)
        {
            sums.clear();
            for (int m = 0; m < images; m++)
            {
                if (folds == 1 || m % folds != f)
                {
                    sums.add(labels[m], counts, m * neurons);
                }
            }
            final int[] assignment = sums.assign();
            for (int m = folds == 1 ? 0 : f; m < images; m += folds)
            {
                if (classify(counts, m * neurons, assignment, classes) == labels[m])
                {
                    right++;
                }
            }
        }
        return right / (double)images;
    }
}
