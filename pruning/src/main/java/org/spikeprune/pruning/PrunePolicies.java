package org.spikeprune.pruning;

import java.util.Map;

/** Builds the pruning policy a run asks for, by command-line name. */
public final class PrunePolicies
{
    private PrunePolicies()
    {
    }

    /**
     * The policy of a method.
     *
     * @param name   the command-line name: {@code none}, {@code constant}, {@code apt}, {@code apn}, {@code aptn},
     *               {@code post-training}, {@code soft} or {@code neuron}.
     * @param config the settings.
     * @return a fresh policy (policies hold per-run state: one per run).
     * @throws org.spikeprune.core.InputException naming {@code pruning} for an unknown name.
     */
    public static ReportingPrunePolicy create(final String name, final PruneConfig config)
    {
        return create(PruneMethod.parse(name), config);
    }

    /**
     * The policy of a method.
     *
     * @param method the method.
     * @param config the settings.
     * @return a fresh policy (one per run).
     */
    public static ReportingPrunePolicy create(final PruneMethod method, final PruneConfig config)
    {
        return switch (method)
        {
            case NONE -> new NoPrunePolicy(config);
            case CONSTANT -> new ConstantPrunePolicy(config);
            case APT -> new AptPrunePolicy(config);
            case APN -> new ApnPrunePolicy(config);
            case APTN -> new AptnPrunePolicy(config);
            case POST_TRAINING -> new PostTrainingPrunePolicy(config);
            case SOFT -> new SoftPrunePolicy(config);
            case NEURON -> new NeuronPrunePolicy(config);
        };
    }

    /**
     * Parses, validates and builds in one call: the method's profile for the network size, overlaid with the
     * {@code pruning.*} settings, checked against the run.
     *
     * @param name        the command-line name of the method.
     * @param neurons     the number of excitatory neurons (selects the 100- or 800-neuron defaults).
     * @param settings    key → value; keys outside {@code pruning.*} are ignored.
     * @param trainImages the number of training images of the run.
     * @param wMax        the network's maximum weight.
     * @return a fresh policy.
     * @throws org.spikeprune.core.InputException naming the key of the first bad setting.
     */
    public static ReportingPrunePolicy fromSettings(
        final String name,
        final int neurons,
        final Map<String, String> settings,
        final long trainImages,
        final float wMax)
    {
        final PruneMethod method = PruneMethod.parse(name);
        final PruneConfig config = PruneConfig.fromSettings(method, neurons, settings)
            .validate(method, trainImages, wMax);
        return create(method, config);
    }
}
