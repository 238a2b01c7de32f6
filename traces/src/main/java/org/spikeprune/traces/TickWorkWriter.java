package org.spikeprune.traces;

import static org.spikeprune.traces.TickWorkDescriptor.BLOCK_TARGET;
import static org.spikeprune.traces.TickWorkDescriptor.CHECKED_OFFSET;
import static org.spikeprune.traces.TickWorkDescriptor.CHECKSUM_OFFSET;
import static org.spikeprune.traces.TickWorkDescriptor.FIELDS;
import static org.spikeprune.traces.TickWorkDescriptor.PAYLOAD_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a trace's tick-work file ({@link TickWorkDescriptor}) from the records the trace agent drains: it groups
 * the CORE_TICK records of a tick, merges consecutive identical ticks into one entry, and writes the entries in
 * checked blocks. Called on the agent thread only; allocates nothing per record once its arrays have grown to the
 * largest tick.
 */
final class TickWorkWriter
{
    private final Path file;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();

    /** Room for any entry that starts below the target: a full sequence (3 bytes a shape) or a tick of 200 cores. */
    private byte[] block = new byte[BLOCK_TARGET + (16 << 10)];
    private ByteBuffer blockView = ByteBuffer.wrap(block);
    private UnsafeBuffer blockBuffer = new UnsafeBuffer(block);
    private int position = PAYLOAD_OFFSET;
    private int blockEntries;
    private int blockIndex;
    private long entries;
    private long coreTicks;
    private long bytes;
    private long lastTick;

    /** The tick being collected: its core-tick vectors, FIELDS ints each (a trace's row fields are ints). */
    private long groupTick;
    private int groupCores;
    private int[] group = new int[4 * FIELDS];

    /** The run not yet written: its first tick, how many ticks, and its vectors. */
    private long runTick;
    private int runRepeat;
    private int runCores;
    private int[] run = new int[4 * FIELDS];

    private final Dictionary dictionary = new Dictionary();

    /** Consecutive single ticks of known shapes not yet written: the first tick and the shape numbers. */
    private final int[] sequence = new int[TickWorkDescriptor.SEQUENCE_LIMIT];
    private int sequenceLength;
    private long sequenceTick;

    private TickWorkWriter(final Path file, final FileChannel channel)
    {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Creates the file (replacing any) and writes its header block.
     *
     * @param dir          the trace directory.
     * @param headerRecord the trace's encoded header record.
     * @return the writer.
     * @throws TraceException when the file cannot be written.
     */
    static TickWorkWriter create(final Path dir, final byte[] headerRecord)
    {
        final Path file = dir.resolve(TickWorkDescriptor.FILE_NAME);
        final FileChannel channel;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new TraceException("trace " + dir + ": cannot create " + file.getFileName() + ": " + ex, ex);
        }
        final TickWorkWriter w = new TickWorkWriter(file, channel);
        final int length = TickWorkDescriptor.HEADER_RECORD_OFFSET + headerRecord.length;
        final byte[] b = new byte[length];
        final UnsafeBuffer u = new UnsafeBuffer(b);
        u.putLong(TickWorkDescriptor.HEADER_MAGIC_OFFSET, TickWorkDescriptor.MAGIC, BYTE_ORDER);
        u.putInt(TickWorkDescriptor.HEADER_VERSION_OFFSET, TickWorkDescriptor.FORMAT_VERSION, BYTE_ORDER);
        u.putBytes(TickWorkDescriptor.HEADER_RECORD_OFFSET, headerRecord);
        w.writeBlock(b, u, length, TickWorkDescriptor.KIND_HEADER, 0);
        return w;
    }

    /** Bytes written so far. */
    long bytes()
    {
        return bytes;
    }

    /** One CORE_TICK record. */
    void onCoreTick(final long tick, final int core, final int spikesIn, final int synapticOps,
        final int neuronUpdates, final int stdpUpdates, final int decrements, final int spikesOut)
    {
        if (groupCores > 0 && tick != groupTick)
        {
            closeGroup();
        }
        groupTick = tick;
        final int at = groupCores * FIELDS;
        if (at + FIELDS > group.length)
        {
            group = Arrays.copyOf(group, group.length * 2);
        }
        final int[] g = group;
        g[at + TickWorkDescriptor.CORE] = core;
        g[at + TickWorkDescriptor.SPIKES_IN] = spikesIn;
        g[at + TickWorkDescriptor.SYNAPTIC_OPS] = synapticOps;
        g[at + TickWorkDescriptor.NEURON_UPDATES] = neuronUpdates;
        g[at + TickWorkDescriptor.STDP_UPDATES] = stdpUpdates;
        g[at + TickWorkDescriptor.DECREMENTS] = decrements;
        g[at + TickWorkDescriptor.SPIKES_OUT] = spikesOut;
        groupCores++;
        coreTicks++;
    }

    /**
     * A CORE_TICK row: {@code ticks} consecutive ticks of one core with the same work. The ticks between its first
     * and its last, which no other core's row can share, extend the run without a call each when the run is this
     * core alone with this work.
     */
    void onCoreTicks(final long first, final int ticks, final int core, final int spikesIn, final int synapticOps,
        final int neuronUpdates, final int stdpUpdates, final int decrements, final int spikesOut)
    {
        onCoreTick(first, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
        if (ticks > 2)
        {
            closeGroup();
            if (runRepeat > 0 && runCores == 1 && runTick + runRepeat == first + 1)
            {
                runRepeat += ticks - 2;
                coreTicks += ticks - 2;
            }
            else
            {
                for (int k = 1; k < ticks - 1; k++)
                {
                    onCoreTick(first + k, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements,
                        spikesOut);
                }
            }
        }
        if (ticks > 1)
        {
            onCoreTick(first + ticks - 1, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements,
                spikesOut);
        }
    }

    /** An IMAGE_START record ({@code learning} 1 when the network learns, else 0: no branch on the phase). */
    void onImageStart(final long tick, final int image, final int label, final int learning, final int repeat)
    {
        flushTicks();
        ensure(5 * 10 + 1);
        beginEntry(TickWorkDescriptor.TAG_IMAGE_START, tick);
        putVar(image);
        putVar(label);
        putVar(repeat);
        putVar(learning);
        endEntry();
    }

    /** An IMAGE_END record. */
    void onImageEnd(final long tick, final int image, final int spikes)
    {
        flushTicks();
        ensure(3 * 10 + 1);
        beginEntry(TickWorkDescriptor.TAG_IMAGE_END, tick);
        putVar(image);
        putVar(spikes);
        endEntry();
    }

    /** A PRUNE record. */
    void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        flushTicks();
        ensure(4 * 10 + 1);
        beginEntry(TickWorkDescriptor.TAG_PRUNE, tick);
        putVar(evaluations);
        putVar(pruned);
        putVar(groups);
        endEntry();
    }

    /**
     * Writes what is pending and the END block, and closes the file.
     *
     * @param status    the trace's status.
     * @param runDigest the run digest ("" if none).
     */
    void finish(final TraceStatus status, final String runDigest)
    {
        flushTicks();
        writeEntries();
        final byte[] digest = runDigest.getBytes(StandardCharsets.US_ASCII);
        final int length = TickWorkDescriptor.END_DIGEST_OFFSET + digest.length;
        final byte[] b = new byte[length];
        final UnsafeBuffer u = new UnsafeBuffer(b);
        u.putInt(TickWorkDescriptor.END_STATUS_OFFSET, status.code(), BYTE_ORDER);
        u.putLong(TickWorkDescriptor.END_ENTRIES_OFFSET, entries, BYTE_ORDER);
        u.putLong(TickWorkDescriptor.END_CORE_TICKS_OFFSET, coreTicks, BYTE_ORDER);
        u.putInt(TickWorkDescriptor.END_DIGEST_LENGTH_OFFSET, digest.length, BYTE_ORDER);
        u.putBytes(TickWorkDescriptor.END_DIGEST_OFFSET, digest);
        writeBlock(b, u, length, TickWorkDescriptor.KIND_END, 0);
        close();
    }

    /** Closes the file without an END block (after a failure). */
    void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new TraceException("trace: cannot close " + file + ": " + ex, ex);
        }
    }

    private void closeGroup()
    {
        final int cores = groupCores;
        if (cores == 0)
        {
            return;
        }
        groupCores = 0;
        if (runRepeat > 0 && groupTick == runTick + runRepeat && cores == runCores
            && same(group, 0, run, cores * FIELDS))
        {
            runRepeat++;
            return;
        }
        writeRun();
        final int[] swap = run;
        run = group;
        group = swap;
        runTick = groupTick;
        runCores = cores;
        runRepeat = 1;
    }

    private void flushTicks()
    {
        closeGroup();
        writeRun();
        flushSequence();
    }

    /** Writes the open sequence of single numbered ticks, if any. */
    private void flushSequence()
    {
        final int n = sequenceLength;
        if (n == 0)
        {
            return;
        }
        sequenceLength = 0;
        if (n == 1)
        {
            ensure(4 * 10);
            beginEntry(TickWorkDescriptor.TAG_TICKS_SAME, sequenceTick);
            putVar(1);
            putVar(sequence[0]);
            endEntry();
            return;
        }
        // shape numbers are below the dictionary's limit of 2^20: 3 bytes each at most
        ensure(3 * 10 + n * 3);
        beginEntry(TickWorkDescriptor.TAG_TICKS_SEQUENCE, sequenceTick);
        putVar(n);
        final int[] q = sequence;
        for (int i = 0; i < n; i++)
        {
            putVar(q[i]);
        }
        endEntry();
    }

    private void writeRun()
    {
        if (runRepeat == 0)
        {
            return;
        }
        final int cores = runCores;
        final int n = cores * FIELDS;
        final int[] r = run;
        final int known = dictionary.find(r, n);
        if (known >= 0 && runRepeat == 1)
        {
            // one tick of a known shape: it joins the open sequence when it is the next tick
            if (sequenceLength > 0 && runTick == sequenceTick + sequenceLength
                && sequenceLength < TickWorkDescriptor.SEQUENCE_LIMIT)
            {
                sequence[sequenceLength++] = known;
            }
            else
            {
                flushSequence();
                sequenceTick = runTick;
                sequence[0] = known;
                sequenceLength = 1;
            }
            runRepeat = 0;
            return;
        }
        flushSequence();
        ensure(4 * 10 + n * 10);
        if (known >= 0)
        {
            beginEntry(TickWorkDescriptor.TAG_TICKS_SAME, runTick);
            putVar(runRepeat);
            putVar(known);
        }
        else
        {
            beginEntry(dictionary.add(r, n) ? TickWorkDescriptor.TAG_TICKS_NEW : TickWorkDescriptor.TAG_TICKS,
                runTick);
            putVar(runRepeat);
            putVar(cores);
            for (int i = 0; i < n; i++)
            {
                putVar(r[i]);
            }
        }
        endEntry();
        runRepeat = 0;
    }

    private void beginEntry(final int tag, final long tick)
    {
        block[position++] = (byte)tag;
        putVar(tick - lastTick);
        lastTick = tick;
    }

    private void endEntry()
    {
        blockEntries++;
        entries++;
        if (position - PAYLOAD_OFFSET >= BLOCK_TARGET)
        {
            writeEntries();
        }
    }

    private void ensure(final int room)
    {
        if (position + room > block.length)
        {
            grow(room);
        }
    }

    /** Makes room for an entry of a tick with many cores (a block is sized for 64 cores' entries). */
    private void grow(final int room)
    {
        block = Arrays.copyOf(block, position + room);
        blockView = ByteBuffer.wrap(block);
        blockBuffer = new UnsafeBuffer(block);
    }

    private void putVar(final long value)
    {
        long v = (value << 1) ^ (value >> 63);
        final byte[] b = block;
        int p = position;
        while ((v & ~0x7FL) != 0)
        {
            b[p++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte)v;
        position = p;
    }

    private void writeEntries()
    {
        if (position == PAYLOAD_OFFSET)
        {
            return;
        }
        writeBlock(block, blockBuffer, position, TickWorkDescriptor.KIND_ENTRIES, blockEntries);
        position = PAYLOAD_OFFSET;
        blockEntries = 0;
    }

    private void writeBlock(final byte[] b, final UnsafeBuffer u, final int length, final int kind,
        final int count)
    {
        u.putInt(TickWorkDescriptor.LENGTH_OFFSET, length, BYTE_ORDER);
        u.putInt(TickWorkDescriptor.KIND_OFFSET, kind, BYTE_ORDER);
        u.putInt(TickWorkDescriptor.INDEX_OFFSET, blockIndex++, BYTE_ORDER);
        u.putInt(TickWorkDescriptor.ENTRIES_OFFSET, count, BYTE_ORDER);
        crc.reset();
        crc.update(b, CHECKED_OFFSET, length - CHECKED_OFFSET);
        u.putInt(CHECKSUM_OFFSET, (int)crc.getValue(), BYTE_ORDER);
        final ByteBuffer view = b == block ? blockView : ByteBuffer.wrap(b);
        view.clear().limit(length);
        try
        {
            while (view.hasRemaining())
            {
                channel.write(view);
            }
        }
        catch (final IOException ex)
        {
            throw new TraceException("trace: cannot write " + file + ": " + ex, ex);
        }
        bytes += length;
    }

    /**
     * Whether {@code a[from, from + n)} equals {@code b[0, n)}: a plain loop, which for the few ints of a tick's
     * vectors costs less than the set-up of {@link Arrays#equals(int[], int, int, int[], int, int)}.
     */
    static boolean same(final int[] a, final int from, final int[] b, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            if (a[from + i] != b[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The distinct ticks written so far (their core-tick vectors), each numbered in order of first appearance, until
     * {@link TickWorkDescriptor#DICTIONARY_LIMIT} shapes or {@link #DATA_LIMIT} stored ints: open addressing over
     * primitive arrays.
     *
     * <p>A slot keeps 8 bits of the vector's hash beside its number, so a probe compares the vector only when these
     * agree. Eight bits rather than all 32: vectors with equal tags but different contents then turn up in the first
     * thousand look-ups, while the code is still being profiled, and the optimising compiler keeps that path instead
     * of compiling it out and recompiling the writer the first time two of the tens of thousands of shapes share a
     * full 32-bit hash (it happened twice in a 1,000-image run). The cost is one vector comparison in 256 probes.
     */
    private static final class Dictionary
    {
        /** Most vector ints stored: 2^21 ints (8 MiB), e.g. 300,000 one-core shapes or 37,000 eight-core ones. */
        static final int DATA_LIMIT = 1 << 21;
        private static final int ID_MASK = (1 << 24) - 1;

        private int[] data = new int[1024];
        private int[] offsets = new int[256];
        private int[] lengths = new int[256];
        /** Open addressing: each slot holds {@code (tag << 24) | (id + 1)}, 0 when empty. */
        private int[] table = new int[512];
        private int dataLength;
        private int size;

        /** The number of the vectors {@code v[0, n)}, or -1. */
        int find(final int[] v, final int n)
        {
            final int h = hash(v, 0, n);
            final int tag = h >>> 24;
            final int[] t = table;
            final int mask = t.length - 1;
            int slot = h & mask;
            while (true)
            {
                final int e = t[slot];
                if (e == 0)
                {
                    return -1;
                }
                if (e >>> 24 == tag)
                {
                    final int id = (e & ID_MASK) - 1;
                    final int from = offsets[id];
                    if (lengths[id] == n && same(data, from, v, n))
                    {
                        return id;
                    }
                }
                slot = (slot + 1) & mask;
            }
        }

        /** Numbers the vectors {@code v[0, n)} (not yet known); false when the dictionary is full. */
        boolean add(final int[] v, final int n)
        {
            if (size >= TickWorkDescriptor.DICTIONARY_LIMIT || dataLength + n > DATA_LIMIT)
            {
                return false;
            }
            if (2 * (size + 1) > table.length)
            {
                rehash();
            }
            if (size == offsets.length)
            {
                offsets = Arrays.copyOf(offsets, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
            }
            if (dataLength + n > data.length)
            {
                data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + n));
            }
            System.arraycopy(v, 0, data, dataLength, n);
            offsets[size] = dataLength;
            lengths[size] = n;
            dataLength += n;
            insert(size, hash(v, 0, n));
            size++;
            return true;
        }

        private void insert(final int id, final int hash)
        {
            final int mask = table.length - 1;
            int slot = hash & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = (hash >>> 24) << 24 | (id + 1);
        }

        private void rehash()
        {
            table = new int[table.length * 2];
            for (int id = 0; id < size; id++)
            {
                insert(id, hash(data, offsets[id], lengths[id]));
            }
        }

        /** A 32-bit hash of {@code v[from, from + n)}, every bit mixed (the low bits pick the slot, the top 8 tag). */
        private static int hash(final int[] v, final int from, final int n)
        {
            long h = n;
            for (int i = from; i < from + n; i++)
            {
                h = (h + v[i]) * 0x9E37_79B9_7F4A_7C15L;
            }
            h ^= h >>> 32;
            h *= 0xD6E8_FEB8_6659_FD93L;
            h ^= h >>> 32;
            return (int)h;
        }
    }
}
