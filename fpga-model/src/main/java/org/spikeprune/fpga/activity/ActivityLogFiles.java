package org.spikeprune.fpga.activity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.fpga.NetworkShape;

/**
 * The two file forms of an {@link ActivityLog}.
 *
 * <p>Binary (big-endian, {@code java.io.DataOutput}), version 2: magic {@code SPAL}, version ({@code int} 2), the
 * file's total length in bytes ({@code long}), the body, and a CRC-32 ({@code int}) of every byte before it. The
 * body is the network shape, for each phase the tick histogram (vector + count), the image records and the prune
 * passes. Version 1 (still read) is magic, version 1 and the same body, with no length and no checksum. A
 * damaged, truncated or extended file, and a count that the rest of the file cannot hold, are refused with the
 * file's name.
 *
 * <p>CSV: a {@code format,spikeprune-activity,1} line, then rows whose first column names their kind:
 * {@code shape}, {@code layer}, {@code tick}, {@code image}, {@code prune}; {@code #} lines are comments and
 * document the columns.
 */
final class ActivityLogFiles
{
    static final int MAGIC = 0x5350414C;
    /** The binary version written. */
    static final int VERSION = 2;
    /** The binary version without length and checksum, still read. */
    static final int VERSION_1 = 1;
    static final int CSV_VERSION = 1;
    static final String CSV_FORMAT = "spikeprune-activity";

    /** Magic, version and total length of a version 2 file. */
    static final int HEADER_BYTES = 16;
    /** The trailing CRC-32 of a version 2 file. */
    static final int CHECKSUM_BYTES = 4;

    /** Least bytes of a layer in the body: an empty name's length, neurons, weights, plastic. */
    private static final int LAYER_BYTES = 2 + 4 + 8 + 1;
    private static final int TICK_ENTRY_BYTES = 8 * (ActivityLog.TICK_FIELDS + 1);
    private static final int IMAGE_BYTES = 1 + 8 * 3 + 8 * (ActivityLog.TICK_FIELDS - 1) + 8;
    private static final int PRUNE_BYTES = 8 * 4;
    private static final int MAX_LAYERS = 1 << 16;

    private ActivityLogFiles()
    {
    }

    static void write(final ActivityLog log, final Path file)
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            try
            {
                Files.createDirectories(parent);
            }
            catch (final IOException ex)
            {
                throw new InputException("activity file " + file + ": cannot create its folder: " + ex.getMessage(),
                    ex);
            }
        }
        final boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        SafeFiles.write(file, out ->
        {
            if (csv)
            {
                writeCsv(log, out);
            }
            else
            {
                writeBinary(log, out);
            }
        });
    }

    static ActivityLog read(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new InputException("activity file " + file + ": no such file");
        }
        final byte[] head;
        try (InputStream in = Files.newInputStream(file))
        {
            head = in.readNBytes(4);
        }
        catch (final IOException ex)
        {
            throw new InputException("activity file " + file + ": cannot be read: " + ex.getMessage(), ex);
        }
        if (head.length == 4 && ((head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8
            | (head[3] & 0xFF)) == MAGIC)
        {
            return new BinaryReader(file).read();
        }
        return readCsv(file);
    }

    private static void writeBinary(final ActivityLog log, final OutputStream stream) throws IOException
    {
        final CountingOutputStream counter = new CountingOutputStream();
        final DataOutputStream dry = new DataOutputStream(counter);
        writeBody(log, dry);
        dry.flush();
        final long length = HEADER_BYTES + counter.count + CHECKSUM_BYTES;

        final CheckedOutputStream checked = new CheckedOutputStream(stream, new CRC32());
        final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(length);
        writeBody(log, out);
        out.flush();
        final int crc = (int) checked.getChecksum().getValue();
        out.writeInt(crc);
        out.flush();
    }

    private static void writeBody(final ActivityLog log, final DataOutputStream out) throws IOException
    {
        final NetworkShape s = log.shape();
        out.writeUTF(s.name());
        out.writeInt(s.inputs());
        out.writeBoolean(s.layerSequential());
        out.writeInt(s.layers().size());
        for (final NetworkShape.Layer l : s.layers())
        {
            out.writeUTF(l.name());
            out.writeInt(l.neurons());
            out.writeLong(l.weights());
            out.writeBoolean(l.plastic());
        }
        for (int phase = 0; phase < 2; phase++)
        {
            final int n = log.tickEntries(phase);
            out.writeInt(n);
            for (int e = 0; e < n; e++)
            {
                for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
                {
                    out.writeLong(log.tickField(phase, e, f));
                }
                out.writeLong(log.tickCount(phase, e));
            }
        }
        final int images = log.imageRecords();
        out.writeInt(images);
        for (int i = 0; i < images; i++)
        {
            out.writeByte(log.imagePhase(i));
            out.writeLong(log.imageIndex(i));
            out.writeLong(log.imagePresentations(i));
            out.writeLong(log.imageTicks(i));
            for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
            {
                out.writeLong(log.imageTotal(i, f));
            }
            out.writeLong(log.imageOutputSpikes(i));
        }
        final int prunes = log.pruneRecords();
        out.writeInt(prunes);
        for (int i = 0; i < prunes; i++)
        {
            out.writeLong(log.pruneAfterImages(i));
            out.writeLong(log.pruneEvaluations(i));
            out.writeLong(log.prunePruned(i));
            out.writeLong(log.pruneGroups(i));
        }
    }

    /** Reads a binary file of either version: the checksum first (version 2), then the body, every count checked. */
    private static final class BinaryReader
    {
        private final Path file;
        private final String where;
        private long size;
        private CountingInputStream counted;
        private DataInputStream in;
        /** Offset where the body must end: the checksum's (version 2) or the file's end (version 1). */
        private long end;
        private String part = "header";

        BinaryReader(final Path file)
        {
            this.file = file;
            this.where = "activity file " + file + ": ";
        }

        ActivityLog read()
        {
            try
            {
                size = Files.size(file);
                try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16))
                {
                    counted = new CountingInputStream(stream);
                    in = new DataInputStream(counted);
                    in.readInt();
                    final int version = in.readInt();
                    if (version == VERSION)
                    {
                        final long length = in.readLong();
                        checkSum(length);
                        end = length - CHECKSUM_BYTES;
                    }
                    else if (version == VERSION_1)
                    {
                        end = size;
                    }
                    else
                    {
                        throw new InputException(where + "format version must be " + VERSION_1 + " or " + VERSION
                            + ", found " + version);
                    }
                    final ActivityLog log = body();
                    if (counted.count != end)
                    {
                        throw new InputException(where + (version == VERSION
                            ? "damaged: the data ends at byte " + counted.count + ", its checksum is at byte " + end
                            : (size - counted.count) + " unexpected bytes after the end of the data (at byte "
                                + counted.count + ")"));
                    }
                    return log;
                }
            }
            catch (final EOFException ex)
            {
                throw new InputException(where + "truncated (" + size + " bytes, ends inside the " + part + ")", ex);
            }
            catch (final IOException ex)
            {
                throw new InputException(where + "cannot be read: " + ex.getMessage(), ex);
            }
        }

        /** Checks a version 2 file's length and CRC-32 before anything of its body is believed. */
        private void checkSum(final long length) throws IOException
        {
            if (length < HEADER_BYTES + CHECKSUM_BYTES)
            {
                throw new InputException(where + "damaged: its header gives a length of " + length + " bytes");
            }
            if (size < length)
            {
                throw new InputException(where + "truncated (" + size + " bytes, its header gives " + length + ")");
            }
            final CRC32 crc = new CRC32();
            final long stored;
            try (InputStream stream = Files.newInputStream(file))
            {
                final byte[] buffer = new byte[1 << 16];
                long left = length - CHECKSUM_BYTES;
                while (left > 0)
                {
                    final int n = stream.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0)
                    {
                        throw new EOFException();
                    }
                    crc.update(buffer, 0, n);
                    left -= n;
                }
                stored = new DataInputStream(stream).readInt() & 0xFFFF_FFFFL;
            }
            if (crc.getValue() != stored)
            {
                throw new InputException(where + "damaged: checksum mismatch (CRC-32 of its first "
                    + (length - CHECKSUM_BYTES) + " bytes is " + hex(crc.getValue()) + ", the file stores "
                    + hex(stored) + ")");
            }
            if (size > length)
            {
                throw new InputException(where + (size - length) + " unexpected bytes after the end of the data (at "
                    + "byte " + length + ")");
            }
        }

        private ActivityLog body() throws IOException
        {
            part = "network shape";
            final String name = in.readUTF();
            final int inputs = in.readInt();
            final boolean sequential = in.readBoolean();
            final int layers = count(in.readInt(), MAX_LAYERS, LAYER_BYTES, "layer count");
            final List<NetworkShape.Layer> list = new ArrayList<>(layers);
            final ActivityLog log;
            try
            {
                for (int i = 0; i < layers; i++)
                {
                    list.add(new NetworkShape.Layer(in.readUTF(), in.readInt(), in.readLong(), in.readBoolean()));
                }
                log = new ActivityLog(new NetworkShape(name, inputs, sequential, list));
            }
            catch (final InputException ex)
            {
                throw new InputException(where + ex.getMessage(), ex);
            }
            final long[] v = new long[ActivityLog.TICK_FIELDS];
            for (int phase = 0; phase < 2; phase++)
            {
                part = ActivityLog.PHASE_NAMES[phase] + " tick entries";
                final int n = count(in.readInt(), Integer.MAX_VALUE, TICK_ENTRY_BYTES, part);
                for (int e = 0; e < n; e++)
                {
                    for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
                    {
                        v[f] = in.readLong();
                    }
                    final long c = in.readLong();
                    checkVector(v, c, layers, where + ActivityLog.PHASE_NAMES[phase] + " tick entry " + e);
                    log.recordTicks(phase, v, c);
                }
            }
            part = "image records";
            final int images = count(in.readInt(), Integer.MAX_VALUE, IMAGE_BYTES, "image count");
            final long[] totals = new long[ActivityLog.TICK_FIELDS];
            for (int i = 0; i < images; i++)
            {
                final String at = where + "image record " + i + ": ";
                final int phase = in.readByte();
                if (phase != ActivityLog.LEARNING && phase != ActivityLog.INFERENCE)
                {
                    throw new InputException(at + "phase must be 0 or 1, found " + phase);
                }
                final long index = imageIndex(in.readLong(), at);
                final long presentations = atLeastZero(in.readLong(), at, "presentations");
                final long tickRecords = atLeastZero(in.readLong(), at, "tick_records");
                for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
                {
                    totals[f] = atLeastZero(in.readLong(), at, ActivityLog.FIELD_NAMES[f]);
                }
                final long outputSpikes = atLeastZero(in.readLong(), at, "output_spikes");
                log.recordImage(phase, index, presentations, tickRecords, totals, outputSpikes);
            }
            part = "prune records";
            final int prunes = count(in.readInt(), Integer.MAX_VALUE, PRUNE_BYTES, "prune count");
            for (int i = 0; i < prunes; i++)
            {
                final String at = where + "prune record " + i + ": ";
                final long afterImages = atLeastZero(in.readLong(), at, "after_images");
                final long evaluations = atLeastZero(in.readLong(), at, "evaluations");
                final long pruned = atLeastZero(in.readLong(), at, "pruned");
                log.recordPrune(afterImages, evaluations, pruned, groups(in.readLong(), at));
            }
            return log;
        }

        /** A count read from the file: in [0, max] and no more records than the bytes left before the end hold. */
        private int count(final int n, final int max, final int recordBytes, final String what)
        {
            if (n < 0 || n > max)
            {
                throw new InputException(where + what + " must be in [0, " + max + "], found " + n);
            }
            final long left = end - counted.count;
            if ((long) n * recordBytes > left)
            {
                throw new InputException(where + what + " " + n + " needs at least " + (long) n * recordBytes
                    + " bytes, the file holds " + Math.max(0, left) + " more");
            }
            return n;
        }
    }

    /** Counts the bytes written, for the length field, and writes them nowhere. */
    private static final class CountingOutputStream extends OutputStream
    {
        long count;

        @Override
        public void write(final int b)
        {
            count++;
        }

        @Override
        public void write(final byte[] b, final int off, final int len)
        {
            count += len;
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream
    {
        long count;

        CountingInputStream(final InputStream in)
        {
            super(in);
        }

        @Override
        public int read() throws IOException
        {
            final int b = in.read();
            if (b >= 0)
            {
                count++;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = in.read(b, off, len);
            if (n > 0)
            {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(final long n) throws IOException
        {
            final long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported()
        {
            return false;
        }
    }

    private static void writeCsv(final ActivityLog log, final OutputStream stream) throws IOException
    {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)))
        {
            w.write("format," + CSV_FORMAT + "," + CSV_VERSION + "\n");
            w.write("# shape,name,inputs,layer_sequential\n");
            w.write("# layer,name,neurons,weights,plastic\n");
            w.write("# tick,phase,layer,spikes,synaptic_ops,neuron_updates,stdp_updates,decrements,spikes_out,count\n");
            w.write("# image,phase,index,presentations,tick_records,spikes,synaptic_ops,neuron_updates,stdp_updates,"
                + "decrements,spikes_out,output_spikes\n");
            w.write("# prune,after_images,evaluations,pruned,groups\n");
            final NetworkShape s = log.shape();
            w.write("shape," + s.name() + "," + s.inputs() + "," + s.layerSequential() + "\n");
            for (final NetworkShape.Layer l : s.layers())
            {
                w.write("layer," + l.name() + "," + l.neurons() + "," + l.weights() + "," + l.plastic() + "\n");
            }
            final StringBuilder b = new StringBuilder(128);
            for (int phase = 0; phase < 2; phase++)
            {
                for (int e = 0; e < log.tickEntries(phase); e++)
                {
                    b.setLength(0);
                    b.append("tick,").append(ActivityLog.PHASE_NAMES[phase]);
                    for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
                    {
                        b.append(',').append(log.tickField(phase, e, f));
                    }
                    b.append(',').append(log.tickCount(phase, e)).append('\n');
                    w.write(b.toString());
                }
            }
            for (int i = 0; i < log.imageRecords(); i++)
            {
                b.setLength(0);
                b.append("image,").append(ActivityLog.PHASE_NAMES[log.imagePhase(i)]).append(',')
                    .append(log.imageIndex(i)).append(',').append(log.imagePresentations(i)).append(',')
                    .append(log.imageTicks(i));
                for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
                {
                    b.append(',').append(log.imageTotal(i, f));
                }
                b.append(',').append(log.imageOutputSpikes(i)).append('\n');
                w.write(b.toString());
            }
            for (int i = 0; i < log.pruneRecords(); i++)
            {
                w.write("prune," + log.pruneAfterImages(i) + "," + log.pruneEvaluations(i) + ","
                    + log.prunePruned(i) + "," + log.pruneGroups(i) + "\n");
            }
        }
    }

    private static ActivityLog readCsv(final Path file)
    {
        final List<String[]> ticks = new ArrayList<>();
        final List<Integer> tickLines = new ArrayList<>();
        final List<String[]> images = new ArrayList<>();
        final List<Integer> imageLines = new ArrayList<>();
        final List<String[]> prunes = new ArrayList<>();
        final List<Integer> pruneLines = new ArrayList<>();
        final List<NetworkShape.Layer> layers = new ArrayList<>();
        String[] shape = null;
        boolean format = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null)
            {
                n++;
                final String t = line.strip();
                if (t.isEmpty() || t.startsWith("#"))
                {
                    continue;
                }
                final String[] c = t.split(",", -1);
                final String where = "activity file " + file + " line " + n + ": ";
                if (!format)
                {
                    if (c.length != 3 || !c[0].equals("format") || !c[1].equals(CSV_FORMAT))
                    {
                        throw new InputException(where + "expected 'format," + CSV_FORMAT + "," + CSV_VERSION
                            + "' (or a binary activity file), found '" + abbreviate(t) + "'");
                    }
                    if (!c[2].equals(Integer.toString(CSV_VERSION)))
                    {
                        throw new InputException(where + "format version must be " + CSV_VERSION + ", found "
                            + c[2]);
                    }
                    format = true;
                    continue;
                }
                switch (c[0])
                {
                    case "shape" ->
                    {
                        columns(c, 4, where, "shape,name,inputs,layer_sequential");
                        shape = c;
                    }
                    case "layer" ->
                    {
                        columns(c, 5, where, "layer,name,neurons,weights,plastic");
                        final int neurons = intNumber(c[2], where, "neurons");
                        final long weights = number(c[3], where, "weights");
                        final boolean plastic = bool(c[4], where, "plastic");
                        try
                        {
                            layers.add(new NetworkShape.Layer(c[1], neurons, weights, plastic));
                        }
                        catch (final InputException ex)
                        {
                            throw new InputException(where + ex.getMessage(), ex);
                        }
                    }
                    case "tick" ->
                    {
                        columns(c, 3 + ActivityLog.TICK_FIELDS, where, "tick,phase,<7 fields>,count");
                        ticks.add(c);
                        tickLines.add(n);
                    }
                    case "image" ->
                    {
                        columns(c, 12, where, "image,phase,index,presentations,tick_records,<6 totals>,output_spikes");
                        images.add(c);
                        imageLines.add(n);
                    }
                    case "prune" ->
                    {
                        columns(c, 5, where, "prune,after_images,evaluations,pruned,groups");
                        prunes.add(c);
                        pruneLines.add(n);
                    }
                    default -> throw new InputException(where + "row kind must be shape, layer, tick, image or "
                        + "prune, found '" + c[0] + "'");
                }
            }
        }
        catch (final CharacterCodingException ex)
        {
            throw new InputException("activity file " + file + ": not UTF-8 text (neither a binary activity log, "
                + "which starts with SPAL, nor the CSV form)", ex);
        }
        catch (final IOException ex)
        {
            throw new InputException("activity file " + file + ": cannot be read: " + ex.getMessage(), ex);
        }
        if (!format)
        {
            throw new InputException("activity file " + file + ": empty (expected a binary activity log or a CSV "
                + "starting with 'format," + CSV_FORMAT + "," + CSV_VERSION + "')");
        }
        if (shape == null)
        {
            throw new InputException("activity file " + file + ": no 'shape' row");
        }
        final String sw = "activity file " + file + " shape row: ";
        final int inputs = intNumber(shape[2], sw, "inputs");
        final boolean sequential = bool(shape[3], sw, "layer_sequential");
        final ActivityLog log;
        try
        {
            log = new ActivityLog(new NetworkShape(shape[1], inputs, sequential, layers));
        }
        catch (final InputException ex)
        {
            throw new InputException(sw + ex.getMessage(), ex);
        }
        final long[] v = new long[ActivityLog.TICK_FIELDS];
        for (int i = 0; i < ticks.size(); i++)
        {
            final String[] c = ticks.get(i);
            final String where = "activity file " + file + " line " + tickLines.get(i) + ": ";
            final int phase = phase(c[1], where);
            for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
            {
                v[f] = number(c[2 + f], where, ActivityLog.FIELD_NAMES[f]);
            }
            final long count = number(c[2 + ActivityLog.TICK_FIELDS], where, "count");
            checkVector(v, count, layers.size(), where.substring(0, where.length() - 2));
            log.recordTicks(phase, v, count);
        }
        final long[] totals = new long[ActivityLog.TICK_FIELDS];
        for (int i = 0; i < images.size(); i++)
        {
            final String[] c = images.get(i);
            final String where = "activity file " + file + " line " + imageLines.get(i) + ": ";
            for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
            {
                totals[f] = number(c[4 + f], where, ActivityLog.FIELD_NAMES[f]);
            }
            log.recordImage(phase(c[1], where), imageIndex(signed(c[2], where, "index"), where),
                number(c[3], where, "presentations"), number(c[4], where, "tick_records"), totals,
                number(c[11], where, "output_spikes"));
        }
        for (int i = 0; i < prunes.size(); i++)
        {
            final String[] c = prunes.get(i);
            final String where = "activity file " + file + " line " + pruneLines.get(i) + ": ";
            log.recordPrune(number(c[1], where, "after_images"), number(c[2], where, "evaluations"),
                number(c[3], where, "pruned"), groups(number(c[4], where, "groups"), where));
        }
        return log;
    }

    private static void checkVector(final long[] v, final long count, final int layers, final String where)
    {
        for (int f = 0; f < v.length; f++)
        {
            if (v[f] < 0)
            {
                throw new InputException(where + ": " + ActivityLog.FIELD_NAMES[f] + " must be >= 0, found " + v[f]);
            }
        }
        if (v[ActivityLog.LAYER] > Integer.MAX_VALUE || v[ActivityLog.SPIKES] > Integer.MAX_VALUE)
        {
            throw new InputException(where + ": layer and spikes must fit an int, found " + v[ActivityLog.LAYER]
                + " and " + v[ActivityLog.SPIKES]);
        }
        if (v[ActivityLog.LAYER] >= layers)
        {
            throw new InputException(where + ": layer must be below the network's " + layers + " layers, found "
                + v[ActivityLog.LAYER]);
        }
        if (count < 1)
        {
            throw new InputException(where + ": count must be >= 1, found " + count);
        }
    }

    /** An image record's data-set index: -1 for ticks reported before any image, else >= 0. */
    private static long imageIndex(final long index, final String where)
    {
        if (index < -1)
        {
            throw new InputException(where + "index must be >= -1, found " + index);
        }
        return index;
    }

    private static long atLeastZero(final long v, final String where, final String field)
    {
        if (v < 0)
        {
            throw new InputException(where + field + " must be >= 0, found " + v);
        }
        return v;
    }

    /** A prune pass's neuron groups, which the sink reports as an int. */
    private static long groups(final long groups, final String where)
    {
        if (groups < 0 || groups > Integer.MAX_VALUE)
        {
            throw new InputException(where + "groups must be in [0, " + Integer.MAX_VALUE + "], found " + groups);
        }
        return groups;
    }

    private static String hex(final long crc)
    {
        return String.format(Locale.ROOT, "0x%08x", crc);
    }

    private static void columns(final String[] c, final int n, final String where, final String expected)
    {
        if (c.length != n)
        {
            throw new InputException(where + "expected " + n + " columns (" + expected + "), found " + c.length);
        }
    }

    private static long number(final String s, final String where, final String field)
    {
        try
        {
            final long v = Long.parseLong(s.strip());
            if (v < 0)
            {
                throw new InputException(where + field + " must be >= 0, found " + v);
            }
            return v;
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException(where + field + " must be a whole number, found '" + abbreviate(s) + "'", ex);
        }
    }

    private static int intNumber(final String s, final String where, final String field)
    {
        final long v = number(s, where, field);
        if (v > Integer.MAX_VALUE)
        {
            throw new InputException(where + field + " must be at most " + Integer.MAX_VALUE + ", found " + v);
        }
        return (int) v;
    }

    private static long signed(final String s, final String where, final String field)
    {
        try
        {
            return Long.parseLong(s.strip());
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException(where + field + " must be a whole number, found '" + abbreviate(s) + "'", ex);
        }
    }

    private static boolean bool(final String s, final String where, final String field)
    {
        final String t = s.strip();
        if (t.equals("true") || t.equals("false"))
        {
            return t.equals("true");
        }
        throw new InputException(where + field + " must be true or false, found '" + abbreviate(s) + "'");
    }

    private static int phase(final String s, final String where)
    {
        final String t = s.strip();
        for (int p = 0; p < ActivityLog.PHASE_NAMES.length; p++)
        {
            if (ActivityLog.PHASE_NAMES[p].equals(t))
            {
                return p;
            }
        }
        throw new InputException(where + "phase must be learning or inference, found '" + abbreviate(s) + "'");
    }

    private static String abbreviate(final String s)
    {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
