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
 * @param positionInhibition whether a position, once it has fired in any map, is blocked for the rest of the
 *                           image (lateral inhibition, paper B §2; always on for convolutions in the profiles).
 */
public record ConvLayerSpec(Kind kind, int maps, int kernel, int stride, int pad, float threshold,
    boolean positionInhibition)
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
        if (kind == Kind.CONV && stride != 1)
        {
            throw new IllegalArgumentException("convolutions use stride 1, stride=" + stride);
        }
    }

    /** A convolution with "same" padding (kernel / 2), stride 1 and position inhibition. */
    public static ConvLayerSpec conv(final int maps, final int kernel, final float threshold)
    {
        return new ConvLayerSpec(Kind.CONV, maps, kernel, 1, kernel / 2, threshold, true);
    }

    /** A pooling layer. */
    public static ConvLayerSpec pool(final int maps, final int window, final int stride, final int pad,
        final boolean positionInhibition)
    {
        return new ConvLayerSpec(Kind.POOL, maps, window, stride, pad, 0f, positionInhibition);
    }

    /** True for a learned convolution. */
    public boolean isConv()
    {
        return kind == Kind.CONV;
    }

    /** A copy with another threshold. */
    public ConvLayerSpec withThreshold(final float newThreshold)
    {
        return new ConvLayerSpec(kind, maps, kernel, stride, pad, newThreshold, positionInhibition);
    }

    /** A copy with another padding. */
    public ConvLayerSpec withPad(final int newPad)
    {
        return new ConvLayerSpec(kind, maps, kernel, stride, newPad, threshold, positionInhibition);
    }
}
