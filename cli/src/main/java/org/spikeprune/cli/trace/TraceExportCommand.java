package org.spikeprune.cli.trace;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.UsageException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.traces.TraceException;
import org.spikeprune.traces.TraceExport;
import org.spikeprune.traces.TraceRange;
import org.spikeprune.traces.TraceReader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikeprune trace export DIR --format csv|jsonl}: the records of a trace as text. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
        "Write the records of a trace as CSV (one row per event, so one per spike id), JSON Lines (one object "
            + "per record; the header first and the END record last; 'trace import' reads them back) or NumPy "
            + "arrays (input_spikes.npy and output_spikes.npy as (tick, id) rows, core_ticks.npy, "
            + "presentations.npy, prune_passes.npy, prune_decisions.npy).",
        "Select ticks with --from/--to, or image presentations with --from-image/--to-image (numbered 0, 1, ... "
            + "in trace order, as counted by 'trace inspect').",
    })
public final class TraceExportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The trace directory.")
    Path dir;

    @Option(names = "--format", paramLabel = "csv|jsonl|npy", defaultValue = "csv",
        description = "Output format (default: ${DEFAULT-VALUE}); npy writes a folder (--out) of NumPy arrays, one "
            + "per kind of event, with manifest.json naming their columns.")
    String format;

    @Option(names = "--from", paramLabel = "TICK", description = "First tick to export.")
    Long fromTick;

    @Option(names = "--to", paramLabel = "TICK", description = "Last tick to export.")
    Long toTick;

    @Option(names = "--from-image", paramLabel = "N", description = "First image presentation to export.")
    Long fromImage;

    @Option(names = "--to-image", paramLabel = "N", description = "Last image presentation to export.")
    Long toImage;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        TraceCommand.quietQueueLogging();
        if ("npy".equalsIgnoreCase(format))
        {
            return npy();
        }
        final TraceExport.Format f;
        final TraceRange range;
        try
        {
            f = TraceExport.Format.parse(format);
            range = range();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--format/--from/--to/--from-image/--to-image: " + ex.getMessage());
        }
        try (TraceReader reader = TraceReader.open(dir))
        {
            if (out == null)
            {
                final PrintWriter w = spec.commandLine().getOut();
                TraceExport.write(reader, range, f, w);
                w.flush();
            }
            else
            {
                SafeFiles.write(out, o ->
                {
                    final Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
                    TraceExport.write(reader, range, f, w);
                    w.flush();
                });
            }
            if (reader.isFinished() && !reader.isComplete())
            {
                final PrintWriter err = spec.commandLine().getErr();
                err.println("spikeprune: note: trace " + dir + " is incomplete ("
                    + (reader.end() == null ? "no END record" : reader.end().status().description())
                    + "); exported what it holds");
                err.flush();
            }
        }
        catch (final TraceException ex)
        {
            throw new TraceInputException(ex);
        }
        catch (final UncheckedIOException ex)
        {
            throw new TraceInputException("export to " + (out == null ? "standard output" : out.toString())
                + " failed: " + (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()), ex);
        }
        return 0;
    }

    private Integer npy()
    {
        if (out == null)
        {
            throw new UsageException("--format npy writes a folder of .npy files: give it with --out DIR");
        }
        if (Files.isRegularFile(out))
        {
            throw new UsageException("--format npy writes a folder of .npy files, and " + out + " is a file");
        }
        final TraceRange range;
        try
        {
            range = range();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--from/--to/--from-image/--to-image: " + ex.getMessage());
        }
        try (TraceReader reader = TraceReader.open(dir))
        {
            final Map<String, Long> rows = TraceNpyExport.write(reader, range, out);
            final PrintWriter w = spec.commandLine().getOut();
            w.println("exported " + dir + " into " + out + " (with manifest.json and config.txt):");
            for (final Map.Entry<String, Long> e : rows.entrySet())
            {
                w.printf(Locale.ROOT, "  %-22s %,d rows%n", e.getKey(), e.getValue());
            }
            w.flush();
        }
        catch (final TraceException ex)
        {
            throw new TraceInputException(ex);
        }
        return 0;
    }

    private TraceRange range()
    {
        final boolean ticks = fromTick != null || toTick != null;
        final boolean images = fromImage != null || toImage != null;
        if (ticks && images)
        {
            throw new IllegalArgumentException(
                "choose ticks (--from/--to) or image presentations (--from-image/--to-image), not both");
        }
        if (ticks)
        {
            return TraceRange.ticks(fromTick == null ? 0 : fromTick, toTick == null ? Long.MAX_VALUE : toTick);
        }
        if (images)
        {
            return TraceRange.presentations(
                fromImage == null ? 0 : fromImage, toImage == null ? Long.MAX_VALUE : toImage);
        }
        return TraceRange.all();
    }
}
