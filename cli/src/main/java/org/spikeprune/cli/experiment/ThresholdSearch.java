package org.spikeprune.cli.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.spikeprune.pruning.PruneConfig;

/**
 * Finds, per method, the initial threshold {@code w_th0} whose run ends at a target connectivity (or unpruned
 * fraction): a calibration sweep over a short grid, then rounds of interpolation between the two runs that
 * bracket the target (linear in {@code w_th0}, logarithmic in connectivity), or doubling / halving
 * {@code w_th0} while the target is not bracketed; an interpolated step stays at least a fifth of the bracket
 * away from both ends. Every round runs all methods that are not yet within the
 * tolerance side by side. The run closest to the target is the method's answer.
 */
final class ThresholdSearch
{
    /** Largest initial threshold tried (below {@code w_max = 1}). */
    private static final double MAX_THRESHOLD = 0.95;
    /** Smallest fraction of a bracket an interpolated step moves from either end. */
    private static final double GUARD = 0.2;

    private ThresholdSearch()
    {
    }

    /**
     * A method to calibrate.
     *
     * @param label   the method's name in the report.
     * @param spec    its run without {@code w_th0}.
     * @param grid    the calibration grid of {@code w_th0}.
     * @param measure what is brought to the target (connectivity, or the unpruned fraction for soft pruning).
     */
    record Target(String label, RunSpec spec, double[] grid, ToDoubleFunction<RunOutcome> measure)
    {
    }

    /**
     * The answer for one method.
     *
     * @param label  the method's name.
     * @param chosen the run closest to the target.
     * @param tried  every run of the search, in the order run.
     */
    record Found(String label, RunOutcome chosen, List<RunOutcome> tried)
    {
    }

    /**
     * Runs the search.
     *
     * @param ctx       the experiment.
     * @param targets   the methods.
     * @param target    the target value of the measure (0.1 = 10%).
     * @param tolerance how close is close enough (absolute, 0.01 = one percentage point).
     * @param rounds    refinement rounds after the grid.
     * @return per label, the answer, in the order of {@code targets}.
     */
    static Map<String, Found> find(final ExperimentContext ctx, final List<Target> targets, final double target,
        final double tolerance, final int rounds)
    {
        final Map<String, List<RunOutcome>> tried = new LinkedHashMap<>();
        final List<RunSpec> first = new ArrayList<>();
        final List<String> owners = new ArrayList<>();
        for (final Target t : targets)
        {
            tried.put(t.label(), new ArrayList<>());
            for (final double w : t.grid())
            {
                first.add(t.spec().with(PruneConfig.W_TH0_KEY, w));
                owners.add(t.label());
            }
        }
        collect(ctx.run(first), owners, tried);
        for (int round = 0; round < rounds; round++)
        {
            final List<RunSpec> next = new ArrayList<>();
            final List<String> nextOwners = new ArrayList<>();
            for (final Target t : targets)
            {
                final List<RunOutcome> runs = tried.get(t.label());
                if (Math.abs(t.measure().applyAsDouble(closest(runs, t.measure(), target)) - target) <= tolerance)
                {
                    continue;
                }
                final double w = propose(runs, t.measure(), target);
                if (Double.isNaN(w) || alreadyTried(runs, w))
                {
                    continue;
                }
                next.add(t.spec().with(PruneConfig.W_TH0_KEY, w));
                nextOwners.add(t.label());
            }
            if (next.isEmpty())
            {
                break;
            }
            collect(ctx.run(next), nextOwners, tried);
        }
        final Map<String, Found> found = new LinkedHashMap<>();
        for (final Target t : targets)
        {
            final List<RunOutcome> runs = tried.get(t.label());
            found.put(t.label(), new Found(t.label(), closest(runs, t.measure(), target), runs));
        }
        return found;
    }

    /**
     * The next initial threshold to try.
     *
     * @param runs    the runs so far (not empty).
     * @param measure the measure.
     * @param target  the target.
     * @return the threshold (four significant digits), or NaN if none can be proposed.
     */
    static double propose(final List<RunOutcome> runs, final ToDoubleFunction<RunOutcome> measure,
        final double target)
    {
        RunOutcome above = null;
        RunOutcome below = null;
        double minW = Double.POSITIVE_INFINITY;
        double maxW = 0;
        for (final RunOutcome r : runs)
        {
            final double m = measure.applyAsDouble(r);
            final double w = r.number(PruneConfig.W_TH0_KEY);
            minW = Math.min(minW, w);
            maxW = Math.max(maxW, w);
            if (m > target && (above == null || m < measure.applyAsDouble(above)))
            {
                above = r;
            }
            if (m < target && (below == null || m > measure.applyAsDouble(below)))
            {
                below = r;
            }
        }
        final double w;
        if (above != null && below != null)
        {
            final double wa = above.number(PruneConfig.W_TH0_KEY);
            final double wb = below.number(PruneConfig.W_TH0_KEY);
            final double ma = measure.applyAsDouble(above);
            final double mb = measure.applyAsDouble(below);
            final double f = mb > 0 ? (Math.log(target) - Math.log(ma)) / (Math.log(mb) - Math.log(ma))
                : (target - ma) / (mb - ma);
            // a guarded step: at least a fifth of the bracket from either end, so that a steep curve cannot keep
            // the search creeping along one side
            w = wa + (wb - wa) * Math.max(GUARD, Math.min(1 - GUARD, f));
        }
        else if (above != null)
        {
            w = maxW >= MAX_THRESHOLD ? Double.NaN : Math.min(MAX_THRESHOLD, maxW * 2);
        }
        else
        {
            w = minW / 2;
        }
        return Double.isNaN(w) || w <= 0 ? Double.NaN : round(w);
    }

    private static boolean alreadyTried(final List<RunOutcome> runs, final double w)
    {
        for (final RunOutcome r : runs)
        {
            if (r.number(PruneConfig.W_TH0_KEY) == w)
            {
                return true;
            }
        }
        return false;
    }

    static RunOutcome closest(final List<RunOutcome> runs, final ToDoubleFunction<RunOutcome> measure,
        final double target)
    {
        RunOutcome best = null;
        for (final RunOutcome r : runs)
        {
            if (best == null || Math.abs(measure.applyAsDouble(r) - target)
                < Math.abs(measure.applyAsDouble(best) - target))
            {
                best = r;
            }
        }
        return best;
    }

    /**
     * Rounds to four significant digits, so that proposed thresholds read well in reports and run ids.
     *
     * @param w the value.
     * @return the rounded value.
     */
    static double round(final double w)
    {
        return new BigDecimal(w).round(new MathContext(4)).doubleValue();
    }

    private static void collect(final List<RunOutcome> outcomes, final List<String> owners,
        final Map<String, List<RunOutcome>> tried)
    {
        for (int i = 0; i < outcomes.size(); i++)
        {
            final List<RunOutcome> list = tried.get(owners.get(i));
            if (!list.contains(outcomes.get(i)))
            {
                list.add(outcomes.get(i));
            }
        }
    }
}
