package org.spikeprune.traces;

/** How a recording ended, as stored in its END record; a trace without an END record is incomplete. */
public enum TraceStatus
{
    /** The run finished and the recorder was closed with its result digest. */
    COMPLETE(0, "complete"),
    /** Recording stopped because the file system ran low on free space. */
    STOPPED_LOW_DISK(1, "stopped early: low disk space"),
    /** The recorder was closed before the run finished (the run failed or was interrupted). */
    ABORTED(2, "stopped early: the run did not finish");

    private final int code;
    private final String description;

    TraceStatus(final int code, final String description)
    {
        this.code = code;
        this.description = description;
    }

    /** The code stored in the END record. */
    public int code()
    {
        return code;
    }

    /** A short human-readable description. */
    public String description()
    {
        return description;
    }

    /**
     * The status with a code, or null.
     *
     * @param code the stored code.
     * @return the status, or null when no status has it.
     */
    public static TraceStatus fromCode(final int code)
    {
        for (final TraceStatus status : values())
        {
            if (status.code == code)
            {
                return status;
            }
        }
        return null;
    }
}
