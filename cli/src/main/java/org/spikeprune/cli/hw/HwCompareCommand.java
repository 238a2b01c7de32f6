package org.spikeprune.cli.hw;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.UsageException;
import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.paper.PaperBComparison;
import org.spikeprune.fpga.paper.PaperBReport;
import org.spikeprune.fpga.timing.RunTiming;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spikeprune hw compare}: paper B's speed-ups, energy reductions and pruning overheads from two runs. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Time an unpruned run on the core without pruning hardware and a pruned run on the core with paper B's "
            + "Prune unit and Decrement Track memory; report the learning and inference speed-ups, energy "
            + "reductions and the pruning hardware's resource and power overhead beside paper B's.",
        "--unpruned and --pruned take the activity files (or the output folders holding activity.bin) of two "
            + "'train --profile nguyen2020-caltech --hw PRESET' runs, with --pruning none and nguyen2020.",
        "Without --unpruned/--pruned it uses synthetic paper B runs (fixed per-image spike counts; see the "
            + "SyntheticActivity documentation), which illustrate the model, not paper B's results."})
public final class HwCompareCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--unpruned", paramLabel = "FILE|DIR", description = "Activity of the run without pruning.")
    Path unpruned;

    @Option(names = "--pruned", paramLabel = "FILE|DIR", description = "Activity of the run with pruning.")
    Path pruned;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the comparison as Markdown to FILE "
        + "(and as JSON beside it, same name with .json).")
    Path out;

    @Option(names = "--hw", defaultValue = "zedboard", paramLabel = "PRESET|FILE",
        description = "Hardware preset or file (default: ${DEFAULT-VALUE}).")
    String hw;

    @Option(names = "--scale", defaultValue = "0.1", description = "Synthetic runs: fraction of paper B's "
        + "3,000 / 5,000 / 6,000 learning images (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call()
    {
        if ((unpruned == null) != (pruned == null))
        {
            throw new UsageException("give both --unpruned and --pruned, or neither (synthetic paper B runs)");
        }
        final HardwareConfig config = HardwarePresets.load(hw);
        final Path baseFile = activityFile(unpruned);
        final Path cutFile = activityFile(pruned);
        final ActivityLog base = baseFile != null ? ActivityLog.read(baseFile)
            : SyntheticActivity.paperB(false, scale, 396);
        final ActivityLog cut = cutFile != null ? ActivityLog.read(cutFile)
            : SyntheticActivity.paperB(true, scale, 396);
        if (!base.shape().equals(cut.shape()))
        {
            throw new UsageException("--unpruned and --pruned are runs of different networks: "
                + base.shape().name() + " and " + cut.shape().name());
        }
        config.checkFits(cut.shape());
        final PaperBComparison c = PaperBComparison.compare(config, base, cut);
        final double removed = baseFile == null ? Double.NaN : PaperBComparison.connectionsRemoved(cut);
        final String source = baseFile == null ? "Synthetic paper B runs (scale " + scale + "), not measured activity."
            : "Unpruned run: `" + baseFile + "` (" + base.images(ActivityLog.LEARNING) + " learning, "
                + base.images(ActivityLog.INFERENCE) + " inference images); pruned run: `" + cutFile + "` ("
                + cut.images(ActivityLog.LEARNING) + " learning, " + cut.images(ActivityLog.INFERENCE)
                + " inference images, " + cut.pruneRecords() + " Prune unit passes). The unpruned run is timed "
                + "without pruning hardware, the pruned one with paper B's Prune unit and Decrement Track memory.";
        final Map<String, Object> m = new LinkedHashMap<>(c.toMap());
        if (Double.isFinite(removed))
        {
            m.put("connections_removed", removed);
        }
        m.put("rows", HwOutput.comparisonsJson(c.rows()));
        if (this.out != null)
        {
            writeFiles(this.out, PaperBReport.markdown(c, cut.shape(), removed, source), m);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            HwOutput.printJson(out, m);
            return 0;
        }
        out.println("Paper B comparison on " + config.name() + (unpruned == null
            ? " (synthetic paper B runs, scale " + scale + ")" : " (" + unpruned + " vs " + pruned + ")") + ":");
        printRun(out, "unpruned", c.unpruned());
        printRun(out, "pruned:  ", c.pruned());
        out.println();
        if (Double.isFinite(removed))
        {
            out.println("  connections removed by the pruned run: " + TextTable.percent(removed)
                + " (paper B: 92.83%)");
        }
        out.println();
        HwOutput.printComparisons(out, c.rows());
        if (this.out != null)
        {
            out.println();
            out.println("wrote " + this.out + " and " + jsonSibling(this.out));
        }
        out.flush();
        return 0;
    }

    private static void printRun(final PrintWriter out, final String name, final RunTiming t)
    {
        out.printf(Locale.ROOT, "  %s %s learning / %s inference cycles per image (%.1f / %.1f µs, %.3f / %.3f µJ)%n",
            name, TextTable.text(t.learning().cyclesPerImage()), TextTable.text(t.inference().cyclesPerImage()),
            t.learning().microsecondsPerImage(), t.inference().microsecondsPerImage(),
            t.learning().energyPjPerImage() / 1e6, t.inference().energyPjPerImage() / 1e6);
    }

    /** A run's activity: the file, or {@code activity.bin} in a run's output folder; null stays null. */
    static Path activityFile(final Path given)
    {
        if (given == null || !Files.isDirectory(given))
        {
            return given;
        }
        final Path file = given.resolve("activity.bin");
        if (!Files.isRegularFile(file))
        {
            throw new UsageException(given + " is a folder without activity.bin: give the activity file, or the "
                + "output folder of a train run with --hw");
        }
        return file;
    }

    private static Path jsonSibling(final Path file)
    {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    private static void writeFiles(final Path file, final String markdown, final Map<String, Object> json)
    {
        try
        {
            if (file.getParent() != null)
            {
                Files.createDirectories(file.getParent());
            }
        }
        catch (final IOException ex)
        {
            throw new InputException(file.getParent() + ": cannot create the output folder: " + ex.getMessage(), ex);
        }
        final java.io.StringWriter text = new java.io.StringWriter();
        final PrintWriter w = new PrintWriter(text);
        HwOutput.printJson(w, json);
        w.flush();
        try (SafeFiles.Batch batch = new SafeFiles.Batch())
        {
            final byte[] md = markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            final byte[] js = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            batch.write(file, o -> o.write(md));
            batch.write(jsonSibling(file), o -> o.write(js));
            batch.commit();
        }
    }
}
