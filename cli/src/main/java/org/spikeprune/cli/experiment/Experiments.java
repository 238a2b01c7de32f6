package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spikeprune.cli.UsageException;

/** The experiments by name. */
final class Experiments
{
    private Experiments()
    {
    }

    /** Every experiment, in the order {@code all} runs them (table3 is table2's Fashion-MNIST twin). */
    static List<Experiment> all()
    {
        return List.of(
            new LearningDynamicsFigure(),
            ThresholdSweep.apt(),
            ThresholdSweep.apn(),
            new MethodComparison(),
            new SpikeIntervalSweep(),
            new PruningStartSweep(),
            new SopFigureOfMerit(),
            new NeuronAndSoftPruning(),
            new TenPercentTable("table2", "mnist"),
            new TenPercentTable("table3", "fashion-mnist"),
            new SimulationTime(),
            new EightyPercentClaim());
    }

    /**
     * The experiments a name selects.
     *
     * @param name an experiment's name, or {@code all} (every experiment on the chosen data set; the table of the
     *             other data set is left out).
     * @return the experiments.
     * @throws UsageException for an unknown name.
     */
    static List<Experiment> select(final String name)
    {
        final String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("all"))
        {
            return all();
        }
        final List<String> names = new ArrayList<>();
        for (final Experiment e : all())
        {
            if (e.name().equals(n))
            {
                return List.of(e);
            }
            names.add(e.name());
        }
        throw new UsageException("experiment " + name + " is unknown (known: " + String.join(", ", names)
            + ", all)");
    }
}
