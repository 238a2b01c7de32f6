package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer side of a recorder allocates nothing per event; the agent nothing per record in steady state. */
class TraceAllocationTest
{
    private static final int EVENTS = 200_000;

    @TempDir
    Path tmp;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final int[] ids = new int[16];

    @Test
    void shouldAllocateNothingWhenAppendingEvents() throws InterruptedException
    {
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = i * 37;
        }
        // A small ring, so that warming up also exercises the wait for a full ring.
        try (TraceRecorder recorder = TraceRecorder.start(
            tmp.resolve("trace"), TraceRecorderTest.header(), new TraceRecorder.Context().ringCapacity(64 << 10)))
        {
            final long agentId = recorder.agentThread().getId();
            produce(recorder, 0);
            produce(recorder, EVENTS);
            awaitCommitted(recorder, 2L * EVENTS);

            final long producerBefore = threads.getCurrentThreadAllocatedBytes();
            final long agentBefore = threads.getThreadAllocatedBytes(agentId);
            produce(recorder, 2 * EVENTS);
            final long producerAllocated = threads.getCurrentThreadAllocatedBytes() - producerBefore;
            awaitCommitted(recorder, 3L * EVENTS);
            final long agentAllocated = threads.getThreadAllocatedBytes(agentId) - agentBefore;

            // One allocation per event would be at least 16 bytes each, 3.2 MB in all. The JVM itself now and then
            // charges a few dozen bytes to a thread in a loop that allocates nothing (seen: 48 to 168 bytes,
            // even in an empty loop), so the bound is 1 KiB, not 0.
            assertTrue(producerAllocated < 1024,
                "producer allocated " + producerAllocated + " bytes for " + EVENTS + " appends");
            // Chronicle allocates a few kilobytes now and then (index and mapping upkeep), never per record.
            assertTrue(agentAllocated < EVENTS / 10,
                "agent allocated " + agentAllocated + " bytes for " + EVENTS + " records");
            recorder.finish("");
        }
    }

    private void produce(final TraceRecorder recorder, final long firstTick)
    {
        for (int i = 0; i < EVENTS; i += 4)
        {
            final long tick = firstTick + i;
            recorder.onCoreTick(tick, i & 3, 5, 1000L + i, 100, 10, 1, 2);
            recorder.onInputSpikes(tick, ids, 0, ids.length);
            recorder.onImageStart(tick, i, i % 10, true, 0);
            recorder.onPrune(tick, 78_400, i, 0);
        }
    }

    private static void awaitCommitted(final TraceRecorder recorder, final long records) throws InterruptedException
    {
        while (recorder.committedRecords() < records)
        {
            Thread.sleep(1);
        }
    }
}
