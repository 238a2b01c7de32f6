package org.spikeprune.cli.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.spikeprune.cli.UsageException;
import org.spikeprune.traces.TraceDiff;
import org.spikeprune.traces.TraceException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikeprune trace diff A B}: where two traces first differ, stream by stream. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
        "Compare two traces event by event: the input spikes, the output spikes, the core ticks, and the image and "
            + "prune events, each stream in order, and print where each first differs (the tick and both events). "
            + "Also lists the configuration keys that differ and both run digests.",
        "Exit code 0 when every compared stream is the same, 1 when one differs, 2 when a trace cannot be read.",
    })
public final class TraceDiffCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "A", description = "The first trace directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second trace directory.")
    Path b;

    @Option(names = "--streams", paramLabel = "LIST", split = ",", defaultValue = "input,output,cores,events",
        description = "The streams to compare: input, output, cores, events (default: all). Two runs on different "
            + "core counts differ in their core ticks by construction: compare input,output,events.")
    List<String> streams;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        TraceCommand.quietQueueLogging();
        final Set<TraceDiff.Stream> chosen = EnumSet.noneOf(TraceDiff.Stream.class);
        try
        {
            for (final String name : streams)
            {
                chosen.add(TraceDiff.Stream.named(name));
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--streams: " + ex.getMessage());
        }
        if (chosen.isEmpty())
        {
            throw new UsageException("--streams: no stream named (input, output, cores, events)");
        }
        final TraceDiff.Result r;
        try
        {
            r = TraceDiff.compare(a, b, chosen);
        }
        catch (final TraceException ex)
        {
            throw new TraceInputException(ex);
        }
        final PrintWriter o = spec.commandLine().getOut();
        o.println("A  " + a + "  (" + state(r.completeA(), r.digestA()) + ")");
        o.println("B  " + b + "  (" + state(r.completeB(), r.digestB()) + ")");
        if (r.headerDifferences().isEmpty())
        {
            o.println("configuration: the same (profile, seed and every key)");
        }
        else
        {
            o.println("configuration: " + r.headerDifferences().size() + " difference"
                + (r.headerDifferences().size() == 1 ? "" : "s") + " (A | B):");
            for (final String d : r.headerDifferences())
            {
                o.println("  " + d);
            }
        }
        o.printf(Locale.ROOT, "%-24s %14s %14s %14s %14s  %s%n", "stream", "events in A", "events in B",
            "spikes in A", "spikes in B", "");
        for (final TraceDiff.StreamDiff d : r.streams())
        {
            final boolean spikes = d.stream() == TraceDiff.Stream.INPUT_SPIKES
                || d.stream() == TraceDiff.Stream.OUTPUT_SPIKES;
            o.printf(Locale.ROOT, "%-24s %,14d %,14d %14s %14s  %s%n", d.stream().label(), d.eventsA(), d.eventsB(),
                spikes ? String.format(Locale.ROOT, "%,d", d.spikesA()) : "", spikes ? String.format(Locale.ROOT,
                    "%,d", d.spikesB()) : "", d.same() ? "same" : "differ from event " + d.firstIndex() + " on:");
            if (!d.same())
            {
                o.println("    A: " + d.a());
                o.println("    B: " + d.b());
            }
        }
        final boolean digestsDiffer = !r.digestA().equals(r.digestB());
        o.println(r.sameEvents()
            ? "the same events" + (digestsDiffer ? " (the run digests differ)" : "")
            : "the traces differ");
        o.flush();
        return r.sameEvents() ? 0 : 1;
    }

    private static String state(final boolean complete, final String digest)
    {
        return (complete ? "complete" : "incomplete") + ", "
            + (digest.isEmpty() ? "no run digest" : "run digest " + digest.substring(0, Math.min(16, digest.length())));
    }
}
