package org.spikeprune.cli.hw;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.paper.PaperAOverhead;
import org.spikeprune.fpga.paper.PaperFigures;
import org.spikeprune.fpga.prune.PruneCost;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spikeprune hw overhead}: paper A's Tables 4 and 5 and energy comparison, from the Prune unit model. */
@Command(
    name = "overhead",
    mixinStandardHelpOptions = true,
    description = "Cycles and operations of paper A's Prune unit per pruning step and per image (Table 4), its "
        + "gates and block RAM against the SNN (Table 5), and its energy against the SOP energy.")
public final class HwOverheadCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--neurons", required = true, description = "Excitatory neurons (100 or 800 in paper A).")
    int neurons;

    @Option(names = "--groups", defaultValue = "20", description = "Neuron groups (default: ${DEFAULT-VALUE}, "
        + "the figure of Table 4).")
    int groups;

    @Option(names = "--batch", defaultValue = "5000", description = "Training images per pruning step "
        + "(default: ${DEFAULT-VALUE}; Table 4 also uses 100).")
    long batch;

    @Option(names = "--images", defaultValue = "60000", description = "Training images (default: ${DEFAULT-VALUE}).")
    long images;

    @Option(names = "--start", defaultValue = "30000", description = "Image count of the first pruning step "
        + "(default: ${DEFAULT-VALUE}).")
    long start;

    @Option(names = "--sops", defaultValue = "96099", description = "Training SOPs per image for the energy "
        + "comparison (default: ${DEFAULT-VALUE}, paper A Table 4).")
    double sops;

    @Option(names = "--hw", defaultValue = "paper-a", description = "Hardware preset or file (default: "
        + "${DEFAULT-VALUE}: one weight per Weight-memory access, Loihi energies).")
    String hw;

    @Option(names = "--json", description = "Print JSON (keys cycles.grouping, cycles.adapting, cycles.pruning, "
        + "ops.grouping, ops.adapting, ops.pruning, cycles_per_image, ops_per_image, …).")
    boolean json;

    @Override
    public Integer call()
    {
        if (!(sops >= 0 && Double.isFinite(sops)))
        {
            throw new org.spikeprune.cli.UsageException("--sops " + sops + " is invalid: must be a finite number >= 0");
        }
        if (groups < 1 || groups > neurons)
        {
            throw new org.spikeprune.cli.UsageException("--groups " + groups + " is invalid: must be between 1 and the "
                + neurons + " neurons");
        }
        final HardwareConfig config = HardwarePresets.load(hw);
        final PaperAOverhead o = PaperAOverhead.compute(config, neurons, groups, batch, images, start, sops);
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            HwOutput.printJson(out, o.toMap());
            return 0;
        }
        final boolean paper = neurons == 100 && groups == 20 && images == PaperFigures.A_TRAIN_IMAGES
            && start == PaperFigures.A_PRUNE_START;
        out.println("Paper A Table 4: Prune unit, " + neurons + " neurons, " + groups + " groups, "
            + TextTable.text(PaperAOverhead.INPUTS * (long) neurons) + " weights, hardware " + config.name() + " ("
            + config.weightsPerWord() + " weight(s) per access)");
        out.println();
        final PruneCost s = o.step();
        final TextTable t = new TextTable("phase", "cycles", "paper", "ops", "paper");
        t.row("grouping", s.groupingCycles(), paper ? PaperFigures.A_GROUPING_CYCLES : "", s.groupingOps(),
            paper ? PaperFigures.A_GROUPING_OPS : "");
        t.row("adapting", s.adaptingCycles(), paper ? PaperFigures.A_ADAPTING_CYCLES : "", s.adaptingOps(),
            paper ? PaperFigures.A_ADAPTING_OPS : "");
        t.row("weight pruning", s.pruningCycles(), paper ? PaperFigures.A_PRUNING_CYCLES : "", s.pruningOps(),
            paper ? PaperFigures.A_PRUNING_OPS : "");
        final Object paperCycles = !paper ? "" : batch == 100 ? PaperFigures.A_CYCLES_PER_IMAGE_BATCH_100
            : batch == 5_000 ? PaperFigures.A_CYCLES_PER_IMAGE_BATCH_5000 : "";
        final Object paperOps = !paper ? "" : batch == 100 ? PaperFigures.A_OPS_PER_IMAGE_BATCH_100
            : batch == 5_000 ? PaperFigures.A_OPS_PER_IMAGE_BATCH_5000 : "";
        t.row("per image, batch " + TextTable.text(batch) + " (" + o.overhead().steps() + " steps / "
            + TextTable.text(images) + " images)",
            Math.round(o.overhead().cyclesPerImage()), paperCycles, Math.round(o.overhead().opsPerImage()), paperOps);
        t.print(out);
        out.println();
        out.println("Paper A Table 5 and energy comparison (model beside paper):");
        out.println();
        HwOutput.printComparisons(out, o.table5());
        out.flush();
        return 0;
    }
}
