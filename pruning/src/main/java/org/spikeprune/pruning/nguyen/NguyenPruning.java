package org.spikeprune.pruning.nguyen;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.spikeprune.core.InputException;
import org.spikeprune.core.conv.KernelPrunePolicy;

/**
 * Builds paper B's pruning policies from their command-line names and {@code --set pruning.*} values:
 *
 * <table>
 *   <caption>names and settings</caption>
 *   <tr><td>{@code none}</td><td>no pruning</td></tr>
 *   <tr><td>{@code nguyen2020-dynamic}</td><td>dynamic pruning only</td></tr>
 *   <tr><td>{@code nguyen2020-post}</td><td>post-learning pruning only</td></tr>
 *   <tr><td>{@code nguyen2020}</td><td>both stages</td></tr>
 *   <tr><td>{@code pruning.alpha}</td><td>α, one value or one per convolution ({@value #ALPHA_DEFAULT_TEXT})</td></tr>
 *   <tr><td>{@code pruning.k}</td><td>iterations between dynamic passes ({@value #K_DEFAULT})</td></tr>
 *   <tr><td>{@code pruning.beta}</td><td>β per convolution (0.9,0.9,0.7)</td></tr>
 *   <tr><td>{@code pruning.tpost}</td><td>{@code mean} (default) or {@code latest}</td></tr>
 * </table>
 */
public final class NguyenPruning
{
    /** No pruning. */
    public static final String NONE = "none";
    /** Dynamic pruning only. */
    public static final String DYNAMIC = "nguyen2020-dynamic";
    /** Post-learning pruning only. */
    public static final String POST = "nguyen2020-post";
    /** Both stages. */
    public static final String BOTH = "nguyen2020";

    /** Default k: the learning-rate step of the reference implementation and paper B's Fig. 3 timing. */
    public static final int K_DEFAULT = 500;
    /** Default α per convolution, calibrated on Caltech Faces/Motorbikes (see the conv experiments report). */
    static final double[] ALPHA_DEFAULT = {32000.0};
    /** The default α as text. */
    public static final String ALPHA_DEFAULT_TEXT = "32000";
    /** Paper B's β per convolution. */
    static final double[] BETA_DEFAULT = {0.9, 0.9, 0.7};

    private static final Set<String> KEYS = Set.of("pruning.alpha", "pruning.k", "pruning.beta", "pruning.tpost");

    private NguyenPruning()
    {
    }

    /** The names this factory knows. */
    public static Set<String> names()
    {
        return Set.of(NONE, DYNAMIC, POST, BOTH);
    }

    /**
     * The policy for a name.
     *
     * @param name the {@code --pruning} value.
     * @param sets {@code --set} values; keys starting with {@code pruning.} are read here, others are ignored.
     * @return the policy.
     * @throws InputException for an unknown name, an unknown {@code pruning.*} key or a malformed value.
     */
    public static KernelPrunePolicy create(final String name, final Map<String, String> sets)
    {
        for (final String key : sets.keySet())
        {
            if (key.startsWith("pruning.") && !KEYS.contains(key))
            {
                throw new InputException("--set " + key + ": unknown pruning setting (known: " + KEYS + ")");
            }
        }
        final double[] alpha = doubles(sets, "pruning.alpha", ALPHA_DEFAULT);
        final double[] beta = doubles(sets, "pruning.beta", BETA_DEFAULT);
        final int k = integer(sets, "pruning.k", K_DEFAULT);
        final String tpost = sets.getOrDefault("pruning.tpost", "mean").toLowerCase(Locale.ROOT);
        final DynamicKernelPruning.PostTime postTime;
        switch (tpost)
        {
            case "mean":
                postTime = DynamicKernelPruning.PostTime.MEAN;
                break;
            case "latest":
                postTime = DynamicKernelPruning.PostTime.LATEST;
                break;
            default:
                throw new InputException("--set pruning.tpost: expected mean or latest, found '" + tpost + "'");
        }
        for (final double b : beta)
        {
            if (!(b >= 0 && b <= 1))
            {
                throw new InputException("--set pruning.beta: expected values in [0, 1], found " + b);
            }
        }
        for (final double a : alpha)
        {
            if (!(a >= 0))
            {
                throw new InputException("--set pruning.alpha: expected values >= 0, found " + a);
            }
        }
        switch (name)
        {
            case NONE:
                return KernelPrunePolicy.NONE;
            case DYNAMIC:
                return new DynamicKernelPruning(alpha, k, postTime);
            case POST:
                return new PostLearningKernelPruning(beta);
            case BOTH:
                return new CombinedKernelPruning(new DynamicKernelPruning(alpha, k, postTime),
                    new PostLearningKernelPruning(beta));
            default:
                throw new InputException("--pruning: unknown policy '" + name + "' for a convolutional profile "
                    + "(known: none, nguyen2020-dynamic, nguyen2020-post, nguyen2020)");
        }
    }

    private static double[] doubles(final Map<String, String> sets, final String key, final double[] def)
    {
        final String v = sets.get(key);
        if (v == null)
        {
            return def.clone();
        }
        final String[] parts = v.split(",");
        final double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            try
            {
                out[i] = Double.parseDouble(parts[i].trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new InputException("--set " + key + ": expected a number or a comma-separated list, found '"
                    + v + "'", ex);
            }
        }
        return out;
    }

    private static int integer(final Map<String, String> sets, final String key, final int def)
    {
        final String v = sets.get(key);
        if (v == null)
        {
            return def;
        }
        try
        {
            final int k = Integer.parseInt(v.trim());
            if (k <= 0)
            {
                throw new InputException("--set " + key + ": expected a positive integer, found " + k);
            }
            return k;
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException("--set " + key + ": expected a positive integer, found '" + v + "'", ex);
        }
    }
}
