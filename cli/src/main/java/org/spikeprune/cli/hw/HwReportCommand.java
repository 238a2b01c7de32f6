package org.spikeprune.cli.hw;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.paper.PaperAOverhead;
import org.spikeprune.fpga.resources.ResourceEstimate;
import org.spikeprune.fpga.resources.UnitResources;
import org.spikeprune.fpga.timing.PhaseTiming;
import org.spikeprune.fpga.timing.RunTiming;
import org.spikeprune.fpga.timing.TimingModel;
import org.spikeprune.fpga.timing.Unit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spikeprune hw report}: a recorded run on a configured core — cycles and time per image for learning and
 * inference, energy and utilisation by unit, stalls, the pruning overhead, resources by unit, and paper A's
 * Table 5 and energy comparison beside the paper's numbers.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Time a recorded run (an activity file written by the simulator) on a hardware configuration: cycles and "
            + "time per image, energy and utilisation by unit, pruning overhead, resources, and paper A's Table 5.",
        "Without --activity it times a synthetic paper A run (784 inputs, ~2,300 input spikes per image over "
            + "700 of 1,000 ticks, 20 output spikes, pruning from image 30,000 every 5,000 to 10%% connectivity)."})
public final class HwReportCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--activity", paramLabel = "FILE", description = "Activity file (binary or CSV).")
    Path activity;

    @Option(names = "--hw", defaultValue = "zedboard", paramLabel = "PRESET|FILE",
        description = "Hardware preset or file (default: ${DEFAULT-VALUE}).")
    String hw;

    @Option(names = "--neurons", defaultValue = "100", description = "Excitatory neurons of the synthetic run "
        + "(default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--quick", description = "Use the short synthetic run (1,200 + 200 images, same statistics).")
    boolean quick;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call()
    {
        final HardwareConfig config = HardwarePresets.load(hw);
        final ActivityLog log = HwOutput.activity(activity, neurons, quick);
        final ResourceEstimate resources = config.checkFits(log.shape());
        final RunTiming timing = new TimingModel(config).time(log);
        final PhaseTiming learning = timing.learning();
        final double sopsPerImage = learning.images() == 0 ? 0
            : (double) (learning.synapticOps() + learning.stdpUpdates()) / learning.images();
        final int prunedNeurons = Math.max(1, log.shape().prunedNeurons());
        final PaperAOverhead paperA = PaperAOverhead.compute(HardwarePresets.load("paper-a"), prunedNeurons, 20, 100,
            60_000, 30_000, sopsPerImage > 0 ? sopsPerImage : 96_099);
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            HwOutput.printJson(out, json(config, log, timing, resources, paperA));
            return 0;
        }
        out.println("Hardware " + config.name() + ": " + config.processingElements() + " PEs at " + config.clockMhz()
            + " MHz, FIFOs " + config.fifoDepth() + " deep, pruning hardware " + config.pruneScheme().name()
            .toLowerCase(Locale.ROOT) + ", device " + config.device().name());
        out.println(HwOutput.describe(activity, log, quick));
        out.println();
        final TextTable cycles = new TextTable("per image", "learning", "inference");
        cycles.row("cycles", timing.learning().cyclesPerImage(), timing.inference().cyclesPerImage());
        cycles.row("time (us) at " + config.clockMhz() + " MHz", timing.learning().microsecondsPerImage(),
            timing.inference().microsecondsPerImage());
        cycles.row("  accumulate cycles", perImage(learning.accumulateCycles(), learning),
            perImage(timing.inference().accumulateCycles(), timing.inference()));
        cycles.row("  threshold cycles", perImage(learning.thresholdCycles(), learning),
            perImage(timing.inference().thresholdCycles(), timing.inference()));
        cycles.row("  STDP cycles", perImage(learning.stdpCycles(), learning),
            perImage(timing.inference().stdpCycles(), timing.inference()));
        cycles.row("  handshake cycles", perImage(learning.overheadCycles(), learning),
            perImage(timing.inference().overheadCycles(), timing.inference()));
        cycles.row("  Prune unit cycles", perImage(learning.pruneCycles(), learning), 0.0);
        cycles.row("Controller stall cycles (full FIFO)", perImage(learning.controllerStall(), learning),
            perImage(timing.inference().controllerStall(), timing.inference()));
        cycles.row("PE conflict cycles (shared ports)", perImage(learning.conflictStall(), learning),
            perImage(timing.inference().conflictStall(), timing.inference()));
        cycles.print(out);
        out.println();
        final TextTable units = new TextTable("unit", "energy pJ/img (learn)", "energy pJ/img (infer)",
            "utilisation (learn)", "utilisation (infer)");
        for (final Unit u : Unit.values())
        {
            units.row(u.label(), perImage(learning.energyPj(u), learning),
                perImage(timing.inference().energyPj(u), timing.inference()),
                TextTable.percent(learning.utilisation(u)), TextTable.percent(timing.inference().utilisation(u)));
        }
        units.row("total", learning.energyPjPerImage(), timing.inference().energyPjPerImage(), "", "");
        units.print(out);
        out.println();
        out.println("Pruning overhead: " + learning.prunePasses() + " Prune unit passes, "
            + TextTable.text(learning.pruneCyclesPerImage()) + " cycles per training image ("
            + TextTable.percent(share(learning.pruneCycles(), learning.cycles())) + " of learning cycles); "
            + "pruning hardware energy (Prune unit + Decrement Track) "
            + TextTable.text(perImage(learning.pruningEnergyPj(), learning)) + " pJ per training image ("
            + TextTable.percent(share(learning.pruningEnergyPj(), learning.energyPj())) + " of learning energy)");
        out.println();
        final TextTable res = new TextTable("resources", "LUT", "FF", "BRAM18", "DSP", "NAND-eq", "pruning");
        for (final UnitResources u : resources.units())
        {
            res.row(u.name() + (u.instances() > 1 ? " x" + u.instances() : ""), u.luts(), u.ffs(), u.bram18(),
                u.dsps(), u.nandGates(), u.pruning() ? "yes" : "");
        }
        final ResourceEstimate.Totals total = resources.total();
        final ResourceEstimate.Totals pruning = resources.pruning();
        res.row("total", total.luts(), total.ffs(), total.bram18(), total.dsps(), total.nand(), "");
        res.row("pruning share", TextTable.percent(share(pruning.luts(), total.luts())),
            TextTable.percent(share(pruning.ffs(), total.ffs())),
            TextTable.percent(share(pruning.bram18(), total.bram18())),
            TextTable.percent(share(pruning.dsps(), total.dsps())),
            TextTable.percent(share(pruning.nand(), total.nand())), "");
        res.row("device " + config.device().name(), config.device().luts(), config.device().ffs(),
            config.device().bram18(), config.device().dsps(), "", "");
        res.print(out);
        out.println();
        out.println("Paper A Table 5 and energy comparison, under paper A's assumptions (preset paper-a: its Prune "
            + "unit for " + prunedNeurons + " neurons, batch 100; SOP energy = this run's "
            + TextTable.text(sopsPerImage) + " training SOPs per image (accumulations + STDP updates) x "
            + paperA.config().energy().sopPj() + " pJ):");
        out.println();
        HwOutput.printComparisons(out, paperA.table5());
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(final HardwareConfig config, final ActivityLog log,
        final RunTiming timing, final ResourceEstimate resources, final PaperAOverhead paperA)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("hardware", HardwarePresets.toMap(config));
        m.put("network", log.shape().name());
        for (int phase = 0; phase < 2; phase++)
        {
            final PhaseTiming t = timing.phase(phase);
            final Map<String, Object> p = new LinkedHashMap<>();
            p.put("images", t.images());
            p.put("presentations", t.presentations());
            p.put("cycles_per_image", finite(t.cyclesPerImage()));
            p.put("us_per_image", finite(t.microsecondsPerImage()));
            p.put("energy_pj_per_image", finite(t.energyPjPerImage()));
            p.put("accumulate_cycles", t.accumulateCycles());
            p.put("threshold_cycles", t.thresholdCycles());
            p.put("stdp_cycles", t.stdpCycles());
            p.put("handshake_cycles", t.overheadCycles());
            p.put("prune_cycles", t.pruneCycles());
            p.put("prune_passes", t.prunePasses());
            p.put("controller_stall_cycles", t.controllerStall());
            p.put("conflict_stall_cycles", t.conflictStall());
            final Map<String, Object> energy = new LinkedHashMap<>();
            final Map<String, Object> utilisation = new LinkedHashMap<>();
            for (final Unit u : Unit.values())
            {
                energy.put(u.name().toLowerCase(Locale.ROOT), finite(perImage(t.energyPj(u), t)));
                utilisation.put(u.name().toLowerCase(Locale.ROOT), t.utilisation(u));
            }
            p.put("energy_pj_per_image_by_unit", energy);
            p.put("utilisation", utilisation);
            m.put(ActivityLog.PHASE_NAMES[phase], p);
        }
        final Map<String, Object> res = new LinkedHashMap<>();
        for (final UnitResources u : resources.units())
        {
            res.put(u.name(), Map.of("luts", u.luts(), "ffs", u.ffs(), "bram18", u.bram18(), "dsps", u.dsps(),
                "nand", u.nandGates(), "pruning", u.pruning()));
        }
        m.put("resources", res);
        m.put("resources_total", resources.total());
        m.put("resources_pruning", resources.pruning());
        m.put("paper_a_table5", HwOutput.comparisonsJson(paperA.table5()));
        return m;
    }

    private static double perImage(final double total, final PhaseTiming t)
    {
        return t.images() == 0 ? Double.NaN : total / t.images();
    }

    private static double share(final double part, final double whole)
    {
        return whole == 0 ? 0 : part / whole;
    }

    private static Double finite(final double v)
    {
        return Double.isFinite(v) ? v : null;
    }
}
