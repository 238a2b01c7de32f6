package org.spikeprune.core.conv;

import java.util.Arrays;

/**
 * The memories of the simulated chip shared by its units: Potential memory per convolution layer, the position
 * blocks of lateral inhibition, the pooling hit flags, the Weight memories and the current thresholds. Each
 * processing element writes only the rows it owns; the Controller and the STDP unit read after the end-of-tick
 * barrier and write weights only between ticks.
 */
final class ConvMemories
{
    final ConvGeometry geometry;
    /** Potential memory per layer (convolutions only), indexed by local neuron id. */
    final float[][] potential;
    /** Positions blocked by lateral inhibition, per layer with position inhibition. */
    final boolean[][] blocked;
    /** Pooling: the unit got an input this tick; convolution: the neuron fired (NEURON inhibition). */
    final boolean[][] flag;
    /** Pooling: the unit fired in this image (NEURON inhibition). */
    final boolean[][] fired;
    /** Current inhibition per layer. */
    final Inhibition[] mode;
    /** Weight memory per convolution layer (null elsewhere). */
    final KernelWeights[] weights;
    /** Current firing threshold per layer. */
    final float[] threshold;
    /** Highest layer simulated in the current phase (layers 1..depth run). */
    int depth;

    ConvMemories(final ConvGeometry geometry)
    {
        this.geometry = geometry;
        final int n = geometry.layerCount();
        potential = new float[n][];
        blocked = new boolean[n][];
        flag = new boolean[n][];
        fired = new boolean[n][];
        mode = new Inhibition[n];
        weights = new KernelWeights[n];
        threshold = new float[n];
        for (int l = 1; l < n; l++)
        {
            final ConvLayerSpec s = geometry.spec(l);
            if (s.isConv())
            {
                potential[l] = new float[geometry.size(l)];
                weights[l] = new KernelWeights(geometry.maps(l - 1), s.kernel(), s.maps());
            }
            else
            {
                fired[l] = new boolean[geometry.size(l)];
            }
            flag[l] = new boolean[geometry.size(l)];
            blocked[l] = new boolean[geometry.positions(l)];
            mode[l] = s.inhibition();
            threshold[l] = s.threshold();
        }
        depth = n - 1;
    }

    /** Clears the per-image state of layers 1..depth (potentials, blocks, flags): the start of a new image. */
    void resetImage()
    {
        for (int l = 1; l <= depth; l++)
        {
            if (potential[l] != null)
            {
                Arrays.fill(potential[l], 0f);
            }
            Arrays.fill(blocked[l], false);
            Arrays.fill(flag[l], false);
            if (fired[l] != null)
            {
                Arrays.fill(fired[l], false);
            }
        }
    }
}
