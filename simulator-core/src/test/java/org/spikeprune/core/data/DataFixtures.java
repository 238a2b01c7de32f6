package org.spikeprune.core.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

/** Builders for IDX files, gzip streams, tar archives and small images, written into test folders. */
final class DataFixtures
{
    private DataFixtures()
    {
    }

    /** An IDX file: magic, big-endian dimensions, body. */
    static byte[] idx(final int magic, final int[] dims, final byte[] body)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + body.length);
        buffer.putInt(magic);
        for (final int d : dims)
        {
            buffer.putInt(d);
        }
        buffer.put(body);
        return buffer.array();
    }

    /** An IDX image file of {@code count} pseudo-random images. */
    static byte[] images(final int count, final int rows, final int cols, final long seed)
    {
        final byte[] body = new byte[count * rows * cols];
        new Random(seed).nextBytes(body);
        return idx(IdxImages.MAGIC, new int[] {count, rows, cols}, body);
    }

    /** An IDX label file. */
    static byte[] labels(final int... labels)
    {
        final byte[] body = new byte[labels.length];
        for (int i = 0; i < labels.length; i++)
        {
            body[i] = (byte)labels[i];
        }
        return idx(IdxLabels.MAGIC, new int[] {labels.length}, body);
    }

    /** {@code count} labels cycling through {@code 0..classes-1}. */
    static int[] cyclicLabels(final int count, final int classes)
    {
        final int[] labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % classes;
        }
        return labels;
    }

    static byte[] gzip(final byte[] data)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes))
        {
            out.write(data);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Path write(final Path file, final byte[] content)
    {
        try
        {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static Path writeText(final Path file, final String text)
    {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path mkdirs(final Path dir)
    {
        try
        {
            return Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A PNG of {@code width x height} 8-bit gray pixels, value {@code (x + y) % 256} unless given. */
    static byte[] grayPng(final int width, final int height)
    {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                image.getRaster().setSample(x, y, 0, (x + y) % 256);
            }
        }
        return png(image);
    }

    /** A PNG filled with one RGB colour. */
    static byte[] colourPng(final int width, final int height, final int rgb)
    {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                image.setRGB(x, y, rgb);
            }
        }
        return png(image);
    }

    static byte[] png(final BufferedImage image)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try
        {
            ImageIO.write(image, "png", bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** A valid PNG whose IHDR (with a recomputed CRC) declares another size. */
    static byte[] pngDeclaringSize(final int width, final int height)
    {
        final byte[] png = grayPng(16, 16);
        final ByteBuffer buffer = ByteBuffer.wrap(png);
        // signature (8) + length (4) + "IHDR" (4): width at 16, height at 20, IHDR data is 13 bytes, CRC at 29.
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        final CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(29, (int)crc.getValue());
        return png;
    }

    /** One ustar entry: header block plus padded data. */
    static byte[] tarEntry(final String name, final char type, final byte[] data)
    {
        final byte[] header = new byte[512];
        putAscii(header, 0, name);
        putAscii(header, 100, "0000644");
        putAscii(header, 108, "0000000");
        putAscii(header, 116, "0000000");
        putAscii(header, 124, String.format("%011o", data.length));
        putAscii(header, 136, String.format("%011o", 0));
        header[156] = (byte)type;
        putAscii(header, 257, "ustar");
        putAscii(header, 263, "00");
        Arrays.fill(header, 148, 156, (byte)' ');
        long sum = 0;
        for (final byte b : header)
        {
            sum += b & 0xff;
        }
        putAscii(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        final int padded = (data.length + 511) / 512 * 512;
        final byte[] entry = new byte[512 + padded];
        System.arraycopy(header, 0, entry, 0, 512);
        System.arraycopy(data, 0, entry, 512, data.length);
        return entry;
    }

    /** A pax extended header entry carrying a {@code path} record for the next entry. */
    static byte[] paxPath(final String path)
    {
        final String body = " path=" + path + "\n";
        int length = body.length();
        length += Integer.toString(length + Integer.toString(length).length()).length();
        return tarEntry("PaxHeader/x", 'x', (length + body).getBytes(StandardCharsets.US_ASCII));
    }

    /** Entries followed by two zero blocks. */
    static byte[] tar(final byte[]... entries)
    {
        byte[] out = new byte[0];
        for (final byte[] e : entries)
        {
            out = concat(out, e);
        }
        return concat(out, new byte[1024]);
    }

    private static void putAscii(final byte[] into, final int at, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, into, at, bytes.length);
    }
}
