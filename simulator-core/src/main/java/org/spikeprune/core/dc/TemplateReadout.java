package org.spikeprune.core.dc;

/**
 * A non-spiking diagnostic readout of a trained network: each image goes to the neuron whose input weights (its
 * template) have the largest cosine with the image's pixels, and takes that neuron's label. It tells how good the
 * learned templates are as a nearest-prototype classifier, apart from the spiking dynamics (conductances, delays,
 * adaptive thresholds, inhibition) through which {@link Readout} classifies. Pruned synapses count as zero weight;
 * neurons without a label (−1) or removed by neuron pruning take no part. Control path: run once per evaluation.
 */
public final class TemplateReadout
{
    private final int exc;
    private final int inputs;
    private final float[] weights;
    private final int[] labels;
    private final double[] inverseNorm;
    private final double[] score;

    /**
     * @param state    the trained network's state; weight of input {@code p} onto neuron {@code j} at
     *                 {@code p · exc + j}.
     * @param labels   each neuron's label, −1 for none.
     * @param exc      excitatory neurons.
     */
    public TemplateReadout(final DcNetwork.State state, final int[] labels, final int exc)
    {
        if (labels.length != exc || state.weights().length % exc != 0)
        {
            throw new IllegalArgumentException("labels " + labels.length + " and weights " + state.weights().length
                + " do not fit " + exc + " neurons");
        }
        this.exc = exc;
        this.inputs = state.weights().length / exc;
        this.weights = new float[state.weights().length];
        for (int k = 0; k < weights.length; k++)
        {
            weights[k] = state.status()[k] != 0 ? state.weights()[k] : 0f;
        }
        this.labels = labels.clone();
        this.inverseNorm = new double[exc];
        for (int j = 0; j < exc; j++)
        {
            double q = 0;
            for (int p = 0; p < inputs; p++)
            {
                final double w = weights[p * exc + j];
                q += w * w;
            }
            final boolean disabled = state.disabled() != null && state.disabled()[j];
            inverseNorm[j] = q > 0 && !disabled && labels[j] >= 0 ? 1 / Math.sqrt(q) : 0;
        }
        this.score = new double[exc];
    }

    /**
     * Classifies one image.
     *
     * @param pixels images, {@code inputs} unsigned bytes each.
     * @param image  the image's index.
     * @return the label of the neuron with the largest cosine (the lowest such neuron on a tie), or −1 when no
     *     neuron has a label and a non-zero template, or the image is blank.
     */
    public int classify(final byte[] pixels, final int image)
    {
        java.util.Arrays.fill(score, 0);
        final int base = image * inputs;
        for (int p = 0; p < inputs; p++)
        {
            final int x = pixels[base + p] & 0xff;
            if (x != 0)
            {
                final int row = p * exc;
                for (int j = 0; j < exc; j++)
                {
                    score[j] += x * (double)weights[row + j];
                }
            }
        }
        int best = -1;
        double bestScore = 0;
        for (int j = 0; j < exc; j++)
        {
            final double s = score[j] * inverseNorm[j];
            if (inverseNorm[j] > 0 && s > bestScore)
            {
                bestScore = s;
                best = j;
            }
        }
        return best < 0 ? -1 : labels[best];
    }

    /**
     * The fraction of images classified as their label.
     *
     * @param pixels      images, {@code inputs} unsigned bytes each.
     * @param imageLabels the images' labels.
     * @param count       images to classify, from the first.
     * @return the accuracy, NaN for no images.
     */
    public double accuracy(final byte[] pixels, final byte[] imageLabels, final int count)
    {
        int right = 0;
        for (int i = 0; i < count; i++)
        {
            right += classify(pixels, i) == imageLabels[i] ? 1 : 0;
        }
        return count == 0 ? Double.NaN : right / (double)count;
    }
}
