package org.spikeprune.traces;

import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKSUM_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_DIGEST_LENGTH_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_DIGEST_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_INPUT_SPIKES_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_KIND_COUNTS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_OUTPUT_SPIKES_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_RECORDS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.END_STATUS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.EVENT_KIND_COUNT;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAGS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_CREATED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_MAGIC_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_SEED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_STRINGS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.HEADER_VERSION_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.KIND_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.LENGTH_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.MAGIC;
import static org.spikeprune.traces.TraceRecordDescriptor.RECORD_INDEX_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.TICK_OFFSET;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Encodes and decodes the two control records (header and END) and computes record checksums. */
final class TraceCodec
{
    private TraceCodec()
    {
    }

    /**
     * The CRC32C a record stores: over bytes {@code [CHECKED_OFFSET, length)}.
     *
     * @param crc    a reusable checksum.
     * @param record the record bytes.
     * @param length the record length.
     * @return the checksum as an int.
     */
    static int checksum(final CRC32C crc, final byte[] record, final int length)
    {
        return checksum(crc, record, 0, length);
    }

    /**
     * The CRC32C a record stores, for a record inside a larger array (a block).
     *
     * @param crc    a reusable checksum.
     * @param bytes  the array.
     * @param offset where the record starts.
     * @param length the record length.
     * @return the checksum as an int.
     */
    static int checksum(final CRC32C crc, final byte[] bytes, final int offset, final int length)
    {
        crc.reset();
        crc.update(bytes, offset + CHECKED_OFFSET, length - CHECKED_OFFSET);
        return (int)crc.getValue();
    }

    /**
     * Encodes the header record, checksum included.
     *
     * @param header        the header.
     * @param formatVersion the version to store (the current one, except in tests of version checks).
     * @return the record bytes.
     */
    static byte[] encodeHeader(final TraceHeader header, final int formatVersion)
    {
        final byte[][] strings = {
            utf8(header.profile()),
            utf8(header.configDigest()),
            utf8(header.configText()),
            utf8(header.creator()),
            utf8(header.javaVersion()),
        };
        int length = HEADER_STRINGS_OFFSET;
        for (final byte[] s : strings)
        {
            length += 4 + s.length;
        }
        final byte[] record = new byte[length];
        final UnsafeBuffer b = new UnsafeBuffer(record);
        b.putInt(LENGTH_OFFSET, length, BYTE_ORDER);
        b.putShort(KIND_OFFSET, (short)TraceRecordKind.HEADER.code(), BYTE_ORDER);
        b.putShort(FLAGS_OFFSET, (short)0, BYTE_ORDER);
        b.putInt(HEADER_VERSION_OFFSET, formatVersion, BYTE_ORDER);
        b.putLong(HEADER_MAGIC_OFFSET, MAGIC, BYTE_ORDER);
        b.putLong(HEADER_SEED_OFFSET, header.seed(), BYTE_ORDER);
        b.putLong(HEADER_CREATED_OFFSET, header.createdEpochMs(), BYTE_ORDER);
        int p = HEADER_STRINGS_OFFSET;
        for (final byte[] s : strings)
        {
            b.putInt(p, s.length, BYTE_ORDER);
            b.putBytes(p + 4, s);
            p += 4 + s.length;
        }
        b.putInt(CHECKSUM_OFFSET, checksum(new CRC32C(), record, length), BYTE_ORDER);
        return record;
    }

    /**
     * Decodes a header record whose magic, checksum and version the caller has checked.
     *
     * @param dir    the trace, for messages.
     * @param b      the record.
     * @param length its length.
     * @return the header.
     */
    static TraceHeader decodeHeader(final Object dir, final UnsafeBuffer b, final int length)
    {
        final String[] strings = new String[5];
        int p = HEADER_STRINGS_OFFSET;
        for (int i = 0; i < strings.length; i++)
        {
            if (p + 4 > length)
            {
                throw new TraceFormatException(
                    "trace " + dir + ": header record is too short: " + length + " bytes, field " + i + " starts at "
                        + p);
            }
            final int n = b.getInt(p, BYTE_ORDER);
            if (n < 0 || p + 4 + n > length)
            {
                throw new TraceFormatException(
                    "trace " + dir + ": header field " + i + " has length " + n + ", only " + (length - p - 4)
                        + " bytes remain in the header record");
            }
            final byte[] bytes = new byte[n];
            b.getBytes(p + 4, bytes);
            strings[i] = new String(bytes, StandardCharsets.UTF_8);
            p += 4 + n;
        }
        return new TraceHeader(
            b.getInt(HEADER_VERSION_OFFSET, BYTE_ORDER), strings[0], b.getLong(HEADER_SEED_OFFSET, BYTE_ORDER),
            strings[1], strings[2], strings[3], strings[4], b.getLong(HEADER_CREATED_OFFSET, BYTE_ORDER));
    }

    /**
     * Writes an END record (without its checksum) into a buffer.
     *
     * @param b           the buffer, at least {@link TraceRecordDescriptor#endLength(int)} long.
     * @param recordIndex the END record's index.
     * @param end         what to store.
     * @return the record length.
     */
    static int encodeEnd(final MutableDirectBuffer b, final long recordIndex, final TraceEnd end)
    {
        final byte[] digest = end.runDigest().getBytes(StandardCharsets.US_ASCII);
        b.putInt(LENGTH_OFFSET, TraceRecordDescriptor.endLength(digest.length), BYTE_ORDER);
        b.putShort(KIND_OFFSET, (short)TraceRecordKind.END.code(), BYTE_ORDER);
        b.putShort(FLAGS_OFFSET, (short)0, BYTE_ORDER);
        b.putInt(RECORD_INDEX_OFFSET, (int)recordIndex, BYTE_ORDER);
        b.putLong(TICK_OFFSET, end.lastTick(), BYTE_ORDER);
        b.putInt(END_STATUS_OFFSET, end.status().code(), BYTE_ORDER);
        b.putLong(END_RECORDS_OFFSET, end.eventRecords(), BYTE_ORDER);
        b.putLong(END_INPUT_SPIKES_OFFSET, end.inputSpikes(), BYTE_ORDER);
        b.putLong(END_OUTPUT_SPIKES_OFFSET, end.outputSpikes(), BYTE_ORDER);
        final long[] counts = end.kindCounts();
        for (int i = 0; i < EVENT_KIND_COUNT; i++)
        {
            b.putLong(END_KIND_COUNTS_OFFSET + 8 * i, counts[i], BYTE_ORDER);
        }
        b.putInt(END_DIGEST_LENGTH_OFFSET, digest.length, BYTE_ORDER);
        b.putBytes(END_DIGEST_OFFSET, digest);
        return TraceRecordDescriptor.endLength(digest.length);
    }

    /**
     * Decodes an END record whose checksum and length the caller has checked.
     *
     * @param dir    the trace, for messages.
     * @param b      the record.
     * @param length its length.
     * @return the END contents.
     */
    static TraceEnd decodeEnd(final Object dir, final UnsafeBuffer b, final int length)
    {
        final int statusCode = b.getInt(END_STATUS_OFFSET, BYTE_ORDER);
        final TraceStatus status = TraceStatus.fromCode(statusCode);
        if (status == null)
        {
            throw new TraceFormatException(
                "trace " + dir + ": END record has status code " + statusCode + ", expected 0, 1 or 2");
        }
        final int digestLength = b.getInt(END_DIGEST_LENGTH_OFFSET, BYTE_ORDER);
        if (digestLength < 0 || END_DIGEST_OFFSET + digestLength != length)
        {
            throw new TraceFormatException(
                "trace " + dir + ": END record of " + length + " bytes declares a run digest of " + digestLength
                    + " bytes");
        }
        final long[] counts = new long[EVENT_KIND_COUNT];
        for (int i = 0; i < EVENT_KIND_COUNT; i++)
        {
            counts[i] = b.getLong(END_KIND_COUNTS_OFFSET + 8 * i, BYTE_ORDER);
        }
        final byte[] digest = new byte[digestLength];
        b.getBytes(END_DIGEST_OFFSET, digest);
        return new TraceEnd(
            status, b.getLong(TICK_OFFSET, BYTE_ORDER), b.getLong(END_RECORDS_OFFSET, BYTE_ORDER),
            b.getLong(END_INPUT_SPIKES_OFFSET, BYTE_ORDER), b.getLong(END_OUTPUT_SPIKES_OFFSET, BYTE_ORDER), counts,
            new String(digest, StandardCharsets.US_ASCII));
    }

    private static byte[] utf8(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
