package org.spikeprune.traces;

import java.nio.ByteOrder;

/**
 * Layout of the records of a trace, every field little-endian.
 *
 * <p>Records travel in blocks: each Chronicle Queue document holds one or more whole records back to back (the
 * trace agent writes what it drained from the ring in one pass as one document), so the queue's per-document
 * cost is shared by many records and a block is committed, or lost to a crash, as a whole. The header and the
 * END record each have a document of their own.
 *
 * <p>Every record starts with the same 24-byte prefix. The checksum is a CRC32C of bytes {@code [4, length)} of
 * the record, so a changed byte anywhere after it is detected. The record index counts records from 0 (the
 * header) and is stored modulo 2<sup>32</sup>; a reader that finds an index other than the one it expects knows
 * that records are missing or out of order.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                   CRC32C of bytes [4, length)                 |  0
 *  +---------------------------------------------------------------+
 *  |                 Length of the record in bytes                 |  4
 *  +-------------------------------+-------------------------------+
 *  |            Kind               |            Flags              |  8
 *  +-------------------------------+-------------------------------+
 *  |                 Record index (mod 2^32)                       |  12
 *  +---------------------------------------------------------------+
 *  |                            Tick                               |  16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                       Body (by kind) ...                      |  24
 * </pre>
 *
 * <p>Bodies, by {@link TraceRecordKind}:
 * <pre>
 *  INPUT_SPIKES, OUTPUT_SPIKES (32 + 8g + 4n bytes): the spikes of g ticks, gathered by the recorder; the
 *  record's tick is the first group's. Group i covers the ids that follow those of groups 0..i-1; tick offsets never
 *  decrease, and a tick's ids may span two consecutive records of its kind (a batch bigger than a record).
 *  +---------------------------------------------------------------+
 *  |       Groups g (ticks)        |         Ids n (total)         |  24, 28
 *  +---------------------------------------------------------------+
 *  |   groups: Tick offset (int) | Count (int, at least 1)       ...  32 + 8i
 *  +---------------------------------------------------------------+
 *  |                      Id 0 .. Id n-1 (int each)              ...  32 + 8g
 *
 *  IMAGE_START (36 bytes; flag bit 0 = learning)
 *  |   Image (index in its data set)  |  Label  |  Repeat           |  24, 28, 32
 *
 *  IMAGE_END (32 bytes)
 *  |   Image  |  Spikes of the presentation                         |  24, 28
 *
 *  CORE_TICK (36 + at most 45r bytes, a multiple of 4): the work of cores over ticks, r rows in the order it was
 *  reported; the record's tick is the first row's. A row covers ticks [tick + offset, tick + offset + ticks) of one
 *  core, with the same work in each (an idle stretch of one core is one row); a tick's rows for several cores are
 *  consecutive. Core ticks are gathered by the recorder and written after the spike records of their ticks, but
 *  always before the next IMAGE_*, PRUNE or PRUNE_DECISION record. A row is nine unsigned variable-length integers
 *  (7 bits a byte, low bits first, at most 5 bytes; every value at most 2^31 - 1): the increase of the tick offset
 *  over the row before (the first row's offset is 0), then the fields below. Zero bytes pad the record to a
 *  multiple of 4. Format 3 stored each row as nine ints (36 bytes); most fields are small (a 1,000-image run of
 *  paper A's network went from 129 MB to 72 MB of records).
 *  |   Core ticks covered (int)  |  Rows r (int)                   |  24, 28
 *  |   Tick offset of the last core tick covered (int)             |  32
 *  |   rows: Δ tick offset | Ticks | Core | Spikes in | Synaptic ops | Neuron updates | STDP updates |
 *  |         Decrements | Spikes out (varints)                   ...  36
 *
 *  PRUNE (44 bytes)
 *  |   Evaluations (long)  |  Pruned (long)  |  Groups (int)       |  24, 32, 40
 *
 *  PRUNE_DECISION (40 bytes)
 *  |   Core  |  Pre  |  Post  |  Weight (float)                    |  24, 28, 32, 36
 *
 *  END (112 + d bytes; tick = last event tick, or -1 if none)
 *  |   Status (int: 0 complete, 1 stopped for low disk, 2 aborted)  |  24
 *  |   Event records (long)                                        |  28
 *  |   Input spikes (long)  |  Output spikes (long)                |  36, 44
 *  |   Records per event kind, codes 2..8 (7 longs)                |  52
 *  |   Run digest length d  |  Run digest (ASCII, d bytes)         |  108, 112
 * </pre>
 *
 * <p>The header record (kind {@link TraceRecordKind#HEADER}, always record 0) has its own body. Its first 24 bytes
 * (checksum, length, kind, flags, format version, magic) keep this layout in every format version, so a reader
 * can always tell a trace of another version from a damaged one:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                   CRC32C of bytes [4, length)                 |  0
 *  +---------------------------------------------------------------+
 *  |                 Length of the record in bytes                 |  4
 *  +-------------------------------+-------------------------------+
 *  |         Kind (HEADER)         |            Flags              |  8
 *  +-------------------------------+-------------------------------+
 *  |                       Format version                          |  12
 *  +---------------------------------------------------------------+
 *  |                 Magic "SPKTRACE" (8 ASCII bytes)              |  16
 *  +---------------------------------------------------------------+
 *  |                         Seed (long)                           |  24
 *  |                 Created at (epoch milliseconds, long)         |  32
 *  +---------------------------------------------------------------+
 *  | then five strings, each an int byte length and UTF-8 bytes:   |  40
 *  |   profile, configuration digest (SHA-256 hex), configuration  |
 *  |   text, creator, Java version                                 |
 * </pre>
 */
public final class TraceRecordDescriptor
{
    /** Version of the format this code writes and reads. */
    public static final int FORMAT_VERSION = 4;
    /** Byte order of every field. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    /** The ASCII bytes "SPKTRACE" read as a little-endian long. */
    public static final long MAGIC = 0x4543_4152_544B_5053L;

    /** Offset of the CRC32C of bytes {@code [CHECKED_OFFSET, length)}. */
    public static final int CHECKSUM_OFFSET = 0;
    /** First byte covered by the checksum. */
    public static final int CHECKED_OFFSET = 4;
    /** Offset of the record length (int), which includes the prefix. */
    public static final int LENGTH_OFFSET = 4;
    /** Offset of the kind code (short). */
    public static final int KIND_OFFSET = 8;
    /** Offset of the flags (short). */
    public static final int FLAGS_OFFSET = 10;
    /** Offset of the record index modulo 2<sup>32</sup> (int). */
    public static final int RECORD_INDEX_OFFSET = 12;
    /** Offset of the tick (long). */
    public static final int TICK_OFFSET = 16;
    /** Offset of the body; also the length of the common prefix. */
    public static final int BODY_OFFSET = 24;

    /** Offset of the number of tick groups in a spike record. */
    public static final int SPIKE_GROUPS_OFFSET = 24;
    /** Offset of the total id count in a spike record. */
    public static final int SPIKE_COUNT_OFFSET = 28;
    /** Offset of the first group of a spike record. */
    public static final int SPIKE_GROUPS_START = 32;
    /** Length of a spike record's group: tick offset and id count (ints). */
    public static final int SPIKE_GROUP_LENGTH = 8;
    /** Offset in a group of its tick, relative to the record's tick. */
    public static final int GROUP_TICK_OFFSET = 0;
    /** Offset in a group of its id count. */
    public static final int GROUP_COUNT_OFFSET = 4;
    /** Most tick groups a spike record holds. */
    public static final int MAX_SPIKE_GROUPS = 256;
    /** Most ids a spike record holds (fewer when the recorder's ring cannot take a record that long). */
    public static final int MAX_SPIKE_IDS = 4096;

    /** Offset of the image index in an IMAGE_START record. */
    public static final int IMAGE_START_IMAGE_OFFSET = 24;
    /** Offset of the label in an IMAGE_START record. */
    public static final int IMAGE_START_LABEL_OFFSET = 28;
    /** Offset of the repeat number in an IMAGE_START record. */
    public static final int IMAGE_START_REPEAT_OFFSET = 32;
    /** Length of an IMAGE_START record. */
    public static final int IMAGE_START_LENGTH = 36;
    /** Flag bit of an IMAGE_START record: the network learns during this presentation. */
    public static final int FLAG_LEARNING = 1;

    /** Offset of the image index in an IMAGE_END record. */
    public static final int IMAGE_END_IMAGE_OFFSET = 24;
    /** Offset of the spike count in an IMAGE_END record. */
    public static final int IMAGE_END_SPIKES_OFFSET = 28;
    /** Length of an IMAGE_END record. */
    public static final int IMAGE_END_LENGTH = 32;

    /** Offset of the number of core ticks a CORE_TICK record covers (the sum of its rows' ticks). */
    public static final int CORE_TICK_COUNT_OFFSET = 24;
    /** Offset of the number of rows of a CORE_TICK record. */
    public static final int CORE_TICK_ROWS_OFFSET = 28;
    /** Offset of the tick offset of the last core tick a CORE_TICK record covers. */
    public static final int CORE_TICK_LAST_OFFSET = 32;
    /** Offset of the first row of a CORE_TICK record. */
    public static final int CORE_TICK_ROWS_START = 36;
    /** Fields of a CORE_TICK row (decoded: the tick offset from the record's tick, then the eight below). */
    public static final int ROW_FIELDS = 9;
    /** Most bytes of an encoded row: nine varints of at most 5 bytes. */
    public static final int MAX_ROW_LENGTH = 5 * ROW_FIELDS;
    /** Field of a decoded row: its first tick, relative to the record's tick (encoded: the increase over the row before). */
    public static final int ROW_TICK = 0;
    /** Field of a row: the number of consecutive ticks it covers (at least 1). */
    public static final int ROW_TICKS = 1;
    /** Field of a row: the core. */
    public static final int ROW_CORE = 2;
    /** Field of a row: the dispatched spikes (per tick). */
    public static final int ROW_SPIKES_IN = 3;
    /** Field of a row: the synaptic operations (per tick). */
    public static final int ROW_SYNAPTIC_OPS = 4;
    /** Field of a row: the neuron updates (per tick). */
    public static final int ROW_NEURON_UPDATES = 5;
    /** Field of a row: the STDP updates (per tick). */
    public static final int ROW_STDP_UPDATES = 6;
    /** Field of a row: the decrement writes (per tick). */
    public static final int ROW_DECREMENTS = 7;
    /** Field of a row: the emitted spikes (per tick). */
    public static final int ROW_SPIKES_OUT = 8;
    /** Most rows a CORE_TICK record holds. */
    public static final int MAX_CORE_TICK_ROWS = 64;

    /** Offset of the evaluations in a PRUNE record. */
    public static final int PRUNE_EVALUATIONS_OFFSET = 24;
    /** Offset of the pruned count in a PRUNE record. */
    public static final int PRUNE_PRUNED_OFFSET = 32;
    /** Offset of the group count in a PRUNE record. */
    public static final int PRUNE_GROUPS_OFFSET = 40;
    /** Length of a PRUNE record. */
    public static final int PRUNE_LENGTH = 44;

    /** Offset of the core in a PRUNE_DECISION record. */
    public static final int DECISION_CORE_OFFSET = 24;
    /** Offset of the pre-synaptic id in a PRUNE_DECISION record. */
    public static final int DECISION_PRE_OFFSET = 28;
    /** Offset of the post-synaptic id in a PRUNE_DECISION record. */
    public static final int DECISION_POST_OFFSET = 32;
    /** Offset of the weight at the time of the cut in a PRUNE_DECISION record. */
    public static final int DECISION_WEIGHT_OFFSET = 36;
    /** Length of a PRUNE_DECISION record. */
    public static final int DECISION_LENGTH = 40;

    /** Offset of the status in the END record. */
    public static final int END_STATUS_OFFSET = 24;
    /** Offset of the event record count in the END record. */
    public static final int END_RECORDS_OFFSET = 28;
    /** Offset of the input spike count in the END record. */
    public static final int END_INPUT_SPIKES_OFFSET = 36;
    /** Offset of the output spike count in the END record. */
    public static final int END_OUTPUT_SPIKES_OFFSET = 44;
    /** Offset of the per-kind record counts (one long per event kind code, 2..8) in the END record. */
    public static final int END_KIND_COUNTS_OFFSET = 52;
    /** Offset of the run digest length in the END record. */
    public static final int END_DIGEST_LENGTH_OFFSET = 108;
    /** Offset of the run digest bytes in the END record. */
    public static final int END_DIGEST_OFFSET = 112;
    /** Longest run digest the END record holds. */
    public static final int MAX_RUN_DIGEST_LENGTH = 256;
    /** First event kind code counted in the END record. */
    public static final int FIRST_EVENT_CODE = 2;
    /** Number of event kinds counted in the END record. */
    public static final int EVENT_KIND_COUNT = 7;

    /** Offset of the format version in the header record. */
    public static final int HEADER_VERSION_OFFSET = 12;
    /** Offset of the magic in the header record. */
    public static final int HEADER_MAGIC_OFFSET = 16;
    /** Length of the part of the header record whose layout never changes. */
    public static final int HEADER_STABLE_LENGTH = 24;
    /** Offset of the seed in the header record. */
    public static final int HEADER_SEED_OFFSET = 24;
    /** Offset of the creation time in the header record. */
    public static final int HEADER_CREATED_OFFSET = 32;
    /** Offset of the first length-prefixed string in the header record. */
    public static final int HEADER_STRINGS_OFFSET = 40;

    private TraceRecordDescriptor()
    {
    }

    /**
     * Length of a spike record.
     *
     * @param groups tick groups in the record.
     * @param count  ids in the record.
     * @return the record length in bytes.
     */
    public static int spikesLength(final int groups, final int count)
    {
        return SPIKE_GROUPS_START + SPIKE_GROUP_LENGTH * groups + 4 * count;
    }

    /**
     * Offset, from the start of a spike record, of its first id.
     *
     * @param groups the record's tick groups.
     * @return the offset.
     */
    public static int spikeIdsStart(final int groups)
    {
        return SPIKE_GROUPS_START + SPIKE_GROUP_LENGTH * groups;
    }

    /**
     * Length of a CORE_TICK record whose rows take {@code rowBytes} bytes: the rows, then zero padding to a multiple
     * of 4.
     *
     * @param rowBytes bytes of its encoded rows.
     * @return the record length in bytes.
     */
    public static int coreTickLength(final int rowBytes)
    {
        return (CORE_TICK_ROWS_START + rowBytes + 3) & ~3;
    }

    /**
     * Encodes rows for a CORE_TICK record.
     *
     * @param rows  {@code n} decoded rows of {@link #ROW_FIELDS} ints each (tick offsets from the record's tick, not
     *              decreasing; every value at least 0).
     * @param n     rows.
     * @param dst   receives the encoding from index 0; room for {@code n * MAX_ROW_LENGTH} bytes.
     * @return bytes written.
     */
    public static int encodeRows(final int[] rows, final int n, final byte[] dst)
    {
        int p = 0;
        int previous = 0;
        for (int r = 0, at = 0; r < n; r++, at += ROW_FIELDS)
        {
            p = putVarint(dst, p, rows[at] - previous);
            previous = rows[at];
            for (int f = 1; f < ROW_FIELDS; f++)
            {
                p = putVarint(dst, p, rows[at + f]);
            }
        }
        return p;
    }

    private static int putVarint(final byte[] dst, final int at, final int value)
    {
        int v = value;
        int p = at;
        while ((v & ~0x7F) != 0)
        {
            dst[p++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        dst[p++] = (byte)v;
        return p;
    }

    /**
     * Decodes the rows of a CORE_TICK record.
     *
     * @param src  the bytes.
     * @param from index of the first row.
     * @param end  index after the last byte the rows may use.
     * @param n    rows to decode.
     * @param out  receives {@code n * ROW_FIELDS} ints: tick offsets from the record's tick, then the fields.
     * @return the index after the last row, or -1 when the bytes do not hold {@code n} rows: a varint runs past
     *         {@code end} or longer than 5 bytes, a value or a tick offset exceeds 2^31 - 1.
     */
    public static int decodeRows(final byte[] src, final int from, final int end, final int n, final int[] out)
    {
        int p = from;
        long offset = 0;
        for (int r = 0, at = 0; r < n; r++, at += ROW_FIELDS)
        {
            for (int f = 0; f < ROW_FIELDS; f++)
            {
                long v = 0;
                int shift = 0;
                while (true)
                {
                    if (p >= end || shift > 28)
                    {
                        return -1;
                    }
                    final int b = src[p++];
                    v |= (long)(b & 0x7F) << shift;
                    if (b >= 0)
                    {
                        break;
                    }
                    shift += 7;
                }
                if (f == ROW_TICK)
                {
                    offset += v;
                    v = offset;
                }
                if (v > Integer.MAX_VALUE)
                {
                    return -1;
                }
                out[at + f] = (int)v;
            }
        }
        return p;
    }

    /**
     * Length of an END record.
     *
     * @param digestLength bytes of the run digest.
     * @return the record length in bytes.
     */
    public static int endLength(final int digestLength)
    {
        return END_DIGEST_OFFSET + digestLength;
    }

    /**
     * The fixed length of a record kind, or -1 for the variable-length kinds (spikes, core ticks, header, END).
     *
     * @param kind the kind.
     * @return its length, or -1.
     */
    public static int fixedLength(final TraceRecordKind kind)
    {
        switch (kind)
        {
            case IMAGE_START:
                return IMAGE_START_LENGTH;
            case IMAGE_END:
                return IMAGE_END_LENGTH;
            case PRUNE:
                return PRUNE_LENGTH;
            case PRUNE_DECISION:
                return DECISION_LENGTH;
            default:
                return -1;
        }
    }
}
