package org.spikeprune.cli.experiment;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.spikeprune.pruning.PruneConfig;

/**
 * One run of a sweep: a network profile trained, assigned and tested with one pruning method.
 *
 * @param profile      the network profile ({@code guo2020-mnist-100}, …).
 * @param method       the pruning method's command-line name ({@code none}, {@code aptn}, …).
 * @param seed         the seed.
 * @param trainImages  training images per epoch.
 * @param assignImages assignment images (learning off).
 * @param testImages   test images.
 * @param sets         parameter overrides, {@code key → value} (the {@code pruning.*} keys configure the policy);
 *                     kept sorted.
 * @param validationImages training images held out and tested on instead of the test set (the last ones of the
 *                     training set; {@code testImages} then counts those), 0 for the test set.
 */
public record RunSpec(String profile, String method, long seed, long trainImages, long assignImages,
    long testImages, Map<String, String> sets, long validationImages)
{
    /** Keeps the overrides sorted and read-only. */
    public RunSpec
    {
        sets = Collections.unmodifiableMap(new TreeMap<>(sets));
        if (validationImages < 0)
        {
            throw new IllegalArgumentException("validationImages < 0");
        }
    }

    /**
     * A run tested on the test set.
     *
     * @param profile      the network profile.
     * @param method       the pruning method's command-line name.
     * @param seed         the seed.
     * @param trainImages  training images per epoch.
     * @param assignImages assignment images (learning off).
     * @param testImages   test images.
     * @param sets         parameter overrides.
     */
    public RunSpec(final String profile, final String method, final long seed, final long trainImages,
        final long assignImages, final long testImages, final Map<String, String> sets)
    {
        this(profile, method, seed, trainImages, assignImages, testImages, sets, 0);
    }

    /**
     * A copy with one more override.
     *
     * @param key   the parameter.
     * @param value its value.
     * @return the copy.
     */
    public RunSpec with(final String key, final String value)
    {
        final Map<String, String> m = new TreeMap<>(sets);
        m.put(key, value);
        return new RunSpec(profile, method, seed, trainImages, assignImages, testImages, m, validationImages);
    }

    /**
     * A copy with one more numeric override.
     *
     * @param key   the parameter.
     * @param value its value.
     * @return the copy.
     */
    public RunSpec with(final String key, final double value)
    {
        return with(key, number(value));
    }

    /**
     * A copy with another method.
     *
     * @param name the method's command-line name.
     * @return the copy.
     */
    public RunSpec method(final String name)
    {
        return new RunSpec(profile, name, seed, trainImages, assignImages, testImages, sets, validationImages);
    }

    /**
     * The unpruned run of the same profile, seed, image counts and validation split: method {@code none}, no
     * {@code pruning.*}.
     */
    public RunSpec baseline()
    {
        return new RunSpec(profile, "none", seed, trainImages, assignImages, testImages,
            new TreeMap<>(withoutPruning(sets)), validationImages);
    }

    /**
     * The settings of the network alone: {@code sets} without its {@code pruning.*} keys, in its order.
     *
     * @param sets key = value settings.
     * @return a new map.
     */
    static Map<String, String> withoutPruning(final Map<String, String> sets)
    {
        final Map<String, String> m = new java.util.LinkedHashMap<>();
        for (final Map.Entry<String, String> e : sets.entrySet())
        {
            if (!e.getKey().startsWith(PruneConfig.PREFIX))
            {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    /**
     * An override's value.
     *
     * @param key the parameter.
     * @return its value, or null if the run does not override it.
     */
    public String setting(final String key)
    {
        return sets.get(key);
    }

    /**
     * A number as override text: the shortest form that reads back to the same double ({@code 0.05}, {@code 1.3},
     * {@code inf} for positive infinity).
     *
     * @param value the number.
     * @return the text.
     */
    static String number(final double value)
    {
        if (value == Double.POSITIVE_INFINITY)
        {
            return "inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return Double.toString(value);
    }
}
