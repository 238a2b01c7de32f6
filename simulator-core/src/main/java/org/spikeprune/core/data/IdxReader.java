package org.spikeprune.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads one IDX file (raw or gzip-compressed, detected by the gzip magic bytes) into its dimensions and its body,
 * checking every field before trusting it.
 *
 * <pre>
 *   byte 0   1   2        3      4 … 4+4r-1             4+4r …
 *        0x00 0x00 type=0x08 rank r  r big-endian int32 dims  prod(dims) unsigned bytes
 * </pre>
 *
 * For a raw file the declared body length must equal the file length minus the header, checked before the body is
 * allocated. For a gzip file the decompressed length is unknown in advance: the declared length is first bounded by
 * what deflate can expand the file to, then the body is read in chunks that grow only as data arrives, so a huge
 * declared count with a tiny file fails after reading the little data there is.
 */
final class IdxReader
{
    /** The largest body a Java array can hold. */
    static final int MAX_BODY_BYTES = Integer.MAX_VALUE - 8;
    /** Deflate expands at most about 1032:1; a declared length beyond that cannot be in the file. */
    static final long GZIP_MAX_RATIO = 1032;
    /** Unsigned-byte element type in the magic number's third byte. */
    static final int TYPE_UNSIGNED_BYTE = 0x08;

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int FIRST_CHUNK_BYTES = 1 << 20;

    private IdxReader()
    {
    }

    /** The dimensions and body of an IDX file. */
    record Content(Path file, int[] dims, byte[] body, int headerBytes, boolean gzip)
    {
    }

    /**
     * Reads and checks an IDX file.
     *
     * @param file     the file.
     * @param rank     the rank it must have.
     * @param dimNames one name per dimension, for messages ("image count", "rows", …).
     * @param kind     what the file holds, for messages ("images", "labels").
     * @return the dimensions and the body.
     * @throws DatasetFormatException on any defect.
     */
    static Content read(final Path file, final int rank, final String[] dimNames, final String kind)
    {
        final long fileBytes = regularFileSize(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES))
        {
            raw.mark(2);
            final int b0 = raw.read();
            final int b1 = raw.read();
            raw.reset();
            final boolean gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip)
            {
                return parse(new Cursor(file, raw, false), fileBytes, rank, dimNames, kind);
            }
            final InputStream unzipped;
            try
            {
                unzipped = new GZIPInputStream(raw, BUFFER_BYTES);
            }
            catch (final IOException ex)
            {
                throw corruptGzip(file, 0, ex);
            }
            return parse(new Cursor(file, unzipped, true), fileBytes, rank, dimNames, kind);
        }
        catch (final IOException ex)
        {
            throw new DatasetFormatException(file, "file", "a readable IDX file", "an I/O error (" + ex + ")", ex);
        }
    }

    static long regularFileSize(final Path file)
    {
        if (!Files.exists(file))
        {
            throw new DatasetFormatException(file, "file", "an IDX file", "no such file");
        }
        if (!Files.isRegularFile(file))
        {
            throw new DatasetFormatException(file, "file", "a regular IDX file", "a folder or special file");
        }
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new DatasetFormatException(file, "file", "a readable IDX file", "an I/O error (" + ex + ")", ex);
        }
    }

    private static Content parse(
        final Cursor in, final long fileBytes, final int rank, final String[] dimNames, final String kind)
    {
        final Path file = in.file;
        final String streamName = in.gzip ? "decompressed data of " : "";
        final int expectedMagic = (TYPE_UNSIGNED_BYTE << 8) | rank;
        final String magicText = hex8(expectedMagic) + " (IDX " + kind + ": unsigned bytes, rank " + rank + ")";

        final byte[] head = new byte[4];
        final int magicRead = in.read(head, 0, 4);
        if (magicRead < 4)
        {
            throw new DatasetFormatException(file, "magic number at byte 0", "4 bytes " + magicText,
                "end of " + streamName + "file after " + magicRead + " bytes (truncated header)");
        }
        final int magic = readInt(head, 0);
        if (head[0] != 0 || head[1] != 0)
        {
            throw new DatasetFormatException(file, "magic number at byte 0", magicText,
                hex8(magic) + " (not an IDX file)");
        }
        final int type = head[2] & 0xff;
        if (type != TYPE_UNSIGNED_BYTE)
        {
            throw new DatasetFormatException(file, "data type at byte 2 of magic number " + hex8(magic),
                "0x08 (unsigned byte)", String.format("0x%02X (%s)", type, typeName(type)));
        }
        final int fileRank = head[3] & 0xff;
        if (fileRank != rank)
        {
            throw new DatasetFormatException(file, "rank at byte 3 of magic number " + hex8(magic),
                rank + " (" + String.join(", ", dimNames) + ")", Integer.toString(fileRank));
        }

        final int headerBytes = 4 + 4 * rank;
        final byte[] dimBytes = new byte[4 * rank];
        final int dimRead = in.read(dimBytes, 0, dimBytes.length);
        if (dimRead < dimBytes.length)
        {
            throw new DatasetFormatException(file, "header at byte " + (4 + dimRead),
                headerBytes + " header bytes (magic number, " + String.join(", ", dimNames) + ")",
                "end of " + streamName + "file after " + (4 + dimRead) + " bytes (truncated header)");
        }
        final int[] dims = new int[rank];
        long body = 1;
        boolean overflow = false;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = readInt(dimBytes, 4 * i);
            if (dims[i] <= 0)
            {
                throw new DatasetFormatException(file, dimNames[i] + " at byte " + (4 + 4 * i),
                    "a positive value", Integer.toString(dims[i]));
            }
            if (!overflow)
            {
                body *= dims[i];
                overflow = body > MAX_BODY_BYTES;
            }
        }
        final String dimsText = dimsText(dims);
        if (overflow)
        {
            BigInteger product = BigInteger.ONE;
            for (final int d : dims)
            {
                product = product.multiply(BigInteger.valueOf(d));
            }
            throw new DatasetFormatException(file, "dimensions " + dimsText + " at bytes 4.." + (headerBytes - 1),
                "at most " + MAX_BODY_BYTES + " data bytes", product + " bytes (too large for one array)");
        }

        final String dataWhere = "data after the " + headerBytes + "-byte header";
        final String declared = body + " bytes (" + dimsText + ")";
        if (!in.gzip)
        {
            final long available = fileBytes - headerBytes;
            if (available < body)
            {
                throw new DatasetFormatException(file, dataWhere, declared,
                    "only " + available + " bytes (file of " + fileBytes + " bytes is truncated)");
            }
            if (available > body)
            {
                throw new DatasetFormatException(file, "end of data at byte " + (headerBytes + body),
                    "end of file (length " + (headerBytes + body) + ")",
                    (available - body) + " trailing bytes (file length " + fileBytes + ")");
            }
            final byte[] data = new byte[(int)body];
            final int n = in.read(data, 0, data.length);
            if (n < data.length)
            {
                throw new DatasetFormatException(file, dataWhere, declared,
                    "only " + n + " bytes (the file shrank while being read)");
            }
            return new Content(file, dims, data, headerBytes, false);
        }

        final long gzipLimit = fileBytes * GZIP_MAX_RATIO + BUFFER_BYTES;
        if (body > gzipLimit)
        {
            throw new DatasetFormatException(file, dataWhere, declared,
                "a gzip file of " + fileBytes + " bytes, which cannot hold more than about " + gzipLimit
                    + " bytes (truncated data or a wrong count)");
        }
        byte[] data = new byte[(int)Math.min(body, FIRST_CHUNK_BYTES)];
        int filled = 0;
        while (filled < body)
        {
            if (filled == data.length)
            {
                data = Arrays.copyOf(data, (int)Math.min(body, 2L * data.length));
            }
            final int want = data.length - filled;
            final int n = in.read(data, filled, want);
            filled += n;
            if (n < want)
            {
                break;
            }
        }
        if (filled < body)
        {
            throw new DatasetFormatException(file, dataWhere + " (decompressed)", declared,
                "only " + filled + " bytes (the data is truncated)");
        }
        if (in.readByte() >= 0)
        {
            throw new DatasetFormatException(file, "end of data at decompressed byte " + (headerBytes + body),
                "end of the decompressed stream", "more data (trailing bytes after the declared " + dimsText + ")");
        }
        return new Content(file, dims, data, headerBytes, true);
    }

    static String dimsText(final int[] dims)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++)
        {
            if (i > 0)
            {
                sb.append(" x ");
            }
            sb.append(dims[i]);
        }
        return sb.toString();
    }

    private static DatasetFormatException corruptGzip(final Path file, final long offset, final IOException ex)
    {
        return new DatasetFormatException(file, "gzip stream at decompressed byte " + offset,
            "valid gzip-compressed data", "corrupt or truncated data (" + ex.getMessage() + ")", ex);
    }

    private static int readInt(final byte[] b, final int at)
    {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static String hex8(final int value)
    {
        return String.format("0x%08X", value);
    }

    private static String typeName(final int type)
    {
        switch (type)
        {
            case 0x09:
                return "signed byte";
            case 0x0B:
                return "short";
            case 0x0C:
                return "int";
            case 0x0D:
                return "float";
            case 0x0E:
                return "double";
            default:
                return "not an IDX type";
        }
    }

    /** A stream that knows its position and turns I/O failures into format errors naming that position. */
    private static final class Cursor
    {
        private final Path file;
        private final InputStream in;
        private final boolean gzip;
        private long position;

        Cursor(final Path file, final InputStream in, final boolean gzip)
        {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
        }

        /** Reads up to {@code length} bytes, stopping only at the end of the stream; returns the count read. */
        int read(final byte[] into, final int offset, final int length)
        {
            int done = 0;
            try
            {
                while (done < length)
                {
                    final int n = in.read(into, offset + done, length - done);
                    if (n < 0)
                    {
                        break;
                    }
                    done += n;
                    position += n;
                }
            }
            catch (final IOException ex)
            {
                throw failure(ex);
            }
            return done;
        }

        /** One byte, or -1 at the end of the stream. */
        int readByte()
        {
            try
            {
                final int b = in.read();
                if (b >= 0)
                {
                    position++;
                }
                return b;
            }
            catch (final IOException ex)
            {
                throw failure(ex);
            }
        }

        private DatasetFormatException failure(final IOException ex)
        {
            if (gzip)
            {
                return corruptGzip(file, position, ex);
            }
            return new DatasetFormatException(file, "byte " + position, "readable data",
                "an I/O error (" + ex + ")", ex);
        }
    }
}
