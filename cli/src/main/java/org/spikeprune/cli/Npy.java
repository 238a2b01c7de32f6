package org.spikeprune.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Arrays as NumPy {@code .npy} files (format version 1.0: the magic {@code \x93NUMPY}, the version, a little-endian
 * header length, a header dictionary padded with spaces to a multiple of 64 bytes and ending in a newline, then
 * the data in C order, little-endian), so that {@code numpy.load} reads them without any other library.
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
