package org.spikeprune.pruning;

/**
 * APT, online adaptive pruning over time (paper A eqs. 5–7, time counted in pruning steps): at pruning step {@code k} every
 * live weight below {@code W_k = f_T(k − 1; w_th0)} is pruned, the same threshold for every neuron ({@code SI = ∞}).
 * Step 1 uses {@code w_th0}. Thresholds are capped below {@code w_max}.
 */
public final class AptPrunePolicy extends ThresholdPrunePolicy
{
    /** @param config the settings; reads start, step, {@code w_th0}, {@code f_T} and its factor. */
    public AptPrunePolicy(final PruneConfig config)
    {
        super(PruneMethod.APT, config,
            new AdaptiveThresholds(config.initialThreshold(), config.timeFunction(), config.timeFactor(), AdaptationFunction.F1, 1.0, Double.POSITIVE_INFINITY),
            false);
    }
}
