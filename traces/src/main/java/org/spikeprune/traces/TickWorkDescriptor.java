package org.spikeprune.traces;

/**
 * Layout of a trace's tick-work file ({@value #FILE_NAME} beside the queue files): the hardware units' actions of
 * the run (image boundaries, the work of every core in every tick, Prune unit passes) in a compact, run-length
 * encoded form that hardware replay reads without opening the queue. The queue stays the full record of the run;
 * this file repeats its CORE_TICK, IMAGE_START, IMAGE_END and PRUNE events, in the same order, and nothing else.
 *
 * <p>The file is a sequence of blocks, all little-endian. Every block starts with the same 20-byte prefix and is
 * checked by a CRC32C of bytes {@code [4, length)}:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                   CRC32C of bytes [4, length)                 |  0
 *  |                 Length of the block in bytes                  |  4
 *  |          Block kind (0 header, 1 entries, 2 end)              |  8
 *  |                 Block index (header = 0)                      |  12
 *  |                 Entries in the block                          |  16
 *  +---------------------------------------------------------------+
 *  |                         Payload ...                           |  20
 * </pre>
 * Payloads, by block kind:
 * <pre>
 *  HEADER   magic "SPKWORKS" (long) | format version (int) | the trace's header record, as in the queue
 *           (at 20, 28, 32)
 *  ENTRIES  entries, back to back (below)
 *  END      status (int) | entries (long) | core-tick records (long) | digest length d (int) | digest
 *           (at 20, 24, 32, 40, 44)
 * </pre>
 *
 * <p>An entry is a tag byte followed by zig-zag variable-length integers (7 bits a byte, low bits first). Every
 * entry's tick is stored as the difference from the previous entry's tick.
 * <pre>
 *  TICKS_NEW    1 | Δtick | repeat r | cores c | c × (core, spikes in, synaptic ops, neuron updates,
 *                                                     STDP updates, decrements, spikes out)
 *               = the c core-tick records of one tick, in recorded order, for each of the r consecutive ticks
 *                 tick, tick + 1, …, tick + r - 1 (runs of identical ticks, idle ones above all, take one entry);
 *                 these c vectors get the next number of the dictionary (0, 1, 2, … in order of appearance)
 *  TICKS_SAME   2 | Δtick | repeat r | number
 *               = a run of r ticks whose vectors are those of an earlier TICKS_NEW entry
 *  TICKS        3 | as TICKS_NEW, without a number (the dictionary is full)
 *  IMAGE_START  4 | Δtick | image | label | repeat | learning (0 or 1)
 *  IMAGE_END    5 | Δtick | image | spikes
 *  PRUNE        6 | Δtick | evaluations | pruned | groups
 *  TICKS_SEQUENCE 7 | Δtick | count k | k numbers
 *               = k consecutive ticks (tick, tick + 1, …, tick + k - 1), one tick each of the numbered vectors
 * </pre>
 * Most ticks repeat the vectors of an earlier one, so most take two or three bytes in a TICKS_SEQUENCE entry, and a
 * reader that aggregates ticks (a hardware model) sums a tick's vectors once per number, not once per tick.
 *
 * <p>A recording that completes ends the file with an END block. A killed one leaves the file without it (and
 * possibly with its last block cut short); readers then use the queue instead.
 */
public final class TickWorkDescriptor
{
    /** Name of the file in the trace directory. */
    public static final String FILE_NAME = "tick-work.bin";
    /** Version of the layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The ASCII bytes "SPKWORKS" read as a little-endian long. */
    public static final long MAGIC = 0x534B_524F_574B_5053L;

    /** Offset of the CRC32C of bytes {@code [CHECKED_OFFSET, length)}. */
    public static final int CHECKSUM_OFFSET = 0;
    /** First byte covered by the checksum. */
    public static final int CHECKED_OFFSET = 4;
    /** Offset of the block length (int), prefix included. */
    public static final int LENGTH_OFFSET = 4;
    /** Offset of the block kind (int). */
    public static final int KIND_OFFSET = 8;
    /** Offset of the block index (int). */
    public static final int INDEX_OFFSET = 12;
    /** Offset of the entry count (int). */
    public static final int ENTRIES_OFFSET = 16;
    /** Offset of the payload; also the length of the prefix. */
    public static final int PAYLOAD_OFFSET = 20;

    /** Block kind: the header. */
    public static final int KIND_HEADER = 0;
    /** Block kind: entries. */
    public static final int KIND_ENTRIES = 1;
    /** Block kind: the end. */
    public static final int KIND_END = 2;

    /** Offset of the magic in the header block. */
    public static final int HEADER_MAGIC_OFFSET = 20;
    /** Offset of the format version in the header block. */
    public static final int HEADER_VERSION_OFFSET = 28;
    /** Offset of the trace header record in the header block. */
    public static final int HEADER_RECORD_OFFSET = 32;

    /** Offset of the status in the end block. */
    public static final int END_STATUS_OFFSET = 20;
    /** Offset of the entry total in the end block. */
    public static final int END_ENTRIES_OFFSET = 24;
    /** Offset of the core-tick record total in the end block. */
    public static final int END_CORE_TICKS_OFFSET = 32;
    /** Offset of the run digest length in the end block. */
    public static final int END_DIGEST_LENGTH_OFFSET = 40;
    /** Offset of the run digest in the end block. */
    public static final int END_DIGEST_OFFSET = 44;

    /** Entry tag: a run of identical ticks whose vectors join the dictionary. */
    public static final int TAG_TICKS_NEW = 1;
    /** Entry tag: a run of identical ticks whose vectors are in the dictionary. */
    public static final int TAG_TICKS_SAME = 2;
    /** Entry tag: a run of identical ticks outside the dictionary. */
    public static final int TAG_TICKS = 3;
    /** Entry tag: image start. */
    public static final int TAG_IMAGE_START = 4;
    /** Entry tag: image end. */
    public static final int TAG_IMAGE_END = 5;
    /** Entry tag: Prune unit pass. */
    public static final int TAG_PRUNE = 6;
    /** Entry tag: consecutive single ticks of numbered vectors. */
    public static final int TAG_TICKS_SEQUENCE = 7;
    /** Most ticks in one TICKS_SEQUENCE entry. */
    public static final int SEQUENCE_LIMIT = 4096;
    /**
     * Most numbered tick shapes; later new shapes are written as {@link #TAG_TICKS} (so are new shapes once the
     * writer's store of vectors is full). A full dictionary no longer grows, so the agent thread allocates nothing per
     * record however long the run. Readers take any number of shapes; below this limit a shape number takes at most
     * three bytes.
     */
    public static final int DICTIONARY_LIMIT = 1 << 20;

    /** Core-tick field: the core. */
    public static final int CORE = 0;
    /** Core-tick field: spikes dispatched to the core. */
    public static final int SPIKES_IN = 1;
    /** Core-tick field: synaptic operations. */
    public static final int SYNAPTIC_OPS = 2;
    /** Core-tick field: neuron updates. */
    public static final int NEURON_UPDATES = 3;
    /** Core-tick field: STDP updates. */
    public static final int STDP_UPDATES = 4;
    /** Core-tick field: decrement writes. */
    public static final int DECREMENTS = 5;
    /** Core-tick field: spikes emitted. */
    public static final int SPIKES_OUT = 6;
    /** Fields of one core-tick. */
    public static final int FIELDS = 7;

    /** Entry bytes a block collects before it is written. */
    public static final int BLOCK_TARGET = 64 << 10;

    private TickWorkDescriptor()
    {
    }
}
