package org.spikeprune.traces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports the free space a recording may still use on the file system of a directory. */
@FunctionalInterface
public interface DiskSpace
{
    /** The usable space of the directory's file store, as the operating system reports it. */
    DiskSpace FILE_STORE = dir -> Files.getFileStore(dir).getUsableSpace();

    /**
     * Free bytes available to this process on the file system that holds {@code dir}.
     *
     * @param dir an existing directory.
     * @return usable bytes.
     * @throws IOException when the file system cannot be queried.
     */
    long usableBytes(Path dir) throws IOException;
}
