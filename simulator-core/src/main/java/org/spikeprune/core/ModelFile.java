package org.spikeprune.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The framing shared by the saved-network files: a trailing CRC-32 (as a little-endian {@code long}) over every
 * byte before it, and length-prefixed fields read with their length checked against what is left.
 */
public final class ModelFile
{
    private ModelFile()
    {
    }

    /**
     * Appends the CRC-32 of everything written so far.
     *
     * @param b a heap buffer positioned after the last field, with 8 bytes left.
     */
    public static void seal(final ByteBuffer b)
    {
        final CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putLong(crc.getValue());
    }

    /**
     * Checks the trailing CRC-32 of a file's bytes.
     *
     * @param bytes  the file's bytes.
     * @param header bytes the file must hold beyond its checksum.
     * @param source the file's name, for error messages.
     * @throws BufferUnderflowException when the file is too short to hold a checksum.
     * @throws InputException naming {@code source} when the checksum does not match.
     */
    public static void checkSum(final byte[] bytes, final int header, final String source)
    {
        if (bytes.length < header + 8)
        {
            throw new BufferUnderflowException();
        }
        final long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != stored)
        {
            throw new InputException(source + ": the model file is damaged or truncated (checksum mismatch over "
                + bytes.length + " bytes)");
        }
    }

    /**
     * Reads a field of a given length.
     *
     * @param b      the buffer.
     * @param length the field's declared length.
     * @param what   the field, for error messages.
     * @param source the file's name, for error messages.
     * @return the field's bytes.
     * @throws InputException naming {@code source} and the field when the length is negative or runs past the end.
     */
    public static byte[] bytes(final ByteBuffer b, final int length, final String what, final String source)
    {
        if (length < 0 || length > b.remaining())
        {
            throw new InputException(source + ": the model file is damaged: bad length " + length + " of the "
                + what);
        }
        final byte[] out = new byte[length];
        b.get(out);
        return out;
    }
}
