package org.spikeprune.traces;

/**
 * Recording refused to start, or stopped, because the trace's file system has less free space than the
 * configured minimum. Everything recorded before the stop is readable, and the trace's END record says why it
 * ends early.
 */
public final class TraceDiskSpaceException extends TraceException
{
    private static final long serialVersionUID = 1L;

    private final long usableBytes;
    private final long minimumBytes;

    /**
     * @param message      names the trace, the free space found and the minimum.
     * @param usableBytes  free space found.
     * @param minimumBytes the configured minimum.
     */
    public TraceDiskSpaceException(final String message, final long usableBytes, final long minimumBytes)
    {
        super(message);
        this.usableBytes = usableBytes;
        this.minimumBytes = minimumBytes;
    }

    /** Free space found on the trace's file system, in bytes. */
    public long usableBytes()
    {
        return usableBytes;
    }

    /** The configured minimum free space, in bytes. */
    public long minimumBytes()
    {
        return minimumBytes;
    }
}
