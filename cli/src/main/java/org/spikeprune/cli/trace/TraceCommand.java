package org.spikeprune.cli.trace;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spikeprune trace}: look into recorded event traces. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Inspect, export, import or compare event traces (directories written with --trace).",
    subcommands = {
        TraceInspectCommand.class,
        TraceExportCommand.class,
        TraceImportCommand.class,
        TraceDiffCommand.class,
    })
public final class TraceCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Quiets the INFO chatter of the queue library (its logger would print file paths and timings). */
    static void quietQueueLogging()
    {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
