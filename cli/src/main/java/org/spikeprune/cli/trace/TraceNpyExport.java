package org.spikeprune.cli.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spikeprune.cli.RunOutput;
import org.spikeprune.core.InputException;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRange;
import org.spikeprune.traces.TraceReader;
import org.spikeprune.traces.TraceRecordKind;

/**
 * Writes a trace's events as NumPy arrays, one {@code .npy} file per kind of event, for analysis with numpy: the
 * spike rasters as (tick, id) rows, each core tick's counts, the image presentations, the prune passes and
 * decisions. The files are written in one pass over the trace, each through a hidden file whose header is completed
 * with the row count at the end and which is then moved into place; {@code manifest.json} names every column.
 */
final class TraceNpyExport
{
    /** Rows of the header, padded so that the data starts at a multiple of 64 bytes (128 here). */
    private static final int HEADER_BYTES = 128;

    /** A file being written: an int64 or float64 matrix of a fixed number of columns. */
    private static final class Matrix implements AutoCloseable
    {
        final String name;
        final String descr;
        final List<String> columns;
        final String meaning;
        final Path tmp;
        final FileChannel channel;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long rows;

        Matrix(final Path dir, final String name, final String descr, final List<String> columns, final String meaning)
            throws IOException
        {
            this.name = name;
            this.descr = descr;
            this.columns = columns;
            this.meaning = meaning;
            this.tmp = dir.resolve("." + name + ".tmp");
            this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
            channel.write(ByteBuffer.wrap(header(0)));
        }

        /** An int64 value (the float64 matrix takes {@link #put(double)}). */
        void put(final long v) throws IOException
        {
            if (buffer.remaining() < 8)
            {
                flush();
            }
            buffer.putLong(v);
        }

        void put(final double v) throws IOException
        {
            if (buffer.remaining() < 8)
            {
                flush();
            }
            buffer.putDouble(v);
        }

        void endRow()
        {
            rows++;
        }

        private void flush() throws IOException
        {
            buffer.flip();
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            buffer.clear();
        }

        private byte[] header(final long n)
        {
            final String shape = "(" + n + ", " + columns.size() + ")";
            final String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
            final byte[] out = new byte[HEADER_BYTES];
            final byte[] magic = {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
            System.arraycopy(magic, 0, out, 0, magic.length);
            final int length = HEADER_BYTES - magic.length - 2;
            out[8] = (byte)length;
            out[9] = (byte)(length >>> 8);
            final byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, out, 10, text.length);
            for (int i = 10 + text.length; i < HEADER_BYTES - 1; i++)
            {
                out[i] = ' ';
            }
            out[HEADER_BYTES - 1] = '\n';
            return out;
        }

        /** Completes the header with the row count and moves the file into place. */
        void finish(final Path dir) throws IOException
        {
            flush();
            channel.write(ByteBuffer.wrap(header(rows)), 0);
            channel.force(false);
            channel.close();
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void close() throws IOException
        {
            if (channel.isOpen())
            {
                channel.close();
            }
            Files.deleteIfExists(tmp);
        }
    }

    private TraceNpyExport()
    {
    }

    /**
     * Exports the remaining records of a reader into a folder.
     *
     * @param reader an open reader, before its first event record.
     * @param range  which records to write (as {@code trace export} selects them).
     * @param out    the folder; files of the same names in it are replaced, nothing else is touched.
     * @return rows written per file.
     * @throws InputException when a file cannot be written.
     */
    static Map<String, Long> write(final TraceReader reader, final TraceRange range, final Path out)
    {
        final Path dir = out.toAbsolutePath().normalize();
        final List<Matrix> files = new ArrayList<>();
        try
        {
            Files.createDirectories(dir);
            final Matrix input = add(files, new Matrix(dir, "input_spikes.npy", "<i8", List.of("tick", "id"),
                "input spikes: one row per spike, in the order dispatched"));
            final Matrix output = add(files, new Matrix(dir, "output_spikes.npy", "<i8", List.of("tick", "id"),
                "output spikes: one row per spike, ids in ascending order within a tick"));
            final Matrix cores = add(files, new Matrix(dir, "core_ticks.npy", "<i8", List.of("tick", "core",
                "spikes_in", "synaptic_ops", "neuron_updates", "stdp_updates", "decrements", "spikes_out"),
                "one row per core and tick: the work of that processing element"));
            final Matrix images = add(files, new Matrix(dir, "presentations.npy", "<i8", List.of("start_tick",
                "end_tick", "image", "label", "learning", "repeat", "spikes"),
                "one row per image presentation; learning is 1 while the network learns; end_tick and spikes are -1 "
                    + "when the presentation does not end within the export"));
            final Matrix prunes = add(files, new Matrix(dir, "prune_passes.npy", "<i8", List.of("tick",
                "evaluations", "pruned", "groups"), "one row per Prune unit pass"));
            final Matrix decisions = add(files, new Matrix(dir, "prune_decisions.npy", "<f8", List.of("tick", "core",
                "pre", "post", "weight"), "one row per synapse cut (recorded only when decisions were traced)"));
            long presentation = -1;
            long[] open = null;
            while (reader.next())
            {
                final TraceRecordKind kind = reader.kind();
                final long tick = reader.tick();
                if (kind == TraceRecordKind.IMAGE_START)
                {
                    presentation++;
                }
                if (!kind.isSpikes() && kind != TraceRecordKind.CORE_TICK && range.isPast(tick, presentation))
                {
                    break;
                }
                if (!range.contains(tick, presentation))
                {
                    continue;
                }
                switch (kind)
                {
                    case INPUT_SPIKES, OUTPUT_SPIKES ->
                    {
                        final Matrix m = kind == TraceRecordKind.INPUT_SPIKES ? input : output;
                        for (int i = 0, n = reader.spikeCount(); i < n; i++)
                        {
                            m.put(tick);
                            m.put((long)reader.spikeId(i));
                            m.endRow();
                        }
                    }
                    case CORE_TICK ->
                    {
                        cores.put(tick);
                        cores.put((long)reader.core());
                        cores.put((long)reader.spikesIn());
                        cores.put(reader.synapticOps());
                        cores.put(reader.neuronUpdates());
                        cores.put(reader.stdpUpdates());
                        cores.put(reader.decrements());
                        cores.put((long)reader.spikesOut());
                        cores.endRow();
                    }
                    case IMAGE_START ->
                    {
                        if (open != null)
                        {
                            presentationRow(images, open, -1, -1);
                        }
                        open = new long[] {tick, reader.image(), reader.label(), reader.learning() ? 1 : 0,
                            reader.repeat()};
                    }
                    case IMAGE_END ->
                    {
                        if (open != null)
                        {
                            presentationRow(images, open, tick, reader.imageSpikes());
                            open = null;
                        }
                    }
                    case PRUNE ->
                    {
                        prunes.put(tick);
                        prunes.put(reader.evaluations());
                        prunes.put(reader.pruned());
                        prunes.put((long)reader.groups());
                        prunes.endRow();
                    }
                    case PRUNE_DECISION ->
                    {
                        decisions.put((double)tick);
                        decisions.put((double)reader.core());
                        decisions.put((double)reader.pre());
                        decisions.put((double)reader.post());
                        decisions.put((double)reader.weight());
                        decisions.endRow();
                    }
                    default -> throw new IllegalStateException("not an event: " + kind);
                }
            }
            if (open != null)
            {
                presentationRow(images, open, -1, -1);
            }
            final Map<String, Long> rows = new LinkedHashMap<>();
            final Map<String, Object> manifestFiles = new LinkedHashMap<>();
            for (final Matrix m : files)
            {
                m.finish(dir);
                rows.put(m.name, m.rows);
                final Map<String, Object> e = new LinkedHashMap<>();
                e.put("dtype", "<i8".equals(m.descr) ? "int64" : "float64");
                e.put("shape", List.of(m.rows, m.columns.size()));
                e.put("columns", m.columns);
                e.put("meaning", m.meaning);
                manifestFiles.put(m.name, e);
            }
            manifest(dir, reader, range, manifestFiles);
            return rows;
        }
        catch (final IOException ex)
        {
            throw new InputException("trace export to " + out + " failed: " + ex.getMessage(), ex);
        }
        finally
        {
            for (final Matrix m : files)
            {
                try
                {
                    m.close();
                }
                catch (final IOException ignored)
                {
                    // the export has failed already, or the file is in place
                }
            }
        }
    }

    private static Matrix add(final List<Matrix> files, final Matrix m)
    {
        files.add(m);
        return m;
    }

    private static void presentationRow(final Matrix images, final long[] open, final long endTick, final long spikes)
        throws IOException
    {
        images.put(open[0]);
        images.put(endTick);
        images.put(open[1]);
        images.put(open[2]);
        images.put(open[3]);
        images.put(open[4]);
        images.put(spikes);
        images.endRow();
    }

    private static void manifest(final Path dir, final TraceReader reader, final TraceRange range,
        final Map<String, Object> files)
    {
        final TraceHeader h = reader.header();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", reader.directory().toString());
        m.put("format", "npy");
        m.put("profile", h.profile());
        m.put("seed", h.seed());
        m.put("range", range.toString());
        // known only when the export read the trace to its end
        m.put("recording_complete", reader.isFinished() ? Boolean.valueOf(reader.isComplete()) : null);
        m.put("run_digest", reader.end() == null ? null : reader.end().runDigest());
        m.put("files", files);
        final RunOutput output = new RunOutput(dir);
        final String config = h.configText();
        output.writeText("config.txt", config.endsWith("\n") || config.isEmpty() ? config : config + "\n");
        output.writeJson("manifest.json", m);
    }
}
