package org.spikeprune.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the result of work handed to another thread. */
public final class Futures
{
    private Futures()
    {
    }

    /**
     * Waits for a result. The task's own runtime exception (a bad input, say) reaches the caller as it was thrown,
     * so the command line reports it as it would have on the calling thread.
     *
     * @param future the task.
     * @param <T>    its result type.
     * @return its result.
     * @throws RuntimeException what the task threw; {@link IllegalStateException} around a checked cause or an
     *                          interruption (the thread's interrupt flag is set again).
     */
    public static <T> T await(final Future<T> future)
    {
        try
        {
            return future.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof RuntimeException ? (RuntimeException)ex.getCause()
                : new IllegalStateException(ex.getCause());
        }
    }
}
