package org.spikeprune.traces;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A recording process for the kill test: records a synthetic run until it is killed, printing "ready" once the
 * header is written and then "committed N" every few milliseconds, N being the event records the agent has
 * written into the queue (and which must therefore survive the kill).
 */
public final class TraceRecordingChild
{
    /** Stops producing after this many images (about 3 million records), to bound the disk a late kill fills. */
    static final int MAX_IMAGES = 80_000;

    private TraceRecordingChild()
    {
    }

    /**
     * @param args trace directory, seed.
     * @throws InterruptedException when interrupted while waiting to be killed.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final Path dir = Paths.get(args[0]);
        final long seed = Long.parseLong(args[1]);
        final SyntheticRun run = new SyntheticRun(seed);
        try (TraceRecorder recorder = TraceRecorder.start(dir, TraceRecorderTest.header()).awaitStarted())
        {
            System.out.println("ready");
            System.out.flush();
            long lastReport = System.nanoTime();
            int images = 0;
            while (!Thread.currentThread().isInterrupted())
            {
                if (images < MAX_IMAGES)
                {
                    run.emitImage(recorder);
                    images++;
                }
                else
                {
                    Thread.sleep(1);
                }
                final long now = System.nanoTime();
                if (now - lastReport > 2_000_000)
                {
                    System.out.println("committed " + recorder.committedRecords());
                    System.out.flush();
                    lastReport = now;
                }
            }
        }
    }
}
