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
    subcommands = {
        CommandLine.HelpCommand.class,
        TrainCommand.class,
        FetchDataCommand.class,
        org.spikeprune.cli.hw.HwCommand.class,
        org.spikeprune.cli.trace.TraceCommand.class,
        ReplayCommand.class,
        BenchCommand.class,
        org.spikeprune.cli.experiment.ExperimentCommand.class,
        org.spikeprune.cli.conv.ConvCommand.class,
    })
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
        final CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler(Main::handleError);
        return cmd.execute(args);
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
