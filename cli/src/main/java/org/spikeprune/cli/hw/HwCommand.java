package org.spikeprune.cli.hw;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spikeprune hw}: cycles, energy and resources of the learning and pruning hardware. */
@Command(
    name = "hw",
    mixinStandardHelpOptions = true,
    description = {
        "Cycle-level timing, energy and FPGA resources of the learning and pruning core (Controller, PEs, "
            + "Potential / Spike / Weight memories, STDP unit, Decrement Track memory, Prune unit).",
        "Hardware presets: zedboard, zedboard-8pe, loihi-like, paper-a; or a properties file (base=PRESET + "
            + "overrides)."},
    subcommands = {
        HwOverheadCommand.class,
        HwReportCommand.class,
        HwExploreCommand.class,
        HwCompareCommand.class,
    })
public final class HwCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
