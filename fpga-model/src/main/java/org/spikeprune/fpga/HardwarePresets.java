package org.spikeprune.fpga;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.spikeprune.core.InputException;

/**
 * Named hardware presets and configuration files.
 *
 * <p>A configuration is a properties file with the dotted field names of {@link HardwareConfig}
 * ({@code processingElements}, {@code weightMemory.ports}, {@code energy.sopPj}, …). A file may start from
 * another preset or file with {@code base=NAME} and override only some keys; without {@code base} it must give
 * every key. Unknown keys, malformed numbers and invalid values are rejected with an {@link InputException}
 * naming the file and the key. The shipped presets, each value with its source, are resources under
 * {@code org/spikeprune/fpga/presets}: {@code zedboard}, {@code zedboard-8pe}, {@code loihi-like} and
 * {@code paper-a}.
 */
public final class HardwarePresets
{
    /** The shipped preset names. */
    public static final List<String> NAMES = List.of("zedboard", "zedboard-8pe", "loihi-like", "paper-a");

    /** The preset used when none is given. */
    public static final String DEFAULT = "zedboard";

    private static final String RESOURCE_DIR = "presets/";
    private static final int MAX_BASE_DEPTH = 8;

    private HardwarePresets()
    {
    }

    /**
     * Loads a shipped preset by name, or a properties file by path.
     *
     * @param nameOrPath a name from {@link #NAMES}, or the path of a properties file.
     * @return the validated configuration.
     * @throws InputException when the preset is unknown, the file unreadable or a value invalid.
     */
    public static HardwareConfig load(final String nameOrPath)
    {
        return fromMap(resolve(nameOrPath, null, 0), nameOrPath);
    }

    /**
     * The flat key → value form of a configuration, in the order of a preset file.
     *
     * @param c the configuration.
     * @return the keys and values.
     */
    public static Map<String, String> toMap(final HardwareConfig c)
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("processingElements", Integer.toString(c.processingElements()));
        m.put("clockMhz", Double.toString(c.clockMhz()));
        m.put("fifoDepth", Integer.toString(c.fifoDepth()));
        m.put("pruneScheme", c.pruneScheme().name().toLowerCase(Locale.ROOT));
        putMemory(m, "weightMemory", c.weightMemory());
        putMemory(m, "potentialMemory", c.potentialMemory());
        putMemory(m, "spikeMemory", c.spikeMemory());
        putMemory(m, "decrementMemory", c.decrementMemory());
        m.put("bits.weight", Integer.toString(c.bits().weight()));
        m.put("bits.potential", Integer.toString(c.bits().potential()));
        m.put("bits.spike", Integer.toString(c.bits().spike()));
        m.put("bits.decrement", Integer.toString(c.bits().decrement()));
        m.put("bits.threshold", Integer.toString(c.bits().threshold()));
        m.put("bits.spikeCount", Integer.toString(c.bits().spikeCount()));
        m.put("cycles.dispatch", Integer.toString(c.cycles().dispatch()));
        m.put("cycles.sop", Integer.toString(c.cycles().sop()));
        m.put("cycles.neuronUpdate", Integer.toString(c.cycles().neuronUpdate()));
        m.put("cycles.stdpUpdate", Integer.toString(c.cycles().stdpUpdate()));
        m.put("cycles.pruneEvaluation", Integer.toString(c.cycles().pruneEvaluation()));
        m.put("cycles.groupScan", Integer.toString(c.cycles().groupScan()));
        m.put("cycles.groupBuild", Integer.toString(c.cycles().groupBuild()));
        m.put("cycles.adaptCompare", Integer.toString(c.cycles().adaptCompare()));
        m.put("cycles.tickOverhead", Integer.toString(c.cycles().tickOverhead()));
        m.put("units.stdpUnits", Integer.toString(c.units().stdpUnits()));
        m.put("units.pruneLanes", Integer.toString(c.units().pruneLanes()));
        m.put("units.neuronMultipliers", Integer.toString(c.units().neuronMultipliers()));
        m.put("units.stdpMultipliers", Integer.toString(c.units().stdpMultipliers()));
        m.put("units.pruneGroups", Integer.toString(c.units().pruneGroups()));
        final EnergyTable e = c.energy();
        m.put("energy.dispatchPj", Double.toString(e.dispatchPj()));
        m.put("energy.sopPj", Double.toString(e.sopPj()));
        m.put("energy.neuronUpdatePj", Double.toString(e.neuronUpdatePj()));
        m.put("energy.stdpUpdatePj", Double.toString(e.stdpUpdatePj()));
        m.put("energy.weightAccessPj", Double.toString(e.weightAccessPj()));
        m.put("energy.potentialAccessPj", Double.toString(e.potentialAccessPj()));
        m.put("energy.spikeAccessPj", Double.toString(e.spikeAccessPj()));
        m.put("energy.decrementAccessPj", Double.toString(e.decrementAccessPj()));
        m.put("energy.pruneOpPj", Double.toString(e.pruneOpPj()));
        m.put("energy.staticMw", Double.toString(e.staticMw()));
        m.put("device.name", c.device().name());
        m.put("device.luts", Integer.toString(c.device().luts()));
        m.put("device.ffs", Integer.toString(c.device().ffs()));
        m.put("device.bram36", Integer.toString(c.device().bram36()));
        m.put("device.dsps", Integer.toString(c.device().dsps()));
        return m;
    }

    /**
     * Builds a configuration from flat keys and values (every key of {@link #toMap} must be present).
     *
     * @param m      the keys and values.
     * @param source the file or preset name, for messages.
     * @return the validated configuration.
     */
    public static HardwareConfig fromMap(final Map<String, String> m, final String source)
    {
        final Fields f = new Fields(m, source);
        final String name = f.text("name");
        final HardwareConfig c;
        try
        {
            c = build(f, name);
        }
        catch (final InputException ex)
        {
            throw f.fromFile(ex, name);
        }
        f.checkAllUsed();
        return c;
    }

    private static HardwareConfig build(final Fields f, final String name)
    {
        return new HardwareConfig(
            name,
            f.integer("processingElements"),
            f.real("clockMhz"),
            f.integer("fifoDepth"),
            f.scheme("pruneScheme"),
            f.memory("weightMemory"),
            f.memory("potentialMemory"),
            f.memory("spikeMemory"),
            f.memory("decrementMemory"),
            new BitWidths(f.integer("bits.weight"), f.integer("bits.potential"), f.integer("bits.spike"),
                f.integer("bits.decrement"), f.integer("bits.threshold"), f.integer("bits.spikeCount")),
            new CycleCosts(f.integer("cycles.dispatch"), f.integer("cycles.sop"), f.integer("cycles.neuronUpdate"),
                f.integer("cycles.stdpUpdate"), f.integer("cycles.pruneEvaluation"), f.integer("cycles.groupScan"),
                f.integer("cycles.groupBuild"), f.integer("cycles.adaptCompare"), f.integer("cycles.tickOverhead")),
            new UnitCounts(f.integer("units.stdpUnits"), f.integer("units.pruneLanes"),
                f.integer("units.neuronMultipliers"), f.integer("units.stdpMultipliers"),
                f.integer("units.pruneGroups")),
            new EnergyTable(f.real("energy.dispatchPj"), f.real("energy.sopPj"), f.real("energy.neuronUpdatePj"),
                f.real("energy.stdpUpdatePj"), f.real("energy.weightAccessPj"), f.real("energy.potentialAccessPj"),
                f.real("energy.spikeAccessPj"), f.real("energy.decrementAccessPj"), f.real("energy.pruneOpPj"),
                f.real("energy.staticMw")),
            new Device(f.text("device.name"), f.integer("device.luts"), f.integer("device.ffs"),
                f.integer("device.bram36"), f.integer("device.dsps")));
    }

    private static Map<String, String> resolve(final String nameOrPath, final Path relativeTo, final int depth)
    {
        if (depth > MAX_BASE_DEPTH)
        {
            throw new InputException("hardware config '" + nameOrPath + "': base chain deeper than "
                + MAX_BASE_DEPTH + " (a cycle of base= keys?)");
        }
        final Properties p = new Properties();
        final String source;
        Path file = null;
        if (NAMES.contains(nameOrPath))
        {
            source = "preset " + nameOrPath;
            try (InputStream in = HardwarePresets.class.getResourceAsStream(RESOURCE_DIR + nameOrPath + ".properties"))
            {
                if (in == null)
                {
                    throw new IllegalStateException("preset resource missing: " + nameOrPath);
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("preset resource unreadable: " + nameOrPath, ex);
            }
        }
        else
        {
            file = relativeTo == null || Path.of(nameOrPath).isAbsolute()
                ? Path.of(nameOrPath) : relativeTo.resolveSibling(nameOrPath);
            source = Fields.FILE_SOURCE + file;
            if (!Files.isRegularFile(file))
            {
                throw new InputException("hardware config '" + nameOrPath + "': not a preset (" + String.join(", ",
                    NAMES) + ") and no such file " + file);
            }
            final String text;
            try
            {
                text = Files.readString(file, StandardCharsets.UTF_8);
            }
            catch (final CharacterCodingException ex)
            {
                throw new InputException(source + ": not UTF-8 text (a hardware configuration is a properties file)",
                    ex);
            }
            catch (final IOException ex)
            {
                throw new InputException(source + ": cannot be read: " + ex.getMessage(), ex);
            }
            if (text.indexOf('\u0000') >= 0)
            {
                throw new InputException(source + ": not a text file (it holds a NUL byte; a hardware configuration "
                    + "is a properties file)");
            }
            try
            {
                p.load(new StringReader(text));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw new InputException(source + ": cannot be read as a properties file: " + ex.getMessage(), ex);
            }
        }
        final Map<String, String> merged = new LinkedHashMap<>();
        final String base = p.getProperty("base");
        if (base != null)
        {
            merged.putAll(resolve(base.trim(), file, depth + 1));
        }
        if (file != null)
        {
            merged.put("name", file.getFileName().toString());
        }
        for (final String key : p.stringPropertyNames())
        {
            if (!key.equals("base"))
            {
                merged.put(key, p.getProperty(key).trim());
                merged.put(Fields.FROM_KEY + key, source); // a key inherited through base= names its own file
            }
        }
        merged.put(Fields.SOURCE_KEY, source);
        return merged;
    }

    private static void putMemory(final Map<String, String> m, final String prefix, final MemoryConfig mem)
    {
        m.put(prefix + ".sharing", mem.sharing().name().toLowerCase(Locale.ROOT));
        m.put(prefix + ".ports", Integer.toString(mem.ports()));
        m.put(prefix + ".widthBits", Integer.toString(mem.widthBits()));
        m.put(prefix + ".readLatency", Integer.toString(mem.readLatency()));
    }

    /** Typed, checked access to the flat keys; remembers which were read to report unknown ones. */
    private static final class Fields
    {
        static final String SOURCE_KEY = "\u0000source";
        /** Prefix of the hidden keys that record which file (or preset) gave each key its value. */
        static final String FROM_KEY = "\u0000from:";
        /** How the source of a configuration read from a file starts; the file's path follows. */
        static final String FILE_SOURCE = "hardware file ";

        private final Map<String, String> values;
        private final Map<String, Boolean> used = new LinkedHashMap<>();
        private final String source;

        Fields(final Map<String, String> values, final String fallbackSource)
        {
            this.values = values;
            this.source = values.getOrDefault(SOURCE_KEY, "hardware config " + fallbackSource);
        }

        /** The file or preset that gave {@code key} its value: the top one unless it came through base=. */
        String sourceOf(final String key)
        {
            return values.getOrDefault(FROM_KEY + key, source);
        }

        String text(final String key)
        {
            final String v = values.get(key);
            used.put(key, Boolean.TRUE);
            if (v == null)
            {
                throw new InputException(source + ": key " + key + " is missing (give it, or start from a preset "
                    + "with base=" + DEFAULT + ")");
            }
            if (v.isEmpty())
            {
                throw new InputException(sourceOf(key) + ": key " + key + " is empty (give it a value)");
            }
            return v;
        }

        /**
         * An invalid field of a configuration read from a file, reported with the file's path rather than the
         * configuration's name (which its {@code name=} key may set to anything); other errors unchanged.
         */
        InputException fromFile(final InputException ex, final String name)
        {
            final String prefix = HardwareConfig.where(name);
            final String message = ex.getMessage();
            if (!source.startsWith(FILE_SOURCE) || message == null || !message.startsWith(prefix))
            {
                return ex;
            }
            final String rest = message.substring(prefix.length());
            final int space = rest.indexOf(' ');
            final String where = space > 0 ? sourceOf(rest.substring(0, space)) : source;
            return new InputException(where + ": " + rest, ex);
        }

        int integer(final String key)
        {
            final String v = text(key);
            try
            {
                return Integer.parseInt(v);
            }
            catch (final NumberFormatException ex)
            {
                throw new InputException(sourceOf(key) + ": " + key + " must be an integer, found '" + v + "'", ex);
            }
        }

        double real(final String key)
        {
            final String v = text(key);
            try
            {
                return Double.parseDouble(v);
            }
            catch (final NumberFormatException ex)
            {
                throw new InputException(sourceOf(key) + ": " + key + " must be a number, found '" + v + "'", ex);
            }
        }

        PruneScheme scheme(final String key)
        {
            final String v = text(key);
            try
            {
                return PruneScheme.valueOf(v.toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new InputException(sourceOf(key) + ": " + key + " must be none, adaptive or decrement, found '" + v
                    + "'", ex);
            }
        }

        MemoryConfig memory(final String prefix)
        {
            final String key = prefix + ".sharing";
            final String v = text(key);
            final MemorySharing sharing;
            try
            {
                sharing = MemorySharing.valueOf(v.toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new InputException(sourceOf(key) + ": " + key + " must be private or shared, found '" + v + "'", ex);
            }
            return new MemoryConfig(sharing, integer(prefix + ".ports"), integer(prefix + ".widthBits"),
                integer(prefix + ".readLatency"));
        }

        void checkAllUsed()
        {
            for (final String key : values.keySet())
            {
                if (!key.startsWith("\u0000") && !used.containsKey(key))
                {
                    throw new InputException(sourceOf(key) + ": unknown key " + key + " (known keys are those of preset "
                        + DEFAULT + ")");
                }
            }
        }
    }
}
