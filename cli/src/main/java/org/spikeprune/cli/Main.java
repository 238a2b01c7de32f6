package org.spikeprune.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.spikeprune.core.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code spikeprune} command. */
@Command(
    name = "spikeprune",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Event-driven simulator of neuromorphic hardware that learns on chip (STDP) and prunes its own "
        + "connections while it learns.",
    // The subcommands are registered in code (commandLine): building a command's model reflects over its class,
    // and a short command such as a hardware replay should not pay for every other command's model.
    subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable
{
    /** Exit code for bad input (data file, configuration, parameter). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an internal failure. */
    public static final int EXIT_FAILURE = 1;

    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting; used by tests.
     *
     * @param args the arguments.
     * @return the exit code.
     */
    public static int execute(final String... args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // PNGs are encoded in memory: the file cache ImageIO uses by default fails with a stack trace from its own
        // thread when the disk is full, and the file is written through SafeFiles anyway
        javax.imageio.ImageIO.setUseCache(false);
        final CommandLine cmd = commandLine(args);
        cmd.setExecutionExceptionHandler(Main::handleError);
        try
        {
            final int code = cmd.execute(args);
            // PrintStream and PrintWriter swallow write errors: a full disk or a closed pipe behind standard output
            // would otherwise end in exit code 0 with the output cut short
            final boolean lost = System.out.checkError() | cmd.getOut().checkError();
            if (lost)
            {
                cmd.getErr().println("spikeprune: standard output: cannot write (a full disk, or the reader stopped "
                    + "reading): what was printed is incomplete");
                cmd.getErr().flush();
                return code == 0 ? EXIT_BAD_INPUT : code;
            }
            return code;
        }
        catch (final OutOfMemoryError ex)
        {
            // the heap is exhausted: say which limit and how to raise it, not a stack trace
            cmd.getErr().println("spikeprune: out of memory (" + ex.getMessage() + ", heap limit "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): give the JVM a larger heap, e.g. "
                + "SPIKEPRUNE_JAVA_OPTS=-Xmx16g bin/spikeprune ..., or use fewer images");
            cmd.getErr().flush();
            return EXIT_FAILURE;
        }
    }

    /** The subcommands' names, in the order the usage lists them. */
    static final String[] SUBCOMMANDS = {
        "train", "evaluate", "export", "import", "runs", "fetch-data", "hw", "trace", "replay", "bench", "experiment", "sweep", "conv", "baseline",
    };

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that subcommand is
     * built (its model is what the arguments are parsed against); otherwise (no arguments, options only,
     * {@code help}, a misspelt name) every subcommand is, so that usage and suggestions list them all.
     *
     * @param args the arguments, or none for the whole command tree.
     * @return a new command line.
     */
    static CommandLine commandLine(final String... args)
    {
        final CommandLine cmd = new CommandLine(new Main());
        final String first = args.length == 0 ? null : args[0];
        final Object only = first == null ? null : newSubcommand(first);
        if (only != null)
        {
            cmd.addSubcommand(first, only);
        }
        else
        {
            for (final String name : SUBCOMMANDS)
            {
                cmd.addSubcommand(name, newSubcommand(name));
            }
        }
        return cmd;
    }

    private static Object newSubcommand(final String name)
    {
        switch (name)
        {
            case "train":
                return new TrainCommand();
            case "evaluate":
                return new EvaluateCommand();
            case "export":
                return new ExportCommand();
            case "import":
                return new ImportCommand();
            case "runs":
                return new RunsCommand();
            case "fetch-data":
                return new FetchDataCommand();
            case "hw":
                return new org.spikeprune.cli.hw.HwCommand();
            case "trace":
                return new org.spikeprune.cli.trace.TraceCommand();
            case "replay":
                return new ReplayCommand();
            case "bench":
                return new BenchCommand();
            case "experiment":
                return new org.spikeprune.cli.experiment.ExperimentCommand();
            case "sweep":
                return new org.spikeprune.cli.experiment.SweepCommand();
            case "conv":
                return new org.spikeprune.cli.conv.ConvCommand();
            case "baseline":
                return new BaselineCommand();
            default:
                return null;
        }
    }

    private static int handleError(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        final boolean verbose = parseResult.hasMatchedOption("--verbose")
            || (parseResult.subcommand() != null && anyVerbose(parseResult));
        final Throwable root = userCause(ex);
        if (root != null)
        {
            err.println("spikeprune: " + root.getMessage());
            if (verbose)
            {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("spikeprune: error: " + ex);
        if (verbose)
        {
            ex.printStackTrace(err);
        }
        else
        {
            err.println("spikeprune: run again with --verbose for the stack trace");
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static boolean anyVerbose(final CommandLine.ParseResult result)
    {
        CommandLine.ParseResult r = result;
        while (r != null)
        {
            if (r.hasMatchedOption("--verbose"))
            {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    /** The user-facing cause (bad input) of a failure, or null if it is an internal error. */
    static Throwable userCause(final Throwable ex)
    {
        Throwable t = ex;
        while (t != null)
        {
            if (t instanceof InputException || t instanceof UsageException
                || t instanceof org.spikeprune.traces.TraceException)
            {
                return t;
            }
            t = t.getCause();
        }
        return null;
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the filtered resource written by the build. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties"))
            {
                if (in != null)
                {
                    p.load(in);
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            return new String[] {
                "spikeprune " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            };
        }
    }
}
