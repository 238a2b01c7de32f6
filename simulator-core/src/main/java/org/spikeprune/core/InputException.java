package org.spikeprune.core;

/**
 * Bad input from the user: a corrupt or truncated data file, a malformed configuration, an out-of-range
 * parameter. The message names the file or field, what was expected and what was found; the command line
 * prints it as one line and exits with code 2.
 */
public class InputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message names the file or field, the expectation and the finding. */
    public InputException(final String message)
    {
        super(message);
    }

    /**
     * @param message names the file or field, the expectation and the finding.
     * @param cause   the underlying failure.
     */
    public InputException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
