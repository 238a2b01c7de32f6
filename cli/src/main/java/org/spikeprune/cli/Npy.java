package org.spikeprune.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spikeprune.core.InputException;

/**
 * Arrays as NumPy {@code .npy} files (format version 1.0: the magic {@code \x93NUMPY}, the version, a little-endian
 * header length, a header dictionary padded with spaces to a multiple of 64 bytes and ending in a newline, then
 * the data in C order, little-endian), so that {@code numpy.load} reads them without any other library; and such
 * files read back ({@link #read}), versions 1.0 to 3.0, C order, little-endian or single-byte types.
 */
final class Npy
{
    private static final byte[] MAGIC = {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;

    private Npy()
    {
    }

    static byte[] float32(final int[] shape, final float[] data)
    {
        final ByteBuffer b = start("<f4", shape, data.length, 4);
        for (final float v : data)
        {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] float64(final int[] shape, final double[] data)
    {
        final ByteBuffer b = start("<f8", shape, data.length, 8);
        for (final double v : data)
        {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] int32(final int[] shape, final int[] data)
    {
        final ByteBuffer b = start("<i4", shape, data.length, 4);
        for (final int v : data)
        {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] uint8(final int[] shape, final byte[] data)
    {
        final ByteBuffer b = start("|u1", shape, data.length, 1);
        b.put(data);
        return b.array();
    }

    static byte[] bool(final int[] shape, final boolean[] data)
    {
        final ByteBuffer b = start("|b1", shape, data.length, 1);
        for (final boolean v : data)
        {
            b.put((byte)(v ? 1 : 0));
        }
        return b.array();
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * An array read from a {@code .npy} file: its element type, shape and data.
     *
     * @param file  the file, for error messages.
     * @param descr the NumPy type string, e.g. {@code <f4}.
     * @param shape the dimensions.
     * @param data  the values, little-endian, C order.
     */
    record Array(Path file, String descr, int[] shape, ByteBuffer data)
    {
        /** Number of values. */
        int size()
        {
            long n = 1;
            for (final int d : shape)
            {
                n *= d;
            }
            return (int)n;
        }

        /** The values as doubles (floating point, integer or boolean types). */
        double[] doubles()
        {
            final double[] v = new double[size()];
            for (int i = 0; i < v.length; i++)
            {
                v[i] = value(i);
            }
            return v;
        }

        private double value(final int i)
        {
            switch (descr.substring(1))
            {
                case "f4":
                    return data.getFloat(4 * i);
                case "f8":
                    return data.getDouble(8 * i);
                case "i1":
                    return data.get(i);
                case "u1":
                case "b1":
                    return data.get(i) & 0xFF;
                case "i2":
                    return data.getShort(2 * i);
                case "u2":
                    return data.getShort(2 * i) & 0xFFFF;
                case "i4":
                    return data.getInt(4 * i);
                case "u4":
                    return data.getInt(4 * i) & 0xFFFF_FFFFL;
                case "i8":
                    return data.getLong(8 * i);
                default:
                    throw new InputException(file + ": element type '" + descr + "' is not supported (float32, "
                        + "float64, bool or an integer type of at most 8 bytes)");
            }
        }
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @param file the file.
     * @return its array.
     * @throws InputException naming the file when it is missing, not a {@code .npy} file, truncated, in Fortran
     *                        order, big-endian or of an unsupported type.
     */
    static Array read(final Path file)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new InputException(file + ": no such file", ex);
        }
        catch (final IOException ex)
        {
            throw new InputException(file + ": cannot read it: " + ex, ex);
        }
        if (bytes.length < 10 || bytes[0] != MAGIC[0] || bytes[1] != 'N' || bytes[2] != 'U' || bytes[3] != 'M'
            || bytes[4] != 'P' || bytes[5] != 'Y')
        {
            throw new InputException(file + ": not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        final int major = bytes[6];
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final int headerStart = major == 1 ? 10 : 12;
        if (major < 1 || major > 3 || bytes.length < headerStart)
        {
            throw new InputException(file + ": .npy format version " + major + " is not supported (1 to 3)");
        }
        final long headerLength = major == 1 ? b.getShort(8) & 0xFFFF : b.getInt(8) & 0xFFFF_FFFFL;
        if (headerStart + headerLength > bytes.length)
        {
            throw new InputException(file + ": truncated (the header says " + headerLength + " bytes)");
        }
        final String header = new String(bytes, headerStart, (int)headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        final Matcher descr = DESCR.matcher(header);
        final Matcher order = ORDER.matcher(header);
        final Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !order.find() || !shapeText.find())
        {
            throw new InputException(file + ": malformed .npy header: " + header.strip());
        }
        if (order.group(1).equals("True"))
        {
            throw new InputException(file + ": the array is in Fortran order; save it in C order "
                + "(numpy.ascontiguousarray)");
        }
        final String type = descr.group(1);
        if (type.length() < 3 || type.charAt(0) == '>' && !type.endsWith("1"))
        {
            throw new InputException(file + ": element type '" + type + "' is big-endian or unknown; save it "
                + "little-endian");
        }
        final String[] parts = shapeText.group(1).split(",");
        final java.util.List<Integer> dims = new java.util.ArrayList<>();
        long count = 1;
        for (final String part : parts)
        {
            if (part.isBlank())
            {
                continue;
            }
            final int d;
            try
            {
                d = Integer.parseInt(part.strip());
            }
            catch (final NumberFormatException ex)
            {
                throw new InputException(file + ": malformed shape (" + shapeText.group(1) + ")", ex);
            }
            if (d < 0)
            {
                throw new InputException(file + ": negative dimension in shape (" + shapeText.group(1) + ")");
            }
            dims.add(d);
            count *= d;
        }
        final int item;
        try
        {
            item = Integer.parseInt(type.substring(2));
        }
        catch (final NumberFormatException ex)
        {
            throw new InputException(file + ": element type '" + type + "' is not supported", ex);
        }
        final long dataStart = headerStart + headerLength;
        if (count * item > bytes.length - dataStart)
        {
            throw new InputException(file + ": truncated: shape (" + shapeText.group(1).strip() + ") of '" + type
                + "' needs " + count * item + " bytes of data, the file holds " + (bytes.length - dataStart));
        }
        final int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        final ByteBuffer data = ByteBuffer.wrap(bytes, (int)dataStart, (int)(count * item)).slice()
            .order(ByteOrder.LITTLE_ENDIAN);
        final Array a = new Array(file, type, shape, data);
        if (count > 0)
        {
            a.value(0); // refuses an unsupported type at once
        }
        return a;
    }

    /** The header, and a buffer positioned at the data. */
    private static ByteBuffer start(final String descr, final int[] shape, final int length, final int itemBytes)
    {
        long count = 1;
        final StringBuilder dims = new StringBuilder();
        for (final int d : shape)
        {
            if (d < 0)
            {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            count *= d;
            dims.append(d).append(", ");
        }
        if (count != length)
        {
            throw new IllegalArgumentException("shape holds " + count + " values, the data " + length);
        }
        // a one-dimensional shape is written (n,), as Python writes a 1-tuple
        final String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
            : "(" + (dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        final String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        final int unpadded = MAGIC.length + 2 + dict.length() + 1;
        final int headerLength = dict.length() + 1 + (ALIGN - unpadded % ALIGN) % ALIGN;
        final ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + headerLength + length * itemBytes)
            .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short)headerLength).put(dict.getBytes(StandardCharsets.US_ASCII));
        for (int i = dict.length(); i < headerLength - 1; i++)
        {
            b.put((byte)' ');
        }
        b.put((byte)'\n');
        return b;
    }
}
