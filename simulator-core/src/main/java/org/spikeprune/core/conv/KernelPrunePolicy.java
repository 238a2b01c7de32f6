package org.spikeprune.core.conv;

/**
 * A connection-pruning method for the convolutional network, called by its Prune unit (paper B §3): every
 * {@link #evaluationPeriod(int)} learning iterations of a layer (dynamic pruning, with the layer's Decrement
 * Track memory) and once after each layer has finished learning, before the next layer learns (post-learning
 * pruning). Implementations live in the {@code pruning} module; this module owns only the interface.
 */
public interface KernelPrunePolicy
{
    /** The name given on the command line ({@code none}, {@code nguyen2020-dynamic}, …). */
    String name();

    /**
     * k: learning iterations (images) of convolution {@code convLayer} between two Prune unit passes, or 0 when
     * the policy does not prune during learning. When 0, no Decrement Track memory is kept for the layer.
     *
     * @param convLayer 0-based ordinal of the convolution (0 = conv1).
     * @return k, or 0.
     */
    int evaluationPeriod(int convLayer);

    /**
     * A dynamic pruning pass during the learning of a layer: prune (via {@link KernelWeights#prune(int)}) the
     * weights that meet the criterion. The network clears {@code track} after the call.
     *
     * @param convLayer 0-based ordinal of the convolution.
     * @param iteration learning iterations of this layer completed so far (a multiple of k).
     * @param track     decrements since the last pass.
     * @param weights   the layer's weights.
     * @return the number of weights evaluated (live weights read by the Prune unit).
     */
    long onEvaluate(int convLayer, long iteration, DecrementTrack track, KernelWeights weights);

    /**
     * The pass after the layer has finished learning, before the next layer starts.
     *
     * @param convLayer 0-based ordinal of the convolution.
     * @param weights   the layer's weights.
     * @return the number of weights evaluated.
     */
    long onLayerLearned(int convLayer, KernelWeights weights);

    /** The policy that never prunes. */
    KernelPrunePolicy NONE = new KernelPrunePolicy()
    {
        @Override
        public String name()
        {
            return "none";
        }

        @Override
        public int evaluationPeriod(final int convLayer)
        {
            return 0;
        }

        @Override
        public long onEvaluate(final int convLayer, final long iteration, final DecrementTrack track,
            final KernelWeights weights)
        {
            return 0;
        }

        @Override
        public long onLayerLearned(final int convLayer, final KernelWeights weights)
        {
            return 0;
        }
    };
}
