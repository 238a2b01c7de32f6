package org.spikeprune.cli.trace;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.traces.TraceException;
import org.spikeprune.traces.TraceImport;
import org.spikeprune.traces.TraceRecorder;
import org.spikeprune.traces.TraceStatus;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikeprune trace import FILE --out DIR}: a trace rebuilt from the JSON Lines that {@code export} writes. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
        "Build a trace from JSON Lines, the format 'trace export --format jsonl' writes (gzip-compressed or not; "
            + "- reads the standard input): a trace kept as text, edited or filtered with other tools, or written "
            + "by another simulator. The new trace can be inspected, exported, replayed and re-timed with "
            + "'replay --hw' like a recorded one.",
        "Every line is checked: a malformed one is refused with the line and the field named, and nothing is "
            + "written. A file whose spike totals no longer match its END line (edited, or lines missing) is "
            + "refused unless --edited is given; the trace then carries no run digest, so 'replay' cannot call it "
            + "identical to a run. Without an END line (a range cut with 'export --from-image', say) the trace is "
            + "marked incomplete, or complete without a run digest with --edited.",
    })
public final class TraceImportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON Lines file (.jsonl or .jsonl.gz), or -.")
    String file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "The new trace's folder (must not exist, or be empty).")
    Path out;

    @Option(names = "--edited",
        description = "Take the lines as a whole trace even when their spike totals differ from the END line's, or "
            + "there is no END line; the trace then has no run digest.")
    boolean edited;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        TraceCommand.quietQueueLogging();
        final boolean stdin = "-".equals(file);
        final String source = stdin ? "standard input" : file;
        final long t0 = System.nanoTime();
        final TraceImport.Result r;
        try (InputStream raw = stdin ? System.in : Files.newInputStream(Path.of(file));
            BufferedReader in = reader(raw))
        {
            r = TraceImport.read(in, source, out,
                new TraceImport.Options(edited, new TraceRecorder.Context(), TraceImportCommand::checkHeader));
        }
        catch (final NoSuchFileException ex)
        {
            throw new TraceInputException(source + ": no such file", ex);
        }
        catch (final IOException | UncheckedIOException ex)
        {
            final Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
            throw new TraceInputException(source + ": cannot read: " + cause.getMessage(), ex);
        }
        catch (final TraceException ex)
        {
            throw new TraceInputException(ex);
        }
        final PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "imported %d events from %s into %s in %.2f s: %,d input spikes, %,d output spikes, "
            + "%,d core ticks; %s%s%n", r.events(), source, out, (System.nanoTime() - t0) / 1e9, r.inputSpikes(),
            r.outputSpikes(), r.coreTicks(), r.status() == TraceStatus.COMPLETE ? "complete" : "incomplete ("
                + r.status().description() + ")",
            r.runDigest().isEmpty() ? ", no run digest" : ", run digest "
                + r.runDigest().substring(0, Math.min(16, r.runDigest().length())));
        o.flush();
        final PrintWriter err = spec.commandLine().getErr();
        for (final String note : r.notes())
        {
            err.println("spikeprune: note: " + source + ": " + note);
        }
        err.flush();
        return 0;
    }

    /**
     * Checks an imported HEADER line against what this spikeprune knows. A configuration with {@code run.profile}
     * is a spikeprune run's: its profile must be one of paper A's profiles and match that key. A profile of paper
     * A's fixes the input neurons ({@value DcNetwork#INPUTS}) and, with {@code network.exc_neurons}, the output
     * spike ids (the excitatory and inhibitory neurons, numbered after the inputs); {@code run.cores} bounds the
     * cores. Any other profile name stands for another simulator's run, as the format allows.
     *
     * @param profile the HEADER line's profile.
     * @param config  its configuration, key by key.
     * @return the limits the event lines are checked against.
     * @throws IllegalArgumentException naming the field and the rule broken.
     */
    static TraceImport.Limits checkHeader(final String profile, final Map<String, String> config)
    {
        final boolean known = DcProfiles.isProfile(profile);
        final String runProfile = config.get("run.profile");
        if (runProfile != null && !known)
        {
            throw new IllegalArgumentException("'profile' \"" + profile + "\" is not a known profile (known: "
                + String.join(", ", DcProfiles.names()) + "), and the configuration is a spikeprune run's (it has "
                + "run.profile)");
        }
        if (runProfile != null && !runProfile.equals(profile))
        {
            throw new IllegalArgumentException("'profile' \"" + profile + "\" differs from the configuration's "
                + "run.profile=" + runProfile);
        }
        final TraceImport.Limits limits = TraceImport.configLimits(config);
        if (!known)
        {
            return limits;
        }
        // the network numbers its neurons after its inputs: the excitatory ones, then as many inhibitory ones
        final int outputIds = limits.neurons() == 0 ? 0 : DcNetwork.INPUTS + 2 * limits.neurons();
        return limits.or(new TraceImport.Limits(DcNetwork.INPUTS, 0, outputIds, 0, 0));
    }

    /** UTF-8 lines, through gzip when the data starts with its magic number. */
    private static BufferedReader reader(final InputStream raw) throws IOException
    {
        final BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        b.mark(2);
        final int m0 = b.read();
        final int m1 = b.read();
        b.reset();
        final InputStream data = m0 == 0x1f && m1 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
        return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }
}
