package org.spikeprune.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Extracts chosen regular files from a gzip-compressed tar archive (an npm package tarball), checking each header.
 * Only the requested entries are written, under names chosen by the caller, so an entry cannot write outside the
 * destination folder.
 *
 * <pre>
 *   header block (512 bytes)            data (size bytes, padded to 512)
 *   name[0..99] … size[124..135] … checksum[148..155] type[156] … magic[257..262] … prefix[345..499]
 * </pre>
 *
 * Understood: ustar and old-style headers, POSIX pax {@code path} records, GNU long names ({@code L}).
 */
public final class Tarball
{
    /** Largest entry extracted, in bytes. */
    public static final long MAX_ENTRY_BYTES = 1L << 31;

    private static final int BLOCK = 512;
    private static final int MAX_META_BYTES = 1 << 20;

    private Tarball()
    {
    }

    /**
     * Extracts the entries {@code prefix + name} for each name into {@code destDir/name}.
     *
     * @param archive the {@code .tgz} file.
     * @param prefix  the folder inside the archive, e.g. {@code package/data/}.
     * @param names   the file names to extract.
     * @param destDir the folder to write into (created if absent).
     * @return the extracted files, by name, in archive order.
     * @throws DatasetFormatException if the archive is corrupt or truncated, or a requested entry is missing or is
     *                                not a regular file.
     */
    public static Map<String, Path> extract(final Path archive, final String prefix, final Set<String> names,
        final Path destDir)
    {
        final Map<String, Path> extracted = new LinkedHashMap<>();
        long offset = 0;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16),
            1 << 16))
        {
            Files.createDirectories(destDir);
            final byte[] header = new byte[BLOCK];
            String longName = null;
            while (true)
            {
                final int n = in.readNBytes(header, 0, BLOCK);
                if (n == 0)
                {
                    break;
                }
                if (n < BLOCK)
                {
                    throw new DatasetFormatException(archive, "tar header at byte " + offset,
                        BLOCK + " bytes", "end of archive after " + n + " bytes (truncated)");
                }
                if (isZero(header))
                {
                    break;
                }
                checkChecksum(archive, header, offset);
                final long size = size(archive, header, offset);
                final char type = (char)header[156];
                final String headerName = longName != null ? longName : name(header);
                longName = null;
                final long dataOffset = offset + BLOCK;
                final long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                offset = dataOffset + padded;
                if (type == 'x' || type == 'L')
                {
                    if (size > MAX_META_BYTES)
                    {
                        throw new DatasetFormatException(archive, "tar metadata entry at byte " + dataOffset,
                            "at most " + MAX_META_BYTES + " bytes", size + " bytes");
                    }
                    final byte[] meta = in.readNBytes((int)padded);
                    if (meta.length < padded)
                    {
                        throw truncated(archive, headerName, dataOffset, padded, meta.length);
                    }
                    longName = type == 'L' ? cString(meta, 0, (int)size) : paxPath(meta, (int)size);
                    continue;
                }
                final String wanted = headerName.startsWith(prefix) ? headerName.substring(prefix.length()) : null;
                if (wanted != null && names.contains(wanted) && !extracted.containsKey(wanted))
                {
                    if (type != '0' && type != '\0')
                    {
                        throw new DatasetFormatException(archive, "tar entry '" + headerName + "' at byte "
                            + (dataOffset - BLOCK), "a regular file (type '0')", "type '" + type + "'");
                    }
                    if (size > MAX_ENTRY_BYTES)
                    {
                        throw new DatasetFormatException(archive, "size of tar entry '" + headerName + "'",
                            "at most " + MAX_ENTRY_BYTES + " bytes", size + " bytes");
                    }
                    final Path target = destDir.resolve(wanted);
                    copy(archive, headerName, in, target, size, dataOffset);
                    skip(archive, headerName, in, padded - size, dataOffset + size);
                    extracted.put(wanted, target);
                }
                else
                {
                    skip(archive, headerName, in, padded, dataOffset);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new DatasetFormatException(archive, "gzip-compressed tar data near decompressed byte " + offset,
                "a valid .tgz archive", "corrupt or truncated data (" + ex.getMessage() + ")", ex);
        }
        if (extracted.size() < names.size())
        {
            final Set<String> missing = new TreeSet<>(names);
            missing.removeAll(extracted.keySet());
            throw new DatasetFormatException(archive, "entries under '" + prefix + "'", "files " + new TreeSet<>(names),
                "no entry for " + missing);
        }
        return extracted;
    }

    private static void copy(final Path archive, final String entry, final InputStream in, final Path target,
        final long size, final long dataOffset) throws IOException
    {
        final byte[] buffer = new byte[1 << 16];
        long left = size;
        try (OutputStream out = Files.newOutputStream(target))
        {
            while (left > 0)
            {
                final int n = in.read(buffer, 0, (int)Math.min(buffer.length, left));
                if (n < 0)
                {
                    throw truncated(archive, entry, dataOffset, size, size - left);
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static void skip(final Path archive, final String entry, final InputStream in, final long bytes,
        final long at) throws IOException
    {
        final byte[] buffer = new byte[1 << 16];
        long left = bytes;
        while (left > 0)
        {
            final int n = in.read(buffer, 0, (int)Math.min(buffer.length, left));
            if (n < 0)
            {
                throw truncated(archive, entry, at, bytes, bytes - left);
            }
            left -= n;
        }
    }

    private static DatasetFormatException truncated(final Path archive, final String entry, final long at,
        final long expected, final long found)
    {
        return new DatasetFormatException(archive, "data of tar entry '" + entry + "' at byte " + at,
            expected + " bytes", "end of archive after " + found + " bytes (truncated)");
    }

    private static void checkChecksum(final Path archive, final byte[] header, final long offset)
    {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++)
        {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        final long stored = octal(header, 148, 8);
        if (stored != sum)
        {
            throw new DatasetFormatException(archive, "tar header checksum at byte " + (offset + 148),
                Long.toString(sum), stored < 0 ? "a malformed field" : Long.toString(stored));
        }
    }

    private static long size(final Path archive, final byte[] header, final long offset)
    {
        long size;
        if ((header[124] & 0x80) != 0)
        {
            size = 0;
            for (int i = 125; i < 136; i++)
            {
                if (size > (Long.MAX_VALUE >> 8))
                {
                    size = -1;
                    break;
                }
                size = (size << 8) | (header[i] & 0xff);
            }
            if ((header[124] & 0x40) != 0)
            {
                size = -1;
            }
        }
        else
        {
            size = octal(header, 124, 12);
        }
        if (size < 0)
        {
            throw new DatasetFormatException(archive, "tar entry size at byte " + (offset + 124),
                "a non-negative size", "a malformed field");
        }
        return size;
    }

    /** An octal field (leading spaces, trailing NUL or space), or -1 if malformed. */
    private static long octal(final byte[] b, final int from, final int length)
    {
        long value = 0;
        int i = from;
        final int end = from + length;
        while (i < end && b[i] == ' ')
        {
            i++;
        }
        boolean any = false;
        for (; i < end; i++)
        {
            final int c = b[i];
            if (c == 0 || c == ' ')
            {
                break;
            }
            if (c < '0' || c > '7' || value > (Long.MAX_VALUE >> 3))
            {
                return -1;
            }
            value = (value << 3) | (c - '0');
            any = true;
        }
        return any ? value : -1;
    }

    private static String name(final byte[] header)
    {
        final String name = cString(header, 0, 100);
        final boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
            && header[261] == 'r';
        if (ustar && header[345] != 0)
        {
            return cString(header, 345, 155) + "/" + name;
        }
        return name;
    }

    private static String cString(final byte[] b, final int from, final int length)
    {
        int end = from;
        while (end < from + length && b[end] != 0)
        {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** The {@code path} record of a pax extended header, or null. Records are {@code "<len> key=value\n"}. */
    private static String paxPath(final byte[] meta, final int size)
    {
        final String text = new String(meta, 0, size, StandardCharsets.UTF_8);
        for (final String record : text.split("\n"))
        {
            final int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1))
            {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean isZero(final byte[] block)
    {
        for (final byte b : block)
        {
            if (b != 0)
            {
                return false;
            }
        }
        return true;
    }
}
