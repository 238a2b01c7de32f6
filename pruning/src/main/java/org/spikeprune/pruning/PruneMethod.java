package org.spikeprune.pruning;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spikeprune.core.InputException;

/**
 * The pruning methods of paper A and its baselines, by their command-line names
 * ({@code --pruning none|constant|apt|apn|aptn|post-training|soft|neuron}).
 */
public enum PruneMethod
{
    /** No pruning: the dense reference run. */
    NONE("none", Set.of()),

    /** Online constant weight pruning (paper A's reference; "Shi 2019" in its Table 2): one fixed threshold. */
    CONSTANT("constant", Set.of(PruneConfig.START_IMAGES_KEY, PruneConfig.STEP_IMAGES_KEY, PruneConfig.W_TH0_KEY)),

    /** APT: online adaptive pruning over time (paper A, {@code f_T}, one group). */
    APT("apt", Set.of(PruneConfig.START_IMAGES_KEY, PruneConfig.STEP_IMAGES_KEY, PruneConfig.W_TH0_KEY,
        PruneConfig.TIME_FUNCTION_KEY, PruneConfig.TIME_FACTOR_KEY)),

    /** APN: online adaptive pruning over neurons (paper A, {@code f_N} over spike-count groups, constant in time). */
    APN("apn", Set.of(PruneConfig.START_IMAGES_KEY, PruneConfig.STEP_IMAGES_KEY, PruneConfig.W_TH0_KEY,
        PruneConfig.NEURON_FUNCTION_KEY, PruneConfig.NEURON_FACTOR_KEY, PruneConfig.SI_KEY)),

    /** APTN: online adaptive pruning over time and neurons (paper A Algorithm 1). */
    APTN("aptn", Set.of(PruneConfig.START_IMAGES_KEY, PruneConfig.STEP_IMAGES_KEY, PruneConfig.W_TH0_KEY,
        PruneConfig.TIME_FUNCTION_KEY, PruneConfig.TIME_FACTOR_KEY, PruneConfig.NEURON_FUNCTION_KEY,
        PruneConfig.NEURON_FACTOR_KEY, PruneConfig.SI_KEY)),

    /** Post-training weight pruning (Rathi et al. 2019 as paper A uses it): one threshold after training. */
    POST_TRAINING("post-training", Set.of(PruneConfig.TARGET_CONNECTIVITY_KEY)),

    /** Online soft weight pruning (Shi et al. 2019 as paper A uses it): weights below a fixed threshold frozen. */
    SOFT("soft", Set.of(PruneConfig.START_IMAGES_KEY, PruneConfig.STEP_IMAGES_KEY, PruneConfig.W_TH0_KEY)),

    /** Online adaptive neuron pruning (Guo et al. 2020, Electronics): the least active neurons removed. */
    NEURON("neuron", Set.of(PruneConfig.START_IMAGES_KEY, PruneConfig.STEP_IMAGES_KEY,
        PruneConfig.NEURON_TARGET_FRACTION_KEY));

    private static final List<PruneMethod> ALL = List.of(values());

    private final String cliName;
    private final Set<String> usedKeys;

    PruneMethod(final String cliName, final Set<String> usedKeys)
    {
        this.cliName = cliName;
        this.usedKeys = usedKeys;
    }

    /** The command-line name ({@code aptn}, {@code post-training}, …). */
    public String cliName()
    {
        return cliName;
    }

    /**
     * The {@code pruning.*} keys this method reads. Other known keys are accepted and ignored (a caller may warn
     * about them); {@code pruning.normalise_unpruned_only} is read by the network, not by the policy, and is not
     * listed.
     */
    public Set<String> usedKeys()
    {
        return usedKeys;
    }

    /** True when the method prunes during training, at the {@code start + k · step} boundaries. */
    public boolean isOnline()
    {
        return usedKeys.contains(PruneConfig.START_IMAGES_KEY);
    }

    /**
     * The method with this command-line name (case-insensitive; {@code post_training} and {@code posttraining}
     * are accepted for {@code post-training}).
     *
     * @param name the name.
     * @return the method.
     * @throws InputException naming the {@code pruning} option when the name is unknown.
     */
    public static PruneMethod parse(final String name)
    {
        final String normalised = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (final PruneMethod method : ALL)
        {
            if (method.cliName.equals(normalised) || method.cliName.replace("-", "").equals(normalised))
            {
                return method;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final PruneMethod method : ALL)
        {
            names.append(names.length() == 0 ? "" : "|").append(method.cliName);
        }
        throw new InputException("pruning: expected a pruning method " + names + ", found '" + name + "'");
    }
}
