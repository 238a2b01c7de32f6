package org.spikeprune.cli.trace;

import org.spikeprune.core.InputException;
import org.spikeprune.traces.TraceException;

/**
 * A trace that cannot be read or written, reported as bad input: one line naming the trace and the problem,
 * exit code 2.
 */
public final class TraceInputException extends InputException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param cause the trace failure; its message becomes this one.
     */
    public TraceInputException(final TraceException cause)
    {
        super(cause.getMessage(), cause);
    }

    /**
     * @param message names the file and the problem.
     * @param cause   the underlying failure.
     */
    public TraceInputException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
