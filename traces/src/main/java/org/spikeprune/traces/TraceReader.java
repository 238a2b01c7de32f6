package org.spikeprune.traces;

import static org.spikeprune.traces.TraceRecordDescriptor.BODY_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKSUM_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_COUNT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_LAST_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_ROWS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_ROWS_START;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_CORE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_POST_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_PRE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_WEIGHT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.EVENT_KIND_COUNT;
import static org.spikeprune.traces.TraceRecordDescriptor.FIRST_EVENT_CODE;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAGS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAG_LEARNING;
import static org.spikeprune.traces.TraceRecordDescriptor.GROUP_COUNT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.GROUP_TICK_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_MAGIC_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_STABLE_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_VERSION_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_IMAGE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_SPIKES_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_IMAGE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_LABEL_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_REPEAT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.KIND_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.LENGTH_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.MAGIC;
import static org.spikeprune.traces.TraceRecordDescriptor.MAX_CORE_TICK_ROWS;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_EVALUATIONS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_GROUPS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_PRUNED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.RECORD_INDEX_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_CORE;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_DECREMENTS;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_FIELDS;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_NEURON_UPDATES;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_SPIKES_IN;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_SPIKES_OUT;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_STDP_UPDATES;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_SYNAPTIC_OPS;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_TICK;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_TICKS;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_COUNT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_GROUPS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_GROUPS_START;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_GROUP_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.TICK_OFFSET;

import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a trace, checking it as it goes: the header (magic, checksum, format version, configuration digest),
 * then every record's checksum, index, kind and length, and at the end the END record's totals against what
 * was read.
 *
 * <p>Two ways to read. Pull: {@link #next()} moves to the next event record, whose fields the accessors
 * ({@link #kind()}, {@link #tick()}, {@link #spikeId(int)}, {@link #synapticOps()}, …) then return; this is the
 * shape a replay loop wants. Push: {@link #read(TraceSink)} calls a {@link TraceSink} with every remaining
 * record. Neither allocates per record once the id buffer has grown to the largest batch. A CORE_TICK record
 * holds many core ticks; {@code next()} stops at each of them in turn, as if each were a record of its own (same
 * {@link #recordIndex()}), and {@link #tick()} and the core-tick accessors describe the current one.
 *
 * <p>{@code next()} returns false at the END record, or where the recorded data stops without one (a process
 * that was killed, or a recording still running). {@link #isComplete()} then tells which. A reader may be handed
 * from one thread to another (with a happens-before edge between their uses), never used by two at once. A damaged record,
 * a gap in the record indices or a truncated file throws {@link TraceFormatException} naming the record.
 */
public final class TraceReader implements AutoCloseable
{
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private final long[] kindCounts = new long[EVENT_KIND_COUNT];
    private final TraceHeader header;

    private byte[] record = new byte[4096];
    private UnsafeBuffer buffer = new UnsafeBuffer(record);
    private int documentLength;
    private int offset;
    private int nextOffset;
    private int recordLength;
    private long documents;
    private TraceRecordKind kind;
    private long recordIndex;
    private long nextIndex;
    private long lastTick = -1;
    private long eventRecords;
    private long inputSpikes;
    private long outputSpikes;
    private long recordBytes;
    private TraceEnd end;
    private boolean finished;
    private int[] ids = new int[256];
    /** In a CORE_TICK record: its rows decoded, the current row's first int, rows after it, the tick within it. */
    private final int[] rowData = new int[MAX_CORE_TICK_ROWS * ROW_FIELDS];
    private int rowAt;
    private int rowsLeft;
    private int rowTick;
    private long coreTicks;
    /** In a spike record: the current group's offset, groups after it, the offset of its first id. */
    private int groupAt;
    private int groupsLeft;
    private int groupIdsAt;
    private long inputBatches;
    private long outputBatches;

    private TraceReader(final Path dir, final SingleChronicleQueue queue, final boolean allowEmpty)
    {
        this.dir = dir;
        this.queue = queue;
        this.tailer = queue.createTailer();
        // A replay opens the reader on the caller's thread and reads it on the engine's loop thread (SHARED and
        // DEDICATED modes), one thread at a time with the engine's hand-off between them; Chronicle's check that a
        // tailer stays on the thread that first used it would refuse that.
        this.tailer.singleThreadedCheckDisabled(true);
        if (!readDocument())
        {
            if (!allowEmpty)
            {
                throw new TraceFormatException(
                    "trace " + dir + ": holds no header record: the recording stopped before it began");
            }
            header = null;
            finished = true;
            return;
        }
        header = checkHeader();
        nextIndex = 1;
    }

    /**
     * Opens a trace and reads its header.
     *
     * @param dir the trace directory.
     * @return a reader positioned before the first event record.
     * @throws TraceFormatException when the directory is not a trace, is truncated, has another format version
     *                              or a damaged header.
     */
    public static TraceReader open(final Path dir)
    {
        return open(dir, false);
    }

    static TraceReader open(final Path dir, final boolean allowEmpty)
    {
        final SingleChronicleQueue queue = TraceQueues.openForReading(dir);
        try
        {
            return new TraceReader(dir, queue, allowEmpty);
        }
        catch (final TraceFormatException ex)
        {
            queue.close();
            throw ex;
        }
        catch (final Exception | InternalError ex)
        {
            queue.close();
            throw new TraceFormatException("trace " + dir + ": its queue file is damaged: the first records cannot "
                + "be read (" + TraceQueues.reason(ex) + ")", ex);
        }
    }

    /** The trace directory. */
    public Path directory()
    {
        return dir;
    }

    /** The header: format version, profile, seed, configuration text and digest, creation info. */
    public TraceHeader header()
    {
        return header;
    }

    /**
     * Moves to the next event record.
     *
     * @return true if there is one; false at the END record or where the data stops.
     * @throws TraceFormatException when the record is damaged, out of sequence or unreadable.
     */
    public boolean next()
    {
        if (finished)
        {
            return false;
        }
        if (kind == TraceRecordKind.CORE_TICK && nextCoreTick() || groupsLeft > 0 && nextSpikeGroup())
        {
            return true;
        }
        if (nextOffset >= documentLength && !readDocument() && !readHiddenDocument())
        {
            finished = true;
            kind = null;
            return false;
        }
        offset = nextOffset;
        final TraceRecordKind k = checkRecord();
        nextOffset = offset + recordLength;
        recordIndex = nextIndex++;
        if (k == TraceRecordKind.END)
        {
            end = checkEnd();
            finished = true;
            kind = null;
            return false;
        }
        kind = k;
        long tick = buffer.getLong(offset + TICK_OFFSET, BYTE_ORDER);
        if (k == TraceRecordKind.CORE_TICK)
        {
            rowAt = 0;
            rowsLeft = buffer.getInt(offset + CORE_TICK_ROWS_OFFSET, BYTE_ORDER) - 1;
            rowTick = 0;
            coreTicks++;
            tick = TraceAgent.lastCoreTick(buffer, offset);
        }
        else if (k.isSpikes())
        {
            final int groups = buffer.getInt(offset + SPIKE_GROUPS_OFFSET, BYTE_ORDER);
            groupAt = offset + SPIKE_GROUPS_START;
            groupsLeft = groups - 1;
            groupIdsAt = offset + TraceRecordDescriptor.spikeIdsStart(groups);
            tick = TraceAgent.lastSpikeTick(buffer, offset);
            final int ids = buffer.getInt(offset + SPIKE_COUNT_OFFSET, BYTE_ORDER);
            if (k == TraceRecordKind.INPUT_SPIKES)
            {
                inputSpikes += ids;
                inputBatches++;
            }
            else
            {
                outputSpikes += ids;
                outputBatches++;
            }
        }
        eventRecords++;
        kindCounts[k.code() - FIRST_EVENT_CODE]++;
        lastTick = tick;
        return true;
    }

    /** Moves to the next tick group of the current spike record (the caller checked that one is left). */
    private boolean nextSpikeGroup()
    {
        groupIdsAt += 4 * buffer.getInt(groupAt + GROUP_COUNT_OFFSET, BYTE_ORDER);
        groupAt += SPIKE_GROUP_LENGTH;
        groupsLeft--;
        if (kind == TraceRecordKind.INPUT_SPIKES)
        {
            inputBatches++;
        }
        else
        {
            outputBatches++;
        }
        return true;
    }

    /** Moves to the next core tick of the current CORE_TICK record; false when it has none left. */
    private boolean nextCoreTick()
    {
        if (rowTick + 1 < rowData[rowAt + ROW_TICKS])
        {
            rowTick++;
        }
        else if (rowsLeft > 0)
        {
            rowsLeft--;
            rowAt += ROW_FIELDS;
            rowTick = 0;
        }
        else
        {
            return false;
        }
        coreTicks++;
        return true;
    }

    /**
     * Reads every remaining event record into a sink.
     *
     * @param sink receives the records in order.
     * @return the number of records delivered.
     * @throws TraceFormatException when a record is damaged, out of sequence or unreadable.
     */
    public long read(final TraceSink sink)
    {
        long n = 0;
        while (next())
        {
            deliver(sink);
            n++;
        }
        return n;
    }

    /**
     * Hands the current record to a sink.
     *
     * @param sink the sink.
     */
    public void deliver(final TraceSink sink)
    {
        final long tick = tick();
        switch (kind())
        {
            case INPUT_SPIKES:
            {
                final int n = copySpikeIds();
                sink.onInputSpikes(tick, ids, 0, n);
                break;
            }
            case OUTPUT_SPIKES:
            {
                final int n = copySpikeIds();
                sink.onOutputSpikes(tick, ids, 0, n);
                break;
            }
            case IMAGE_START:
                sink.onImageStart(tick, image(), label(), learning(), repeat());
                break;
            case IMAGE_END:
                sink.onImageEnd(tick, image(), imageSpikes());
                break;
            case CORE_TICK:
                sink.onCoreTick(
                    tick, core(), spikesIn(), synapticOps(), neuronUpdates(), stdpUpdates(), decrements(), spikesOut());
                break;
            case PRUNE:
                sink.onPrune(tick, evaluations(), pruned(), groups());
                break;
            case PRUNE_DECISION:
                sink.onPruneDecision(tick, core(), pre(), post(), weight());
                break;
            default:
                throw new IllegalStateException("not an event record: " + kind);
        }
    }

    /** True once the END record has been read and says the run completed. */
    public boolean isComplete()
    {
        return end != null && end.status() == TraceStatus.COMPLETE;
    }

    /** True once reading has reached the END record or the end of the data. */
    public boolean isFinished()
    {
        return finished;
    }

    /** The END record, or null if it has not been reached or does not exist. */
    public TraceEnd end()
    {
        return end;
    }

    /** Event records read so far. */
    public long eventRecords()
    {
        return eventRecords;
    }

    /** Records of one event kind read so far. */
    public long eventRecords(final TraceRecordKind k)
    {
        return kindCounts[k.code() - FIRST_EVENT_CODE];
    }

    /** Input spike ids read so far. */
    public long inputSpikes()
    {
        return inputSpikes;
    }

    /** Output spike ids read so far. */
    public long outputSpikes()
    {
        return outputSpikes;
    }

    /** Queue documents (blocks of records) read so far, the header's and the END record's included. */
    public long documents()
    {
        return documents;
    }

    /** Bytes of the documents read so far (their records, header and END included), each with its 4-byte queue
     * header. */
    public long recordBytes()
    {
        return recordBytes;
    }

    /** Kind of the current record. */
    public TraceRecordKind kind()
    {
        if (kind == null)
        {
            throw new IllegalStateException("no current record: call next() first");
        }
        return kind;
    }

    /** Index of the current record (the header is record 0). */
    public long recordIndex()
    {
        return recordIndex;
    }

    /** Tick of the current record (of the current core tick or spike batch in a record that holds many). */
    public long tick()
    {
        final long t = buffer.getLong(offset + TICK_OFFSET, BYTE_ORDER);
        if (kind == TraceRecordKind.CORE_TICK)
        {
            return t + rowData[rowAt + ROW_TICK] + rowTick;
        }
        return kind != null && kind.isSpikes() ? t + buffer.getInt(groupAt + GROUP_TICK_OFFSET, BYTE_ORDER) : t;
    }

    /**
     * Spike batches of one kind read so far: a spike record holds the batches of many ticks (one per tick, or two
     * when a tick's ids spill over into the next record); {@code next()} stops at each.
     *
     * @param k INPUT_SPIKES or OUTPUT_SPIKES.
     * @return the batches read.
     */
    public long spikeBatches(final TraceRecordKind k)
    {
        if (!k.isSpikes())
        {
            throw new IllegalArgumentException("not a spike kind: " + k);
        }
        return k == TraceRecordKind.INPUT_SPIKES ? inputBatches : outputBatches;
    }

    /** Core ticks read so far (a CORE_TICK record holds many). */
    public long coreTicks()
    {
        return coreTicks;
    }

    /** Ids in the current spike batch. */
    public int spikeCount()
    {
        expectSpikes();
        return buffer.getInt(groupAt + GROUP_COUNT_OFFSET, BYTE_ORDER);
    }

    /**
     * One id of the current spike batch.
     *
     * @param i index, below {@link #spikeCount()}.
     * @return the input or neuron id.
     */
    public int spikeId(final int i)
    {
        if (i < 0 || i >= spikeCount())
        {
            throw new IndexOutOfBoundsException("spike " + i + " of " + spikeCount());
        }
        return buffer.getInt(groupIdsAt + 4 * i, BYTE_ORDER);
    }

    /**
     * Copies the ids of the current spike batch.
     *
     * @param dst       destination, with room for {@link #spikeCount()} ids from {@code dstOffset}.
     * @param dstOffset first index written.
     * @return the number of ids copied.
     */
    public int copySpikeIds(final int[] dst, final int dstOffset)
    {
        final int n = spikeCount();
        final UnsafeBuffer b = buffer;
        int p = groupIdsAt;
        for (int i = 0; i < n; i++)
        {
            dst[dstOffset + i] = b.getInt(p, BYTE_ORDER);
            p += 4;
        }
        return n;
    }

    /** Image index (IMAGE_START or IMAGE_END). */
    public int image()
    {
        return kind() == TraceRecordKind.IMAGE_END
            ? buffer.getInt(offset + IMAGE_END_IMAGE_OFFSET, BYTE_ORDER)
            : field(TraceRecordKind.IMAGE_START, IMAGE_START_IMAGE_OFFSET);
    }

    /** Label (IMAGE_START). */
    public int label()
    {
        return field(TraceRecordKind.IMAGE_START, IMAGE_START_LABEL_OFFSET);
    }

    /** Whether the network learns during the presentation (IMAGE_START). */
    public boolean learning()
    {
        expect(TraceRecordKind.IMAGE_START);
        return (buffer.getShort(offset + FLAGS_OFFSET, BYTE_ORDER) & FLAG_LEARNING) != 0;
    }

    /** Repeat number (IMAGE_START). */
    public int repeat()
    {
        return field(TraceRecordKind.IMAGE_START, IMAGE_START_REPEAT_OFFSET);
    }

    /** Output spikes of the presentation (IMAGE_END). */
    public int imageSpikes()
    {
        return field(TraceRecordKind.IMAGE_END, IMAGE_END_SPIKES_OFFSET);
    }

    /** Core (CORE_TICK or PRUNE_DECISION). */
    public int core()
    {
        return kind() == TraceRecordKind.PRUNE_DECISION
            ? buffer.getInt(offset + DECISION_CORE_OFFSET, BYTE_ORDER)
            : rowField(ROW_CORE);
    }

    /** Spikes dispatched to the core (CORE_TICK). */
    public int spikesIn()
    {
        return rowField(ROW_SPIKES_IN);
    }

    /** Synaptic operations (CORE_TICK). */
    public long synapticOps()
    {
        return rowField(ROW_SYNAPTIC_OPS);
    }

    /** Neuron updates (CORE_TICK). */
    public long neuronUpdates()
    {
        return rowField(ROW_NEURON_UPDATES);
    }

    /** STDP updates (CORE_TICK). */
    public long stdpUpdates()
    {
        return rowField(ROW_STDP_UPDATES);
    }

    /** Decrement Track writes (CORE_TICK). */
    public long decrements()
    {
        return rowField(ROW_DECREMENTS);
    }

    /** Spikes emitted by the core (CORE_TICK). */
    public int spikesOut()
    {
        return rowField(ROW_SPIKES_OUT);
    }

    /** Synapses evaluated (PRUNE). */
    public long evaluations()
    {
        return longField(TraceRecordKind.PRUNE, PRUNE_EVALUATIONS_OFFSET);
    }

    /** Synapses pruned (PRUNE). */
    public long pruned()
    {
        return longField(TraceRecordKind.PRUNE, PRUNE_PRUNED_OFFSET);
    }

    /** Neuron groups formed (PRUNE). */
    public int groups()
    {
        return field(TraceRecordKind.PRUNE, PRUNE_GROUPS_OFFSET);
    }

    /** Pre-synaptic id (PRUNE_DECISION). */
    public int pre()
    {
        return field(TraceRecordKind.PRUNE_DECISION, DECISION_PRE_OFFSET);
    }

    /** Post-synaptic id (PRUNE_DECISION). */
    public int post()
    {
        return field(TraceRecordKind.PRUNE_DECISION, DECISION_POST_OFFSET);
    }

    /** Weight when cut (PRUNE_DECISION). */
    public float weight()
    {
        expect(TraceRecordKind.PRUNE_DECISION);
        return buffer.getFloat(offset + DECISION_WEIGHT_OFFSET, BYTE_ORDER);
    }

    /** Closes the queue. */
    @Override
    public void close()
    {
        try
        {
            tailer.close();
        }
        finally
        {
            queue.close();
        }
    }

    private int copySpikeIds()
    {
        final int n = spikeCount();
        if (ids.length < n)
        {
            ids = new int[Math.max(n, ids.length * 2)];
        }
        return copySpikeIds(ids, 0);
    }

    private int rowField(final int field)
    {
        expect(TraceRecordKind.CORE_TICK);
        return rowData[rowAt + field];
    }

    private int field(final TraceRecordKind k, final int fieldOffset)
    {
        expect(k);
        return buffer.getInt(offset + fieldOffset, BYTE_ORDER);
    }

    private long longField(final TraceRecordKind k, final int fieldOffset)
    {
        expect(k);
        return buffer.getLong(offset + fieldOffset, BYTE_ORDER);
    }

    private void expect(final TraceRecordKind k)
    {
        if (kind() != k)
        {
            throw new IllegalStateException("current record is " + kind + ", not " + k);
        }
    }

    private void expectSpikes()
    {
        if (!kind().isSpikes())
        {
            throw new IllegalStateException("current record is " + kind + ", not a spike record");
        }
    }

    /** Reads the next document into {@link #record}; false when there is none (yet). */
    private boolean readDocument()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining > Integer.MAX_VALUE - 8)
            {
                throw new TraceFormatException(place() + "has an impossible length of " + remaining + " bytes");
            }
            final int length = (int)remaining;
            if (record.length < length)
            {
                record = new byte[Math.max(length, record.length * 2)];
                buffer = new UnsafeBuffer(record);
            }
            bytes.read(record, 0, length);
            documentLength = length;
            offset = 0;
            nextOffset = 0;
            documents++;
            recordBytes += length + 4L;
            return true;
        }
        catch (final TraceFormatException ex)
        {
            throw ex;
        }
        catch (final Exception | InternalError ex)
        {
            throw new TraceFormatException(
                place() + "cannot be read: the queue file is truncated or damaged (" + TraceQueues.reason(ex) + ")",
                ex);
        }
    }

    /**
     * Where the readable data stops without an END record, the queue's own index must stop there too. A killed
     * recording leaves at most one unfinished document at the end; a queue whose index lists documents after the
     * one that cannot be read has a damaged document header (its "not complete" bit set, say), which would
     * otherwise hide the rest of the trace.
     *
     * @return true if a document was read after all (a running recording has just written it).
     * @throws TraceFormatException when later documents exist but cannot be reached.
     */
    private boolean readHiddenDocument()
    {
        final long lastIndex;
        try
        {
            lastIndex = queue.lastIndex();
        }
        catch (final Exception | InternalError ex)
        {
            throw new TraceFormatException(
                place() + "cannot be read: the queue index is damaged (" + TraceQueues.reason(ex) + ")", ex);
        }
        final long lastRead = tailer.lastReadIndex();
        if (lastIndex <= lastRead)
        {
            return false;
        }
        if (readDocument())
        {
            return true;
        }
        throw new TraceFormatException(
            place() + "cannot be read: its queue document header is damaged, and the queue lists "
                + (queue.rollCycle().toSequenceNumber(lastIndex) - queue.rollCycle().toSequenceNumber(lastRead))
                + " more document(s) after the last readable one");
    }

    private TraceHeader checkHeader()
    {
        final UnsafeBuffer b = buffer;
        final int length = documentLength;
        if (length < HEADER_STABLE_LENGTH || b.getShort(KIND_OFFSET, BYTE_ORDER) != TraceRecordKind.HEADER.code()
            || b.getLong(HEADER_MAGIC_OFFSET, BYTE_ORDER) != MAGIC)
        {
            throw new TraceFormatException(
                "trace " + dir + ": not a spikeprune trace: its first record (" + length
                    + " bytes) does not start with the trace header (magic \"SPKTRACE\")");
        }
        final int stored = b.getInt(CHECKSUM_OFFSET, BYTE_ORDER);
        final int computed = TraceCodec.checksum(crc, record, length);
        if (stored != computed || b.getInt(LENGTH_OFFSET, BYTE_ORDER) != length)
        {
            throw new TraceFormatException(String.format(
                "trace %s: the header record (record 0) is corrupt: checksum 0x%08x stored, 0x%08x computed",
                dir, stored, computed));
        }
        nextOffset = length;
        final int version = b.getInt(HEADER_VERSION_OFFSET, BYTE_ORDER);
        if (version != TraceRecordDescriptor.FORMAT_VERSION)
        {
            throw new TraceFormatException(
                "trace " + dir + ": format version " + version + ", this spikeprune reads format version "
                    + TraceRecordDescriptor.FORMAT_VERSION);
        }
        final TraceHeader h = TraceCodec.decodeHeader(dir, b, length);
        final String digest = TraceHeader.sha256Hex(h.configText());
        if (!digest.equals(h.configDigest()))
        {
            throw new TraceFormatException(
                "trace " + dir + ": the header's configuration digest " + h.configDigest()
                    + " does not match its configuration text (SHA-256 " + digest + ")");
        }
        return h;
    }

    private TraceRecordKind checkRecord()
    {
        final UnsafeBuffer b = buffer;
        final int at = offset;
        final int remaining = documentLength - at;
        if (remaining < BODY_OFFSET)
        {
            throw new TraceFormatException(
                place() + "is cut short: " + remaining + " bytes remain in its block, a record holds at least "
                    + BODY_OFFSET);
        }
        final int length = b.getInt(at + LENGTH_OFFSET, BYTE_ORDER);
        if (length < BODY_OFFSET || length > remaining)
        {
            throw new TraceFormatException(
                place() + "is corrupt: its length field reads " + length + ", " + remaining
                    + " bytes remain in its block");
        }
        recordLength = length;
        final int stored = b.getInt(at + CHECKSUM_OFFSET, BYTE_ORDER);
        final int computed = TraceCodec.checksum(crc, record, at, length);
        if (stored != computed)
        {
            throw new TraceFormatException(String.format(
                "%sis corrupt: checksum 0x%08x stored, 0x%08x computed (its kind field reads %d, its tick field %d)",
                place(), stored, computed, b.getShort(at + KIND_OFFSET, BYTE_ORDER),
                b.getLong(at + TICK_OFFSET, BYTE_ORDER)));
        }
        final int code = b.getShort(at + KIND_OFFSET, BYTE_ORDER);
        final TraceRecordKind k = TraceRecordKind.fromCode(code);
        if (k == null || k == TraceRecordKind.HEADER)
        {
            throw new TraceFormatException(
                place() + "has kind code " + code + ", expected an event kind (2..8) or END (9)");
        }
        final int index = b.getInt(at + RECORD_INDEX_OFFSET, BYTE_ORDER);
        if (index != (int)nextIndex)
        {
            throw new TraceFormatException(
                place() + "carries index " + Integer.toUnsignedString(index)
                    + ": records are missing or out of order");
        }
        final int fixed = TraceRecordDescriptor.fixedLength(k);
        if (fixed >= 0 && length != fixed)
        {
            throw new TraceFormatException(place() + "(" + k + ") is " + length + " bytes long, expected " + fixed);
        }
        if (k == TraceRecordKind.CORE_TICK)
        {
            checkCoreTicks(b, at, length);
        }
        if (k.isSpikes())
        {
            checkSpikes(k, b, at, length);
        }
        return k;
    }

    private void checkSpikes(final TraceRecordKind k, final UnsafeBuffer b, final int at, final int length)
    {
        final int groups = length < SPIKE_GROUPS_START ? -1 : b.getInt(at + SPIKE_GROUPS_OFFSET, BYTE_ORDER);
        final int count = length < SPIKE_GROUPS_START ? -1 : b.getInt(at + SPIKE_COUNT_OFFSET, BYTE_ORDER);
        if (groups < 1 || count < groups
            || (long)SPIKE_GROUPS_START + (long)SPIKE_GROUP_LENGTH * groups + 4L * count != length)
        {
            throw new TraceFormatException(
                place() + "(" + k + ") declares " + groups + " ticks and " + count + " ids in " + length + " bytes");
        }
        long sum = 0;
        int previous = 0;
        for (int i = 0, group = at + SPIKE_GROUPS_START; i < groups; i++, group += SPIKE_GROUP_LENGTH)
        {
            final int first = b.getInt(group + GROUP_TICK_OFFSET, BYTE_ORDER);
            final int n = b.getInt(group + GROUP_COUNT_OFFSET, BYTE_ORDER);
            if (n < 1 || first < previous)
            {
                throw new TraceFormatException(
                    place() + "(" + k + ") group " + i + " holds " + n + " ids at tick offset " + first);
            }
            previous = first;
            sum += n;
        }
        if (sum != count)
        {
            throw new TraceFormatException(
                place() + "(" + k + ") declares " + count + " ids, its groups hold " + sum);
        }
    }

    private void checkCoreTicks(final UnsafeBuffer b, final int at, final int length)
    {
        final int rows = length < CORE_TICK_ROWS_START ? -1 : b.getInt(at + CORE_TICK_ROWS_OFFSET, BYTE_ORDER);
        if (rows < 1 || rows > MAX_CORE_TICK_ROWS || (length & 3) != 0
            || length > TraceRecordDescriptor.coreTickLength(rows * TraceRecordDescriptor.MAX_ROW_LENGTH))
        {
            throw new TraceFormatException(
                place() + "(CORE_TICK) declares " + rows + " rows in " + length + " bytes");
        }
        final int[] r = rowData;
        final int end = TraceRecordDescriptor.decodeRows(record, at + CORE_TICK_ROWS_START, at + length, rows, r);
        if (end < 0)
        {
            throw new TraceFormatException(
                place() + "(CORE_TICK) does not hold the " + rows + " rows it declares in its " + length + " bytes");
        }
        if (TraceRecordDescriptor.coreTickLength(end - at - CORE_TICK_ROWS_START) != length)
        {
            throw new TraceFormatException(
                place() + "(CORE_TICK) is " + length + " bytes long, its " + rows + " rows end at byte " + (end - at));
        }
        for (int p = end; p < at + length; p++)
        {
            if (record[p] != 0)
            {
                throw new TraceFormatException(place() + "(CORE_TICK) has a non-zero byte after its rows");
            }
        }
        long ticks = 0;
        for (int i = 0, row = 0; i < rows; i++, row += ROW_FIELDS)
        {
            if (r[row + ROW_TICKS] < 1)
            {
                throw new TraceFormatException(
                    place() + "(CORE_TICK) row " + i + " covers " + r[row + ROW_TICKS] + " ticks from offset "
                        + r[row + ROW_TICK]);
            }
            ticks += r[row + ROW_TICKS];
        }
        final int declared = b.getInt(at + CORE_TICK_COUNT_OFFSET, BYTE_ORDER);
        if (ticks != declared)
        {
            throw new TraceFormatException(
                place() + "(CORE_TICK) declares " + declared + " core ticks, its rows cover " + ticks);
        }
        final int lastRow = (rows - 1) * ROW_FIELDS;
        final long last = (long)r[lastRow + ROW_TICK] + r[lastRow + ROW_TICKS] - 1;
        final int declaredLast = b.getInt(at + CORE_TICK_LAST_OFFSET, BYTE_ORDER);
        if (last != declaredLast)
        {
            throw new TraceFormatException(
                place() + "(CORE_TICK) declares its last core tick at offset " + declaredLast + ", its rows end at "
                    + last);
        }
    }

    private TraceEnd checkEnd()
    {
        if (offset != 0 || recordLength != documentLength)
        {
            throw new TraceFormatException(
                "trace " + dir + ": the END record (record " + recordIndex + ") shares its block with other records");
        }
        final TraceEnd e = TraceCodec.decodeEnd(dir, buffer, recordLength);
        final long[] counted = e.kindCounts();
        boolean match = e.eventRecords() == eventRecords && e.inputSpikes() == inputSpikes
            && e.outputSpikes() == outputSpikes && e.lastTick() == lastTick;
        for (int i = 0; i < EVENT_KIND_COUNT && match; i++)
        {
            match = counted[i] == kindCounts[i];
        }
        if (!match)
        {
            throw new TraceFormatException(
                "trace " + dir + ": the END record (record " + recordIndex + ") counts " + e.eventRecords()
                    + " event records, " + e.inputSpikes() + " input and " + e.outputSpikes()
                    + " output spikes up to tick " + e.lastTick() + ", but the trace holds " + eventRecords
                    + " records, " + inputSpikes + " input and " + outputSpikes + " output spikes up to tick "
                    + lastTick);
        }
        return e;
    }

    private String place()
    {
        return "trace " + dir + ": record " + nextIndex + (lastTick >= 0 ? " (after tick " + lastTick + ") " : " ");
    }
}
