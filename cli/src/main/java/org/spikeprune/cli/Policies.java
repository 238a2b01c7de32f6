package org.spikeprune.cli;

import org.spikeprune.core.config.Params;
import org.spikeprune.core.prune.PrunePolicy;
import org.spikeprune.pruning.PrunePolicies;

/** Creates the pruning policy named on the command line from the {@code pruning.*} parameters. */
final class Policies
{
    private Policies()
    {
    }

    /**
     * @param name        the method ({@code none}, {@code aptn}, …).
     * @param params      every parameter; the {@code pruning.*} keys configure the policy.
     * @param trainImages training images of the run (all epochs), for the schedule's validation.
     * @param neurons     excitatory neurons (selects the paper's factors for 100 or 800 neurons).
     * @param wMax        maximum weight.
     * @return a new policy for one run ({@link PrunePolicy#NONE} for {@code none}).
     */
    static PrunePolicy create(final String name, final Params params, final long trainImages, final int neurons,
        final double wMax)
    {
        if (name.equals("none"))
        {
            return PrunePolicy.NONE;
        }
        return PrunePolicies.fromSettings(name, neurons, params.withPrefix("pruning."), trainImages, (float)wMax);
    }
}
