package org.spikeprune.cli.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.spikeprune.cli.UsageException;

/**
 * One parameter a sweep varies and the values it takes, from {@code --vary KEY=VALUES}. VALUES is a comma list
 * ({@code syn.w_ie=12,17,25}, any text the key accepts; separated by semicolons instead when the values hold commas,
 * {@code learn.iterations=3000,5000,6000;3000,5000,12000}), an arithmetic range {@code START:STOP:STEP}
 * ({@code input.intensity=2:4:0.5}, STOP included when a step lands on it) or a geometric one
 * {@code START:STOP:xFACTOR} ({@code exc.tau_theta_ms=1e6:1e8:x10}). Ranges are computed in decimal, so
 * {@code 0.1:0.3:0.1} gives 0.1, 0.2 and 0.3, not 0.30000000000000004.
 *
 * @param key       the parameter.
 * @param values    its values, in order, without repeats.
 * @param geometric true for a geometric range (a logarithmic axis in plots).
 */
public record SweepAxis(String key, List<String> values, boolean geometric)
{
    /** The most values one axis may hold. */
    static final int MAX_VALUES = 1_000;

    private static final MathContext DIGITS = new MathContext(12);

    /** Keeps the values read-only. */
    public SweepAxis
    {
        values = List.copyOf(values);
    }

    /**
     * Parses {@code KEY=VALUES}.
     *
     * @param text the option's value.
     * @return the axis.
     * @throws UsageException naming the option and what is wrong.
     */
    public static SweepAxis parse(final String text)
    {
        final int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank())
        {
            throw new UsageException("--vary " + text + ": expected KEY=VALUES, e.g. syn.w_ie=12,17,25 or "
                + "input.intensity=2:4:0.5");
        }
        final String key = text.substring(0, eq).trim();
        final String spec = text.substring(eq + 1).trim();
        if (spec.isEmpty())
        {
            throw new UsageException("--vary " + key + ": no values given");
        }
        final boolean semicolons = spec.indexOf(';') >= 0;
        if (!semicolons && spec.indexOf(':') >= 0)
        {
            return range(key, spec);
        }
        final Set<String> seen = new LinkedHashSet<>();
        for (final String part : spec.split(semicolons ? ";" : ",", -1))
        {
            final String v = part.trim();
            if (v.isEmpty())
            {
                throw new UsageException("--vary " + key + "=" + spec + ": an empty value in the list");
            }
            if (!seen.add(v))
            {
                throw new UsageException("--vary " + key + "=" + spec + ": the value " + v + " is given twice");
            }
        }
        if (seen.size() > MAX_VALUES)
        {
            throw new UsageException("--vary " + key + ": " + seen.size() + " values, at most " + MAX_VALUES);
        }
        return new SweepAxis(key, new ArrayList<>(seen), false);
    }

    private static SweepAxis range(final String key, final String spec)
    {
        final String[] parts = spec.split(":", -1);
        if (parts.length != 3)
        {
            throw new UsageException("--vary " + key + "=" + spec + ": a range is START:STOP:STEP or "
                + "START:STOP:xFACTOR");
        }
        final BigDecimal start = decimal(key, spec, "START", parts[0]);
        final BigDecimal stop = decimal(key, spec, "STOP", parts[1]);
        final String stepText = parts[2].trim();
        final boolean geometric = stepText.startsWith("x") || stepText.startsWith("*");
        final List<String> values = new ArrayList<>();
        if (geometric)
        {
            final BigDecimal factor = decimal(key, spec, "FACTOR", stepText.substring(1));
            if (start.signum() <= 0 || stop.signum() <= 0)
            {
                throw new UsageException("--vary " + key + "=" + spec + ": a geometric range needs START and STOP "
                    + "> 0");
            }
            final int up = stop.compareTo(start);
            if (factor.signum() <= 0 || factor.compareTo(BigDecimal.ONE) == 0
                || (up > 0) != (factor.compareTo(BigDecimal.ONE) > 0) && up != 0)
            {
                throw new UsageException("--vary " + key + "=" + spec + ": FACTOR " + factor.toPlainString()
                    + " does not lead from START to STOP (> 1 to go up, between 0 and 1 to go down)");
            }
            final boolean grows = factor.compareTo(BigDecimal.ONE) > 0;
            BigDecimal v = start;
            while (grows ? v.compareTo(stop) <= 0 : v.compareTo(stop) >= 0)
            {
                add(key, values, v);
                v = v.multiply(factor, DIGITS);
            }
        }
        else
        {
            final BigDecimal step = decimal(key, spec, "STEP", stepText);
            final int up = stop.compareTo(start);
            if (step.signum() == 0 || up != 0 && step.signum() != up)
            {
                throw new UsageException("--vary " + key + "=" + spec + ": STEP " + step.toPlainString()
                    + " does not lead from START to STOP");
            }
            for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(stop) <= 0 : v.compareTo(stop) >= 0;
                v = v.add(step))
            {
                add(key, values, v);
            }
        }
        return new SweepAxis(key, values, geometric);
    }

    private static void add(final String key, final List<String> values, final BigDecimal v)
    {
        if (values.size() == MAX_VALUES)
        {
            throw new UsageException("--vary " + key + ": the range holds more than " + MAX_VALUES + " values");
        }
        values.add(text(v));
    }

    /**
     * A decimal as a parameter value: plain notation, no trailing zeros ({@code 1e7} → {@code 10000000},
     * {@code 2.50} → {@code 2.5}).
     */
    static String text(final BigDecimal v)
    {
        final BigDecimal s = v.round(DIGITS).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    private static BigDecimal decimal(final String key, final String spec, final String what, final String text)
    {
        try
        {
            return new BigDecimal(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("--vary " + key + "=" + spec + ": " + what + " '" + text.trim()
                + "' is not a number");
        }
    }

    /** True when every value is a finite number (the axis can be plotted). */
    boolean numeric()
    {
        for (final String v : values)
        {
            try
            {
                if (!Double.isFinite(Double.parseDouble(v)))
                {
                    return false;
                }
            }
            catch (final NumberFormatException ex)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Every combination of the axes' values, the first axis varying slowest.
     *
     * @param axes the axes.
     * @return one map per combination, keys in the axes' order; one empty map for no axes.
     */
    static List<Map<String, String>> combinations(final List<SweepAxis> axes)
    {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new java.util.LinkedHashMap<>());
        for (final SweepAxis a : axes)
        {
            final List<Map<String, String>> next = new ArrayList<>();
            for (final Map<String, String> m : out)
            {
                for (final String v : a.values())
                {
                    final Map<String, String> c = new java.util.LinkedHashMap<>(m);
                    c.put(a.key(), v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Checks that no key is varied twice or both varied and fixed.
     *
     * @param axes  the axes.
     * @param fixed the {@code --set} overrides.
     * @throws UsageException naming the key.
     */
    static void checkKeys(final List<SweepAxis> axes, final Map<String, String> fixed)
    {
        final Map<String, Boolean> seen = new TreeMap<>();
        for (final SweepAxis a : axes)
        {
            if (seen.put(a.key(), Boolean.TRUE) != null)
            {
                throw new UsageException("--vary " + a.key() + " is given twice: give all its values in one --vary");
            }
            if (fixed.containsKey(a.key()))
            {
                throw new UsageException(a.key() + " is both varied (--vary) and fixed (--set " + a.key() + "="
                    + fixed.get(a.key()) + "): drop one");
            }
        }
    }
}
