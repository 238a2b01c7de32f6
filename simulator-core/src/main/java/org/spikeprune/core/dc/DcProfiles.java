package org.spikeprune.core.dc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.spikeprune.core.InputException;
import org.spikeprune.core.config.Params;

/**
 * The named profiles of paper A's network: {@code guo2020-*} (paper A Table 1 over the Diehl &amp; Cook values,
 * MODEL-REFERENCE §7.2–7.3) and {@code dc2015-mnist-400} (the original Diehl &amp; Cook code).
 */
public final class DcProfiles
{
    private static final Map<String, Map<String, String>> PROFILES = new LinkedHashMap<>();

    static
    {
        for (final String set : new String[] {"mnist", "fashion"})
        {
            for (final int n : new int[] {100, 800})
            {
                final Map<String, String> m = guo2020();
                m.put("data.set", set.equals("mnist") ? "mnist" : "fashion-mnist");
                m.put("network.exc_neurons", Integer.toString(n));
                if (n == 800)
                {
                    // With 800 neurons a strong input makes tens of neurons fire in one step; forward Euler then
                    // overshoots below E_inh under their inhibition, and the overshoot fires every neuron at once,
                    // a cycle that never stops (seen after about 4,500 training images of guo2020-mnist-800).
                    m.put("neuron.integration", "implicit");
                }
                PROFILES.put("guo2020-" + set + "-" + n, m);
            }
        }
        final Map<String, String> dc = new LinkedHashMap<>();
        dc.put("network.exc_neurons", "400");
        dc.put("train.epochs", "3");
        PROFILES.put("dc2015-mnist-400", dc);
    }

    private DcProfiles()
    {
    }

    /** Paper A Table 1 values where given; everything else stays Diehl &amp; Cook (MODEL-REFERENCE §1.10). */
    private static Map<String, String> guo2020()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("exc.v_rest_mv", "-60");
        m.put("exc.v_reset_mv", "-60");
        m.put("exc.v_thresh_mv", "-50");
        m.put("exc.v_init_mv", "-100");
        m.put("exc.theta_plus_mv", "0.01");
        m.put("stdp.tau_pre_ms", "8");
        m.put("stdp.tau_post1_ms", "16");
        m.put("stdp.tau_post2_ms", "32");
        m.put("train.epochs", "1");
        return m;
    }

    /** Names of every profile. */
    public static Set<String> names()
    {
        return PROFILES.keySet();
    }

    /** True if {@code name} is one of paper A's network profiles. */
    public static boolean isProfile(final String name)
    {
        return PROFILES.containsKey(name);
    }

    /**
     * The parameter set of a profile with overrides applied.
     *
     * @param name      the profile.
     * @param file      key=value pairs from a config file (may be empty).
     * @param fileName  the config file's name for messages.
     * @param sets      key=value pairs from {@code --set}.
     * @return the validated parameters; keys {@code pruning.*} pass through for the pruning module.
     */
    public static Params params(final String name, final Map<String, String> file, final String fileName,
        final Map<String, String> sets)
    {
        final Map<String, String> profile = PROFILES.get(name);
        if (profile == null)
        {
            throw new InputException("--profile " + name + " is unknown (known: " + String.join(", ", names()) + ")");
        }
        return Params.defaults(DcParams.SPECS)
            .with(profile, "profile " + name)
            .with(file, fileName, "pruning.")
            .with(sets, "--set", "pruning.");
    }
}
