package org.spikeprune.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of a simulation goes: a Java Flight Recorder recording of execution samples (one every
 * millisecond) of the simulating threads (the caller's and the engine's own threads, whose names start with
 * {@code spikeprune-}), aggregated by the simulator unit whose method was running. Each sample is charged
 * to the innermost frame that belongs to a known unit (JDK frames such as {@code Math.log} are charged to their
 * caller; inlined methods are frames of their own in JFR's stack traces).
 *
 * <ul>
 *   <li>{@link Part#NEURONS}: the neuron update loop and the closed-form catch-up of skipped ticks;</li>
 *   <li>{@link Part#SOPS}: spike arrival at a core and the SOP kernels — with learning on, the kernel that also
 *       applies the fused STDP pre-spike depression;</li>
 *   <li>{@link Part#STDP}: post-synaptic traces, post-spike potentiation, weight normalisation;</li>
 *   <li>{@link Part#INPUT}: Poisson input generation;</li>
 *   <li>{@link Part#ENGINE}: the event engine, the Controller's spike routing, quiescence checks, the per-image
 *       loop;</li>
 *   <li>{@link Part#OTHER}: anything else.</li>
 * </ul>
 */
final class TimeBreakdown
{
    /** What a sample is charged to. */
    enum Part
    {
        NEURONS("neuron updates"),
        SOPS("SOPs"),
        STDP("STDP"),
        INPUT("input generation"),
        ENGINE("engine"),
        OTHER("other");

        final String label;

        Part(final String label)
        {
            this.label = label;
        }
    }

    private static final String DC = "org.spikeprune.core.dc.";
    private final Recording recording;
    private final long threadId;

    private TimeBreakdown(final Recording recording, final long threadId)
    {
        this.recording = recording;
        this.threadId = threadId;
    }

    /**
     * Starts sampling.
     *
     * @param thread the calling thread; its samples count, and those of the engine's threads.
     * @return the running breakdown.
     */
    static TimeBreakdown start(final Thread thread)
    {
        final Recording r = new Recording();
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        r.start();
        return new TimeBreakdown(r, thread.getId());
    }

    /**
     * Stops sampling and counts the samples of each part.
     *
     * @return samples per {@link Part}, by ordinal.
     */
    long[] stop()
    {
        final long[] counts = new long[Part.values().length];
        try
        {
            recording.stop();
            final Path file = Files.createTempFile("spikeprune-bench", ".jfr");
            try
            {
                recording.dump(file);
                final List<RecordedEvent> events = RecordingFile.readAllEvents(file);
                for (final RecordedEvent e : events)
                {
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample"))
                    {
                        continue;
                    }
                    final RecordedThread t = e.getThread("sampledThread");
                    if (t == null || t.getJavaThreadId() != threadId && !isEngineThread(t.getJavaName()))
                    {
                        continue;
                    }
                    counts[classify(e.getStackTrace()).ordinal()]++;
                }
            }
            finally
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read the flight recording: " + ex.getMessage(), ex);
        }
        finally
        {
            recording.close();
        }
        return counts;
    }

    private static boolean isEngineThread(final String name)
    {
        return name != null && (name.equals("spikeprune-shared") || name.startsWith("spikeprune-core-"));
    }

    static Part classify(final RecordedStackTrace stack)
    {
        if (stack == null)
        {
            return Part.OTHER;
        }
        for (final RecordedFrame f : stack.getFrames())
        {
            if (f.getMethod() == null || f.getMethod().getType() == null)
            {
                continue;
            }
            final Part part = part(f.getMethod().getType().getName(), f.getMethod().getName());
            if (part != null)
            {
                return part;
            }
        }
        return Part.OTHER;
    }

    /**
     * The part a method belongs to, or null to charge its caller.
     *
     * @param type   the class name.
     * @param method the method name.
     * @return the part, or null.
     */
    static Part part(final String type, final String method)
    {
        if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))
        {
            return null;
        }
        if (type.equals(DC + "SynapseTable"))
        {
            return null;
        }
        if (type.equals(DC + "SynapseKernels"))
        {
            return switch (method)
            {
                case "accumulate", "accumulateDepress", "emit", "emitGroups" -> Part.SOPS;
                case "potentiate", "preTrace", "depress" -> Part.STDP;
                default -> null;
            };
        }
        if (type.equals(DC + "DcCore"))
        {
            return switch (method)
            {
                case "integrate", "catchUp", "relax", "activateInhibitory", "sortTail", "releaseRefractory" ->
                    Part.NEURONS;
                case "onSpikes", "deliverArrivals", "emit" -> Part.SOPS;
                // The pre-spike depression, applied lazily at arrival, and its bookkeeping.
                case "arriveLearning", "arriveLearningRecent", "dueSynapses", "forgetOldSpikers", "retire", "settle",
                    "settleRows", "settled" -> Part.STDP;
                // The post-spike potentiation, its active inputs, and the post traces.
                case "potentiate", "potentiateActive", "potentiated", "settleColumnAndPotentiate", "forgetIdleInputs",
                    "postTraces" -> Part.STDP;
                // The normalisation's test of which neurons to sum again.
                case "weightsMayHaveChanged", "normalised" -> Part.STDP;
                case "lookup" -> null;
                default -> Part.ENGINE;
            };
        }
        if (type.equals(DC + "DcNetwork") && (method.equals("normalise") || method.equals("sum")))
        {
            return Part.STDP;
        }
        if (type.equals(DC + "PoissonInput"))
        {
            return Part.INPUT;
        }
        if (type.startsWith("org.spikeprune.engine.") || type.equals(DC + "DcController")
            || type.equals(DC + "DcNetwork"))
        {
            return Part.ENGINE;
        }
        return Part.OTHER;
    }
}
