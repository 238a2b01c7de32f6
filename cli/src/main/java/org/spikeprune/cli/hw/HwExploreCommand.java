package org.spikeprune.cli.hw;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.explore.DesignPoint;
import org.spikeprune.fpga.explore.DesignSpace;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spikeprune hw explore}: a sweep over processing elements, clock, Weight memory ports and FIFO depth,
 * written as {@code explore.csv} with a Pareto column and plotted as {@code explore-time.png} (time per training
 * image against LUTs) and {@code explore-energy.png} (energy against time per training image), the Pareto front
 * drawn as a line.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
        "Sweep processing elements x clock x Weight memory ports x FIFO depth around a preset, time a run on "
            + "each configuration, and write explore.csv and two PNG plots with the Pareto front (time per "
            + "training image, energy per training image, LUTs).",
        "Without --activity it times a synthetic paper A run (see hw report)."})
public final class HwExploreCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--activity", paramLabel = "FILE", description = "Activity file (binary or CSV).")
    Path activity;

    @Option(names = "--hw", defaultValue = "zedboard", paramLabel = "PRESET|FILE",
        description = "The configuration the sweep varies (default: ${DEFAULT-VALUE}).")
    String hw;

    @Option(names = "--quick", description = "8 configurations (PEs 1, 4; 100 MHz; ports 1, 2; FIFO 2, 16) and "
        + "the short synthetic run, instead of 90 configurations.")
    boolean quick;

    @Option(names = "--neurons", defaultValue = "100", description = "Excitatory neurons of the synthetic run "
        + "(default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--out", defaultValue = "hw-explore", paramLabel = "DIR",
        description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call()
    {
        final HardwareConfig base = HardwarePresets.load(hw);
        final ActivityLog log = HwOutput.activity(activity, neurons, quick);
        final DesignSpace space = quick ? DesignSpace.QUICK : DesignSpace.FULL;
        final List<DesignPoint> points = space.evaluate(base, log);
        try
        {
            Files.createDirectories(out);
        }
        catch (final IOException ex)
        {
            throw new InputException(out + ": cannot create the output folder: " + ex.getMessage(), ex);
        }
        DesignSpace.writeCsv(points, out.resolve("explore.csv"));
        plotTime(points, out.resolve("explore-time.png"));
        plotEnergy(points, out.resolve("explore-energy.png"));
        final PrintWriter w = spec.commandLine().getOut();
        w.println(HwOutput.describe(activity, log, quick));
        w.println(points.size() + " configurations around " + base.name() + "; Pareto front (time, energy, LUTs):");
        final TextTable t = new TextTable("configuration", "us/train img", "us/test img", "pJ/train img", "LUT",
            "BRAM18");
        for (final DesignPoint p : points)
        {
            if (p.pareto())
            {
                t.row(p.config().name(), p.usTrainPerImage(), p.usInferPerImage(), p.energyTrainPj(),
                    p.resources().luts(), p.resources().bram18());
            }
        }
        t.print(w);
        final long unfit = points.stream().filter(p -> !p.fits()).count();
        if (unfit > 0)
        {
            w.println(unfit + " configurations do not fit the " + base.device().name() + " (fits=false in the CSV)");
        }
        w.println("wrote " + out.resolve("explore.csv") + ", " + out.resolve("explore-time.png") + ", "
            + out.resolve("explore-energy.png"));
        w.flush();
        return 0;
    }

    private static void plotTime(final List<DesignPoint> points, final Path file)
    {
        final XYChart chart = new XYChartBuilder().width(900).height(600)
            .title("Time per training image against area").xAxisTitle("LUTs").yAxisTitle("us per training image")
            .build();
        scatter(chart, points, p -> (double) p.resources().luts(), DesignPoint::usTrainPerImage);
        save(chart, file);
    }

    private static void plotEnergy(final List<DesignPoint> points, final Path file)
    {
        final XYChart chart = new XYChartBuilder().width(900).height(600)
            .title("Energy against time per training image").xAxisTitle("us per training image")
            .yAxisTitle("pJ per training image").build();
        scatter(chart, points, DesignPoint::usTrainPerImage, DesignPoint::energyTrainPj);
        save(chart, file);
    }

    private static void save(final XYChart chart, final Path file)
    {
        chart.getStyler().setXAxisDecimalPattern("#,##0.#").setYAxisDecimalPattern("#,##0.#");
        SafeFiles.write(file, o ->
        {
            if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", o))
            {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private static void scatter(final XYChart chart, final List<DesignPoint> points,
        final ToDoubleFunction<DesignPoint> x, final ToDoubleFunction<DesignPoint> y)
    {
        final List<DesignPoint> front = points.stream().filter(DesignPoint::pareto)
            .sorted(Comparator.comparingDouble(x)).toList();
        final List<DesignPoint> rest = points.stream().filter(p -> !p.pareto()).toList();
        if (!rest.isEmpty())
        {
            chart.addSeries("configurations", rest.stream().mapToDouble(x).toArray(),
                rest.stream().mapToDouble(y).toArray())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        }
        if (!front.isEmpty())
        {
            chart.addSeries("Pareto front", front.stream().mapToDouble(x).toArray(),
                front.stream().mapToDouble(y).toArray())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.DIAMOND);
        }
    }
}
