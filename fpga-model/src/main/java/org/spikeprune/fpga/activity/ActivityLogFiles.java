package org.spikeprune.fpga.activity;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.fpga.NetworkShape;

/**
 * The two file forms of an {@link ActivityLog}.
 *
 * <p>Binary (big-endian, {@code java.io.DataOutput}): magic {@code SPAL}, version, the network shape, for each
 * phase the tick histogram (vector + count), the image records, the prune passes.
 *
 * <p>CSV: a {@code format,spikeprune-activity,1} line, then rows whose first column names their kind:
 * {@code shape}, {@code layer}, {@code tick}, {@code image}, {@code prune}; {@code #} lines are comments and
 * document the columns.
 */
final class ActivityLogFiles
{
    static final int MAGIC = 0x5350414C;
    static final int VERSION = 1;
    static final String CSV_FORMAT = "spikeprune-activity";

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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file)))
        {
            in.mark(4);
            final byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 4 && ((head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8
                | (head[3] & 0xFF)) == MAGIC)
            {
                return readBinary(new DataInputStream(in), file);
            }
        }
        catch (final IOException ex)
        {
            throw new InputException("activity file " + file + ": cannot be read: " + ex.getMessage(), ex);
        }
        return readCsv(file);
    }

    private static void writeBinary(final ActivityLog log, final OutputStream stream) throws IOException
    {
        try (DataOutputStream out = new DataOutputStream(stream))
        {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
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
    }

    private static ActivityLog readBinary(final DataInputStream in, final Path file)
    {
        final String where = "activity file " + file + ": ";
        try
        {
            in.readInt();
            final int version = in.readInt();
            if (version != VERSION)
            {
                throw new InputException(where + "format version must be " + VERSION + ", found " + version);
            }
            final String name = in.readUTF();
            final int inputs = in.readInt();
            final boolean sequential = in.readBoolean();
            final int layers = count(in.readInt(), 1 << 16, where + "layer count");
            final List<NetworkShape.Layer> list = new ArrayList<>(layers);
            for (int i = 0; i < layers; i++)
            {
                list.add(new NetworkShape.Layer(in.readUTF(), in.readInt(), in.readLong(), in.readBoolean()));
            }
            final ActivityLog log = new ActivityLog(new NetworkShape(name, inputs, sequential, list));
            final long[] v = new long[ActivityLog.TICK_FIELDS];
            for (int phase = 0; phase < 2; phase++)
            {
                final int n = count(in.readInt(), Integer.MAX_VALUE, where + "tick entries");
                for (int e = 0; e < n; e++)
                {
                    for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
                    {
                        v[f] = in.readLong();
                    }
                    final long c = in.readLong();
                    checkVector(v, c, where + "tick entry " + e);
                    log.recordTicks(phase, v, c);
                }
            }
            final int images = count(in.readInt(), Integer.MAX_VALUE, where + "image count");
            final long[] totals = new long[ActivityLog.TICK_FIELDS];
            for (int i = 0; i < images; i++)
            {
                final int phase = in.readByte();
                if (phase != 0 && phase != 1)
                {
                    throw new InputException(where + "image record " + i + ": phase must be 0 or 1, found " + phase);
                }
                final long index = in.readLong();
                final long presentations = in.readLong();
                final long tickRecords = in.readLong();
                for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
                {
                    totals[f] = in.readLong();
                }
                log.recordImage(phase, index, presentations, tickRecords, totals, in.readLong());
            }
            final int prunes = count(in.readInt(), Integer.MAX_VALUE, where + "prune count");
            for (int i = 0; i < prunes; i++)
            {
                log.recordPrune(in.readLong(), in.readLong(), in.readLong(), in.readLong());
            }
            return log;
        }
        catch (final EOFException ex)
        {
            throw new InputException(where + "truncated (ends before the prune records are complete)", ex);
        }
        catch (final IOException ex)
        {
            throw new InputException(where + "cannot be read: " + ex.getMessage(), ex);
        }
    }

    private static void writeCsv(final ActivityLog log, final OutputStream stream) throws IOException
    {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)))
        {
            w.write("format," + CSV_FORMAT + "," + VERSION + "\n");
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
                        throw new InputException(where + "expected 'format," + CSV_FORMAT + "," + VERSION
                            + "' (or a binary activity file), found '" + abbreviate(t) + "'");
                    }
                    if (!c[2].equals(Integer.toString(VERSION)))
                    {
                        throw new InputException(where + "format version must be " + VERSION + ", found " + c[2]);
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
                        layers.add(new NetworkShape.Layer(c[1], (int) number(c[2], where, "neurons"),
                            number(c[3], where, "weights"), bool(c[4], where, "plastic")));
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
        catch (final IOException ex)
        {
            throw new InputException("activity file " + file + ": cannot be read: " + ex.getMessage(), ex);
        }
        if (!format)
        {
            throw new InputException("activity file " + file + ": empty (expected a binary activity log or a CSV "
                + "starting with 'format," + CSV_FORMAT + "," + VERSION + "')");
        }
        if (shape == null)
        {
            throw new InputException("activity file " + file + ": no 'shape' row");
        }
        final String sw = "activity file " + file + " shape row: ";
        final ActivityLog log = new ActivityLog(new NetworkShape(shape[1], (int) number(shape[2], sw, "inputs"),
            bool(shape[3], sw, "layer_sequential"), layers));
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
            checkVector(v, count, where.substring(0, where.length() - 2));
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
            log.recordImage(phase(c[1], where), signed(c[2], where, "index"), number(c[3], where, "presentations"),
                number(c[4], where, "tick_records"), totals, number(c[11], where, "output_spikes"));
        }
        for (int i = 0; i < prunes.size(); i++)
        {
            final String[] c = prunes.get(i);
            final String where = "activity file " + file + " line " + pruneLines.get(i) + ": ";
            log.recordPrune(number(c[1], where, "after_images"), number(c[2], where, "evaluations"),
                number(c[3], where, "pruned"), number(c[4], where, "groups"));
        }
        return log;
    }

    private static void checkVector(final long[] v, final long count, final String where)
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
        if (count < 1)
        {
            throw new InputException(where + ": count must be >= 1, found " + count);
        }
    }

    private static int count(final int n, final int max, final String what)
    {
        if (n < 0 || n > max)
        {
            throw new InputException(what + " must be in [0, " + max + "], found " + n);
        }
        return n;
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
