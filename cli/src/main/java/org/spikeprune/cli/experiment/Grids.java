package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.spikeprune.pruning.AdaptationFunction;

/**
 * The initial thresholds {@code w_th0} the sweeps try.
 *
 * <p>Threshold methods that adapt over time reach a much larger threshold at their last step than at their first
 * ({@code f1} with {@code a = 1.3} over 7 steps: 4.8 times), so one grid of {@code w_th0} for every series would
 * leave some series with almost no connectivity and others with almost no pruning. Instead each series is given the
 * initial thresholds whose time-adapted threshold at the last pruning step lands on a common grid of <i>final</i>
 * thresholds ({@link #FINAL}): {@code w_th0 = T / a^(K−1)} for f1, {@code 1 − (1 − T) · b^(K−1)} for f2,
 * {@code T − c · (K − 1)} for f3, with {@code K} the number of steps. Values below {@link #SMALLEST} are left
 * out (f2 and f3 cannot end below {@code 1 − b^−(K−1)} and {@code c · (K − 1)}) and the low grid {@link #LOW}
 * fills the series up to as many thresholds as the final grid has: such a series shows the connectivity it
 * reaches from very low initial thresholds (paper A Fig. 4C). Adaptation over neurons is not mapped: its group
 * G0 keeps the base threshold.
 *
 * <p>The final grid spans the unpruned network's weights: after one 60,000-image epoch of guo2020-mnist-100
 * (seed 1) 48% of the weights are at least 0.01, 35% at least 0.05, 29% at least 0.1, 21% at least 0.2, 15% at
 * least 0.3, 8.7% at least 0.4 and 2.6% at least 0.5.
 */
final class Grids
{
    /** The final thresholds of the full sweeps. */
    static final double[] FINAL = {0.01, 0.05, 0.12, 0.2, 0.28, 0.36, 0.45};
    /** The final thresholds of the quick sweeps (600 images barely move the initial weights, U[0, 0.2)). */
    static final double[] FINAL_QUICK = {0.05, 0.15};
    /**
     * Final thresholds beyond {@link #FINAL} for series whose threshold adapts over time: mapped through f1 with
     * a = 1.3, the grid's last final threshold (0.45) leaves APT at about 14% connectivity, so the grid alone says
     * nothing about APT below 15%.
     */
    static final double[] BEYOND = {0.6, 0.75, 0.9};
    /** {@link #BEYOND} of the quick sweeps. */
    static final double[] BEYOND_QUICK = {0.3};
    /** A series goes on past its grid only while its last run is at or above this connectivity. */
    static final double EXTEND_ABOVE = 0.05;
    /** Initial thresholds used where the mapping falls below {@link #SMALLEST}. */
    static final double[] LOW = {0.001, 0.003, 0.01, 0.03, 0.1};
    /** The smallest initial threshold tried. */
    static final double SMALLEST = 0.001;

    private Grids()
    {
    }

    /**
     * The final-threshold grid of a context.
     *
     * @param ctx the experiment.
     * @return {@link #FINAL} or {@link #FINAL_QUICK}.
     */
    static double[] finals(final ExperimentContext ctx)
    {
        return ctx.quick() ? FINAL_QUICK : FINAL;
    }

    /**
     * The final thresholds past the grid of a context.
     *
     * @param ctx the experiment.
     * @return {@link #BEYOND} or {@link #BEYOND_QUICK}.
     */
    static double[] beyond(final ExperimentContext ctx)
    {
        return ctx.quick() ? BEYOND_QUICK : BEYOND;
    }

    /**
     * Initial thresholds past a grid: {@code finals} mapped as {@link #initial} maps them, keeping those above the
     * grid's largest initial threshold (and below 1), ascending, without duplicates and without the low fill-in.
     *
     * @param grid     the series' grid of initial thresholds, ascending.
     * @param finals   the final thresholds past the grid.
     * @param function {@code f_T}.
     * @param factor   its factor.
     * @param steps    the number of pruning steps {@code K}.
     * @return the extra initial thresholds.
     */
    static double[] past(final double[] grid, final double[] finals, final AdaptationFunction function,
        final double factor, final int steps)
    {
        final TreeSet<Double> out = new TreeSet<>();
        final double last = grid.length == 0 ? 0 : grid[grid.length - 1];
        for (final double t : finals)
        {
            final double w = ThresholdSearch.round(map(t, function, factor, Math.max(0, steps - 1)));
            if (w > last && w < 1)
            {
                out.add(w);
            }
        }
        final double[] a = new double[out.size()];
        int i = 0;
        for (final double w : out)
        {
            a[i++] = w;
        }
        return a;
    }

    /** The initial threshold whose threshold after {@code n} adaptations is {@code t}. */
    private static double map(final double t, final AdaptationFunction function, final double factor, final int n)
    {
        if (function == null)
        {
            return t;
        }
        switch (function)
        {
            case F1:
                return t / Math.pow(factor, n);
            case F2:
                return 1 - (1 - t) * Math.pow(factor, n);
            default:
                return t - factor * n;
        }
    }

    /**
     * The number of pruning steps of a schedule.
     *
     * @param trainImages training images.
     * @param start       the first step's image count.
     * @param step        images per step.
     * @return {@code K}.
     */
    static int steps(final long trainImages, final long start, final long step)
    {
        return start > trainImages ? 0 : (int)((trainImages - start) / step + 1);
    }

    /**
     * Initial thresholds for a series whose threshold adapts over time.
     *
     * @param finals   the final thresholds wanted.
     * @param function {@code f_T} (null: constant in time).
     * @param factor   its factor.
     * @param steps    the number of pruning steps {@code K}.
     * @return the initial thresholds, ascending, without duplicates; at least as many as {@code finals} when the
     *         low grid has to fill in.
     */
    static double[] initial(final double[] finals, final AdaptationFunction function, final double factor,
        final int steps)
    {
        final TreeSet<Double> out = new TreeSet<>();
        final int n = Math.max(0, steps - 1);
        for (final double t : finals)
        {
            final double w = map(t, function, factor, n);
            if (w >= SMALLEST)
            {
                out.add(ThresholdSearch.round(w));
            }
        }
        final List<Double> low = new ArrayList<>();
        for (final double w : LOW)
        {
            low.add(w);
        }
        for (int i = 0; out.size() < finals.length && i < low.size(); i++)
        {
            out.add(low.get(i));
        }
        final double[] a = new double[out.size()];
        int i = 0;
        for (final double w : out)
        {
            a[i++] = w;
        }
        return a;
    }
}
