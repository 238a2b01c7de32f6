package org.spikeprune.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One command line run through {@link Main#execute} in this JVM, with what it printed and its exit code. */
public final class CliRun
{
    /** The exit code. */
    public final int exit;
    /** What the command printed on standard output. */
    public final String out;
    /** What the command printed on standard error. */
    public final String err;

    private CliRun(final int exit, final String out, final String err)
    {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs a command line with standard output and error captured.
     *
     * @param args the arguments.
     * @return the run.
     */
    public static CliRun of(final String... args)
    {
        final PrintStream out = System.out;
        final PrintStream err = System.err;
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final ByteArrayOutputStream e = new ByteArrayOutputStream();
        try
        {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            final int exit = Main.execute(args);
            return new CliRun(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
