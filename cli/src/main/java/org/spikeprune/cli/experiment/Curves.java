package org.spikeprune.cli.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Reading a series of points as a curve: interpolation and nearest points, for the reports' comparisons. */
final class Curves
{
    private Curves()
    {
    }

    /**
     * Linear interpolation of y at {@code at} between the two points of the series whose x bracket it.
     *
     * @param points the series.
     * @param x      x of a point.
     * @param y      y of a point.
     * @param at     where to read the curve.
     * @return y at {@code at}, or NaN outside the series' x range (no extrapolation).
     */
    static double interpolate(final List<Point> points, final ToDoubleFunction<Point> x,
        final ToDoubleFunction<Point> y, final double at)
    {
        final List<Point> sorted = sorted(points, x);
        for (int i = 0; i < sorted.size(); i++)
        {
            final double xi = x.applyAsDouble(sorted.get(i));
            if (xi == at)
            {
                return y.applyAsDouble(sorted.get(i));
            }
            if (i > 0)
            {
                final double x0 = x.applyAsDouble(sorted.get(i - 1));
                if (x0 < at && at < xi)
                {
                    final double y0 = y.applyAsDouble(sorted.get(i - 1));
                    final double y1 = y.applyAsDouble(sorted.get(i));
                    return y0 + (y1 - y0) * (at - x0) / (xi - x0);
                }
            }
        }
        return Double.NaN;
    }

    /**
     * The point whose x is nearest to {@code at}.
     *
     * @param points the series (not empty).
     * @param x      x of a point.
     * @param at     the target.
     * @return the nearest point, or null for an empty series.
     */
    static Point nearest(final List<Point> points, final ToDoubleFunction<Point> x, final double at)
    {
        Point best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (final Point p : points)
        {
            final double d = Math.abs(x.applyAsDouble(p) - at);
            if (d < bestD)
            {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    /**
     * The points of one series.
     *
     * @param points every point.
     * @param series the series' name.
     * @return its points, in their order.
     */
    static List<Point> series(final List<Point> points, final String series)
    {
        final List<Point> out = new ArrayList<>();
        for (final Point p : points)
        {
            if (p.series().equals(series))
            {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The points sorted by x, NaN x left out.
     *
     * @param points the points.
     * @param x      x of a point.
     * @return a sorted copy.
     */
    static List<Point> sorted(final List<Point> points, final ToDoubleFunction<Point> x)
    {
        final List<Point> out = new ArrayList<>();
        for (final Point p : points)
        {
            if (!Double.isNaN(x.applyAsDouble(p)))
            {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingDouble(x));
        return out;
    }

    /**
     * How monotone a curve falls: the fraction of consecutive pairs (sorted by x) where y does not rise.
     *
     * @param points the series.
     * @param x      x of a point.
     * @param y      y of a point.
     * @return in [0, 1]; 1 when y never rises with x, NaN for fewer than two points.
     */
    static double nonRisingFraction(final List<Point> points, final ToDoubleFunction<Point> x,
        final ToDoubleFunction<Point> y)
    {
        final List<Point> s = sorted(points, x);
        if (s.size() < 2)
        {
            return Double.NaN;
        }
        int ok = 0;
        for (int i = 1; i < s.size(); i++)
        {
            if (y.applyAsDouble(s.get(i)) <= y.applyAsDouble(s.get(i - 1)))
            {
                ok++;
            }
        }
        return ok / (double)(s.size() - 1);
    }
}
