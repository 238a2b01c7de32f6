package org.spikeprune.cli;

/** A command-line usage problem detected after parsing (bad combination of options, missing data, …). */
public final class UsageException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it. */
    public UsageException(final String message)
    {
        super(message);
    }
}
