package org.spikeprune.traces;

/**
 * A window of a trace: every record, the records of a range of ticks, or those of a range of image
 * presentations. Presentations are numbered 0, 1, … in the order of their IMAGE_START records (not by image
 * index, which may repeat); a record belongs to the presentation whose IMAGE_START came last before it, and
 * records before the first IMAGE_START belong to none.
 */
public final class TraceRange
{
    private static final TraceRange ALL = new TraceRange(false, Long.MIN_VALUE, Long.MAX_VALUE);

    private final boolean byPresentation;
    private final long from;
    private final long to;

    private TraceRange(final boolean byPresentation, final long from, final long to)
    {
        this.byPresentation = byPresentation;
        this.from = from;
        this.to = to;
    }

    /** Every record. */
    public static TraceRange all()
    {
        return ALL;
    }

    /**
     * Records whose tick is in {@code [from, to]}.
     *
     * @param from first tick.
     * @param to   last tick, at least {@code from}.
     * @return the range.
     */
    public static TraceRange ticks(final long from, final long to)
    {
        check("tick", from, to);
        return new TraceRange(false, from, to);
    }

    /**
     * Records of presentations {@code from..to} (inclusive, 0-based, in trace order).
     *
     * @param from first presentation.
     * @param to   last presentation, at least {@code from}.
     * @return the range.
     */
    public static TraceRange presentations(final long from, final long to)
    {
        check("presentation", from, to);
        return new TraceRange(true, from, to);
    }

    /** True for a range of presentations, false for a range of ticks (or everything). */
    public boolean byPresentation()
    {
        return byPresentation;
    }

    /** First tick or presentation. */
    public long from()
    {
        return from;
    }

    /** Last tick or presentation. */
    public long to()
    {
        return to;
    }

    /**
     * Whether a record is in the range.
     *
     * @param tick         the record's tick.
     * @param presentation its presentation, -1 before the first.
     * @return true if it is in.
     */
    public boolean contains(final long tick, final long presentation)
    {
        final long v = byPresentation ? presentation : tick;
        return v >= from && v <= to;
    }

    /**
     * Whether no later record can be in the range, asked of an image or prune record (ticks and presentations
     * never decrease along those; core ticks are written after the spikes of their ticks, but before the next
     * image or prune record).
     *
     * @param tick         the record's tick.
     * @param presentation its presentation.
     * @return true once past the range.
     */
    public boolean isPast(final long tick, final long presentation)
    {
        return (byPresentation ? presentation : tick) > to;
    }

    private static void check(final String what, final long from, final long to)
    {
        if (from < 0 || to < from)
        {
            throw new IllegalArgumentException(
                "a " + what + " range needs 0 <= from <= to, got from " + from + " to " + to);
        }
    }

    @Override
    public String toString()
    {
        return this == ALL ? "all" : (byPresentation ? "presentations " : "ticks ") + from + ".." + to;
    }
}
