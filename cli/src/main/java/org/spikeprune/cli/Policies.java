package org.spikeprune.cli;

import org.spikeprune.core.config.Params;
import org.spikeprune.core.prune.PrunePolicy;

/** Creates the pruning policy named on the command line from the {@code pruning.*} parameters. */
final class Policies
{
    private Policies()
    {
    }

    static PrunePolicy create(final String name, final Params params, final long trainImages, final int neurons)
    {
        if (name.equals("none"))
        {
            return PrunePolicy.NONE;
        }
        throw new UsageException("--pruning " + name + " is not available");
    }
}
