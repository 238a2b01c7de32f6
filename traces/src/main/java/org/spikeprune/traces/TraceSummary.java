package org.spikeprune.traces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code trace inspect} reports: header fields, completeness, counts per event kind, ticks, images and
 * bytes. Built by reading the whole trace with every check of {@link TraceReader}.
 *
 * <p>An incomplete trace (killed recording, or one still being written) is summarised, not rejected; a trace
 * whose queue exists but holds no record yet has a null {@link #header()}.
 */
public final class TraceSummary
{
    private final Path dir;
    private final TraceHeader header;
    private final TraceEnd end;
    private final Map<TraceRecordKind, Long> records;
    private final long eventRecords;
    private final long inputSpikes;
    private final long outputSpikes;
    private final long firstTick;
    private final long lastTick;
    private final long maxTick;
    private final long coreTicks;
    private final long inputBatches;
    private final long outputBatches;
    private final long clockRestarts;
    private final long presentations;
    private final long learningPresentations;
    private final int distinctImages;
    private final long recordBytes;
    private final long documents;
    private final int queueFiles;
    private final long fileBytes;
    private final TickWork tickWork;

    /**
     * The state of a trace's tick-work file ({@link TickWorkDescriptor#FILE_NAME}), which {@code replay --hw} reads
     * instead of the queue.
     *
     * @param bytes   the file's size.
     * @param state   whether it was read whole (every block's CRC checked, up to its end block), stops without
     *                its end block, or is damaged.
     * @param problem null when it is whole; else why it is incomplete or damaged, one sentence.
     */
    public record TickWork(long bytes, TickWorkState state, String problem)
    {
    }

    /** What reading a tick-work file whole found. */
    public enum TickWorkState
    {
        /** Every block read and checked, up to the end block. */
        WHOLE,
        /** The blocks stop without an end block (a killed recording): replay --hw reads the queue instead. */
        INCOMPLETE,
        /** A block is damaged, or the file does not hold what the queue holds. */
        DAMAGED
    }

    private TraceSummary(
        final Path dir, final TraceReader reader, final Scan scan, final QueueFiles files, final TickWork tickWork)
    {
        this.tickWork = tickWork;
        this.dir = dir;
        this.header = reader.header();
        this.end = reader.end();
        final Map<TraceRecordKind, Long> counts = new EnumMap<>(TraceRecordKind.class);
        for (final TraceRecordKind k : TraceRecordKind.values())
        {
            if (k.isEvent())
            {
                counts.put(k, reader.eventRecords(k));
            }
        }
        this.records = counts;
        this.eventRecords = reader.eventRecords();
        this.inputSpikes = reader.inputSpikes();
        this.outputSpikes = reader.outputSpikes();
        this.coreTicks = reader.coreTicks();
        this.inputBatches = reader.spikeBatches(TraceRecordKind.INPUT_SPIKES);
        this.outputBatches = reader.spikeBatches(TraceRecordKind.OUTPUT_SPIKES);
        this.firstTick = scan.firstTick;
        this.lastTick = scan.lastTick;
        this.maxTick = scan.maxTick;
        this.clockRestarts = scan.clockRestarts;
        this.presentations = scan.presentations;
        this.learningPresentations = scan.learningPresentations;
        this.distinctImages = scan.images.cardinality();
        this.recordBytes = reader.recordBytes();
        this.documents = reader.documents();
        this.queueFiles = files.count;
        this.fileBytes = files.bytes;
    }

    /**
     * Reads a whole trace and summarises it.
     *
     * @param dir the trace directory.
     * @return the summary.
     * @throws TraceFormatException when the trace is not readable (not a trace, another version, truncated,
     *                              damaged); an incomplete trace is not an error.
     */
    public static TraceSummary of(final Path dir)
    {
        try (TraceReader reader = TraceReader.open(dir, true))
        {
            final Scan scan = new Scan();
            while (reader.next())
            {
                scan.onRecord(reader);
            }
            return new TraceSummary(dir, reader, scan, QueueFiles.of(dir), checkTickWork(dir, reader));
        }
    }

    /**
     * Reads the tick-work file whole, if there is one: every block's CRC, the end block's totals, and its core ticks
     * against the queue's.
     */
    private static TickWork checkTickWork(final Path dir, final TraceReader queue)
    {
        if (!TickWorkReader.exists(dir))
        {
            return null;
        }
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final long bytes = file.toFile().length();
        try (TickWorkReader work = TickWorkReader.open(dir))
        {
            final long coreTicks = work.read(new TraceSink()
            {
                @Override
                public void onTicks(final long tick, final int repeat, final int shape, final int cores,
                    final long[] vectors)
                {
                    // counted by the reader
                }

                @Override
                public boolean onTickSequence(final long tick, final int count, final int[] shapes)
                {
                    return true;
                }
            });
            if (!work.hasEnd() && queue.end() != null)
            {
                return new TickWork(bytes, TickWorkState.DAMAGED, "it stops at byte " + work.bytes() + " without its "
                    + "end block, though the queue's recording ended: the file was cut short; delete it and replay "
                    + "--hw reads the queue");
            }
            if (!work.hasEnd())
            {
                return new TickWork(bytes, TickWorkState.INCOMPLETE, "it has no end block (the recording did not "
                    + "finish), so replay --hw reads the queue instead");
            }
            if (queue.end() != null && coreTicks != queue.coreTicks())
            {
                return new TickWork(bytes, TickWorkState.DAMAGED, "it counts " + coreTicks + " core ticks, the "
                    + "queue " + queue.coreTicks() + "; delete it and replay --hw reads the queue");
            }
            return new TickWork(bytes, TickWorkState.WHOLE, null);
        }
        catch (final TraceFormatException ex)
        {
            final String m = ex.getMessage();
            final String prefix = "trace " + dir + ": " + TickWorkDescriptor.FILE_NAME + " ";
            return new TickWork(bytes, TickWorkState.DAMAGED, (m.startsWith(prefix) ? m.substring(prefix.length()) : m)
                + "; delete it and replay --hw reads the queue");
        }
    }

    /** The tick-work file's state, or null when the trace has none. */
    public TickWork tickWork()
    {
        return tickWork;
    }

    /** The trace directory. */
    public Path directory()
    {
        return dir;
    }

    /** The header, or null when the recording stopped before writing it. */
    public TraceHeader header()
    {
        return header;
    }

    /** The END record, or null when there is none (incomplete trace). */
    public TraceEnd end()
    {
        return end;
    }

    /** True when the END record says the run completed. */
    public boolean complete()
    {
        return end != null && end.status() == TraceStatus.COMPLETE;
    }

    /** One line on completeness, e.g. "yes" or "no: no END record (…)". */
    public String completeness()
    {
        if (header == null)
        {
            return "no: the queue holds no record (the recording stopped before it wrote its header)";
        }
        if (end == null)
        {
            return "no: no END record (the recording was killed or is still running); every record up to "
                + "the last one listed is intact";
        }
        return end.status() == TraceStatus.COMPLETE ? "yes" : "no: " + end.status().description();
    }

    /** Records of each event kind. */
    public Map<TraceRecordKind, Long> records()
    {
        return new EnumMap<>(records);
    }

    /** Records of one event kind. */
    public long records(final TraceRecordKind kind)
    {
        return records.getOrDefault(kind, 0L);
    }

    /**
     * Events of one kind: spike ids for the spike kinds, core ticks for CORE_TICK, records for the others.
     *
     * @param kind an event kind.
     * @return the number of events.
     */
    public long events(final TraceRecordKind kind)
    {
        switch (kind)
        {
            case INPUT_SPIKES:
                return inputSpikes;
            case OUTPUT_SPIKES:
                return outputSpikes;
            case CORE_TICK:
                return coreTicks;
            default:
                return records(kind);
        }
    }

    /**
     * Spike batches of a spike kind: the ticks with spikes, as a reader delivers them (a tick whose ids filled more
     * than one record counts once per record).
     *
     * @param kind INPUT_SPIKES or OUTPUT_SPIKES.
     * @return the number of batches.
     */
    public long spikeBatches(final TraceRecordKind kind)
    {
        if (!kind.isSpikes())
        {
            throw new IllegalArgumentException("not a spike kind: " + kind);
        }
        return kind == TraceRecordKind.INPUT_SPIKES ? inputBatches : outputBatches;
    }

    /** All events: spike ids, core ticks and the records of the other event kinds. */
    public long events()
    {
        return eventRecords - records(TraceRecordKind.INPUT_SPIKES) - records(TraceRecordKind.OUTPUT_SPIKES)
            - records(TraceRecordKind.CORE_TICK) + inputSpikes + outputSpikes + coreTicks;
    }

    /** Event records (header and END excluded). */
    public long eventRecords()
    {
        return eventRecords;
    }

    /** First tick of an event record, or -1 when there is none. */
    public long firstTick()
    {
        return firstTick;
    }

    /** Last tick of an event record, or -1 when there is none. */
    public long lastTick()
    {
        return lastTick;
    }

    /** Highest tick of an event record, or -1 when there is none. */
    public long maxTick()
    {
        return maxTick;
    }

    /**
     * Times a presentation starts at an earlier tick than the one before it: a run whose passes (training, label
     * assignment, test) each start their own clock at tick 0.
     */
    public long clockRestarts()
    {
        return clockRestarts;
    }

    /** Image presentations (IMAGE_START records). */
    public long presentations()
    {
        return presentations;
    }

    /** Presentations during which the network learned. */
    public long learningPresentations()
    {
        return learningPresentations;
    }

    /** Distinct image indices presented. */
    public int distinctImages()
    {
        return distinctImages;
    }

    /** Bytes of all records (header and END included) plus the 4-byte queue header of each document. */
    public long recordBytes()
    {
        return recordBytes;
    }

    /** Queue documents: blocks of records, plus the header's and the END record's. */
    public long documents()
    {
        return documents;
    }

    /** Record bytes per event (see {@link #events()}); 0 when there is no event. */
    public double bytesPerEvent()
    {
        final long e = events();
        return e == 0 ? 0 : (double)recordBytes / e;
    }

    /** Number of queue data files. */
    public int queueFiles()
    {
        return queueFiles;
    }

    /**
     * Apparent size of the queue files and metadata. Queue files are preallocated sparsely, so this is an upper
     * bound of the space they use; {@link #recordBytes()} is what was written.
     *
     * @return bytes.
     */
    public long fileBytes()
    {
        return fileBytes;
    }

    private static final class Scan
    {
        long firstTick = -1;
        long lastTick = -1;
        long maxTick = -1;
        long clockRestarts;
        long lastStartTick = Long.MIN_VALUE;
        long presentations;
        long learningPresentations;
        final BitSet images = new BitSet();

        void onRecord(final TraceReader reader)
        {
            final long tick = reader.tick();
            if (firstTick < 0)
            {
                firstTick = tick;
            }
            lastTick = tick;
            maxTick = Math.max(maxTick, tick);
            if (reader.kind() == TraceRecordKind.IMAGE_START)
            {
                if (tick < lastStartTick)
                {
                    clockRestarts++;
                }
                lastStartTick = tick;
                presentations++;
                if (reader.learning())
                {
                    learningPresentations++;
                }
                if (reader.image() >= 0)
                {
                    images.set(reader.image());
                }
            }
        }
    }

    private static final class QueueFiles
    {
        int count;
        long bytes;

        static QueueFiles of(final Path dir)
        {
            final QueueFiles f = new QueueFiles();
            try
            {
                final List<Path> files = TraceQueues.queueFiles(dir);
                f.count = files.size();
                for (final Path p : files)
                {
                    f.bytes += Files.size(p);
                }
                final Path metadata = dir.resolve(TraceQueues.METADATA_FILE);
                if (Files.exists(metadata))
                {
                    f.bytes += Files.size(metadata);
                }
            }
            catch (final IOException ex)
            {
                throw new TraceException("trace " + dir + ": cannot list its files: " + ex.getMessage(), ex);
            }
            return f;
        }
    }
}
