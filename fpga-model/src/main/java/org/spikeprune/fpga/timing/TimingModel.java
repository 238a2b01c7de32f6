package org.spikeprune.fpga.timing;

import org.spikeprune.fpga.EnergyTable;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.prune.PruneCost;
import org.spikeprune.fpga.prune.PruneUnitModel;

/**
 * Times a recorded run ({@link ActivityLog}) on a configured core: every distinct tick vector through the
 * {@link TickSimulator} once, weighted by its occurrences, plus every Prune unit pass through the
 * {@link PruneUnitModel}. The cost of re-timing grows with the variety of ticks, not the length of the run, so
 * a recorded run can be swept over many configurations. Not thread-safe; one per thread.
 */
public final class TimingModel
{
    private final HardwareConfig config;
    private final TickSimulator simulator;
    private final PruneUnitModel pruneUnit;
    private final TickTiming tick = new TickTiming();

    /**
     * A model for a configuration.
     *
     * @param config the hardware.
     */
    public TimingModel(final HardwareConfig config)
    {
        this.config = config;
        this.simulator = new TickSimulator(config);
        this.pruneUnit = new PruneUnitModel(config);
    }

    /**
     * Times a run.
     *
     * @param log the recorded run.
     * @return cycles, activity and energy by phase.
     */
    public RunTiming time(final ActivityLog log)
    {
        final int layers = log.shape().layers().size();
        final PhaseTiming[] phases = {new PhaseTiming(config, layers), new PhaseTiming(config, layers)};
        final EnergyTable energy = config.energy();
        for (int phase = 0; phase < 2; phase++)
        {
            final PhaseTiming t = phases[phase];
            t.images = log.images(phase);
            t.presentations = log.presentations(phase);
            for (int e = 0; e < log.tickEntries(phase); e++)
            {
                final long n = log.tickCount(phase, e);
                final long spikes = log.tickField(phase, e, ActivityLog.SPIKES);
                final long sops = log.tickField(phase, e, ActivityLog.SYNAPTIC_OPS);
                final long updates = log.tickField(phase, e, ActivityLog.NEURON_UPDATES);
                final long stdp = log.tickField(phase, e, ActivityLog.STDP_UPDATES);
                final long decrements = log.tickField(phase, e, ActivityLog.DECREMENTS);
                final long out = log.tickField(phase, e, ActivityLog.SPIKES_OUT);
                simulator.timeCounts(spikes, sops, updates, stdp, decrements, out, tick);
                t.tickRecords += n;
                t.closedFormTicks += tick.closedForm ? n : 0;
                t.accumulateCycles += n * tick.accumulateCycles;
                t.thresholdCycles += n * tick.thresholdCycles;
                t.stdpCycles += n * tick.stdpCycles;
                t.overheadCycles += n * tick.overheadCycles;
                t.controllerBusy += n * tick.controllerBusy;
                t.controllerStall += n * tick.controllerStall;
                t.peBusy += n * tick.peBusy;
                t.conflictStall += n * tick.conflictStall;
                t.stdpBusy += n * tick.stdpBusy;
                t.weightAccesses += n * tick.weightAccesses;
                t.potentialAccesses += n * tick.potentialAccesses;
                t.spikeAccesses += n * tick.spikeAccesses;
                t.decrementAccesses += n * tick.decrementAccesses;
                t.spikes += n * spikes;
                t.synapticOps += n * sops;
                t.neuronUpdates += n * updates;
                t.stdpUpdates += n * stdp;
                t.decrements += n * decrements;
                t.spikesOut += n * out;
                final int l = (int) log.tickField(phase, e, ActivityLog.LAYER);
                if (l < 0 || l >= t.layer.length)
                {
                    throw new IllegalArgumentException("activity of network " + log.shape().name() + " has layer "
                        + l + ", the network has " + layers);
                }
                final long[] lt = t.layer[l];
                lt[PhaseTiming.L_CYCLES] += n * tick.cycles();
                lt[PhaseTiming.L_TICKS] += n;
                lt[PhaseTiming.L_SPIKES] += n * spikes;
                lt[PhaseTiming.L_SOPS] += n * sops;
                lt[PhaseTiming.L_UPDATES] += n * updates;
                lt[PhaseTiming.L_STDP] += n * stdp;
                lt[PhaseTiming.L_DECREMENTS] += n * decrements;
                lt[PhaseTiming.L_OUT] += n * out;
                t.layerEnergy[l] += n * (spikes * energy.dispatchPj() + sops * energy.sopPj()
                    + updates * energy.neuronUpdatePj() + stdp * energy.stdpUpdatePj()
                    + tick.weightAccesses * energy.weightAccessPj()
                    + tick.potentialAccesses * energy.potentialAccessPj()
                    + tick.spikeAccesses * energy.spikeAccessPj()
                    + tick.decrementAccesses * energy.decrementAccessPj());
            }
        }
        final PhaseTiming learning = phases[ActivityLog.LEARNING];
        final long neurons = log.shape().prunedNeurons();
        for (int i = 0; i < log.pruneRecords(); i++)
        {
            final PruneCost c = pruneUnit.pass(neurons, log.pruneEvaluations(i), log.prunePruned(i),
                log.pruneGroups(i));
            learning.prunePasses++;
            learning.pruneEvaluations += log.pruneEvaluations(i);
            learning.prunePruned += log.prunePruned(i);
            learning.pruneCycles += c.cycles();
            learning.pruneOps += c.ops();
            learning.pruneWeightAccesses += c.weightReads() + c.weightWrites();
            learning.pruneDecrementAccesses += c.decrementAccesses();
        }
        return new RunTiming(config, learning, phases[ActivityLog.INFERENCE]);
    }
}
