package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.spikeprune.cli.Futures;
import org.spikeprune.pruning.AdaptationFunction;
import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PruneProfile;

/**
 * A named list of runs: one curve of a figure.
 *
 * @param name        the legend entry.
 * @param specs       the runs.
 * @param stoppable   true when the runs sweep the initial threshold upwards, so that once one run ends below the
 *                    experiment's {@link ExperimentContext#stopBelow() floor} the later ones would prune further.
 * @param extension   runs past the grid, each run only while the run before it ends at or above
 *                    {@code extendAbove} connectivity.
 * @param extendAbove the connectivity (fraction) the last run must reach for the next run of the extension.
 */
record Series(String name, List<RunSpec> specs, boolean stoppable, List<RunSpec> extension, double extendAbove)
{
    /**
     * A series that always runs in full.
     *
     * @param name  the legend entry.
     * @param specs the runs.
     */
    Series(final String name, final List<RunSpec> specs)
    {
        this(name, specs, false, List.of(), 1);
    }

    /**
     * A series whose threshold adapts over time: its grid of initial thresholds (the experiment's final thresholds
     * mapped through {@code f}), then, while its last run is at or above {@link Grids#EXTEND_ABOVE} connectivity,
     * the final thresholds of {@link Grids#beyond} mapped the same way.
     *
     * @param ctx    the experiment.
     * @param name   the legend entry.
     * @param spec   the run without {@code w_th0}.
     * @param f      {@code f_T}.
     * @param factor its factor.
     * @return the series.
     */
    static Series timeAdapted(final ExperimentContext ctx, final String name, final RunSpec spec,
        final AdaptationFunction f, final double factor)
    {
        final int steps = steps(ctx);
        final double[] grid = Grids.initial(Grids.finals(ctx), f, factor, steps);
        final Series s = thresholds(name, spec, grid);
        final List<RunSpec> more = new ArrayList<>();
        for (final double w : Grids.past(grid, Grids.beyond(ctx), f, factor, steps))
        {
            more.add(spec.with(PruneConfig.W_TH0_KEY, w));
        }
        return new Series(name, s.specs(), s.stoppable(), more, Grids.EXTEND_ABOVE);
    }

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
        boolean rising = true;
        for (int k = 0; k < w0s.length; k++)
        {
            specs.add(spec.with(PruneConfig.W_TH0_KEY, w0s[k]));
            rising &= k == 0 || w0s[k] > w0s[k - 1];
        }
        return new Series(name, specs, rising, List.of(), 1);
    }

    /**
     * Runs the baseline and every series in one batch (so that all of them share the pool's threads). With a
     * {@link ExperimentContext#stopBelow() floor}, each series runs as a chain instead, one run after the other
     * (the chains share the pool's threads): a stoppable series whose run ends below the floor runs no further,
     * and what it leaves out is recorded with {@link ExperimentContext#notRun(String)}, in the order of the
     * series. Series with an {@link #extension()} run as chains too. The outcomes do not depend on the order the
     * runs happen in.
     *
     * @param ctx    the experiment.
     * @param series the series.
     * @return the baseline's outcome followed by one point per run, series after series (runs left out have no
     *         point).
     */
    static Result run(final ExperimentContext ctx, final List<Series> series)
    {
        final double floor = ctx.stopBelow();
        boolean extended = false;
        for (final Series s : series)
        {
            extended |= !s.extension().isEmpty();
        }
        if (floor <= 0 && !extended)
        {
            return runAll(ctx, series);
        }
        final RunOutcome base = ctx.run(List.of(ctx.baseline())).get(0);
        final List<List<RunOutcome>> done = new ArrayList<>();
        final String[] notes = new String[series.size()];
        final ExecutorService chains = Executors.newFixedThreadPool(series.size(), r ->
        {
            final Thread t = new Thread(r, "spikeprune-series");
            t.setDaemon(true);
            return t;
        });
        try
        {
            final List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < series.size(); i++)
            {
                final Series s = series.get(i);
                final List<RunOutcome> outcomes = new ArrayList<>();
                done.add(outcomes);
                final int index = i;
                futures.add(chains.submit(() ->
                {
                    final List<RunSpec> all = new ArrayList<>(s.specs());
                    all.addAll(s.extension());
                    RunOutcome last = null;
                    for (int k = 0; k < all.size(); k++)
                    {
                        final boolean past = k >= s.specs().size();
                        if (past && last.connectivity() < s.extendAbove())
                        {
                            break;
                        }
                        if (last != null && floor > 0 && (s.stoppable() || past) && last.connectivity() < floor)
                        {
                            notes[index] = notRunNote(s, past ? all.subList(k, all.size())
                                : s.specs().subList(k, s.specs().size()), all.get(k - 1), last, floor);
                            break;
                        }
                        last = ctx.run(List.of(all.get(k))).get(0);
                        outcomes.add(last);
                    }
                    return null;
                }));
            }
            for (final Future<?> f : futures)
            {
                Futures.await(f);
            }
        }
        finally
        {
            chains.shutdownNow();
        }
        for (final String n : notes)
        {
            if (n != null)
            {
                ctx.notRun(n);
            }
        }
        final List<Point> points = new ArrayList<>();
        for (int i = 0; i < series.size(); i++)
        {
            for (final RunOutcome o : done.get(i))
            {
                points.add(new Point(series.get(i).name(), o, base));
            }
        }
        return new Result(base, points);
    }

    private static String notRunNote(final Series s, final List<RunSpec> left, final RunSpec lastSpec,
        final RunOutcome last, final double floor)
    {
        final StringBuilder w = new StringBuilder();
        for (final RunSpec r : left)
        {
            w.append(w.length() == 0 ? "" : ", ").append(r.setting(PruneConfig.W_TH0_KEY));
        }
        return String.format(Locale.ROOT, "%s: w_th0 = %s not run (at w_th0 = %s the series ended at %.3f%% "
            + "connectivity, below the %s%% floor)", s.name(), w, lastSpec.setting(PruneConfig.W_TH0_KEY),
            100 * last.connectivity(), RunSpec.number(100 * floor));
    }

    private static Result runAll(final ExperimentContext ctx, final List<Series> series)
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
