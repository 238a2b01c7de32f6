package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;

import org.spikeprune.pruning.AdaptationFunction;
import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PruneProfile;

/**
 * A named list of runs: one curve of a figure.
 *
 * @param name  the legend entry.
 * @param specs the runs.
 */
record Series(String name, List<RunSpec> specs)
{
    /**
     * A series that sweeps the initial threshold of one run.
     *
     * @param name the legend entry.
     * @param spec the run without {@code w_th0}.
     * @param w0s  the initial thresholds.
     * @return the series.
     */
    static Series thresholds(final String name, final RunSpec spec, final double[] w0s)
    {
        final List<RunSpec> specs = new ArrayList<>();
        for (final double w : w0s)
        {
            specs.add(spec.with(PruneConfig.W_TH0_KEY, w));
        }
        return new Series(name, specs);
    }

    /**
     * Runs the baseline and every series in one batch (so that all of them share the pool's threads).
     *
     * @param ctx    the experiment.
     * @param series the series.
     * @return the baseline's outcome followed by one point per run, series after series.
     */
    static Result run(final ExperimentContext ctx, final List<Series> series)
    {
        final List<RunSpec> all = new ArrayList<>();
        all.add(ctx.baseline());
        for (final Series s : series)
        {
            all.addAll(s.specs());
        }
        final List<RunOutcome> outcomes = ctx.run(all);
        final RunOutcome base = outcomes.get(0);
        final List<Point> points = new ArrayList<>();
        int i = 1;
        for (final Series s : series)
        {
            for (int k = 0; k < s.specs().size(); k++)
            {
                points.add(new Point(s.name(), outcomes.get(i++), base));
            }
        }
        return new Result(base, points);
    }

    /**
     * The outcome of {@link #run}.
     *
     * @param base   the unpruned run.
     * @param points one point per run.
     */
    record Result(RunOutcome base, List<Point> points)
    {
    }

    // ---- the runs of each method with paper A's selected functions and factors (PruneProfile)

    /** Online constant pruning. */
    static RunSpec constant(final ExperimentContext ctx)
    {
        return ctx.spec("constant");
    }

    /** APT with a function and factor. */
    static RunSpec apt(final ExperimentContext ctx, final AdaptationFunction f, final double factor)
    {
        return ctx.spec("apt").with(PruneConfig.TIME_FUNCTION_KEY, f.key()).with(PruneConfig.TIME_FACTOR_KEY, factor);
    }

    /** APT with a function and paper A's factor for it at this network size. */
    static RunSpec apt(final ExperimentContext ctx, final AdaptationFunction f)
    {
        return apt(ctx, f, timeFactor(ctx, PruneMethod.APT, f));
    }

    /** APN with a function, factor and paper A's spike-count interval (scaled). */
    static RunSpec apn(final ExperimentContext ctx, final AdaptationFunction f, final double factor, final double si)
    {
        return ctx.spec("apn", si).with(PruneConfig.NEURON_FUNCTION_KEY, f.key())
            .with(PruneConfig.NEURON_FACTOR_KEY, factor);
    }

    /** APN with a function and paper A's factor for it, SI = 30. */
    static RunSpec apn(final ExperimentContext ctx, final AdaptationFunction f)
    {
        return apn(ctx, f, PruneProfile.of(PruneMethod.APN, ctx.neurons()).neuronFactor(f), 30);
    }

    /** APTN with paper A's functions and factors for the network size, SI = 30 (scaled). */
    static RunSpec aptn(final ExperimentContext ctx)
    {
        return ctx.spec("aptn", 30);
    }

    /** Paper A's time factor of a method and function at the context's network size. */
    static double timeFactor(final ExperimentContext ctx, final PruneMethod method, final AdaptationFunction f)
    {
        return PruneProfile.of(method, ctx.neurons()).timeFactor(f);
    }

    /** The steps of the context's schedule. */
    static int steps(final ExperimentContext ctx)
    {
        return Grids.steps(ctx.trainImages(), ctx.startImages(), ctx.stepImages());
    }

    /** Constant-pruning initial thresholds: the final grid itself. */
    static double[] constantGrid(final ExperimentContext ctx)
    {
        return Grids.initial(Grids.finals(ctx), null, 1, steps(ctx));
    }

    /** APTN initial thresholds: the final grid mapped through paper A's f_T. */
    static double[] aptnGrid(final ExperimentContext ctx)
    {
        final PruneProfile p = PruneProfile.of(PruneMethod.APTN, ctx.neurons());
        return Grids.initial(Grids.finals(ctx), p.timeFunction(), p.timeFactor(p.timeFunction()), steps(ctx));
    }
}
