package org.spikeprune.traces;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Damages trace files on purpose: finds a byte pattern, flips a byte, truncates, copies. */
final class TraceFiles
{
    private TraceFiles()
    {
    }

    /** The single queue data file of a trace. */
    static Path queueFile(final Path dir) throws IOException
    {
        final List<Path> files = TraceQueues.queueFiles(dir);
        if (files.size() != 1)
        {
            throw new IllegalStateException("expected one queue file in " + dir + ", found " + files);
        }
        return files.get(0);
    }

    /** Offset of the first occurrence of a little-endian long in a file, or -1. */
    static long find(final Path file, final long value) throws IOException
    {
        final byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            final int limit = (int)Math.min(ch.size(), Integer.MAX_VALUE) - 8;
            for (int i = 0; i < limit; i++)
            {
                int j = 0;
                while (j < 8 && b.get(i + j) == pattern[j])
                {
                    j++;
                }
                if (j == 8)
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Inverts the bits of one byte of a file. */
    static void flip(final Path file, final long offset) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0xFF);
        }
    }

    /** Inverts one bit of a file. */
    static void flipBit(final Path file, final long offset, final int bit) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ (1 << bit));
        }
    }

    /** Overwrites an int of a file, little-endian. */
    static void putInt(final Path file, final long offset, final int value) throws IOException
    {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset);
        }
    }

    /** Cuts a file to a length. */
    static void truncate(final Path file, final long length) throws IOException
    {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ch.truncate(length);
        }
    }

    /** Copies the files of a trace directory (a snapshot, as a crash would leave it). */
    static void copy(final Path from, final Path to) throws IOException
    {
        Files.createDirectories(to);
        try (var files = Files.list(from))
        {
            for (final Path f : (Iterable<Path>)files::iterator)
            {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
