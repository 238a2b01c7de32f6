package org.spikeprune.core.conv;

import java.util.List;

/** The shipped network profiles (MODEL-REFERENCE §4). */
public final class ConvProfiles
{
    /** Paper B's network on Caltech 101 Faces/Motorbikes. */
    public static final String NGUYEN2020_CALTECH = "nguyen2020-caltech";
    /** Kheradpisheh et al. 2018's MNIST network (SpykeTorch variant). */
    public static final String KHERADPISHEH2018_MNIST = "kheradpisheh2018-mnist";

    private ConvProfiles()
    {
    }

    /**
     * Paper B's network (MODEL-REFERENCE §4.1, §4.4): 160×250 grayscale, DoG 7×7 (σ 1, 2) ON channel, 5-pixel
     * border zeroed, threshold 15, rank-order coding into 10 bins of a 15-step window; conv1 4@5×5 thr 10 → pool
     * 7/6 → conv2 20@17×17 thr 60 → pool 5/5 → conv3 20@5×5 thr 2; 3000/5000/6000 learning iterations,
     * a⁺ = 0.004/0.0004/0.0004, a⁻ = 0.75·a⁺, doubling every 500 iterations capped at 0.15; winners per step
     * 10/4/2, inhibition radius 5/2/5; initial weights N(0.8, 0.01); extraction thresholds conv2 50, conv3 ∞.
     */
    public static ConvNetConfig nguyen2020Caltech()
    {
        final InputCoding coding = new InputCoding(160, 250, 7, 1.0, 2.0, false, 5, 15.0, 10, false, 0,
            DogFilter.Style.REFERENCE);
        final List<ConvLayerSpec> layers = List.of(
            ConvLayerSpec.conv(4, 5, 10f),
            ConvLayerSpec.pool(4, 7, 6, 3, true),
            ConvLayerSpec.conv(20, 17, 60f),
            ConvLayerSpec.pool(20, 5, 5, 2, false),
            ConvLayerSpec.conv(20, 5, 2f));
        return new ConvNetConfig(coding, layers, 15,
            new int[] {3000, 5000, 6000},
            new float[] {0.004f, 0.0004f, 0.0004f},
            new float[] {0.003f, 0.0003f, 0.0003f},
            new int[] {500, 500, 500}, 0.15f, 0.75f,
            new int[] {10, 4, 2},
            new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE},
            new int[] {5, 2, 5},
            0.8, 0.01,
            new float[] {Float.NaN, 50f, Float.POSITIVE_INFINITY},
            ConvNetConfig.LearningOrder.SEQUENTIAL, null, null);
    }

    /**
     * Kheradpisheh et al. 2018's MNIST network as re-implemented in SpykeTorch (MODEL-REFERENCE §4.2): 28×28,
     * DoG 7×7 ON (σ 1, 2) and OFF (σ 2, 1) channels (SpykeTorch's kernel formula), threshold 50, local
     * normalisation radius 8, equal-count latency coding into 15 bins; conv1 32@5×5 (pad 2) thr 10, k = 5 winners
     * per image, radius 2 → pool 2/2 pad 1 → conv2 150@2×2 (pad 1) thr 1, k = 8, radius 1; a⁺ = 0.004,
     * a⁻ = 0.003, conv1's doubling every 500 images capped at 0.15, conv2 constant; initial weights N(0.8, 0.05).
     * Learning: conv1 and conv2 each for one pass over the 60,000 training images (SpykeTorch runs 2 and 20
     * passes). Lateral inhibition while learning, none at inference (every neuron fires at most once); the readout
     * is conv2's spikes max-pooled 2/2 pad 1 (9×9×150 binary features) into a linear SVM (C = 2.4).
     */
    public static ConvNetConfig kheradpisheh2018Mnist()
    {
        final InputCoding coding = new InputCoding(28, 28, 7, 1.0, 2.0, true, 0, 50.0, 15, true, 8,
            DogFilter.Style.SPYKETORCH);
        final List<ConvLayerSpec> layers = List.of(
            ConvLayerSpec.conv(32, 5, 10f),
            ConvLayerSpec.pool(32, 2, 2, 1, false).withInhibition(Inhibition.NEURON),
            new ConvLayerSpec(ConvLayerSpec.Kind.CONV, 150, 2, 1, 1, 1f, Inhibition.POSITION));
        return new ConvNetConfig(coding, layers, 18,
            new int[] {60000, 60000},
            new float[] {0.004f, 0.004f},
            new float[] {0.003f, 0.003f},
            new int[] {500, 0}, 0.15f, 0.75f,
            new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE},
            new int[] {5, 8},
            new int[] {2, 1},
            0.8, 0.05,
            new float[] {Float.NaN, Float.NaN},
            ConvNetConfig.LearningOrder.SEQUENTIAL,
            new Inhibition[] {Inhibition.NEURON, Inhibition.NEURON, Inhibition.NEURON},
            new int[] {2, 2, 1});
    }

    /**
     * The named profile.
     *
     * @param name profile name.
     * @return its configuration.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static ConvNetConfig byName(final String name)
    {
        if (NGUYEN2020_CALTECH.equals(name))
        {
            return nguyen2020Caltech();
        }
        if (KHERADPISHEH2018_MNIST.equals(name))
        {
            return kheradpisheh2018Mnist();
        }
        throw new IllegalArgumentException("unknown convolutional profile '" + name + "' (known: "
            + NGUYEN2020_CALTECH + ", " + KHERADPISHEH2018_MNIST + ")");
    }
}
