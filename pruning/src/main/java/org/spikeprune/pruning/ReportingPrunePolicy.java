package org.spikeprune.pruning;

import java.util.List;

import org.spikeprune.core.prune.PrunePolicy;

/** A pruning policy that keeps a log of its steps and the configuration it was built from, for reports. */
public interface ReportingPrunePolicy extends PrunePolicy
{
    /** The method this policy implements. */
    PruneMethod method();

    /** The configuration the policy was built from. */
    PruneConfig config();

    /** One record per step at which the policy acted, in order; read-only view. Empty before the first step. */
    List<PruneStepRecord> stepLog();

    @Override
    default int lastGroupCount()
    {
        final List<PruneStepRecord> log = stepLog();
        return log.isEmpty() ? 0 : log.get(log.size() - 1).groups();
    }
}
