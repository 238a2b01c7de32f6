package org.spikeprune.fpga.activity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.spikeprune.fpga.NetworkShape;

/**
 * The binary activity format of version 1, as it was written before the length and checksum of version 2: magic,
 * version 1, the network shape, the tick histograms, the image records, the prune passes, and nothing after them.
 */
final class OldActivityFormat
{
    private OldActivityFormat()
    {
    }

    /** @return the version 1 bytes of a log. */
    static byte[] write(final ActivityLog log)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            out.writeInt(ActivityLogFiles.MAGIC);
            out.writeInt(1);
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
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** @return the offset, in a version 1 file, of the first byte after the shape (the learning tick count). */
    static int shapeEnd(final NetworkShape shape)
    {
        return 8 + 2 + shape.name().length() + 4 + 1 + 4 + layersBytes(shape);
    }

    /** @return the bytes of the shape's layers (ASCII names). */
    static int layersBytes(final NetworkShape shape)
    {
        int n = 0;
        for (final NetworkShape.Layer l : shape.layers())
        {
            n += 2 + l.name().length() + 4 + 8 + 1;
        }
        return n;
    }
}
