package org.spikeprune.cli.conv;

import java.nio.file.Path;
import java.util.Map;

import org.spikeprune.engine.ThreadingMode;

/**
 * Options of a convolutional-network run ({@code train} with profile {@code nguyen2020-caltech} or
 * {@code kheradpisheh2018-mnist}).
 *
 * @param profile    the profile name.
 * @param data       data folder (with {@code train/} and {@code test/}); null for the default.
 * @param out        output folder (created).
 * @param seed       the run's seed.
 * @param cores      processing elements.
 * @param mode       threading mode of the engine.
 * @param pruning    pruning policy name ({@code none}, {@code nguyen2020-dynamic}, {@code nguyen2020-post},
 *                   {@code nguyen2020}).
 * @param sets       {@code --set key=value} settings ({@code pruning.*}, {@code learn.*}, {@code init.*}).
 * @param quick      the CI-speed form: fewer iterations and images.
 * @param trainLimit at most this many training images (0 = all, or the quick default).
 * @param testLimit  at most this many test images (0 = all, or the quick default).
 * @param hw         hardware preset or file to time the run on (its activity is recorded), or null for none.
 */
public record ConvTrainOptions(String profile, Path data, Path out, long seed, int cores, ThreadingMode mode,
    String pruning, Map<String, String> sets, boolean quick, int trainLimit, int testLimit, String hw)
{
    /** Copies the settings map. */
    public ConvTrainOptions
    {
        sets = Map.copyOf(sets);
    }

    /** Options without a hardware model. */
    public ConvTrainOptions(final String profile, final Path data, final Path out, final long seed, final int cores,
        final ThreadingMode mode, final String pruning, final Map<String, String> sets, final boolean quick,
        final int trainLimit, final int testLimit)
    {
        this(profile, data, out, seed, cores, mode, pruning, sets, quick, trainLimit, testLimit, null);
    }

    /** A copy with another pruning policy and extra settings (for experiments). */
    public ConvTrainOptions with(final String newPruning, final Map<String, String> extraSets, final Path newOut)
    {
        final java.util.Map<String, String> merged = new java.util.HashMap<>(sets);
        merged.putAll(extraSets);
        return new ConvTrainOptions(profile, data, newOut, seed, cores, mode, newPruning, merged, quick, trainLimit,
            testLimit, hw);
    }
}
