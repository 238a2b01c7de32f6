package org.spikeprune.traces;

import static org.spikeprune.traces.TickWorkDescriptor.FIELDS;
import static org.spikeprune.traces.TickWorkDescriptor.PAYLOAD_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a trace's tick-work file ({@link TickWorkDescriptor}): the hardware units' actions of the run, checked
 * block by block (checksum, index, entry count) and at the end against the END block's totals. It never opens the
 * queue, which makes it the fast way to re-time a run on other hardware.
 *
 * <p>{@link #read(TraceSink)} delivers image starts and ends, Prune unit passes and, for every run of identical
 * ticks, one {@link TraceSink#onTicks} call (whose default expands it into the recorded {@code onCoreTick} calls).
 * A file without an END block (a killed recording) is read up to where it stops; {@link #hasEnd()} then says
 * false, and a caller that needs every tick reads the queue with {@link TraceReader} instead.
 */
public final class TickWorkReader implements AutoCloseable
{
    private final Path dir;
    private final Path file;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private final TraceHeader header;

    private byte[] block = new byte[TickWorkDescriptor.BLOCK_TARGET + 8192];
    private ByteBuffer view = ByteBuffer.wrap(block);
    private UnsafeBuffer buffer = new UnsafeBuffer(block);
    private int blockLength;
    private int position;
    private long lastTick;
    private int blockIndex;
    private long filePosition;
    private long[] vectors = new long[4 * FIELDS];
    private long[] shapeData = new long[1024];
    private int[] shapeOffsets = new int[256];
    private int[] shapeCores = new int[256];
    private int shapeDataLength;
    private int shapes;
    private int[] sequence = new int[256];
    private long entries;
    private long coreTicks;
    private boolean hasEnd;
    private TraceStatus status;
    private String runDigest = "";

    private TickWorkReader(final Path dir, final Path file, final FileChannel channel)
    {
        this.dir = dir;
        this.file = file;
        this.channel = channel;
        if (!readBlock())
        {
            throw new TraceFormatException(place() + "holds no header block");
        }
        header = checkHeader();
    }

    /**
     * Whether a trace directory holds a tick-work file.
     *
     * @param dir the trace directory.
     * @return true if the file exists.
     */
    public static boolean exists(final Path dir)
    {
        return Files.isRegularFile(dir.resolve(TickWorkDescriptor.FILE_NAME));
    }

    /**
     * Opens a trace's tick-work file and checks its header block.
     *
     * @param dir the trace directory.
     * @return a reader positioned before the first entry.
     * @throws TraceFormatException when the file is missing, damaged, or of another format version.
     */
    public static TickWorkReader open(final Path dir)
    {
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final FileChannel channel;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new TraceFormatException("trace " + dir + ": cannot open " + file.getFileName() + ": " + ex, ex);
        }
        try
        {
            return new TickWorkReader(dir, file, channel);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(channel);
            throw ex;
        }
    }

    /** The trace's header (the same as the queue's). */
    public TraceHeader header()
    {
        return header;
    }

    /**
     * Reads every entry into a sink.
     *
     * @param sink receives image starts and ends, Prune unit passes and runs of ticks, in recorded order.
     * @return the number of core-tick records the runs of ticks stand for.
     * @throws TraceFormatException when a block is damaged or the END block's totals do not match.
     */
    public long read(final TraceSink sink)
    {
        while (readBlock())
        {
            final int kind = buffer.getInt(TickWorkDescriptor.KIND_OFFSET, BYTE_ORDER);
            if (kind == TickWorkDescriptor.KIND_END)
            {
                checkEnd();
                return coreTicks;
            }
            if (kind != TickWorkDescriptor.KIND_ENTRIES)
            {
                throw new TraceFormatException(place() + "block " + (blockIndex - 1) + " has kind " + kind
                    + ", expected entries (1) or end (2)");
            }
            decode(sink);
        }
        return coreTicks;
    }

    /** True once {@link #read} has reached the END block. */
    public boolean hasEnd()
    {
        return hasEnd;
    }

    /** The status in the END block, or null if it has not been reached. */
    public TraceStatus status()
    {
        return status;
    }

    /** The run digest in the END block ("" if none or not reached). */
    public String runDigest()
    {
        return runDigest;
    }

    /** Entries read so far. */
    public long entries()
    {
        return entries;
    }

    /** Core-tick records the entries read so far stand for. */
    public long coreTicks()
    {
        return coreTicks;
    }

    /** Bytes of the blocks read so far. */
    public long bytes()
    {
        return filePosition;
    }

    @Override
    public void close()
    {
        closeQuietly(channel);
    }

    private void decode(final TraceSink sink)
    {
        final byte[] b = block;
        final int end = blockLength;
        final int expected = buffer.getInt(TickWorkDescriptor.ENTRIES_OFFSET, BYTE_ORDER);
        position = PAYLOAD_OFFSET;
        int n = 0;
        long tick = lastTick;
        try
        {
            while (position < end)
            {
                final int tag = b[position++];
                tick += var();
                switch (tag)
                {
                    case TickWorkDescriptor.TAG_TICKS_SAME:
                    {
                        final int repeat = (int)var();
                        final long shape = var();
                        if (repeat < 1 || shape < 0 || shape >= shapes)
                        {
                            throw corrupt("a run of " + repeat + " ticks of shape " + shape + " (" + shapes
                                + " shapes known)");
                        }
                        final int id = (int)shape;
                        final int cores = shapeCores[id];
                        final int fields = cores * FIELDS;
                        if (vectors.length < fields)
                        {
                            vectors = new long[Math.max(fields, vectors.length * 2)];
                        }
                        System.arraycopy(shapeData, shapeOffsets[id], vectors, 0, fields);
                        sink.onTicks(tick, repeat, id, cores, vectors);
                        coreTicks += (long)repeat * cores;
                        break;
                    }
                    case TickWorkDescriptor.TAG_TICKS_SEQUENCE:
                    {
                        final long count = var();
                        if (count < 2 || count > end - position)
                        {
                            throw corrupt("a sequence of " + count + " ticks");
                        }
                        final int k = (int)count;
                        if (sequence.length < k)
                        {
                            sequence = new int[Math.max(k, sequence.length * 2)];
                        }
                        final int[] q = sequence;
                        final int known = shapes;
                        final int[] cores = shapeCores;
                        long records = 0;
                        for (int i = 0; i < k; i++)
                        {
                            final long shape = var();
                            if (shape < 0 || shape >= known)
                            {
                                throw corrupt("a tick of shape " + shape + " (" + known + " shapes known)");
                            }
                            q[i] = (int)shape;
                            records += cores[(int)shape];
                        }
                        if (!sink.onTickSequence(tick, k, q))
                        {
                            for (int i = 0; i < k; i++)
                            {
                                final int id = q[i];
                                final int fields = cores[id] * FIELDS;
                                if (vectors.length < fields)
                                {
                                    vectors = new long[Math.max(fields, vectors.length * 2)];
                                }
                                System.arraycopy(shapeData, shapeOffsets[id], vectors, 0, fields);
                                sink.onTicks(tick + i, 1, id, cores[id], vectors);
                            }
                        }
                        coreTicks += records;
                        break;
                    }
                    case TickWorkDescriptor.TAG_TICKS_NEW:
                    case TickWorkDescriptor.TAG_TICKS:
                    {
                        final int repeat = (int)var();
                        final long cores = var();
                        if (repeat < 1 || cores < 1 || cores > (end - position) / FIELDS)
                        {
                            throw corrupt("a run of " + repeat + " ticks of " + cores + " cores");
                        }
                        final int fields = (int)cores * FIELDS;
                        if (vectors.length < fields)
                        {
                            vectors = new long[Math.max(fields, vectors.length * 2)];
                        }
                        final long[] vec = vectors;
                        for (int i = 0; i < fields; i++)
                        {
                            vec[i] = var();
                        }
                        final int id = tag == TickWorkDescriptor.TAG_TICKS_NEW ? addShape(vec, (int)cores) : -1;
                        sink.onTicks(tick, repeat, id, (int)cores, vec);
                        coreTicks += repeat * cores;
                        break;
                    }
                    case TickWorkDescriptor.TAG_IMAGE_START:
                    {
                        final int image = (int)var();
                        final int label = (int)var();
                        final int repeat = (int)var();
                        final boolean learning = var() != 0;
                        sink.onImageStart(tick, image, label, learning, repeat);
                        break;
                    }
                    case TickWorkDescriptor.TAG_IMAGE_END:
                    {
                        final int image = (int)var();
                        final int spikes = (int)var();
                        sink.onImageEnd(tick, image, spikes);
                        break;
                    }
                    case TickWorkDescriptor.TAG_PRUNE:
                    {
                        final long evaluations = var();
                        final long pruned = var();
                        final int groups = (int)var();
                        sink.onPrune(tick, evaluations, pruned, groups);
                        break;
                    }
                    default:
                        throw corrupt("unknown entry tag " + tag);
                }
                if (position > end)
                {
                    throw corrupt("an entry that runs past the end of its block");
                }
                n++;
                entries++;
            }
        }
        catch (final ArrayIndexOutOfBoundsException ex)
        {
            throw corrupt("an entry that runs past the end of its block");
        }
        lastTick = tick;
        if (n != expected)
        {
            throw corrupt(n + " entries where its prefix declares " + expected);
        }
    }

    private int addShape(final long[] vec, final int cores)
    {
        final int fields = cores * FIELDS;
        if (shapes == shapeOffsets.length)
        {
            shapeOffsets = Arrays.copyOf(shapeOffsets, shapes * 2);
            shapeCores = Arrays.copyOf(shapeCores, shapes * 2);
        }
        if (shapeDataLength + fields > shapeData.length)
        {
            shapeData = Arrays.copyOf(shapeData, Math.max(shapeData.length * 2, shapeDataLength + fields));
        }
        System.arraycopy(vec, 0, shapeData, shapeDataLength, fields);
        shapeOffsets[shapes] = shapeDataLength;
        shapeCores[shapes] = cores;
        shapeDataLength += fields;
        return shapes++;
    }

    private long var()
    {
        final byte[] b = block;
        int p = position;
        long v = 0;
        int shift = 0;
        byte x;
        do
        {
            x = b[p++];
            v |= (long)(x & 0x7F) << shift;
            shift += 7;
        }
        while (x < 0);
        position = p;
        return (v >>> 1) ^ -(v & 1);
    }

    private TraceFormatException corrupt(final String what)
    {
        return new TraceFormatException(place() + "block " + (blockIndex - 1) + " is corrupt: it holds " + what);
    }

    /** Reads the next block into {@link #block}; false at the end of the file or where a block is cut short. */
    private boolean readBlock()
    {
        try
        {
            view.clear().limit(PAYLOAD_OFFSET);
            if (!fill(filePosition))
            {
                return false;
            }
            final int length = buffer.getInt(TickWorkDescriptor.LENGTH_OFFSET, BYTE_ORDER);
            if (length < PAYLOAD_OFFSET)
            {
                throw new TraceFormatException(place() + "block " + blockIndex + " (at byte " + filePosition
                    + ") is corrupt: its length field reads " + length);
            }
            if (length > block.length)
            {
                if (length > channel.size() - filePosition)
                {
                    return false;
                }
                final byte[] bigger = new byte[length];
                System.arraycopy(block, 0, bigger, 0, PAYLOAD_OFFSET);
                block = bigger;
                view = ByteBuffer.wrap(block);
                buffer = new UnsafeBuffer(block);
            }
            view.clear().position(PAYLOAD_OFFSET).limit(length);
            if (!fill(filePosition + PAYLOAD_OFFSET))
            {
                return false;
            }
            final int stored = buffer.getInt(TickWorkDescriptor.CHECKSUM_OFFSET, BYTE_ORDER);
            crc.reset();
            crc.update(block, TickWorkDescriptor.CHECKED_OFFSET, length - TickWorkDescriptor.CHECKED_OFFSET);
            final int computed = (int)crc.getValue();
            if (stored != computed)
            {
                throw new TraceFormatException(String.format(
                    "%sblock %d (at byte %d) is corrupt: checksum 0x%08x stored, 0x%08x computed", place(),
                    blockIndex, filePosition, stored, computed));
            }
            final int index = buffer.getInt(TickWorkDescriptor.INDEX_OFFSET, BYTE_ORDER);
            if (index != blockIndex)
            {
                throw new TraceFormatException(place() + "block " + blockIndex + " (at byte " + filePosition
                    + ") carries index " + index + ": blocks are missing or out of order");
            }
            blockIndex++;
            blockLength = length;
            filePosition += length;
            return true;
        }
        catch (final IOException ex)
        {
            throw new TraceFormatException(place() + "cannot be read: " + ex, ex);
        }
    }

    /** Reads until {@link #view} is full; false if the file ends first. */
    private boolean fill(final long at) throws IOException
    {
        long p = at;
        while (view.hasRemaining())
        {
            final int n = channel.read(view, p);
            if (n < 0)
            {
                return false;
            }
            p += n;
        }
        return true;
    }

    private TraceHeader checkHeader()
    {
        final UnsafeBuffer b = buffer;
        if (blockLength < TickWorkDescriptor.HEADER_RECORD_OFFSET
            || b.getInt(TickWorkDescriptor.KIND_OFFSET, BYTE_ORDER) != TickWorkDescriptor.KIND_HEADER
            || b.getLong(TickWorkDescriptor.HEADER_MAGIC_OFFSET, BYTE_ORDER) != TickWorkDescriptor.MAGIC)
        {
            throw new TraceFormatException(place() + "is not a tick-work file: its first block does not start "
                + "with the magic \"SPKWORKS\"");
        }
        final int version = b.getInt(TickWorkDescriptor.HEADER_VERSION_OFFSET, BYTE_ORDER);
        if (version != TickWorkDescriptor.FORMAT_VERSION)
        {
            throw new TraceFormatException(place() + "has tick-work format version " + version
                + ", this spikeprune reads version " + TickWorkDescriptor.FORMAT_VERSION);
        }
        final int length = blockLength - TickWorkDescriptor.HEADER_RECORD_OFFSET;
        final byte[] record = new byte[length];
        b.getBytes(TickWorkDescriptor.HEADER_RECORD_OFFSET, record);
        final UnsafeBuffer r = new UnsafeBuffer(record);
        final int traceVersion = length >= TraceRecordDescriptor.HEADER_STABLE_LENGTH
            ? r.getInt(TraceRecordDescriptor.HEADER_VERSION_OFFSET, BYTE_ORDER) : -1;
        if (traceVersion != TraceRecordDescriptor.FORMAT_VERSION
            || r.getLong(TraceRecordDescriptor.HEADER_MAGIC_OFFSET, BYTE_ORDER) != TraceRecordDescriptor.MAGIC)
        {
            throw new TraceFormatException(place() + "holds a trace header of format version " + traceVersion
                + ", this spikeprune reads format version " + TraceRecordDescriptor.FORMAT_VERSION);
        }
        final TraceHeader h = TraceCodec.decodeHeader(dir, r, length);
        if (!TraceHeader.sha256Hex(h.configText()).equals(h.configDigest()))
        {
            throw new TraceFormatException(place() + "holds a configuration digest " + h.configDigest()
                + " that does not match its configuration text");
        }
        return h;
    }

    private void checkEnd()
    {
        final UnsafeBuffer b = buffer;
        if (blockLength < TickWorkDescriptor.END_DIGEST_OFFSET)
        {
            throw corrupt("an END block of only " + blockLength + " bytes");
        }
        final TraceStatus s = TraceStatus.fromCode(b.getInt(TickWorkDescriptor.END_STATUS_OFFSET, BYTE_ORDER));
        final long recordedEntries = b.getLong(TickWorkDescriptor.END_ENTRIES_OFFSET, BYTE_ORDER);
        final long recordedCoreTicks = b.getLong(TickWorkDescriptor.END_CORE_TICKS_OFFSET, BYTE_ORDER);
        final int digestLength = b.getInt(TickWorkDescriptor.END_DIGEST_LENGTH_OFFSET, BYTE_ORDER);
        if (s == null || digestLength < 0 || TickWorkDescriptor.END_DIGEST_OFFSET + digestLength != blockLength)
        {
            throw corrupt("an END block with an unknown status or a digest length of " + digestLength);
        }
        if (recordedEntries != entries || recordedCoreTicks != coreTicks)
        {
            throw new TraceFormatException(place() + "END block counts " + recordedEntries + " entries and "
                + recordedCoreTicks + " core-tick records, but the file holds " + entries + " entries and "
                + coreTicks + " core-tick records");
        }
        final byte[] digest = new byte[digestLength];
        b.getBytes(TickWorkDescriptor.END_DIGEST_OFFSET, digest);
        runDigest = new String(digest, StandardCharsets.US_ASCII);
        status = s;
        hasEnd = true;
    }

    private String place()
    {
        return "trace " + dir + ": " + file.getFileName() + " ";
    }

    private static void closeQuietly(final FileChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // read-only; nothing to lose
        }
    }
}
