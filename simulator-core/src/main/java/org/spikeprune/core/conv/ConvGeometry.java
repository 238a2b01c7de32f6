package org.spikeprune.core.conv;

import java.util.List;

/**
 * The shapes of every layer of a convolutional spiking network and the global neuron-id layout the Controller
 * and the processing elements share: layer 0 is the input, and a neuron of layer {@code L} at row {@code r},
 * column {@code c}, map {@code m} has id {@code base(L) + (r * width(L) + c) * maps(L) + m}. Ids of one layer
 * are contiguous and every layer's ids are above the previous layer's, so one tick's spikes sorted by id are
 * grouped by layer and, within a layer, in row-major position order.
 */
public final class ConvGeometry implements java.io.Serializable
{
    private static final long serialVersionUID = 1L;

    private final ConvLayerSpec[] specs;
    private final int[] height;
    private final int[] width;
    private final int[] maps;
    private final int[] base;
    private final int[] convOrdinal;
    private final int[] convLayers;
    private final int totalNeurons;

    /**
     * @param inputHeight   rows of the input layer.
     * @param inputWidth    columns of the input layer.
     * @param inputChannels channels of the input layer (1 for ON only, 2 for ON and OFF).
     * @param layers        the layers after the input, in order.
     */
    public ConvGeometry(final int inputHeight, final int inputWidth, final int inputChannels,
        final List<ConvLayerSpec> layers)
    {
        final int n = layers.size() + 1;
        specs = new ConvLayerSpec[n];
        height = new int[n];
        width = new int[n];
        maps = new int[n];
        base = new int[n + 1];
        convOrdinal = new int[n];
        height[0] = inputHeight;
        width[0] = inputWidth;
        maps[0] = inputChannels;
        convOrdinal[0] = -1;
        int convCount = 0;
        for (int l = 1; l < n; l++)
        {
            final ConvLayerSpec s = layers.get(l - 1);
            specs[l] = s;
            height[l] = 1 + Math.floorDiv(height[l - 1] + 2 * s.pad() - s.kernel(), s.stride());
            width[l] = 1 + Math.floorDiv(width[l - 1] + 2 * s.pad() - s.kernel(), s.stride());
            if (height[l] <= 0 || width[l] <= 0)
            {
                throw new IllegalArgumentException("layer " + l + " has no output: input " + height[l - 1] + "x"
                    + width[l - 1] + ", kernel " + s.kernel() + ", stride " + s.stride() + ", pad " + s.pad());
            }
            if (!s.isConv() && s.maps() != maps[l - 1])
            {
                throw new IllegalArgumentException("pooling layer " + l + " must keep the " + maps[l - 1]
                    + " maps of its input, maps=" + s.maps());
            }
            maps[l] = s.maps();
            convOrdinal[l] = s.isConv() ? convCount++ : -1;
        }
        convLayers = new int[convCount];
        for (int l = 1; l < n; l++)
        {
            if (convOrdinal[l] >= 0)
            {
                convLayers[convOrdinal[l]] = l;
            }
        }
        long total = 0;
        for (int l = 0; l < n; l++)
        {
            base[l] = (int)total;
            total += (long)height[l] * width[l] * maps[l];
            if (total > Integer.MAX_VALUE)
            {
                throw new IllegalArgumentException("network too large for int neuron ids: " + total);
            }
        }
        base[n] = (int)total;
        totalNeurons = (int)total;
    }

    /** Number of layers including the input layer. */
    public int layerCount()
    {
        return specs.length;
    }

    /** The spec of layer {@code l >= 1}. */
    public ConvLayerSpec spec(final int l)
    {
        return specs[l];
    }

    /** Rows of layer {@code l}. */
    public int height(final int l)
    {
        return height[l];
    }

    /** Columns of layer {@code l}. */
    public int width(final int l)
    {
        return width[l];
    }

    /** Maps (channels) of layer {@code l}. */
    public int maps(final int l)
    {
        return maps[l];
    }

    /** Positions (rows × columns) of layer {@code l}. */
    public int positions(final int l)
    {
        return height[l] * width[l];
    }

    /** Neurons of layer {@code l}. */
    public int size(final int l)
    {
        return base[l + 1] - base[l];
    }

    /** First global id of layer {@code l}; {@code base(layerCount())} is the total. */
    public int base(final int l)
    {
        return base[l];
    }

    /** All neurons of the network, input included. */
    public int totalNeurons()
    {
        return totalNeurons;
    }

    /** The layer a global id belongs to. */
    public int layerOf(final int id)
    {
        int l = 0;
        while (id >= base[l + 1])
        {
            l++;
        }
        return l;
    }

    /** Number of learned convolution layers. */
    public int convCount()
    {
        return convLayers.length;
    }

    /** Network layer index of the {@code ordinal}-th convolution (0-based). */
    public int convLayer(final int ordinal)
    {
        return convLayers[ordinal];
    }

    /** Ordinal of convolution layer {@code l}, or -1 if {@code l} is not a convolution. */
    public int convOrdinal(final int l)
    {
        return convOrdinal[l];
    }

    /** Kernel weights of convolution layer {@code l}: in maps × kernel² × out maps. */
    public int kernelWeights(final int l)
    {
        final ConvLayerSpec s = specs[l];
        return maps[l - 1] * s.kernel() * s.kernel() * s.maps();
    }
}
