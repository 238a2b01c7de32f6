package org.spikeprune.traces;

import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKSUM_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.EVENT_KIND_COUNT;
import static org.spikeprune.traces.TraceRecordDescriptor.FIRST_EVENT_CODE;
import static org.spikeprune.traces.TraceRecordDescriptor.RECORD_INDEX_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_COUNT_OFFSET;
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
 * The only writer of a trace: drains the recorder's ring into the Chronicle queue, one document per record,
 * filling in the record index and checksum; checks the free disk space every so many bytes; writes the header
 * first and the END record last.
 *
 * <p>It runs on its own thread (see {@link TraceRecorder}); every Chronicle call happens on that thread. After
 * a stop (low disk space or a failure) it writes nothing more and tells the recorder, whose producers then fail
 * with the reason.
 */
final class TraceAgent implements Agent, MessageHandler
{
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

    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private byte[] staging;
    private UnsafeBuffer stagingBuffer;

    private long nextRecordIndex;
    private long eventRecords;
    private long lastTick = -1;
    private long inputSpikes;
    private long outputSpikes;
    private long bytesWritten;
    private long bytesSinceCheck;
    private boolean stopped;
    private boolean endWritten;

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
        this.checkIntervalBytes = checkIntervalBytes;
        ensureStaging(Math.max(4096, ring.maxMsgLength() + CHECKED_OFFSET));
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
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(record, 0, record.length);
        }
        nextRecordIndex = 1;
        bytesWritten += record.length + 4L;
        bytesSinceCheck += record.length + 4L;
        committedBytes.lazySet(bytesWritten);
    }

    @Override
    public int doWork()
    {
        if (stopped)
        {
            return 0;
        }
        return ring.read(this, MESSAGES_PER_DUTY_CYCLE);
    }

    /** Writes one event record: ring message bytes are the record's bytes from {@code CHECKED_OFFSET} on. */
    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (stopped)
        {
            return;
        }
        final int recordLength = length + CHECKED_OFFSET;
        if (bytesSinceCheck + recordLength >= checkIntervalBytes && !checkDiskSpace())
        {
            return;
        }
        if (recordLength > staging.length)
        {
            ensureStaging(recordLength);
        }
        buffer.getBytes(index, staging, CHECKED_OFFSET, length);
        final UnsafeBuffer b = stagingBuffer;
        b.putInt(RECORD_INDEX_OFFSET, (int)nextRecordIndex, BYTE_ORDER);
        final long tick = b.getLong(TICK_OFFSET, BYTE_ORDER);
        append(recordLength);

        nextRecordIndex++;
        eventRecords++;
        lastTick = tick;
        kindCounts[msgTypeId - FIRST_EVENT_CODE]++;
        if (msgTypeId == TraceRecordKind.INPUT_SPIKES.code())
        {
            inputSpikes += b.getInt(SPIKE_COUNT_OFFSET, BYTE_ORDER);
        }
        else if (msgTypeId == TraceRecordKind.OUTPUT_SPIKES.code())
        {
            outputSpikes += b.getInt(SPIKE_COUNT_OFFSET, BYTE_ORDER);
        }
        committedRecords.lazySet(eventRecords);
    }

    /** Drains what producers committed (unless stopped), writes the END record and closes the queue. */
    @Override
    public void onClose()
    {
        try
        {
            if (!stopped)
            {
                while (!stopped && ring.read(this, MESSAGES_PER_DUTY_CYCLE) > 0)
                {
                    continue;
                }
            }
            if (!endWritten && appender != null && !recorder.hasFailed())
            {
                writeEnd(recorder.endStatus(), recorder.runDigest());
            }
        }
        catch (final RuntimeException | Error ex)
        {
            recorder.fail(new TraceException("trace " + dir + ": recording failed while closing: " + ex, ex));
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

    /** Stops writing after a failure; tries to leave an END record that says the run did not finish. */
    void onFailure(final Throwable cause)
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        recorder.fail(new TraceException("trace " + dir + ": recording failed: " + cause, cause));
    }

    /** Closes the queue after a failed start. */
    void closeQueue()
    {
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
        if (usable >= minFreeBytes)
        {
            return true;
        }
        stopped = true;
        writeEnd(TraceStatus.STOPPED_LOW_DISK, "");
        recorder.fail(new TraceDiskSpaceException(
            "trace " + dir + ": recording stopped at tick " + lastTick + " after " + eventRecords
                + " records: " + TraceRecorder.mebibytes(usable) + " free on its file system, below the minimum of "
                + TraceRecorder.mebibytes(minFreeBytes) + "; the records written so far are readable",
            usable, minFreeBytes));
        return false;
    }

    private void writeEnd(final TraceStatus status, final String runDigest)
    {
        final TraceEnd end = new TraceEnd(
            status, lastTick, eventRecords, inputSpikes, outputSpikes, kindCounts, runDigest);
        ensureStaging(TraceRecordDescriptor.endLength(TraceRecordDescriptor.MAX_RUN_DIGEST_LENGTH));
        final int length = TraceCodec.encodeEnd(stagingBuffer, nextRecordIndex, end);
        append(length);
        nextRecordIndex++;
        endWritten = true;
    }

    private void append(final int length)
    {
        stagingBuffer.putInt(CHECKSUM_OFFSET, TraceCodec.checksum(crc, staging, length), BYTE_ORDER);
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(staging, 0, length);
        }
        bytesWritten += length + 4L;
        bytesSinceCheck += length + 4L;
        committedBytes.lazySet(bytesWritten);
    }

    private void ensureStaging(final int length)
    {
        if (staging == null || staging.length < length)
        {
            staging = new byte[length];
            stagingBuffer = new UnsafeBuffer(staging);
        }
    }
}
