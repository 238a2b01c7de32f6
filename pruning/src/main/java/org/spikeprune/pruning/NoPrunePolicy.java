package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PruneContext;

/** No pruning ({@code --pruning none}): never called at a boundary, an empty step log. */
public final class NoPrunePolicy implements ReportingPrunePolicy
{
    private final PruneConfig config;

    /** @param config the settings, carried for reports only. */
    public NoPrunePolicy(final PruneConfig config)
    {
        this.config = config;
    }

    @Override
    public String name()
    {
        return method().cliName();
    }

    @Override
    public PruneMethod method()
    {
        return PruneMethod.NONE;
    }

    @Override
    public PruneConfig config()
    {
        return config;
    }

    /** Never. */
    @Override
    public long startImages()
    {
        return Long.MAX_VALUE;
    }

    /** Never. */
    @Override
    public long stepImages()
    {
        return Long.MAX_VALUE;
    }

    /** Does nothing. */
    @Override
    public void onBoundary(final PruneContext context)
    {
    }

    @Override
    public List<PruneStepRecord> stepLog()
    {
        return List.of();
    }
}
