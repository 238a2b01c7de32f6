package org.spikeprune.cli.hw;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.UsageException;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.paper.PaperBComparison;

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
        "Without --unpruned/--pruned it uses synthetic paper B runs (fixed per-image spike counts; see the "
            + "SyntheticActivity documentation), which illustrate the model, not paper B's results."})
public final class HwCompareCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--unpruned", paramLabel = "FILE", description = "Activity of the run without pruning.")
    Path unpruned;

    @Option(names = "--pruned", paramLabel = "FILE", description = "Activity of the run with pruning.")
    Path pruned;

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
        final ActivityLog base = unpruned != null ? ActivityLog.read(unpruned)
            : SyntheticActivity.paperB(false, scale, 396);
        final ActivityLog cut = pruned != null ? ActivityLog.read(pruned) : SyntheticActivity.paperB(true, scale, 396);
        config.checkFits(cut.shape());
        final PaperBComparison c = PaperBComparison.compare(config, base, cut);
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            final Map<String, Object> m = new LinkedHashMap<>(c.toMap());
            m.put("rows", HwOutput.comparisonsJson(c.rows()));
            HwOutput.printJson(out, m);
            return 0;
        }
        out.println("Paper B comparison on " + config.name() + (unpruned == null
            ? " (synthetic paper B runs, scale " + scale + ")" : " (" + unpruned + " vs " + pruned + ")") + ":");
        out.println("  unpruned: " + TextTable.text(c.unpruned().learning().cyclesPerImage())
            + " learning / " + TextTable.text(c.unpruned().inference().cyclesPerImage())
            + " inference cycles per image");
        out.println("  pruned:   " + TextTable.text(c.pruned().learning().cyclesPerImage())
            + " learning / " + TextTable.text(c.pruned().inference().cyclesPerImage())
            + " inference cycles per image");
        out.println();
        HwOutput.printComparisons(out, c.rows());
        out.flush();
        return 0;
    }
}
