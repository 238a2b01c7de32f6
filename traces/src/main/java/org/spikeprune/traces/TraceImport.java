package org.spikeprune.traces;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Builds a trace from JSON Lines: the format {@link TraceExport} writes with {@link TraceExport.Format#JSONL}. The
 * reverse of an export, so a trace can be kept as text, edited or filtered with other tools, or written by another
 * simulator, and then inspected, replayed or re-timed on a hardware model like any recorded one.
 *
 * <p>The first line is the HEADER object ({@code profile}, {@code seed} and {@code config} required;
 * {@code format_version}, {@code config_digest}, {@code creator}, {@code java} and {@code created} checked when
 * present). Each following line is one event: {@code kind}, {@code tick} and the kind's fields, the names
 * {@link TraceExport} writes; {@code record} and {@code presentation} are read as comments (the new trace numbers
 * its own records). An unknown field, a missing one, a value of the wrong type or out of its range is refused with
 * the line and the field named, as is an id, core or label outside the network the header describes ({@link Limits},
 * from {@link Options#check()}), a configuration value that is NaN or infinite, and a tick earlier than the one
 * before it in its stream (input spikes, output spikes, core ticks, image and prune events; only an IMAGE_START
 * may start the clock again, for a new pass). The last line may be the END object. When it says the recording
 * completed and its spike totals equal those of the lines, the new trace is complete and carries the run digest (64
 * lower-case hex digits, or none); totals that differ mean the lines were edited or some are missing, which is
 * refused unless {@link Options#edited()} is set, and then the new trace is complete without a run digest. Without
 * an END line the new trace is incomplete, as the recording it came from was, unless {@link Options#edited()} is
 * set: then the lines are taken as a whole trace (a range cut from a longer one, say), complete and without a run
 * digest.
 *
 * <p>The trace is written into a temporary folder beside the destination, read back whole and checked against what
 * was imported, and only then moved into place; on any failure the temporary folder is removed and the destination
 * is left as it was. The destination must not exist, or be an empty folder.
 */
public final class TraceImport
{
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** A run digest as recordings write it: the SHA-256 of the run's result, in lower-case hex. */
    private static final Pattern RUN_DIGEST = Pattern.compile("[0-9a-f]{64}");
    /** Cores when the configuration does not say: the most a CORE_TICK or PRUNE_DECISION line may name. */
    public static final int MAX_CORES = 1 << 16;
    /** Classes when neither the configuration nor the profile says: the ten of MNIST and Fashion-MNIST. */
    public static final int DEFAULT_CLASSES = 10;

    /**
     * What to accept.
     *
     * @param edited accept lines whose spike totals differ from the END line's, or no END line, as a whole trace
     *               (the new trace then has no run digest).
     * @param ctx    the recorder's ring and disk-space settings.
     * @param check  checks the HEADER line's profile and configuration and says what the events may hold.
     */
    public record Options(boolean edited, TraceRecorder.Context ctx, HeaderCheck check)
    {
        /** Checks the context and the header check are present. */
        public Options
        {
            Objects.requireNonNull(ctx, "ctx");
            Objects.requireNonNull(check, "check");
        }

        /**
         * Options whose limits come from the configuration alone ({@link #configLimits(Map)}).
         *
         * @param edited see {@link #edited()}.
         * @param ctx    see {@link #ctx()}.
         */
        public Options(final boolean edited, final TraceRecorder.Context ctx)
        {
            this(edited, ctx, (profile, config) -> configLimits(config));
        }

        /** Strict, with the default recorder settings. */
        public static Options defaults()
        {
            return new Options(false, new TraceRecorder.Context());
        }
    }

    /**
     * What the events of an imported trace may hold; each event line is checked against these.
     *
     * @param inputs    input neurons: input spike ids and PRUNE_DECISION {@code pre} are below it (0: not known).
     * @param neurons   excitatory neurons: PRUNE_DECISION {@code post} is below it (0: not known).
     * @param outputIds output spike ids are below it, and not below {@code inputs} (0: not known). A spikeprune
     *                  network numbers its neurons after its inputs: the excitatory, then the inhibitory ones.
     * @param cores     cores: CORE_TICK and PRUNE_DECISION {@code core} are below it (0: not known, then below
     *                  {@value #MAX_CORES}).
     * @param classes   classes of the data set: IMAGE_START {@code label} is below it (0: not known, then below
     *                  {@value #DEFAULT_CLASSES}).
     */
    public record Limits(int inputs, int neurons, int outputIds, int cores, int classes)
    {
        /** Checks no limit is negative. */
        public Limits
        {
            if ((inputs | neurons | outputIds | cores | classes) < 0)
            {
                throw new IllegalArgumentException("a limit is negative: " + inputs + ", " + neurons + ", "
                    + outputIds + ", " + cores + ", " + classes);
            }
        }

        /**
         * These limits with the unknown ones taken from another.
         *
         * @param other limits that fill in those not known here.
         * @return the merged limits.
         */
        public Limits or(final Limits other)
        {
            return new Limits(inputs != 0 ? inputs : other.inputs, neurons != 0 ? neurons : other.neurons,
                outputIds != 0 ? outputIds : other.outputIds, cores != 0 ? cores : other.cores,
                classes != 0 ? classes : other.classes);
        }
    }

    /** Checks a HEADER line before any event is read. */
    @FunctionalInterface
    public interface HeaderCheck
    {
        /**
         * Checks the header's profile and configuration and says what the events may hold.
         *
         * @param profile the HEADER line's {@code profile}.
         * @param config  its configuration, key by key ({@code key=value} lines; other lines are left out).
         * @return the limits the event lines are checked against.
         * @throws IllegalArgumentException when the header is refused; the message names the field and the rule
         *                                  (the import adds the file and the line).
         */
        Limits check(String profile, Map<String, String> config);
    }

    /**
     * The limits a configuration sets: {@code network.exc_neurons} excitatory neurons and {@code run.cores} cores
     * when given; the rest unknown.
     *
     * @param config the configuration, key by key.
     * @return the limits.
     * @throws IllegalArgumentException when one of those keys is not a positive integer.
     */
    public static Limits configLimits(final Map<String, String> config)
    {
        return new Limits(0, positive(config, "network.exc_neurons"), 0, positive(config, "run.cores"), 0);
    }

    private static int positive(final Map<String, String> config, final String key)
    {
        final String text = config.get(key);
        if (text == null)
        {
            return 0;
        }
        try
        {
            final int n = Integer.parseInt(text.trim());
            if (n > 0)
            {
                return n;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // refused below
        }
        throw new IllegalArgumentException("'config' key " + key + " is \"" + text + "\": expected a positive "
            + "integer");
    }

    /**
     * The {@code key=value} lines of a configuration text, in order; lines without '=' (blank ones, comments) are
     * left out.
     *
     * @param config the text.
     * @return the keys and their values, both trimmed.
     */
    public static Map<String, String> configEntries(final String config)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        for (final String line : config.split("\n"))
        {
            final int eq = line.indexOf('=');
            if (eq > 0 && !line.trim().startsWith("#"))
            {
                m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    /**
     * What was imported.
     *
     * @param lines        lines read (blank ones included).
     * @param events       event lines imported.
     * @param inputSpikes  input spike ids imported.
     * @param outputSpikes output spike ids imported.
     * @param coreTicks    core ticks imported.
     * @param status       the new trace's END status, or null when it has no END record.
     * @param runDigest    the run digest it carries, or "".
     * @param notes        what a user should know (an edited file, a missing END line), one sentence each.
     */
    public record Result(
        long lines, long events, long inputSpikes, long outputSpikes, long coreTicks, TraceStatus status,
        String runDigest, List<String> notes)
    {
        /** Copies the notes. */
        public Result
        {
            notes = List.copyOf(notes);
        }
    }

    private final BufferedReader in;
    private final String source;
    private final Options options;

    /** One event line, decoded into reused fields. */
    private TraceRecordKind kind;
    private long tick;
    private int[] ids = new int[256];
    private int idCount;
    private final long[] values = new long[Field.values().length];
    private final boolean[] seen = new boolean[Field.values().length];
    private float weight;
    private boolean learning;
    private String statusName;
    private String runDigestText;

    /** What the events may hold, from the header. */
    private Limits limits;
    /** Per stream (input spikes, output spikes, core ticks, the other events): the last tick and its line. */
    private final long[] lastTicks = {-1, -1, -1, -1};
    private final long[] lastLines = new long[4];
    private final TraceRecordKind[] lastKinds = new TraceRecordKind[4];

    private long lineNo;
    private long events;
    private long inputSpikes;
    private long outputSpikes;
    private long coreTicks;

    private TraceImport(final BufferedReader in, final String source, final Options options)
    {
        this.in = in;
        this.source = source;
        this.options = options;
    }

    /**
     * Reads JSON Lines and writes them as a trace.
     *
     * @param in      the lines; read to the end, not closed.
     * @param source  names the input in messages (a file name, or "standard input").
     * @param dir     the new trace's folder: absent, or empty.
     * @param options what to accept.
     * @return what was imported.
     * @throws TraceFormatException when a line is malformed, names the line and the field.
     * @throws TraceException       when the destination cannot be used or writing fails; the destination is then
     *                              left as it was.
     */
    public static Result read(final BufferedReader in, final String source, final Path dir, final Options options)
    {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        final Path target = dir.toAbsolutePath().normalize();
        checkDestination(target);
        final Path staging = target.resolveSibling("." + target.getFileName() + ".importing");
        if (Files.exists(staging))
        {
            throw new TraceException("trace " + dir + ": " + staging.getFileName() + " already exists beside it (an "
                + "import that did not finish?); remove it first");
        }
        boolean moved = false;
        try
        {
            final Result result = new TraceImport(in, source, options).run(staging);
            verify(staging, result);
            if (Files.isDirectory(target))
            {
                Files.delete(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return result;
        }
        catch (final IOException ex)
        {
            throw new TraceException("trace " + dir + ": cannot write the imported trace: " + ex.getMessage(), ex);
        }
        catch (final TraceFormatException ex)
        {
            throw ex;
        }
        catch (final TraceException ex)
        {
            // the recorder's failures (a disk running low, say) name the staging folder, which is removed
            throw new TraceException("trace " + dir + ": the import stopped and wrote nothing: " + ex.getMessage(), ex);
        }
        finally
        {
            if (!moved)
            {
                deleteQuietly(staging);
            }
        }
    }

    private static void checkDestination(final Path target)
    {
        if (Files.isRegularFile(target))
        {
            throw new TraceException("trace " + target + ": a file of that name exists; give a new folder");
        }
        if (Files.isDirectory(target))
        {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target))
            {
                if (entries.iterator().hasNext())
                {
                    throw new TraceException("trace " + target + ": the folder is not empty; import into a new or "
                        + "empty folder (nothing in it was changed)");
                }
            }
            catch (final IOException ex)
            {
                throw new TraceException("trace " + target + ": cannot read the folder: " + ex.getMessage(), ex);
            }
        }
    }

    private Result run(final Path staging) throws IOException
    {
        final TraceHeader header = header();
        final List<String> notes = new ArrayList<>();
        TraceStatus status = null;
        String digest = "";
        try (TraceRecorder recorder = TraceRecorder.start(staging, header, options.ctx()))
        {
            boolean ended = false;
            String line;
            while ((line = nextLine()) != null)
            {
                lineNo++;
                if (line.isBlank())
                {
                    continue;
                }
                if (ended)
                {
                    throw bad("a line after the END line; END must be the last");
                }
                parseEvent(line);
                checkEvent();
                if (kind == TraceRecordKind.END)
                {
                    ended = true;
                    status = endStatus();
                    digest = endDigest(notes);
                    continue;
                }
                deliver(recorder);
            }
            if (!ended && options.edited())
            {
                notes.add("the input has no END line; as --edited asks, its lines are taken as a whole trace: "
                    + "complete, without a run digest");
                status = TraceStatus.COMPLETE;
                recorder.finishAs(status, "");
            }
            else if (!ended)
            {
                notes.add("the input has no END line (a range of a trace, a recording that did not finish, or "
                    + "missing lines): the trace is marked incomplete; --edited takes the lines as a whole trace");
                recorder.close();
            }
            else
            {
                recorder.finishAs(status, digest);
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad(ex.getMessage());
        }
        return new Result(lineNo, events, inputSpikes, outputSpikes, coreTicks,
            status == null ? TraceStatus.ABORTED : status, digest, notes);
    }

    private TraceHeader header() throws IOException
    {
        String line;
        do
        {
            line = nextLine();
            lineNo++;
            if (line == null)
            {
                throw bad("no HEADER line: the input is empty");
            }
        }
        while (line.isBlank());
        if (line.charAt(0) == '\uFEFF')
        {
            line = line.substring(1); // a byte-order mark, as some editors write
        }
        Integer version = null;
        String profile = null;
        Long seed = null;
        String configDigest = null;
        String config = null;
        String creator = "spikeprune trace import";
        String java = System.getProperty("java.version", "unknown");
        long created = System.currentTimeMillis();
        String kindName = null;
        String unknown = null;
        try (JsonParser p = JSON.createParser(line))
        {
            expect(p.nextToken() == JsonToken.START_OBJECT, "the HEADER line is not a JSON object");
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken())
            {
                final String name = p.currentName();
                final JsonToken v = p.nextToken();
                switch (name)
                {
                    case "kind" -> kindName = text(p, v, name);
                    case "record" -> integer(p, v, name, 0, Long.MAX_VALUE);
                    case "format_version" -> version = (int)integer(p, v, name, 0, Integer.MAX_VALUE);
                    case "profile" -> profile = text(p, v, name);
                    case "seed" -> seed = integer(p, v, name, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "config_digest" -> configDigest = text(p, v, name);
                    case "config" -> config = text(p, v, name);
                    case "creator" -> creator = text(p, v, name);
                    case "java" -> java = text(p, v, name);
                    case "created" -> created = instant(text(p, v, name));
                    default ->
                    {
                        unknown = unknown == null ? name : unknown;
                        p.skipChildren();
                    }
                }
            }
            expect(p.nextToken() == null, "text after the HEADER object");
        }
        catch (final JsonProcessingException ex)
        {
            throw bad("not valid JSON: " + jsonProblem(ex));
        }
        expect("HEADER".equals(kindName), "the first line must be the HEADER object (kind \"HEADER\"), found "
            + (kindName == null ? "no kind" : "kind \"" + kindName + "\""));
        expect(unknown == null, "unknown field '" + unknown + "' in the HEADER line");
        expect(profile != null, "the HEADER line has no 'profile'");
        expect(seed != null, "the HEADER line has no 'seed'");
        expect(config != null, "the HEADER line has no 'config'");
        if (version != null && version != TraceRecordDescriptor.FORMAT_VERSION)
        {
            throw bad("format_version " + version + ": this spikeprune writes and reads format version "
                + TraceRecordDescriptor.FORMAT_VERSION);
        }
        final String computed = TraceHeader.sha256Hex(config);
        if (configDigest != null && !configDigest.equals(computed))
        {
            throw bad("config_digest " + configDigest + " is not the SHA-256 of 'config' (" + computed + "): the "
                + "configuration was changed; give the new digest or leave the field out");
        }
        final Map<String, String> entries = configEntries(config);
        checkFinite(entries);
        try
        {
            limits = options.check().check(profile, entries).or(new Limits(0, 0, 0, MAX_CORES, DEFAULT_CLASSES));
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad(ex.getMessage());
        }
        return new TraceHeader(TraceRecordDescriptor.FORMAT_VERSION, profile, seed, computed, config, creator, java,
            created);
    }

    /** Refuses a configuration value that reads as NaN or an infinite number: no run can use one. */
    private void checkFinite(final Map<String, String> entries)
    {
        for (final Map.Entry<String, String> e : entries.entrySet())
        {
            final String v = e.getValue();
            final String bare = v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
            boolean finite = true;
            if (bare.equalsIgnoreCase("nan") || bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity"))
            {
                finite = false;
            }
            else if (!bare.isEmpty() && (Character.isDigit(bare.charAt(0)) || bare.charAt(0) == '.'))
            {
                try
                {
                    finite = Double.isFinite(Double.parseDouble(v));
                }
                catch (final NumberFormatException notANumber)
                {
                    // text, not a number
                }
            }
            if (!finite)
            {
                throw bad("'config' key " + e.getKey() + " is " + v + ": a numeric value must be a finite number");
            }
        }
    }

    /** The next line, or null at the end; a read failure is reported with the line it stopped at. */
    private String nextLine()
    {
        try
        {
            return in.readLine();
        }
        catch (final CharacterCodingException ex)
        {
            throw new TraceFormatException(source + ", line " + (lineNo + 1) + ": not UTF-8 text", ex);
        }
        catch (final ZipException | EOFException ex)
        {
            throw new TraceFormatException(source + ", line " + (lineNo + 1) + ": the compressed data is damaged or "
                + "truncated (" + ex.getMessage() + ")", ex);
        }
        catch (final IOException ex)
        {
            throw new TraceFormatException(source + ", line " + (lineNo + 1) + ": cannot read: " + ex.getMessage(),
                ex);
        }
    }

    private long instant(final String text)
    {
        try
        {
            return Instant.parse(text).toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw bad("'created' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z: \"" + text + "\"");
        }
    }

    /** The fields of event lines, each with its range. */
    private enum Field
    {
        IMAGE("image", 0, Integer.MAX_VALUE),
        LABEL("label", 0, Integer.MAX_VALUE),
        REPEAT("repeat", 0, Integer.MAX_VALUE),
        SPIKES("spikes", 0, Integer.MAX_VALUE),
        CORE("core", 0, Integer.MAX_VALUE),
        SPIKES_IN("spikes_in", 0, Integer.MAX_VALUE),
        SYNAPTIC_OPS("synaptic_ops", 0, Integer.MAX_VALUE),
        NEURON_UPDATES("neuron_updates", 0, Integer.MAX_VALUE),
        STDP_UPDATES("stdp_updates", 0, Integer.MAX_VALUE),
        DECREMENTS("decrements", 0, Integer.MAX_VALUE),
        SPIKES_OUT("spikes_out", 0, Integer.MAX_VALUE),
        EVALUATIONS("evaluations", 0, Long.MAX_VALUE),
        PRUNED("pruned", 0, Long.MAX_VALUE),
        GROUPS("groups", 0, Integer.MAX_VALUE),
        PRE("pre", 0, Integer.MAX_VALUE),
        POST("post", 0, Integer.MAX_VALUE),
        EVENT_RECORDS("event_records", 0, Long.MAX_VALUE),
        INPUT_SPIKES("input_spikes", 0, Long.MAX_VALUE),
        OUTPUT_SPIKES("output_spikes", 0, Long.MAX_VALUE);

        final String json;
        final long min;
        final long max;

        Field(final String json, final long min, final long max)
        {
            this.json = json;
            this.min = min;
            this.max = max;
        }

        static Field named(final String name)
        {
            for (final Field f : values())
            {
                if (f.json.equals(name))
                {
                    return f;
                }
            }
            return null;
        }
    }

    /** The fields each kind requires, besides kind and tick. */
    private static Field[] required(final TraceRecordKind kind)
    {
        return switch (kind)
        {
            case INPUT_SPIKES, OUTPUT_SPIKES -> new Field[0];
            case IMAGE_START -> new Field[] {Field.IMAGE, Field.LABEL, Field.REPEAT};
            case IMAGE_END -> new Field[] {Field.IMAGE, Field.SPIKES};
            case CORE_TICK -> new Field[] {Field.CORE, Field.SPIKES_IN, Field.SYNAPTIC_OPS, Field.NEURON_UPDATES,
                Field.STDP_UPDATES, Field.DECREMENTS, Field.SPIKES_OUT};
            case PRUNE -> new Field[] {Field.EVALUATIONS, Field.PRUNED, Field.GROUPS};
            case PRUNE_DECISION -> new Field[] {Field.CORE, Field.PRE, Field.POST};
            case END -> new Field[] {Field.EVENT_RECORDS, Field.INPUT_SPIKES, Field.OUTPUT_SPIKES};
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private void parseEvent(final String line) throws IOException
    {
        kind = null;
        tick = -1;
        idCount = -1;
        Arrays.fill(seen, false);
        boolean hasWeight = false;
        boolean hasLearning = false;
        statusName = null;
        runDigestText = null;
        boolean hasTick = false;
        try (JsonParser p = JSON.createParser(line))
        {
            expect(p.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken())
            {
                final String name = p.currentName();
                final JsonToken v = p.nextToken();
                switch (name)
                {
                    case "kind" -> kind = kind(text(p, v, name));
                    case "tick" ->
                    {
                        tick = integer(p, v, name, -1, Long.MAX_VALUE);
                        hasTick = true;
                    }
                    case "record", "presentation" -> integer(p, v, name, 0, Long.MAX_VALUE);
                    case "ids" -> ids(p, v);
                    case "weight" ->
                    {
                        weight = weight(p, v);
                        hasWeight = true;
                    }
                    case "learning" ->
                    {
                        expect(v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE,
                            "'learning' must be true or false");
                        learning = v == JsonToken.VALUE_TRUE;
                        hasLearning = true;
                    }
                    case "status" -> statusName = text(p, v, name);
                    case "run_digest" -> runDigestText = text(p, v, name);
                    default ->
                    {
                        final Field f = Field.named(name);
                        if (f == null)
                        {
                            throw bad("unknown field '" + name + "'");
                        }
                        values[f.ordinal()] = integer(p, v, name, f.min, f.max);
                        seen[f.ordinal()] = true;
                    }
                }
            }
            expect(p.nextToken() == null, "text after the JSON object");
        }
        catch (final JsonProcessingException ex)
        {
            throw bad("not valid JSON: " + jsonProblem(ex));
        }
        expect(kind != null, "no 'kind'");
        final String k = kind.name();
        expect(hasTick, k + " has no 'tick'");
        expect(tick >= 0 || kind == TraceRecordKind.END, "'tick' -1 is out of range [0, " + Long.MAX_VALUE + "]");
        for (final Field f : required(kind))
        {
            expect(seen[f.ordinal()], k + " has no '" + f.json + "'");
        }
        for (final Field f : Field.values())
        {
            if (seen[f.ordinal()] && !Arrays.asList(required(kind)).contains(f))
            {
                throw bad("'" + f.json + "' does not belong to a " + k + " line");
            }
        }
        expect(kind.isSpikes() == (idCount >= 0), kind.isSpikes() ? k + " has no 'ids'" : "'ids' does not belong to a "
            + k + " line");
        expect((kind == TraceRecordKind.IMAGE_START) == hasLearning, hasLearning
            ? "'learning' does not belong to a " + k + " line" : k + " has no 'learning'");
        expect((kind == TraceRecordKind.PRUNE_DECISION) == hasWeight, hasWeight
            ? "'weight' does not belong to a " + k + " line" : k + " has no 'weight'");
        expect((kind == TraceRecordKind.END) == (statusName != null), statusName != null
            ? "'status' does not belong to a " + k + " line" : k + " has no 'status'");
        expect(kind == TraceRecordKind.END || runDigestText == null, "'run_digest' does not belong to a " + k
            + " line");
    }

    /**
     * Checks an event line against the header's limits (ids, cores, labels) and the order of its stream: the ticks
     * of input spikes, of output spikes, of core ticks and of the other events each never go back, but at an
     * IMAGE_START earlier than the event before it, where a new pass (label assignment, test) starts its clock at
     * tick 0 again.
     */
    private void checkEvent()
    {
        final Limits l = limits;
        switch (kind)
        {
            case INPUT_SPIKES -> checkIds(0, l.inputs(), "input neurons");
            case OUTPUT_SPIKES -> checkIds(l.outputIds() == 0 ? 0 : l.inputs(), l.outputIds(), "neuron ids after "
                + l.inputs() + " inputs");
            case IMAGE_START -> below(Field.LABEL, l.classes(), "classes of the data set");
            case CORE_TICK -> below(Field.CORE, l.cores(), "cores");
            case PRUNE_DECISION ->
            {
                below(Field.CORE, l.cores(), "cores");
                below(Field.PRE, l.inputs(), "input neurons");
                below(Field.POST, l.neurons(), "excitatory neurons (network.exc_neurons)");
            }
            default ->
            {
                // no id, core or label
            }
        }
        if (kind == TraceRecordKind.END)
        {
            return;
        }
        final int stream = switch (kind)
        {
            case INPUT_SPIKES -> 0;
            case OUTPUT_SPIKES -> 1;
            case CORE_TICK -> 2;
            default -> 3;
        };
        if (kind == TraceRecordKind.IMAGE_START && tick < lastTicks[3])
        {
            Arrays.fill(lastTicks, -1); // a new pass: its clock starts again
        }
        else if (tick < lastTicks[stream])
        {
            throw bad("'tick' " + tick + " goes back from tick " + lastTicks[stream] + " of the " + lastKinds[stream]
                + " line " + lastLines[stream] + ": " + (stream == 3 ? "image and prune lines" : kind + " lines")
                + " must be in tick order (the clock starts again only at an IMAGE_START, for a new pass)");
        }
        lastTicks[stream] = tick;
        lastLines[stream] = lineNo;
        lastKinds[stream] = kind;
    }

    private void checkIds(final int from, final int limit, final String what)
    {
        if (limit == 0)
        {
            return;
        }
        for (int i = 0; i < idCount; i++)
        {
            if (ids[i] < from || ids[i] >= limit)
            {
                throw bad("'ids[" + i + "]' " + ids[i] + " is out of range [" + from + ", " + (limit - 1) + "]: the "
                    + "trace has " + (limit - from) + " " + what);
            }
        }
    }

    private void below(final Field f, final int limit, final String what)
    {
        final long x = values[f.ordinal()];
        if (limit != 0 && x >= limit)
        {
            throw bad("'" + f.json + "' " + x + " is out of range [0, " + (limit - 1) + "]: the trace has " + limit
                + " " + what);
        }
    }

    private TraceRecordKind kind(final String name)
    {
        for (final TraceRecordKind k : TraceRecordKind.values())
        {
            if (k.name().equals(name) && k != TraceRecordKind.HEADER)
            {
                return k;
            }
        }
        throw bad("unknown kind \"" + name + "\" (known: INPUT_SPIKES, OUTPUT_SPIKES, IMAGE_START, IMAGE_END, "
            + "CORE_TICK, PRUNE, PRUNE_DECISION, END" + ("HEADER".equals(name) ? "; HEADER only on the first line"
            : "") + ")");
    }

    private void ids(final JsonParser p, final JsonToken v) throws IOException
    {
        expect(v == JsonToken.START_ARRAY, "'ids' must be an array of spike ids");
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken())
        {
            final long id = integer(p, t, "ids[" + n + "]", 0, Integer.MAX_VALUE);
            if (n == ids.length)
            {
                ids = Arrays.copyOf(ids, 2 * n);
            }
            ids[n++] = (int)id;
        }
        idCount = n;
    }

    private float weight(final JsonParser p, final JsonToken v) throws IOException
    {
        if (v == JsonToken.VALUE_NULL)
        {
            return Float.NaN;
        }
        expect(v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT,
            "'weight' must be a number or null");
        // parsed from the text, as the export wrote it with Float.toString: no rounding through a double
        final float w = Float.parseFloat(p.getText());
        expect(Float.isFinite(w), "'weight' " + p.getText() + " does not fit a float");
        return w;
    }

    private long integer(final JsonParser p, final JsonToken v, final String name, final long min, final long max)
        throws IOException
    {
        expect(v == JsonToken.VALUE_NUMBER_INT, "'" + name + "' must be an integer, found " + describe(p, v));
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER)
        {
            throw bad("'" + name + "' " + p.getText() + " is out of range [" + min + ", " + max + "]");
        }
        final long x = p.getLongValue();
        if (x < min || x > max)
        {
            throw bad("'" + name + "' " + x + " is out of range [" + min + ", " + max + "]");
        }
        return x;
    }

    private String text(final JsonParser p, final JsonToken v, final String name) throws IOException
    {
        expect(v == JsonToken.VALUE_STRING, "'" + name + "' must be a string, found " + describe(p, v));
        return p.getText();
    }

    private static String describe(final JsonParser p, final JsonToken v) throws IOException
    {
        if (v == null)
        {
            return "nothing";
        }
        return switch (v)
        {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> p.getText();
        };
    }

    /** The parser's message without its source description, with the column where it stopped. */
    private static String jsonProblem(final JsonProcessingException ex)
    {
        final String m = String.valueOf(ex.getOriginalMessage())
            .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
            .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
            .replace('\n', ' ').trim();
        return ex.getLocation() == null || ex.getLocation().getColumnNr() < 1 ? m
            : m + " (column " + ex.getLocation().getColumnNr() + ")";
    }

    private TraceStatus endStatus()
    {
        for (final TraceStatus s : TraceStatus.values())
        {
            if (s.name().equals(statusName))
            {
                return s;
            }
        }
        throw bad("unknown END status \"" + statusName + "\" (known: COMPLETE, STOPPED_LOW_DISK, ABORTED)");
    }

    private String endDigest(final List<String> notes)
    {
        final String digest = runDigestText == null ? "" : runDigestText;
        if (!digest.isEmpty() && !RUN_DIGEST.matcher(digest).matches())
        {
            throw bad("'run_digest' \"" + (digest.length() > 80 ? digest.substring(0, 80) + "..." : digest)
                + "\" is not a run digest: 64 lower-case hex digits (the SHA-256 a recording writes), or empty");
        }
        final long in = values[Field.INPUT_SPIKES.ordinal()];
        final long out = values[Field.OUTPUT_SPIKES.ordinal()];
        if (in == inputSpikes && out == outputSpikes)
        {
            return digest;
        }
        final String what = String.format(Locale.ROOT, "the END line counts %d input and %d output spikes, the "
            + "lines before it hold %d and %d", in, out, inputSpikes, outputSpikes);
        if (!options.edited())
        {
            throw bad(what + ": the lines were edited, cut to a range, or some are missing; import such a trace with --edited "
                + "(it then carries no run digest)");
        }
        notes.add(what + " (edited): the trace carries no run digest");
        return "";
    }

    private void deliver(final TraceRecorder r)
    {
        events++;
        final long[] v = values;
        switch (kind)
        {
            case INPUT_SPIKES ->
            {
                r.onInputSpikes(tick, ids, 0, idCount);
                inputSpikes += idCount;
            }
            case OUTPUT_SPIKES ->
            {
                r.onOutputSpikes(tick, ids, 0, idCount);
                outputSpikes += idCount;
            }
            case IMAGE_START -> r.onImageStart(tick, (int)v[Field.IMAGE.ordinal()], (int)v[Field.LABEL.ordinal()],
                learning, (int)v[Field.REPEAT.ordinal()]);
            case IMAGE_END -> r.onImageEnd(tick, (int)v[Field.IMAGE.ordinal()], (int)v[Field.SPIKES.ordinal()]);
            case CORE_TICK ->
            {
                r.onCoreTick(tick, (int)v[Field.CORE.ordinal()], (int)v[Field.SPIKES_IN.ordinal()],
                    v[Field.SYNAPTIC_OPS.ordinal()], v[Field.NEURON_UPDATES.ordinal()], v[Field.STDP_UPDATES.ordinal()],
                    v[Field.DECREMENTS.ordinal()], (int)v[Field.SPIKES_OUT.ordinal()]);
                coreTicks++;
            }
            case PRUNE -> r.onPrune(tick, v[Field.EVALUATIONS.ordinal()], v[Field.PRUNED.ordinal()],
                (int)v[Field.GROUPS.ordinal()]);
            case PRUNE_DECISION -> r.onPruneDecision(tick, (int)v[Field.CORE.ordinal()], (int)v[Field.PRE.ordinal()],
                (int)v[Field.POST.ordinal()], weight);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** Reads the new trace back whole (every record's checksum) and compares its totals with what was imported. */
    private static void verify(final Path staging, final Result r)
    {
        try (TraceReader reader = TraceReader.open(staging))
        {
            long in = 0;
            long out = 0;
            long ticks = 0;
            while (reader.next())
            {
                switch (reader.kind())
                {
                    case INPUT_SPIKES -> in += reader.spikeCount();
                    case OUTPUT_SPIKES -> out += reader.spikeCount();
                    case CORE_TICK -> ticks++;
                    default ->
                    {
                        // counted by the reader
                    }
                }
            }
            if (in != r.inputSpikes() || out != r.outputSpikes() || ticks != r.coreTicks())
            {
                throw new TraceException(String.format(Locale.ROOT, "the imported trace reads back %d input spikes, "
                    + "%d output spikes and %d core ticks, not the %d, %d and %d imported", in, out, ticks,
                    r.inputSpikes(), r.outputSpikes(), r.coreTicks()));
            }
        }
    }

    private static void deleteQuietly(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                try
                {
                    Files.deleteIfExists(p);
                }
                catch (final NoSuchFileException ignored)
                {
                    // gone already
                }
            }
        }
        catch (final IOException | UncheckedIOException ignored)
        {
            // best effort: the import has failed already and says so
        }
    }

    private void expect(final boolean condition, final String problem)
    {
        if (!condition)
        {
            throw bad(problem);
        }
    }

    private TraceFormatException bad(final String problem)
    {
        return new TraceFormatException(source + ", line " + lineNo + ": " + problem);
    }
}
