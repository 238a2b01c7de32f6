package org.spikeprune.traces;

import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKSUM_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_LAST_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_ROWS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_ROWS_START;
import static org.spikeprune.traces.TraceRecordDescriptor.EVENT_KIND_COUNT;
import static org.spikeprune.traces.TraceRecordDescriptor.FIRST_EVENT_CODE;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAGS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAG_LEARNING;
import static org.spikeprune.traces.TraceRecordDescriptor.GROUP_TICK_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_IMAGE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_SPIKES_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_IMAGE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_LABEL_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_REPEAT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.KIND_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.LENGTH_OFFSET;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The only writer of a trace: drains the recorder's ring into the Chronicle queue, filling in each record's
 * index and checksum; checks the free disk space every so many bytes; writes the header first and the END record
 * last.
 *
 * <p>Records drained in one duty cycle are packed into a block, up to {@link #BLOCK_TARGET} bytes, and the block is
 * written as one queue document at the end of the cycle (or when it is full). The queue's per-document cost is
 * shared by the records of a block. The agent sleeps four milliseconds whenever the ring is empty, so a cycle finds
 * what the producers committed in that time (a single record only when they are slower than that).
 *
 * <p>Each block, once in the queue, is also fed to a {@link TickWorkWriter}, which keeps the trace's tick-work file
 * (the hardware units' actions in compact form, for hardware replay) in step with the queue.
 *
 * <p>It runs on its own thread (see {@link TraceRecorder}); every Chronicle call happens on that thread. After
 * a stop (low disk space or a failure) it writes nothing more and tells the recorder, whose producers then fail
 * with the reason.
 */
final class TraceAgent implements Agent, MessageHandler
{
    /** Bytes of records a block collects before it is written. */
    static final int BLOCK_TARGET = 64 << 10;
    private static final int MESSAGES_PER_DUTY_CYCLE = 4096;

    private final TraceRecorder recorder;
    private final Path dir;
    private final TraceHeader header;
    private final int formatVersion;
    private final RingBuffer ring;
    private final DiskSpace diskSpace;
    private final long minFreeBytes;
    private final long checkIntervalBytes;
    private final CRC32C crc = new CRC32C();
    private final AtomicLong committedRecords = new AtomicLong();
    private final AtomicLong committedBytes = new AtomicLong();
    private final long[] kindCounts = new long[EVENT_KIND_COUNT];
    private final long[] blockKindCounts = new long[EVENT_KIND_COUNT];
    /** Decoded rows of one CORE_TICK record. */
    private final int[] rowScratch = new int[TraceRecordDescriptor.MAX_CORE_TICK_ROWS * ROW_FIELDS];

    private SingleChronicleQueue queue;
    private TickWorkWriter tickWork;
    private ExcerptAppender appender;
    private byte[] block;
    private UnsafeBuffer blockBuffer;
    private int blockLength;
    private int blockRecords;
    private long blockLastTick;
    private long blockInputSpikes;
    private long blockOutputSpikes;

    private long nextRecordIndex;
    private long eventRecords;
    private long lastTick = -1;
    private long inputSpikes;
    private long outputSpikes;
    private long bytesWritten;
    private long bytesSinceCheck;
    private boolean stopped;
    private boolean endWritten;

    /** The shortest interval between two free-space checks, in bytes. */
    static final long MIN_CHECK_INTERVAL = 64 * 1024;

    TraceAgent(
        final TraceRecorder recorder, final Path dir, final TraceHeader header, final int formatVersion,
        final RingBuffer ring, final DiskSpace diskSpace, final long minFreeBytes, final long checkIntervalBytes)
    {
        this.recorder = recorder;
        this.dir = dir;
        this.header = header;
        this.formatVersion = formatVersion;
        this.ring = ring;
        this.diskSpace = diskSpace;
        this.minFreeBytes = minFreeBytes;
        // checked often enough that an interval's writes cannot exhaust the minimum on a small file system
        this.checkIntervalBytes = Math.max(1, Math.min(checkIntervalBytes, Math.max(MIN_CHECK_INTERVAL,
            minFreeBytes / 4)));
        this.block = new byte[Math.max(2 * BLOCK_TARGET, ring.maxMsgLength() + CHECKED_OFFSET)];
        this.blockBuffer = new UnsafeBuffer(block);
    }

    @Override
    public String roleName()
    {
        return "trace-agent";
    }

    /** Opens the queue and writes the header record. */
    @Override
    public void onStart()
    {
        queue = TraceQueues.openForWriting(dir);
        appender = queue.createAppender();
        final byte[] record = TraceCodec.encodeHeader(header, formatVersion);
        writeDocument(record, record.length);
        nextRecordIndex = 1;
        tickWork = TickWorkWriter.create(dir, record);
    }

    @Override
    public int doWork()
    {
        if (stopped)
        {
            return 0;
        }
        final int messages = ring.read(this, MESSAGES_PER_DUTY_CYCLE);
        writeBlock();
        return messages;
    }

    /** Adds one event record to the block: ring message bytes are the record's bytes from {@code CHECKED_OFFSET}. */
    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (stopped)
        {
            return;
        }
        final int recordLength = length + CHECKED_OFFSET;
        if (blockLength > 0 && blockLength + recordLength > BLOCK_TARGET)
        {
            writeBlock();
            if (stopped)
            {
                return;
            }
        }
        final int at = blockLength;
        buffer.getBytes(index, block, at + CHECKED_OFFSET, length);
        final UnsafeBuffer b = blockBuffer;
        b.putInt(at + RECORD_INDEX_OFFSET, (int)(nextRecordIndex + blockRecords), BYTE_ORDER);
        b.putInt(at + CHECKSUM_OFFSET, TraceCodec.checksum(crc, block, at, recordLength), BYTE_ORDER);
        blockLength = at + recordLength;
        blockRecords++;
        blockKindCounts[msgTypeId - FIRST_EVENT_CODE]++;
        if (msgTypeId == TraceRecordKind.CORE_TICK.code())
        {
            blockLastTick = lastCoreTick(b, at);
        }
        else if (msgTypeId == TraceRecordKind.INPUT_SPIKES.code())
        {
            blockLastTick = lastSpikeTick(b, at);
            blockInputSpikes += b.getInt(at + SPIKE_COUNT_OFFSET, BYTE_ORDER);
        }
        else if (msgTypeId == TraceRecordKind.OUTPUT_SPIKES.code())
        {
            blockLastTick = lastSpikeTick(b, at);
            blockOutputSpikes += b.getInt(at + SPIKE_COUNT_OFFSET, BYTE_ORDER);
        }
        else
        {
            blockLastTick = b.getLong(at + TICK_OFFSET, BYTE_ORDER);
        }
    }

    /** The last tick a spike record covers: its last group's. */
    static long lastSpikeTick(final UnsafeBuffer b, final int at)
    {
        final int groups = b.getInt(at + SPIKE_GROUPS_OFFSET, BYTE_ORDER);
        final int group = at + SPIKE_GROUPS_START + (groups - 1) * SPIKE_GROUP_LENGTH;
        return b.getLong(at + TICK_OFFSET, BYTE_ORDER) + b.getInt(group + GROUP_TICK_OFFSET, BYTE_ORDER);
    }

    /** The last tick a CORE_TICK record covers (stored in it; readers check it against the rows). */
    static long lastCoreTick(final UnsafeBuffer b, final int at)
    {
        return b.getLong(at + TICK_OFFSET, BYTE_ORDER) + b.getInt(at + CORE_TICK_LAST_OFFSET, BYTE_ORDER);
    }

    /** Drains what producers committed (unless stopped), writes the END record and closes the queue. */
    @Override
    public void onClose()
    {
        try
        {
            while (!stopped && ring.read(this, MESSAGES_PER_DUTY_CYCLE) > 0)
            {
                writeBlock();
            }
            writeBlock();
            if (!endWritten && !stopped && appender != null && !recorder.hasFailed())
            {
                writeEnd(recorder.endStatus(), recorder.runDigest());
            }
        }
        catch (final RuntimeException | Error ex)
        {
            recorder.fail(new TraceException("trace " + dir + ": recording failed while closing: " + describe(ex), ex));
        }
        finally
        {
            closeQueue();
        }
    }

    /** Event records written so far; readable from any thread. */
    long committedRecords()
    {
        return committedRecords.get();
    }

    /** Bytes written into the queue so far (documents and their 4-byte headers); readable from any thread. */
    long committedBytes()
    {
        return committedBytes.get();
    }

    /** Stops writing after a failure. */
    void onFailure(final Throwable cause)
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        final String why = cause instanceof TraceException ? cause.getMessage() : describe(cause);
        recorder.fail(new TraceException("trace " + dir + ": recording failed: " + why, cause));
    }

    /**
     * A failure in a few words. The queue's files are memory-mapped: a page that cannot be backed because the file
     * system is full faults, and the JVM reports that as an {@link InternalError} about an unsafe memory access.
     */
    static String describe(final Throwable cause)
    {
        Throwable c = cause;
        while (c != null)
        {
            final String m = c.getMessage();
            if (c instanceof InternalError && m != null && m.contains("unsafe memory access")
                || m != null && m.contains("No space left on device"))
            {
                return "its file system is full (no space left on device); raise --trace-min-free-mb, or record "
                    + "into a folder with more space";
            }
            c = c.getCause();
        }
        final String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }

    /** Closes the queue (after a failed start, too). */
    void closeQueue()
    {
        if (tickWork != null)
        {
            final TickWorkWriter w = tickWork;
            tickWork = null;
            try
            {
                w.close();
            }
            catch (final RuntimeException ignore)
            {
                // closing after a failure; the failure is what gets reported
            }
        }
        try
        {
            if (appender != null)
            {
                appender.close();
            }
        }
        catch (final RuntimeException ignore)
        {
            // closing after a failure; the failure is what gets reported
        }
        finally
        {
            appender = null;
            if (queue != null)
            {
                queue.close();
                queue = null;
            }
        }
    }

    /** Writes the block as one document, after a free-space check when one is due; then counts its records. */
    private void writeBlock()
    {
        if (blockLength == 0 || stopped)
        {
            return;
        }
        if (bytesSinceCheck + blockLength + 4 >= checkIntervalBytes && !checkDiskSpace())
        {
            return;
        }
        writeDocument(block, blockLength);
        feedTickWork();
        nextRecordIndex += blockRecords;
        eventRecords += blockRecords;
        lastTick = blockLastTick;
        inputSpikes += blockInputSpikes;
        outputSpikes += blockOutputSpikes;
        for (int i = 0; i < EVENT_KIND_COUNT; i++)
        {
            kindCounts[i] += blockKindCounts[i];
            blockKindCounts[i] = 0;
        }
        blockLength = 0;
        blockRecords = 0;
        blockInputSpikes = 0;
        blockOutputSpikes = 0;
        committedRecords.lazySet(eventRecords);
    }

    private boolean checkDiskSpace()
    {
        bytesSinceCheck = 0;
        final long usable;
        try
        {
            usable = diskSpace.usableBytes(dir);
        }
        catch (final IOException ex)
        {
            onFailure(ex);
            return false;
        }
        // the next interval's writes (and the pages the queue maps ahead of them) must still leave the minimum free
        if (usable - 2 * checkIntervalBytes >= minFreeBytes)
        {
            return true;
        }
        stopped = true;
        writeEnd(TraceStatus.STOPPED_LOW_DISK, "");
        recorder.fail(new TraceDiskSpaceException(
            "trace " + dir + ": recording stopped at tick " + lastTick + " after " + eventRecords
                + " records: " + TraceRecorder.mebibytes(usable) + " free on its file system, and the next writes "
                + "would take it below the minimum of " + TraceRecorder.mebibytes(minFreeBytes) + "; the records "
                + "written so far are readable",
            usable, minFreeBytes));
        return false;
    }

    private void writeEnd(final TraceStatus status, final String runDigest)
    {
        final TraceEnd end = new TraceEnd(
            status, lastTick, eventRecords, inputSpikes, outputSpikes, kindCounts, runDigest);
        final byte[] record = new byte[TraceRecordDescriptor.endLength(TraceRecordDescriptor.MAX_RUN_DIGEST_LENGTH)];
        final UnsafeBuffer b = new UnsafeBuffer(record);
        final int length = TraceCodec.encodeEnd(b, nextRecordIndex, end);
        b.putInt(CHECKSUM_OFFSET, TraceCodec.checksum(crc, record, length), BYTE_ORDER);
        writeDocument(record, length);
        nextRecordIndex++;
        endWritten = true;
        if (tickWork != null)
        {
            final TickWorkWriter w = tickWork;
            tickWork = null;
            w.finish(status, runDigest);
        }
    }

    /** Hands the records of the block just written to the tick-work file. */
    private void feedTickWork()
    {
        final TickWorkWriter w = tickWork;
        if (w == null)
        {
            return;
        }
        final long before = w.bytes();
        final UnsafeBuffer b = blockBuffer;
        final int core = TraceRecordKind.CORE_TICK.code();
        final int imageStart = TraceRecordKind.IMAGE_START.code();
        final int imageEnd = TraceRecordKind.IMAGE_END.code();
        final int prune = TraceRecordKind.PRUNE.code();
        int at = 0;
        while (at < blockLength)
        {
            final int code = b.getShort(at + KIND_OFFSET, BYTE_ORDER);
            final long tick = b.getLong(at + TICK_OFFSET, BYTE_ORDER);
            if (code == core)
            {
                final int rows = b.getInt(at + CORE_TICK_ROWS_OFFSET, BYTE_ORDER);
                final int[] r = rowScratch;
                if (TraceRecordDescriptor.decodeRows(block, at + CORE_TICK_ROWS_START,
                    at + b.getInt(at + LENGTH_OFFSET, BYTE_ORDER), rows, r) < 0)
                {
                    throw new TraceFormatException("a CORE_TICK record at tick " + tick + " does not decode (core "
                        + "ticks given out of tick order?)");
                }
                for (int i = 0, row = 0; i < rows; i++, row += ROW_FIELDS)
                {
                    w.onCoreTicks(tick + r[row + ROW_TICK], r[row + ROW_TICKS], r[row + ROW_CORE],
                        r[row + ROW_SPIKES_IN], r[row + ROW_SYNAPTIC_OPS], r[row + ROW_NEURON_UPDATES],
                        r[row + ROW_STDP_UPDATES], r[row + ROW_DECREMENTS], r[row + ROW_SPIKES_OUT]);
                }
            }
            else if (code == imageStart)
            {
                w.onImageStart(tick, b.getInt(at + IMAGE_START_IMAGE_OFFSET, BYTE_ORDER),
                    b.getInt(at + IMAGE_START_LABEL_OFFSET, BYTE_ORDER),
                    b.getShort(at + FLAGS_OFFSET, BYTE_ORDER) & FLAG_LEARNING,
                    b.getInt(at + IMAGE_START_REPEAT_OFFSET, BYTE_ORDER));
            }
            else if (code == imageEnd)
            {
                w.onImageEnd(tick, b.getInt(at + IMAGE_END_IMAGE_OFFSET, BYTE_ORDER),
                    b.getInt(at + IMAGE_END_SPIKES_OFFSET, BYTE_ORDER));
            }
            else if (code == prune)
            {
                w.onPrune(tick, b.getLong(at + PRUNE_EVALUATIONS_OFFSET, BYTE_ORDER),
                    b.getLong(at + PRUNE_PRUNED_OFFSET, BYTE_ORDER), b.getInt(at + PRUNE_GROUPS_OFFSET, BYTE_ORDER));
            }
            at += b.getInt(at + LENGTH_OFFSET, BYTE_ORDER);
        }
        bytesSinceCheck += w.bytes() - before;
    }

    private void writeDocument(final byte[] bytes, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(bytes, 0, length);
        }
        bytesWritten += length + 4L;
        bytesSinceCheck += length + 4L;
        committedBytes.lazySet(bytesWritten);
    }
}
