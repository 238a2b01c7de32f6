package org.spikeprune.traces;

/** A trace could not be recorded or read; the message names the trace directory and what went wrong. */
public class TraceException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message names the trace directory and the problem. */
    public TraceException(final String message)
    {
        super(message);
    }

    /**
     * @param message names the trace directory and the problem.
     * @param cause   the underlying failure.
     */
    public TraceException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
