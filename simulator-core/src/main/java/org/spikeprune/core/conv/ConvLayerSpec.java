package org.spikeprune.core.conv;

/**
 * One layer of the convolutional spiking network after the input layer: a convolution of integrate-and-fire
 * neurons with a learned, shared kernel, or a fixed pooling layer.
 *
 * @param kind               convolution or pooling.
 * @param maps               number of feature maps (output channels); for pooling it must equal the input maps.
 * @param kernel             kernel (window) side, in positions of the input layer.
 * @param stride             stride; 1 for convolutions.
 * @param pad                zero padding on every side of the input.
 * @param threshold          firing threshold of the neurons (convolution only; pooling fires on any input).
 * @param inhibition         competition between the neurons of the layer within an image (lateral inhibition,
 *                           paper B §2).
 */
public record ConvLayerSpec(Kind kind, int maps, int kernel, int stride, int pad, float threshold,
    Inhibition inhibition) implements java.io.Serializable
{
    /** The kind of a layer. */
    public enum Kind
    {
        /** Learned convolution of non-leaky integrate-and-fire neurons. */
        CONV,
        /** Fixed pooling: a unit fires at a step if any input of its window fired at the step before. */
        POOL
    }

    /** Validates the shape. */
    public ConvLayerSpec
    {
        if (kind == null)
        {
            throw new IllegalArgumentException("kind must be given");
        }
        if (maps <= 0 || kernel <= 0 || stride <= 0 || pad < 0)
        {
            throw new IllegalArgumentException("bad layer shape: maps=" + maps + ", kernel=" + kernel
                + ", stride=" + stride + ", pad=" + pad);
        }
        if (inhibition == null || (kind == Kind.CONV && inhibition == Inhibition.NONE))
        {
            throw new IllegalArgumentException("convolutions need POSITION or NEURON inhibition, found " + inhibition);
        }
        if (kind == Kind.CONV && stride != 1)
        {
            throw new IllegalArgumentException("convolutions use stride 1, stride=" + stride);
        }
    }

    /** A convolution with "same" padding (kernel / 2), stride 1 and position inhibition. */
    public static ConvLayerSpec conv(final int maps, final int kernel, final float threshold)
    {
        return new ConvLayerSpec(Kind.CONV, maps, kernel, 1, kernel / 2, threshold, Inhibition.POSITION);
    }

    /** A pooling layer. */
    public static ConvLayerSpec pool(final int maps, final int window, final int stride, final int pad,
        final boolean positionInhibition)
    {
        return new ConvLayerSpec(Kind.POOL, maps, window, stride, pad, 0f,
            positionInhibition ? Inhibition.POSITION : Inhibition.NONE);
    }

    /** True for a learned convolution. */
    public boolean isConv()
    {
        return kind == Kind.CONV;
    }

    /** A copy with another threshold. */
    public ConvLayerSpec withThreshold(final float newThreshold)
    {
        return new ConvLayerSpec(kind, maps, kernel, stride, pad, newThreshold, inhibition);
    }

    /** A copy with another padding. */
    public ConvLayerSpec withPad(final int newPad)
    {
        return new ConvLayerSpec(kind, maps, kernel, stride, newPad, threshold, inhibition);
    }

    /** A copy with another inhibition. */
    public ConvLayerSpec withInhibition(final Inhibition newInhibition)
    {
        return new ConvLayerSpec(kind, maps, kernel, stride, pad, threshold, newInhibition);
    }
}
