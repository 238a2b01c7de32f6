package org.spikeprune.cli.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.spikeprune.traces.TickWorkDescriptor;
import org.spikeprune.traces.TraceEnd;
import org.spikeprune.traces.TraceException;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRecordKind;
import org.spikeprune.traces.TraceSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikeprune trace inspect DIR}: header, completeness, counts per event kind, ticks, images, bytes. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
        "Read a whole trace, check every record, and print its header, whether it is complete, the records and "
            + "events per kind, ticks, image presentations and bytes.",
        "An incomplete trace (recording killed or still running) is reported, not rejected; a damaged, "
            + "truncated or other-version trace is an error (exit code 2). The tick-work file beside the queue is "
            + "read whole too (every block's CRC): one without its end block is reported, a damaged one is an "
            + "error after the summary (exit code 2).",
    })
public final class TraceInspectCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The trace directory.")
    Path dir;

    @Option(names = "--config", description = "Print only the recorded configuration text.")
    boolean config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        TraceCommand.quietQueueLogging();
        final TraceSummary summary;
        try
        {
            summary = TraceSummary.of(dir);
        }
        catch (final TraceException ex)
        {
            throw new TraceInputException(ex);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (config)
        {
            if (summary.header() == null)
            {
                throw new TraceInputException("trace " + dir + ": holds no header, so no configuration", null);
            }
            out.print(summary.header().configText());
            out.flush();
            return 0;
        }
        print(out, summary);
        out.flush();
        final TraceSummary.TickWork work = summary.tickWork();
        if (work != null && work.state() == TraceSummary.TickWorkState.DAMAGED)
        {
            throw new TraceInputException("trace " + dir + ": " + TickWorkDescriptor.FILE_NAME + " is damaged: "
                + work.problem(), null);
        }
        return 0;
    }

    static void print(final PrintWriter out, final TraceSummary s)
    {
        line(out, "trace", s.directory().toString());
        line(out, "complete", s.completeness());
        final TraceHeader h = s.header();
        if (h != null)
        {
            line(out, "format", "version " + h.formatVersion());
            line(out, "profile", h.profile());
            line(out, "seed", Long.toString(h.seed()));
            line(out, "config", "sha256 " + h.configDigest() + ", " + h.configText().length()
                + " characters (print it with --config)");
            line(out, "created", h.createdAt() + " by " + h.creator() + " on Java " + h.javaVersion());
        }
        final TraceEnd end = s.end();
        if (end != null && !end.runDigest().isEmpty())
        {
            line(out, "run digest", end.runDigest());
        }
        line(out, "ticks", s.firstTick() < 0 ? "none"
            : s.clockRestarts() == 0 ? s.firstTick() + " .. " + s.lastTick()
            : s.firstTick() + " .. " + s.maxTick() + " in " + (s.clockRestarts() + 1)
                + " passes, each starting its own clock at tick 0; the last record at tick "
                + s.lastTick());
        line(out, "images", s.presentations() + " presentations (" + s.learningPresentations() + " learning, "
            + (s.presentations() - s.learningPresentations()) + " inference), " + s.distinctImages()
            + " distinct images");
        line(out, "records", s.eventRecords() + " event records, " + s.events() + " events");
        out.printf(Locale.ROOT, "  %-16s %14s %16s%n", "kind", "records", "events");
        for (final TraceRecordKind kind : TraceRecordKind.values())
        {
            if (kind.isEvent())
            {
                out.printf(Locale.ROOT, "  %-16s %14d %16d%n", kind.name(), s.records(kind), s.events(kind));
            }
        }
        line(out, "bytes", s.recordBytes() + " written in records; " + s.queueFiles() + " queue file(s) of "
            + s.fileBytes() + " bytes apparent size (preallocated, sparse)");
        line(out, "bytes/event", String.format(Locale.ROOT, "%.2f", s.bytesPerEvent()));
        final TraceSummary.TickWork work = s.tickWork();
        if (work != null)
        {
            final String name = TickWorkDescriptor.FILE_NAME + ", " + work.bytes() + " bytes";
            line(out, "tick-work", switch (work.state())
            {
                case WHOLE -> name + ": the unit actions in compact form, which replay --hw reads; intact";
                case INCOMPLETE -> name + ", incomplete: " + work.problem();
                case DAMAGED -> name + ", DAMAGED: " + work.problem();
            });
        }
    }

    private static void line(final PrintWriter out, final String name, final String value)
    {
        out.printf(Locale.ROOT, "%-12s %s%n", name, value);
    }
}
