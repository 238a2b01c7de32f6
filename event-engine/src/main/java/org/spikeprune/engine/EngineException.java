package org.spikeprune.engine;

/** A failure inside a processing element, which stops the run; carries the core id and the tick. */
public final class EngineException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int coreId;
    private final long tick;

    /**
     * @param coreId the core that failed.
     * @param tick   the tick it was running.
     * @param cause  what it threw.
     */
    public EngineException(final int coreId, final long tick, final Throwable cause)
    {
        super("core " + coreId + " failed at tick " + tick + ": " + cause, cause);
        this.coreId = coreId;
        this.tick = tick;
    }

    /** The core that failed. */
    public int coreId()
    {
        return coreId;
    }

    /** The tick the core was running. */
    public long tick()
    {
        return tick;
    }
}
