package org.spikeprune.traces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes the records of a trace as text: CSV (one row per event, so one row per spike id) or JSON Lines (one
 * object per record, spike ids as an array, with the header first and the END record last when they exist).
 *
 * <p>CSV columns, empty where a column does not apply to the row's kind:
 * {@value #CSV_COLUMNS}.
 */
public final class TraceExport
{
    /** The CSV header row. */
    public static final String CSV_COLUMNS = "record,kind,tick,presentation,id,image,label,learning,repeat,spikes,"
        + "core,spikes_in,synaptic_ops,neuron_updates,stdp_updates,decrements,spikes_out,evaluations,pruned,groups,"
        + "pre,post,weight";

    /** Output formats. */
    public enum Format
    {
        /** Comma-separated values with a header row. */
        CSV,
        /** One JSON object per line. */
        JSONL;

        /**
         * The format with a name, in any case.
         *
         * @param name "csv" or "jsonl".
         * @return the format.
         * @throws IllegalArgumentException naming the accepted values.
         */
        public static Format parse(final String name)
        {
            for (final Format f : values())
            {
                if (f.name().equalsIgnoreCase(name))
                {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be csv or jsonl, got '" + name + "'");
        }
    }

    private final TraceReader reader;
    private final TraceRange range;
    private final Format format;
    private final Appendable out;
    private final StringBuilder line = new StringBuilder(256);
    private long presentation = -1;
    private long rows;

    private TraceExport(final TraceReader reader, final TraceRange range, final Format format, final Appendable out)
    {
        this.reader = reader;
        this.range = range;
        this.format = format;
        this.out = out;
    }

    /**
     * Exports the remaining records of a reader.
     *
     * @param reader an open reader, before its first event record.
     * @param range  which records to write.
     * @param format CSV or JSONL.
     * @param out    where the text goes.
     * @return the number of rows (CSV) or lines (JSONL) written, header row or line included.
     * @throws TraceFormatException when the trace is damaged.
     * @throws UncheckedIOException when writing fails.
     */
    public static long write(
        final TraceReader reader, final TraceRange range, final Format format, final Appendable out)
    {
        return new TraceExport(reader, range, format, out).run();
    }

    private long run()
    {
        if (format == Format.CSV)
        {
            emit(CSV_COLUMNS);
        }
        else
        {
            header();
        }
        boolean past = false;
        while (reader.next())
        {
            final long tick = reader.tick();
            if (reader.kind() == TraceRecordKind.IMAGE_START)
            {
                presentation++;
            }
            // spike records of later ticks may come before the core ticks of earlier ones, never after an image
            // or prune record: only those tell that the range is over
            if (!reader.kind().isSpikes() && reader.kind() != TraceRecordKind.CORE_TICK
                && range.isPast(tick, presentation))
            {
                past = true;
                break;
            }
            if (range.contains(tick, presentation))
            {
                if (format == Format.CSV)
                {
                    csv();
                }
                else
                {
                    json();
                }
            }
        }
        if (!past && format == Format.JSONL && reader.end() != null)
        {
            end(reader.end());
        }
        return rows;
    }

    private void csv()
    {
        final TraceRecordKind kind = reader.kind();
        if (kind.isSpikes())
        {
            final int n = reader.spikeCount();
            for (int i = 0; i < n; i++)
            {
                final StringBuilder b = start();
                b.append(reader.spikeId(i));
                emit(b.append(",,,,,,,,,,,,,,,,,,"));
            }
            return;
        }
        final StringBuilder b = start();
        b.append(',');
        switch (kind)
        {
            case IMAGE_START:
                b.append(reader.image()).append(',').append(reader.label()).append(',').append(reader.learning())
                    .append(',').append(reader.repeat()).append(",,,,,,,,,,,,,,");
                break;
            case IMAGE_END:
                b.append(reader.image()).append(",,,,").append(reader.imageSpikes()).append(",,,,,,,,,,,,,");
                break;
            case CORE_TICK:
                b.append(",,,,,").append(reader.core()).append(',').append(reader.spikesIn()).append(',')
                    .append(reader.synapticOps()).append(',').append(reader.neuronUpdates()).append(',')
                    .append(reader.stdpUpdates()).append(',').append(reader.decrements()).append(',')
                    .append(reader.spikesOut()).append(",,,,,,");
                break;
            case PRUNE:
                b.append(",,,,,,,,,,,,").append(reader.evaluations()).append(',').append(reader.pruned()).append(',')
                    .append(reader.groups()).append(",,,");
                break;
            case PRUNE_DECISION:
                b.append(",,,,,").append(reader.core()).append(",,,,,,,,,,").append(reader.pre()).append(',')
                    .append(reader.post()).append(',').append(reader.weight());
                break;
            default:
                throw new IllegalStateException("not an event record: " + kind);
        }
        emit(b);
    }

    /** Starts a CSV row with record, kind, tick, presentation and the trailing comma. */
    private StringBuilder start()
    {
        final StringBuilder b = line;
        b.setLength(0);
        b.append(reader.recordIndex()).append(',').append(reader.kind().name()).append(',').append(reader.tick())
            .append(',');
        if (presentation >= 0)
        {
            b.append(presentation);
        }
        return b.append(',');
    }

    private void json()
    {
        final StringBuilder b = line;
        b.setLength(0);
        final TraceRecordKind kind = reader.kind();
        b.append("{\"record\":").append(reader.recordIndex()).append(",\"kind\":\"").append(kind.name())
            .append("\",\"tick\":").append(reader.tick());
        if (presentation >= 0)
        {
            b.append(",\"presentation\":").append(presentation);
        }
        switch (kind)
        {
            case INPUT_SPIKES:
            case OUTPUT_SPIKES:
                b.append(",\"ids\":[");
                final int n = reader.spikeCount();
                for (int i = 0; i < n; i++)
                {
                    if (i > 0)
                    {
                        b.append(',');
                    }
                    b.append(reader.spikeId(i));
                }
                b.append(']');
                break;
            case IMAGE_START:
                b.append(",\"image\":").append(reader.image()).append(",\"label\":").append(reader.label())
                    .append(",\"learning\":").append(reader.learning()).append(",\"repeat\":").append(reader.repeat());
                break;
            case IMAGE_END:
                b.append(",\"image\":").append(reader.image()).append(",\"spikes\":").append(reader.imageSpikes());
                break;
            case CORE_TICK:
                b.append(",\"core\":").append(reader.core()).append(",\"spikes_in\":").append(reader.spikesIn())
                    .append(",\"synaptic_ops\":").append(reader.synapticOps())
                    .append(",\"neuron_updates\":").append(reader.neuronUpdates())
                    .append(",\"stdp_updates\":").append(reader.stdpUpdates())
                    .append(",\"decrements\":").append(reader.decrements())
                    .append(",\"spikes_out\":").append(reader.spikesOut());
                break;
            case PRUNE:
                b.append(",\"evaluations\":").append(reader.evaluations()).append(",\"pruned\":")
                    .append(reader.pruned()).append(",\"groups\":").append(reader.groups());
                break;
            case PRUNE_DECISION:
                b.append(",\"core\":").append(reader.core()).append(",\"pre\":").append(reader.pre())
                    .append(",\"post\":").append(reader.post()).append(",\"weight\":");
                jsonNumber(b, reader.weight());
                break;
            default:
                throw new IllegalStateException("not an event record: " + kind);
        }
        emit(b.append('}'));
    }

    private void header()
    {
        final TraceHeader h = reader.header();
        final StringBuilder b = line;
        b.setLength(0);
        b.append("{\"record\":0,\"kind\":\"HEADER\",\"format_version\":").append(h.formatVersion())
            .append(",\"profile\":");
        jsonString(b, h.profile());
        b.append(",\"seed\":").append(h.seed()).append(",\"config_digest\":");
        jsonString(b, h.configDigest());
        b.append(",\"creator\":");
        jsonString(b, h.creator());
        b.append(",\"java\":");
        jsonString(b, h.javaVersion());
        b.append(",\"created\":");
        jsonString(b, h.createdAt().toString());
        b.append(",\"config\":");
        jsonString(b, h.configText());
        emit(b.append('}'));
    }

    private void end(final TraceEnd e)
    {
        final StringBuilder b = line;
        b.setLength(0);
        b.append("{\"record\":").append(reader.recordIndex()).append(",\"kind\":\"END\",\"tick\":")
            .append(e.lastTick()).append(",\"status\":\"").append(e.status().name())
            .append("\",\"event_records\":").append(e.eventRecords()).append(",\"input_spikes\":")
            .append(e.inputSpikes()).append(",\"output_spikes\":").append(e.outputSpikes())
            .append(",\"run_digest\":");
        jsonString(b, e.runDigest());
        emit(b.append('}'));
    }

    private static void jsonNumber(final StringBuilder b, final float v)
    {
        if (Float.isFinite(v))
        {
            b.append(v);
        }
        else
        {
            b.append("null");
        }
    }

    static void jsonString(final StringBuilder b, final String s)
    {
        b.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }

    private void emit(final CharSequence text)
    {
        try
        {
            out.append(text).append('\n');
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        rows++;
    }
}
