package org.spikeprune.traces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two traces event by event and finds where they first differ: the tool for asking whether two runs
 * (two threading modes, two core counts, two builds, a recorded run and its replay) did the same thing, and if not,
 * at which tick and in what.
 *
 * <p>A trace is read as four streams, each compared in order on its own: the input spikes, the output spikes, the
 * core ticks, and the image, prune and prune-decision events. Two recordings of the same run may pack their events
 * into records differently (an imported trace does), and the order of spikes against core ticks depends on that
 * packing, but the order within each stream does not. Spike batches are compared tick by tick with their ids in
 * order; core ticks with every count. The configurations are compared key by key ({@code key=value} lines), and
 * the END records' run digests.
 */
public final class TraceDiff
{
    /** The streams a trace is compared in. */
    public enum Stream
    {
        /** INPUT_SPIKES batches. */
        INPUT_SPIKES("input spike ticks", EnumSet.of(TraceRecordKind.INPUT_SPIKES)),
        /** OUTPUT_SPIKES batches. */
        OUTPUT_SPIKES("output spike ticks", EnumSet.of(TraceRecordKind.OUTPUT_SPIKES)),
        /** CORE_TICK events. */
        CORE_TICKS("core ticks", EnumSet.of(TraceRecordKind.CORE_TICK)),
        /** IMAGE_START, IMAGE_END, PRUNE and PRUNE_DECISION events. */
        EVENTS("images and prune passes", EnumSet.of(TraceRecordKind.IMAGE_START, TraceRecordKind.IMAGE_END,
            TraceRecordKind.PRUNE, TraceRecordKind.PRUNE_DECISION));

        private final String label;
        private final Set<TraceRecordKind> kinds;

        Stream(final String label, final Set<TraceRecordKind> kinds)
        {
            this.label = label;
            this.kinds = kinds;
        }

        /** Its short name on the command line: input, output, cores or events. */
        public String shortName()
        {
            return switch (this)
            {
                case INPUT_SPIKES -> "input";
                case OUTPUT_SPIKES -> "output";
                case CORE_TICKS -> "cores";
                case EVENTS -> "events";
            };
        }

        /**
         * The stream with a short name.
         *
         * @param name input, output, cores or events.
         * @return the stream.
         * @throws IllegalArgumentException naming the accepted names.
         */
        public static Stream named(final String name)
        {
            for (final Stream s : values())
            {
                if (s.shortName().equals(name.trim()))
                {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown stream '" + name.trim() + "' (known: input, output, cores, "
                + "events)");
        }

        /** What the stream holds, in words. */
        public String label()
        {
            return label;
        }
    }

    /**
     * How one stream compares.
     *
     * @param stream     the stream.
     * @param eventsA    its events in the first trace (for spikes: the ticks with any, one batch each).
     * @param eventsB    its events in the second.
     * @param spikesA    for the spike streams, the spike ids in the first trace; 0 for the others.
     * @param spikesB    the same in the second.
     * @param firstIndex the index (0-based) of the first event that differs, or -1 when the streams are the same.
     * @param a          the first trace's event there ("(none)" past its end), or "".
     * @param b          the second trace's event there, or "".
     */
    public record StreamDiff(
        Stream stream, long eventsA, long eventsB, long spikesA, long spikesB, long firstIndex, String a, String b)
    {
        /** True when the two streams hold the same events in the same order. */
        public boolean same()
        {
            return firstIndex < 0;
        }
    }

    /**
     * The comparison of two traces.
     *
     * @param headerDifferences profile, seed and configuration keys that differ, one line each ("seed: 1 | 2").
     * @param digestA           the first trace's run digest ("" when none or no END record).
     * @param digestB           the second's.
     * @param completeA         whether the first trace is complete.
     * @param completeB         whether the second is.
     * @param streams           the four streams.
     */
    public record Result(
        List<String> headerDifferences, String digestA, String digestB, boolean completeA, boolean completeB,
        List<StreamDiff> streams)
    {
        /** Copies the lists. */
        public Result
        {
            headerDifferences = List.copyOf(headerDifferences);
            streams = List.copyOf(streams);
        }

        /** True when every stream is the same (the headers may differ: a replay records a new one). */
        public boolean sameEvents()
        {
            return streams.stream().allMatch(StreamDiff::same);
        }
    }

    private TraceDiff()
    {
    }

    /**
     * Compares two traces.
     *
     * @param a the first trace.
     * @param b the second.
     * @return how they compare.
     * @throws TraceException when either cannot be read; a damaged record is reported as a reader reports it.
     */
    public static Result compare(final Path a, final Path b)
    {
        return compare(a, b, EnumSet.allOf(Stream.class));
    }

    /**
     * Compares some streams of two traces.
     *
     * @param a       the first trace.
     * @param b       the second.
     * @param streams the streams to compare (in their declared order).
     * @return how they compare.
     * @throws TraceException when either cannot be read.
     */
    public static Result compare(final Path a, final Path b, final Set<Stream> streams)
    {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        final List<StreamDiff> diffs = new ArrayList<>();
        Result ends = null;
        for (final Stream s : Stream.values())
        {
            if (streams.contains(s) || s == Stream.EVENTS && diffs.isEmpty())
            {
                // a pass reads both traces to their ends, so the last one also gives the digests
                try (TraceReader x = TraceReader.open(a); TraceReader y = TraceReader.open(b))
                {
                    final StreamDiff d = compare(x, y, s);
                    if (streams.contains(s))
                    {
                        diffs.add(d);
                    }
                    ends = new Result(headerDifferences(x.header(), y.header()), digest(x), digest(y),
                        x.isComplete(), y.isComplete(), List.of());
                }
            }
        }
        return new Result(ends.headerDifferences(), ends.digestA(), ends.digestB(), ends.completeA(),
            ends.completeB(), diffs);
    }

    private static String digest(final TraceReader r)
    {
        return r.end() == null ? "" : r.end().runDigest();
    }

    /** Compares one stream, reading both traces to their ends. */
    private static StreamDiff compare(final TraceReader x, final TraceReader y, final Stream s)
    {
        final Counter ca = new Counter();
        final Counter cb = new Counter();
        long index = 0;
        long first = -1;
        String da = "";
        String db = "";
        while (true)
        {
            final boolean hasA = ca.next(x, s);
            final boolean hasB = cb.next(y, s);
            if (!hasA && !hasB)
            {
                break;
            }
            if (!(hasA && hasB && sameEvent(x, y)))
            {
                first = index;
                da = hasA ? describe(x) : "(none: the stream ends)";
                db = hasB ? describe(y) : "(none: the stream ends)";
                // count the rest of both streams
                while (hasA && ca.next(x, s))
                {
                    // counted
                }
                while (hasB && cb.next(y, s))
                {
                    // counted
                }
                break;
            }
            index++;
        }
        return new StreamDiff(s, ca.events, cb.events, ca.spikes, cb.spikes, first, da, db);
    }

    /** Moves a reader through one stream, counting its events and spike ids. */
    private static final class Counter
    {
        long events;
        long spikes;

        boolean next(final TraceReader r, final Stream s)
        {
            while (r.next())
            {
                if (s.kinds.contains(r.kind()))
                {
                    events++;
                    if (r.kind().isSpikes())
                    {
                        spikes += r.spikeCount();
                    }
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean sameEvent(final TraceReader x, final TraceReader y)
    {
        if (x.kind() != y.kind() || x.tick() != y.tick())
        {
            return false;
        }
        switch (x.kind())
        {
            case INPUT_SPIKES:
            case OUTPUT_SPIKES:
            {
                final int n = x.spikeCount();
                if (n != y.spikeCount())
                {
                    return false;
                }
                for (int i = 0; i < n; i++)
                {
                    if (x.spikeId(i) != y.spikeId(i))
                    {
                        return false;
                    }
                }
                return true;
            }
            case CORE_TICK:
                return x.core() == y.core() && x.spikesIn() == y.spikesIn() && x.synapticOps() == y.synapticOps()
                    && x.neuronUpdates() == y.neuronUpdates() && x.stdpUpdates() == y.stdpUpdates()
                    && x.decrements() == y.decrements() && x.spikesOut() == y.spikesOut();
            case IMAGE_START:
                return x.image() == y.image() && x.label() == y.label() && x.learning() == y.learning()
                    && x.repeat() == y.repeat();
            case IMAGE_END:
                return x.image() == y.image() && x.imageSpikes() == y.imageSpikes();
            case PRUNE:
                return x.evaluations() == y.evaluations() && x.pruned() == y.pruned() && x.groups() == y.groups();
            case PRUNE_DECISION:
                return x.core() == y.core() && x.pre() == y.pre() && x.post() == y.post()
                    && Float.floatToIntBits(x.weight()) == Float.floatToIntBits(y.weight());
            default:
                throw new IllegalStateException("not an event: " + x.kind());
        }
    }

    /** The reader's current event in words, the field names as an export writes them. */
    static String describe(final TraceReader r)
    {
        final StringBuilder b = new StringBuilder(96);
        b.append(r.kind().name()).append(" at tick ").append(r.tick()).append(':');
        switch (r.kind())
        {
            case INPUT_SPIKES:
            case OUTPUT_SPIKES:
            {
                final int n = r.spikeCount();
                b.append(' ').append(n).append(n == 1 ? " id [" : " ids [");
                for (int i = 0; i < Math.min(n, 16); i++)
                {
                    b.append(i > 0 ? ", " : "").append(r.spikeId(i));
                }
                b.append(n > 16 ? ", …]" : "]");
                break;
            }
            case CORE_TICK:
                b.append(" core ").append(r.core()).append(", spikes_in ").append(r.spikesIn())
                    .append(", synaptic_ops ").append(r.synapticOps()).append(", neuron_updates ")
                    .append(r.neuronUpdates()).append(", stdp_updates ").append(r.stdpUpdates())
                    .append(", decrements ").append(r.decrements()).append(", spikes_out ").append(r.spikesOut());
                break;
            case IMAGE_START:
                b.append(" image ").append(r.image()).append(", label ").append(r.label()).append(", learning ")
                    .append(r.learning()).append(", repeat ").append(r.repeat());
                break;
            case IMAGE_END:
                b.append(" image ").append(r.image()).append(", spikes ").append(r.imageSpikes());
                break;
            case PRUNE:
                b.append(" evaluations ").append(r.evaluations()).append(", pruned ").append(r.pruned())
                    .append(", groups ").append(r.groups());
                break;
            case PRUNE_DECISION:
                b.append(" core ").append(r.core()).append(", pre ").append(r.pre()).append(", post ")
                    .append(r.post()).append(", weight ").append(r.weight());
                break;
            default:
                throw new IllegalStateException("not an event: " + r.kind());
        }
        return b.toString();
    }

    /** Profile, seed and every configuration key whose value differs, as "key: a | b". */
    static List<String> headerDifferences(final TraceHeader a, final TraceHeader b)
    {
        final List<String> out = new ArrayList<>();
        if (!a.profile().equals(b.profile()))
        {
            out.add("profile: " + a.profile() + " | " + b.profile());
        }
        if (a.seed() != b.seed())
        {
            out.add("seed: " + a.seed() + " | " + b.seed());
        }
        final Map<String, String> x = keys(a.configText());
        final Map<String, String> y = keys(b.configText());
        final Set<String> all = new TreeSet<>(x.keySet());
        all.addAll(y.keySet());
        for (final String k : all)
        {
            final String u = x.getOrDefault(k, "(absent)");
            final String v = y.getOrDefault(k, "(absent)");
            if (!u.equals(v))
            {
                out.add(k + ": " + u + " | " + v);
            }
        }
        return out;
    }

    private static Map<String, String> keys(final String text)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        int other = 0;
        for (final String line : text.split("\n"))
        {
            final int eq = line.indexOf('=');
            if (eq > 0)
            {
                m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
            else if (!line.isBlank())
            {
                m.put("(line " + (++other) + ")", line);
            }
        }
        return m;
    }
}
