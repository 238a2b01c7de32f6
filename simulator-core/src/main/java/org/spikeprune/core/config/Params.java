package org.spikeprune.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.spikeprune.core.InputException;

/**
 * An immutable, validated set of parameters: the defaults of a list of {@link ParamSpec}s, overlaid by a profile,
 * then by a config file, then by {@code --set key=value}. Unknown keys and invalid values are rejected with the
 * key, the value, the rule and where the value came from.
 */
public final class Params
{
    private final Map<String, ParamSpec> specs;
    private final Map<String, String> values;

    private Params(final Map<String, ParamSpec> specs, final Map<String, String> values)
    {
        this.specs = specs;
        this.values = values;
    }

    /** The defaults of the given specs. */
    public static Params defaults(final List<ParamSpec> specList)
    {
        final Map<String, ParamSpec> specs = new LinkedHashMap<>();
        final Map<String, String> values = new TreeMap<>();
        for (final ParamSpec s : specList)
        {
            specs.put(s.key(), s);
            values.put(s.key(), s.defaultValue());
        }
        return new Params(Collections.unmodifiableMap(specs), values);
    }

    /**
     * A copy with the given values overlaid. Keys whose spec prefix is in {@code passThroughPrefixes} are accepted
     * without a spec (checked later by their owner, e.g. {@code pruning.}).
     *
     * @param overrides key → value.
     * @param origin    where they came from, for error messages.
     * @param passThroughPrefixes key prefixes owned by another component.
     * @return the new parameter set.
     */
    public Params with(final Map<String, String> overrides, final String origin, final String... passThroughPrefixes)
    {
        final Map<String, String> v = new TreeMap<>(values);
        for (final Map.Entry<String, String> e : overrides.entrySet())
        {
            final String key = e.getKey().trim();
            final ParamSpec spec = specs.get(key);
            if (spec == null)
            {
                if (!passes(key, passThroughPrefixes))
                {
                    throw new InputException(String.format(Locale.ROOT,
                        "%s: unknown parameter '%s' (known keys: %s)", origin, key, String.join(", ", specs.keySet())));
                }
            }
            else
            {
                spec.check(e.getValue(), origin);
            }
            v.put(key, e.getValue().trim());
        }
        return new Params(specs, v);
    }

    private static boolean passes(final String key, final String[] prefixes)
    {
        for (final String p : prefixes)
        {
            if (key.startsWith(p))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses {@code key=value} lines ({@code #} comments, blank lines; YAML-like {@code key: value} also accepted).
     *
     * @param file the config file.
     * @return the key → value pairs in file order.
     */
    public static Map<String, String> readFile(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new InputException(file + ": config file not found");
        }
        catch (final IOException ex)
        {
            throw new InputException(file + ": cannot read config file: " + ex.getMessage(), ex);
        }
        final Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            String line = lines.get(i);
            final int hash = line.indexOf('#');
            if (hash >= 0)
            {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (line.isEmpty())
            {
                continue;
            }
            int sep = line.indexOf('=');
            if (sep < 0)
            {
                sep = line.indexOf(':');
            }
            if (sep <= 0)
            {
                throw new InputException(String.format(Locale.ROOT,
                    "%s:%d: expected 'key=value', found '%s'", file, i + 1, line));
            }
            out.put(line.substring(0, sep).trim(), line.substring(sep + 1).trim());
        }
        return out;
    }

    /**
     * Parses the {@code key=value} arguments of {@code --set}, in order; a later value of a key replaces an earlier one.
     *
     * @param assignments the arguments.
     * @return key to value, in the order first given.
     */
    public static Map<String, String> parseAssignments(final java.util.List<String> assignments)
    {
        final Map<String, String> m = new java.util.LinkedHashMap<>();
        for (final String a : assignments)
        {
            final Map.Entry<String, String> e = parseAssignment(a);
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    /**
     * Parses one {@code key=value} argument of {@code --set}.
     *
     * @param assignment the argument.
     * @return a one-entry map.
     */
    public static Map.Entry<String, String> parseAssignment(final String assignment)
    {
        final int sep = assignment.indexOf('=');
        if (sep <= 0)
        {
            throw new InputException("--set " + assignment + ": expected key=value");
        }
        return Map.entry(assignment.substring(0, sep).trim(), assignment.substring(sep + 1).trim());
    }

    /** The raw value of a key. */
    public String text(final String key)
    {
        final String v = values.get(key);
        if (v == null)
        {
            throw new IllegalArgumentException("no parameter " + key);
        }
        return v;
    }

    /** The value of a numeric key. */
    public double real(final String key)
    {
        return Double.parseDouble(text(key));
    }

    /** The value of an integer key. */
    public long integer(final String key)
    {
        return Long.parseLong(text(key).replace("_", ""));
    }

    /** The value of a boolean key. */
    public boolean bool(final String key)
    {
        return Boolean.parseBoolean(text(key));
    }

    /** Whether the key has a value. */
    public boolean has(final String key)
    {
        return values.containsKey(key);
    }

    /** Every key → value, sorted by key. */
    public Map<String, String> asMap()
    {
        return Collections.unmodifiableMap(values);
    }

    /** The values whose key starts with {@code prefix}. */
    public Map<String, String> withPrefix(final String prefix)
    {
        final Map<String, String> out = new TreeMap<>();
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            if (e.getKey().startsWith(prefix))
            {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The spec of a key, or null. */
    public ParamSpec spec(final String key)
    {
        return specs.get(key);
    }

    /** A canonical text form (sorted {@code key=value} lines), the input of the configuration digest. */
    public String canonicalText()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }
}
