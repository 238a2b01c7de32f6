package org.spikeprune.cli.trace;

import java.nio.file.Path;

import org.spikeprune.traces.TraceException;
import org.spikeprune.traces.TraceHeader;
import org.spikeprune.traces.TraceRecorder;

import picocli.CommandLine.Option;

/**
 * The recording options of a run command ({@code train}, {@code experiment}): add with
 * {@code @Mixin TraceOptions trace;} and start the recorder with {@link #start}.
 */
public final class TraceOptions
{
    @Option(names = "--trace", paramLabel = "DIR",
        description = "Record every event of the run into this new directory (a Chronicle queue).")
    Path dir;

    @Option(names = "--trace-min-free-mb", paramLabel = "MB", defaultValue = "256",
        description = "Refuse to start, or stop, recording when the trace's file system has less free space "
            + "(default: ${DEFAULT-VALUE} MB).")
    long minFreeMb;

    /** The trace directory, or null when the run is not recorded. */
    public Path directory()
    {
        return dir;
    }

    /** True when {@code --trace} was given. */
    public boolean enabled()
    {
        return dir != null;
    }

    /**
     * Starts the recorder, or returns null when {@code --trace} was not given.
     *
     * @param profile    the profile name.
     * @param seed       the run's seed.
     * @param configText the full configuration text (replay rebuilds the run from it).
     * @param creator    e.g. "spikeprune 0.1.0".
     * @return the recorder, or null.
     * @throws TraceInputException when the directory holds a trace already, cannot be created, or its file system
     *                             has too little free space.
     */
    public TraceRecorder start(final String profile, final long seed, final String configText, final String creator)
    {
        if (dir == null)
        {
            return null;
        }
        if (minFreeMb < 0)
        {
            throw new TraceInputException("--trace-min-free-mb must not be negative, got " + minFreeMb, null);
        }
        TraceCommand.quietQueueLogging();
        try
        {
            return TraceRecorder.start(
                dir, TraceHeader.of(profile, seed, configText, creator),
                new TraceRecorder.Context().minFreeBytes(minFreeMb << 20));
        }
        catch (final TraceException ex)
        {
            throw new TraceInputException(ex);
        }
    }
}
