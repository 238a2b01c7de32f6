package org.spikeprune.cli.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikeprune.cli.RunOutput;
import org.spikeprune.core.InputException;

/** Line plots of sweeps (XChart, rendered headless to PNG). */
final class Plots
{
    private Plots()
    {
    }

    /**
     * One curve: points sorted by x.
     *
     * @param name the legend entry.
     * @param x    x values.
     * @param y    y values.
     */
    record Curve(String name, double[] x, double[] y)
    {
    }

    /** An axis: its title and whether it is logarithmic. */
    record Axis(String title, boolean log)
    {
        static Axis linear(final String title)
        {
            return new Axis(title, false);
        }

        static Axis log(final String title)
        {
            return new Axis(title, true);
        }
    }

    /**
     * A curve from the points of a series, sorted by x; points where x or y is NaN (or not positive on a log axis)
     * are left out.
     *
     * @param name   the legend entry.
     * @param points the points.
     * @param x      x of a point.
     * @param y      y of a point.
     * @return the curve.
     */
    static Curve curve(final String name, final List<Point> points, final ToDoubleFunction<Point> x,
        final ToDoubleFunction<Point> y)
    {
        final List<double[]> xy = new ArrayList<>();
        for (final Point p : points)
        {
            final double a = x.applyAsDouble(p);
            final double b = y.applyAsDouble(p);
            if (Double.isFinite(a) && Double.isFinite(b))
            {
                xy.add(new double[] {a, b});
            }
        }
        xy.sort(Comparator.comparingDouble(v -> v[0]));
        final double[] xs = new double[xy.size()];
        final double[] ys = new double[xy.size()];
        for (int i = 0; i < xs.length; i++)
        {
            xs[i] = xy.get(i)[0];
            ys[i] = xy.get(i)[1];
        }
        return new Curve(name, xs, ys);
    }

    /**
     * Writes a PNG plot of curves with markers and lines.
     *
     * @param out    the folder.
     * @param file   the file name ({@code *.png}).
     * @param title  the title.
     * @param xAxis  the x axis.
     * @param yAxis  the y axis.
     * @param curves the curves; empty ones are skipped.
     */
    static void write(final RunOutput out, final String file, final String title, final Axis xAxis,
        final Axis yAxis, final List<Curve> curves)
    {
        final XYChart chart = new XYChartBuilder().width(720).height(480).title(title).xAxisTitle(xAxis.title())
            .yAxisTitle(yAxis.title()).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(220, 220, 220));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setXAxisLogarithmic(xAxis.log());
        chart.getStyler().setYAxisLogarithmic(yAxis.log());
        if (!yAxis.log())
        {
            // without a pattern, an axis spanning little shows its tick values with every binary digit
            chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        }
        final Set<String> names = new LinkedHashSet<>();
        int shown = 0;
        for (final Curve c : curves)
        {
            final List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < c.x().length; i++)
            {
                if ((!xAxis.log() || c.x()[i] > 0) && (!yAxis.log() || c.y()[i] > 0))
                {
                    keep.add(i);
                }
            }
            if (keep.isEmpty())
            {
                continue;
            }
            final double[] x = new double[keep.size()];
            final double[] y = new double[keep.size()];
            for (int i = 0; i < x.length; i++)
            {
                x[i] = c.x()[keep.get(i)];
                y[i] = c.y()[keep.get(i)];
            }
            String name = c.name();
            while (!names.add(name))
            {
                name = name + " ";
            }
            final XYSeries s = chart.addSeries(name, x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.5f));
            shown++;
        }
        if (shown == 0)
        {
            chart.addSeries("(no data)", new double[] {xAxis.log() ? 1 : 0}, new double[] {yAxis.log() ? 1 : 0});
        }
        try
        {
            out.writeBytes(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        }
        catch (final IOException ex)
        {
            throw new InputException(out.file(file) + ": cannot render the plot: " + ex.getMessage(), ex);
        }
    }
}
