package org.spikeprune.traces;

/**
 * A trace on disk is not what a reader expects: not a trace, another format version, a truncated file or a
 * damaged record. The message names the directory, the record (index, kind, tick) where known, what was
 * expected and what was found.
 */
public final class TraceFormatException extends TraceException
{
    private static final long serialVersionUID = 1L;

    /** @param message names the trace, the place, the expectation and the finding. */
    public TraceFormatException(final String message)
    {
        super(message);
    }

    /**
     * @param message names the trace, the place, the expectation and the finding.
     * @param cause   the underlying failure.
     */
    public TraceFormatException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
