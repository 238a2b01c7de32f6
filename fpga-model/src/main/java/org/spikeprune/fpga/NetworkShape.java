package org.spikeprune.fpga;

import java.util.List;
import java.util.Objects;

import org.spikeprune.core.InputException;
import org.spikeprune.core.conv.ConvGeometry;

/**
 * What the hardware must store for a network: its inputs, and per layer the neurons (Potential and Spike memory)
 * and the stored weights (Weight memory; a convolutional layer stores its shared kernel weights once).
 *
 * @param name            a name for reports (no commas).
 * @param inputs          input neurons (pixels or Poisson units); they have spikes but no potentials.
 * @param layerSequential true when the layers are feed-forward and the core processes one layer over all time
 *                        steps of an image before the next (paper B: layer t reads layer t−1's spikes of step
 *                        t−1, so the order is free), so Potential memory holds only the largest layer; false
 *                        when all layers run together in every tick (paper A's recurrent inhibition).
 * @param layers          the layers after the input, in order.
 */
public record NetworkShape(String name, int inputs, boolean layerSequential, List<Layer> layers)
{
    /**
     * One layer.
     *
     * @param name    a name for reports (no commas).
     * @param neurons post-synaptic neurons of the layer.
     * @param weights weights stored for the projection into the layer (0 for fixed weights held as constants).
     * @param plastic true when the projection learns (STDP) and can be pruned.
     */
    public record Layer(String name, int neurons, long weights, boolean plastic)
    {
        /** Validates the layer. */
        public Layer
        {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.indexOf(',') >= 0 || name.indexOf('\n') >= 0)
            {
                throw new InputException("network layer name must be non-empty without commas, found '" + name
                    + "'");
            }
            if (neurons < 0 || weights < 0)
            {
                throw new InputException("network layer '" + name + "': neurons and weights must be >= 0, found "
                    + neurons + " and " + weights);
            }
        }
    }

    /** Validates the shape. */
    public NetworkShape
    {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf(',') >= 0 || name.indexOf('\n') >= 0)
        {
            throw new InputException("network name must be non-empty without commas, found '" + name + "'");
        }
        if (inputs < 0)
        {
            throw new InputException("network '" + name + "': inputs must be >= 0, found " + inputs);
        }
        layers = List.copyOf(layers);
    }

    /**
     * Paper A's network (Diehl and Cook 2015 as used by Guo et al. 2020): 784 Poisson inputs, {@code neurons}
     * excitatory neurons fed by 784 × {@code neurons} plastic, prunable weights, and as many inhibitory neurons
     * whose fixed weights (10.4 and 17.0) are constants, not memory.
     *
     * @param neurons excitatory neurons (100 or 800 in paper A).
     * @return the shape.
     */
    public static NetworkShape paperA(final int neurons)
    {
        if (neurons < 1)
        {
            throw new InputException("--neurons must be at least 1, found " + neurons);
        }
        return new NetworkShape("paper-a-" + neurons, 784, false, List.of(
            new Layer("Ae", neurons, 784L * neurons, true),
            new Layer("Ai", neurons, 0, false)));
    }

    /**
     * Paper B's network (Nguyen et al. Table 1, after Kheradpisheh et al. 2018 as implemented by SDNN_python; see
     * MODEL-REFERENCE §4.1 and §4.4): 160×250 DoG input, conv1 4 maps 5×5 (100 weights), pool1 27×42×4, conv2 20
     * maps 17×17×4 (23,120 weights), pool2 6×9×20, conv3 20 maps 5×5×20 (10,000 weights). 229,376 neurons and
     * 33,220 connections in all.
     *
     * @return the shape.
     */
    public static NetworkShape paperB()
    {
        return new NetworkShape("paper-b-caltech", 40_000, true, List.of(
            new Layer("conv1", 160_000, 100, true),
            new Layer("pool1", 4_536, 0, false),
            new Layer("conv2", 22_680, 23_120, true),
            new Layer("pool2", 1_080, 0, false),
            new Layer("conv3", 1_080, 10_000, true)));
    }

    /**
     * The shape of a convolutional network as the simulator builds it: the input layer's neurons as inputs, then
     * each convolution (named {@code convN}, its kernel weights stored once, plastic) and each pooling layer
     * ({@code poolN}, fixed weights, not stored), in the order of the network, so that layer {@code i} here is the
     * layer the simulator reports as {@code i} to its {@code ActivitySink}. For paper B's geometry this equals
     * {@link #paperB()} but for the name.
     *
     * @param name     a name for reports.
     * @param geometry the network's layer shapes.
     * @return the shape, layer-sequential.
     */
    public static NetworkShape ofConv(final String name, final ConvGeometry geometry)
    {
        final java.util.ArrayList<Layer> layers = new java.util.ArrayList<>();
        int pools = 0;
        for (int l = 1; l < geometry.layerCount(); l++)
        {
            if (geometry.spec(l).isConv())
            {
                layers.add(new Layer("conv" + (geometry.convOrdinal(l) + 1), geometry.size(l),
                    geometry.kernelWeights(l), true));
            }
            else
            {
                layers.add(new Layer("pool" + ++pools, geometry.size(l), 0, false));
            }
        }
        return new NetworkShape(name, geometry.size(0), true, layers);
    }

    /** @return neurons of all layers (inputs excluded). */
    public long neurons()
    {
        long n = 0;
        for (final Layer l : layers)
        {
            n += l.neurons();
        }
        return n;
    }

    /** @return neurons whose potentials Potential memory holds at once (see {@link #layerSequential()}). */
    public long potentialNeurons()
    {
        if (!layerSequential)
        {
            return neurons();
        }
        long n = 0;
        for (final Layer l : layers)
        {
            n = Math.max(n, l.neurons());
        }
        return n;
    }

    /** @return stored weights of all layers. */
    public long weights()
    {
        long w = 0;
        for (final Layer l : layers)
        {
            w += l.weights();
        }
        return w;
    }

    /** @return stored weights of the plastic (prunable) layers. */
    public long plasticWeights()
    {
        long w = 0;
        for (final Layer l : layers)
        {
            if (l.plastic())
            {
                w += l.weights();
            }
        }
        return w;
    }

    /** @return neurons of the largest plastic layer: the neurons paper A's Prune unit groups. */
    public int prunedNeurons()
    {
        int n = 0;
        for (final Layer l : layers)
        {
            if (l.plastic())
            {
                n = Math.max(n, l.neurons());
            }
        }
        return n;
    }

    /** @return inputs of the first plastic layer per post-synaptic neuron (784 for paper A), 0 if unknown. */
    public long fanIn()
    {
        for (final Layer l : layers)
        {
            if (l.plastic() && l.neurons() > 0)
            {
                return l.weights() / l.neurons();
            }
        }
        return 0;
    }
}
