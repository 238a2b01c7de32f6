package org.spikeprune.traces;

import java.util.Arrays;

/**
 * The END record of a trace: how the recording ended and the totals the recorder counted, which a reader checks
 * against what it read.
 *
 * @param status        how the recording ended.
 * @param lastTick      tick of the last event record, or -1 when there was none.
 * @param eventRecords  event records written (header and END excluded).
 * @param inputSpikes   input spike ids written.
 * @param outputSpikes  output spike ids written.
 * @param kindCounts    event records per kind, indexed by {@code code - TraceRecordDescriptor.FIRST_EVENT_CODE}.
 * @param runDigest     the run's result digest as given to {@link TraceRecorder#finish(String)}, or "".
 */
public record TraceEnd(
    TraceStatus status,
    long lastTick,
    long eventRecords,
    long inputSpikes,
    long outputSpikes,
    long[] kindCounts,
    String runDigest)
{
    /** Copies the counts. */
    public TraceEnd
    {
        kindCounts = kindCounts.clone();
    }

    /**
     * Records of one event kind.
     *
     * @param kind an event kind.
     * @return the number of its records.
     */
    public long count(final TraceRecordKind kind)
    {
        return kindCounts[kind.code() - TraceRecordDescriptor.FIRST_EVENT_CODE];
    }

    @Override
    public long[] kindCounts()
    {
        return kindCounts.clone();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof TraceEnd e && status == e.status && lastTick == e.lastTick
            && eventRecords == e.eventRecords && inputSpikes == e.inputSpikes && outputSpikes == e.outputSpikes
            && Arrays.equals(kindCounts, e.kindCounts) && runDigest.equals(e.runDigest);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(kindCounts) * 31 + Long.hashCode(eventRecords) * 17 + runDigest.hashCode();
    }

    @Override
    public String toString()
    {
        return "TraceEnd[status=" + status + ", lastTick=" + lastTick + ", eventRecords=" + eventRecords
            + ", inputSpikes=" + inputSpikes + ", outputSpikes=" + outputSpikes + ", kindCounts="
            + Arrays.toString(kindCounts) + ", runDigest=" + runDigest + "]";
    }
}
