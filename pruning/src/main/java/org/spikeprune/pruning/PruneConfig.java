package org.spikeprune.pruning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.spikeprune.core.InputException;

/**
 * The settings of a pruning policy, one field per {@code pruning.*} key. A field a method does not use (see
 * {@link PruneMethod#usedKeys()}) is carried and ignored. The constructor rejects values that are wrong for every
 * network; {@link #validate(PruneMethod, long, float)} adds the checks that need the run (training length,
 * {@code w_max}). Errors are {@link InputException}s naming the key.
 *
 * @param startImages           {@code pruning.start_images}: training images before the first step, {@code >= 0}.
 * @param stepImages            {@code pruning.step_images}: training images per step (the batch), {@code > 0}.
 * @param initialThreshold      {@code pruning.w_th0}: the initial weight threshold {@code w_th0}, in
 *                              {@code [0, w_max)}.
 * @param timeFunction          {@code pruning.time_function}: {@code f_T}, f1, f2 or f3.
 * @param timeFactor            {@code pruning.time_factor}: the factor of {@code f_T} (a, b or c).
 * @param neuronFunction        {@code pruning.neuron_function}: {@code f_N}, f1, f2 or f3.
 * @param neuronFactor          {@code pruning.neuron_factor}: the factor of {@code f_N}.
 * @param spikeInterval         {@code pruning.si}: the spike-count interval {@code SI} in spikes per batch,
 *                              {@code > 0}; {@code inf} (positive infinity) for a single group.
 * @param targetConnectivity    {@code pruning.target_connectivity}: post-training pruning's target, a fraction in
 *                              {@code (0, 1]} (0.1 = 10%).
 * @param neuronTargetFraction  {@code pruning.neuron_target_fraction}: adaptive neuron pruning's fraction of
 *                              neurons removed by the end of training, in {@code [0, 1)}.
 * @param normaliseUnprunedOnly {@code pruning.normalise_unpruned_only}: weight normalisation over unpruned weights
 *                              only (read by the network, not by the policy).
 */
public record PruneConfig(
    long startImages,
    long stepImages,
    double initialThreshold,
    AdaptationFunction timeFunction,
    double timeFactor,
    AdaptationFunction neuronFunction,
    double neuronFactor,
    double spikeInterval,
    double targetConnectivity,
    double neuronTargetFraction,
    boolean normaliseUnprunedOnly)
{
    /** Key prefix of every pruning setting. */
    public static final String PREFIX = "pruning.";
    /** Key of {@link #startImages()}. */
    public static final String START_IMAGES_KEY = "pruning.start_images";
    /** Key of {@link #stepImages()}. */
    public static final String STEP_IMAGES_KEY = "pruning.step_images";
    /** Key of {@link #initialThreshold()}. */
    public static final String W_TH0_KEY = "pruning.w_th0";
    /** Key of {@link #timeFunction()}. */
    public static final String TIME_FUNCTION_KEY = "pruning.time_function";
    /** Key of {@link #timeFactor()}. */
    public static final String TIME_FACTOR_KEY = "pruning.time_factor";
    /** Key of {@link #neuronFunction()}. */
    public static final String NEURON_FUNCTION_KEY = "pruning.neuron_function";
    /** Key of {@link #neuronFactor()}. */
    public static final String NEURON_FACTOR_KEY = "pruning.neuron_factor";
    /** Key of {@link #spikeInterval()}. */
    public static final String SI_KEY = "pruning.si";
    /** Key of {@link #targetConnectivity()}. */
    public static final String TARGET_CONNECTIVITY_KEY = "pruning.target_connectivity";
    /** Key of {@link #neuronTargetFraction()}. */
    public static final String NEURON_TARGET_FRACTION_KEY = "pruning.neuron_target_fraction";
    /** Key of {@link #normaliseUnprunedOnly()}. */
    public static final String NORMALISE_UNPRUNED_ONLY_KEY = "pruning.normalise_unpruned_only";

    /** Every known key, in a fixed order. */
    public static final List<String> KEYS = List.of(
        START_IMAGES_KEY,
        STEP_IMAGES_KEY,
        W_TH0_KEY,
        TIME_FUNCTION_KEY,
        TIME_FACTOR_KEY,
        NEURON_FUNCTION_KEY,
        NEURON_FACTOR_KEY,
        SI_KEY,
        TARGET_CONNECTIVITY_KEY,
        NEURON_TARGET_FRACTION_KEY,
        NORMALISE_UNPRUNED_ONLY_KEY);

    /** {@code w_max} of the Diehl &amp; Cook network, assumed by {@link #validate(long)}. */
    public static final float DEFAULT_W_MAX = 1.0f;

    /**
     * Checks every value that is wrong whatever the network.
     *
     * @throws InputException naming the key of the first bad value.
     */
    public PruneConfig
    {
        if (startImages < 0)
        {
            throw new InputException(START_IMAGES_KEY + ": expected a number of images >= 0, found " + startImages);
        }
        if (stepImages <= 0)
        {
            throw new InputException(STEP_IMAGES_KEY + ": expected a number of images > 0, found " + stepImages);
        }
        if (!(initialThreshold >= 0.0) || Double.isInfinite(initialThreshold))
        {
            throw new InputException(W_TH0_KEY + ": expected a finite threshold >= 0, found " + initialThreshold);
        }
        Objects.requireNonNull(timeFunction, TIME_FUNCTION_KEY);
        Objects.requireNonNull(neuronFunction, NEURON_FUNCTION_KEY);
        checkFactor(TIME_FACTOR_KEY, timeFunction, timeFactor);
        checkFactor(NEURON_FACTOR_KEY, neuronFunction, neuronFactor);
        if (!(spikeInterval > 0.0))
        {
            throw new InputException(SI_KEY + ": expected a spike-count interval > 0 or inf, found " + spikeInterval);
        }
        if (!(targetConnectivity > 0.0 && targetConnectivity <= 1.0))
        {
            throw new InputException(TARGET_CONNECTIVITY_KEY + ": expected a fraction in (0, 1] (0.1 = 10%), found "
                + targetConnectivity);
        }
        if (!(neuronTargetFraction >= 0.0 && neuronTargetFraction < 1.0))
        {
            throw new InputException(NEURON_TARGET_FRACTION_KEY
                + ": expected a fraction of neurons removed in [0, 1) (0.9 = 90%), found " + neuronTargetFraction);
        }
    }

    /**
     * The defaults of a method for a network size ({@link PruneProfile}).
     *
     * @param method  the method.
     * @param neurons the number of excitatory neurons.
     * @return the profile's configuration.
     */
    public static PruneConfig defaults(final PruneMethod method, final int neurons)
    {
        return PruneProfile.of(method, neurons).config();
    }

    /**
     * The defaults of a method for a network size overlaid with {@code pruning.*} settings (from
     * {@code --set pruning.key=value} or a configuration file). Keys without the {@code pruning.} prefix are
     * ignored, so a caller may pass all its settings. When a function is set without its factor, the factor is
     * the profile's default for that function (for APT, {@code time_function=f2} gives {@code b = 1.1}).
     *
     * @param method   the method.
     * @param neurons  the number of excitatory neurons.
     * @param settings key → value.
     * @return the configuration.
     * @throws InputException naming the key of an unknown key or a bad value.
     */
    public static PruneConfig fromSettings(final PruneMethod method, final int neurons,
        final Map<String, String> settings)
    {
        final PruneProfile profile = PruneProfile.of(method, neurons);
        final Map<String, String> pruning = new TreeMap<>();
        for (final Map.Entry<String, String> entry : settings.entrySet())
        {
            final String key = entry.getKey().trim();
            if (!key.startsWith(PREFIX))
            {
                continue;
            }
            if (!KEYS.contains(key))
            {
                throw new InputException(key + ": unknown pruning key; expected one of " + String.join(", ", KEYS));
            }
            pruning.put(key, entry.getValue());
        }
        final PruneConfig base = profile.config();
        final AdaptationFunction timeFunction = pruning.containsKey(TIME_FUNCTION_KEY)
            ? AdaptationFunction.parse(TIME_FUNCTION_KEY, pruning.get(TIME_FUNCTION_KEY))
            : base.timeFunction();
        final AdaptationFunction neuronFunction = pruning.containsKey(NEURON_FUNCTION_KEY)
            ? AdaptationFunction.parse(NEURON_FUNCTION_KEY, pruning.get(NEURON_FUNCTION_KEY))
            : base.neuronFunction();
        return new PruneConfig(
            pruning.containsKey(START_IMAGES_KEY)
                ? parseImages(START_IMAGES_KEY, pruning.get(START_IMAGES_KEY)) : base.startImages(),
            pruning.containsKey(STEP_IMAGES_KEY)
                ? parseImages(STEP_IMAGES_KEY, pruning.get(STEP_IMAGES_KEY)) : base.stepImages(),
            pruning.containsKey(W_TH0_KEY)
                ? parseNumber(W_TH0_KEY, pruning.get(W_TH0_KEY)) : base.initialThreshold(),
            timeFunction,
            pruning.containsKey(TIME_FACTOR_KEY)
                ? parseNumber(TIME_FACTOR_KEY, pruning.get(TIME_FACTOR_KEY)) : profile.timeFactor(timeFunction),
            neuronFunction,
            pruning.containsKey(NEURON_FACTOR_KEY)
                ? parseNumber(NEURON_FACTOR_KEY, pruning.get(NEURON_FACTOR_KEY))
                : profile.neuronFactor(neuronFunction),
            pruning.containsKey(SI_KEY)
                ? parseInterval(pruning.get(SI_KEY)) : base.spikeInterval(),
            pruning.containsKey(TARGET_CONNECTIVITY_KEY)
                ? parseNumber(TARGET_CONNECTIVITY_KEY, pruning.get(TARGET_CONNECTIVITY_KEY))
                : base.targetConnectivity(),
            pruning.containsKey(NEURON_TARGET_FRACTION_KEY)
                ? parseNumber(NEURON_TARGET_FRACTION_KEY, pruning.get(NEURON_TARGET_FRACTION_KEY))
                : base.neuronTargetFraction(),
            pruning.containsKey(NORMALISE_UNPRUNED_ONLY_KEY)
                ? parseBoolean(NORMALISE_UNPRUNED_ONLY_KEY, pruning.get(NORMALISE_UNPRUNED_ONLY_KEY))
                : base.normaliseUnprunedOnly());
    }

    /**
     * The checks that need the run, for a method: the start of an online method must fall within training, and
     * the initial threshold of a threshold method must be below {@code w_max}.
     *
     * @param method      the method the configuration is for.
     * @param trainImages the number of training images of the run.
     * @param wMax        the maximum weight of the network.
     * @return this configuration.
     * @throws InputException naming the key of the first bad value.
     */
    public PruneConfig validate(final PruneMethod method, final long trainImages, final float wMax)
    {
        if (method.isOnline() && startImages > trainImages)
        {
            throw new InputException(START_IMAGES_KEY + ": expected a start within the training length of "
                + trainImages + " images, found " + startImages);
        }
        if (method.usedKeys().contains(W_TH0_KEY) && !(initialThreshold < wMax))
        {
            throw new InputException(W_TH0_KEY + ": expected an initial threshold below w_max = " + wMax + ", found "
                + initialThreshold);
        }
        return this;
    }

    /**
     * The checks that need the run, for an online threshold method on a network with {@code w_max = 1}: the start
     * within training and {@code w_th0 < 1}.
     *
     * @param trainImages the number of training images of the run.
     * @return this configuration.
     * @throws InputException naming the key of the first bad value.
     */
    public PruneConfig validate(final long trainImages)
    {
        return validate(PruneMethod.APTN, trainImages, DEFAULT_W_MAX);
    }

    /**
     * The number of pruning steps of a run ({@code start, start + step, …} up to and including the last image).
     *
     * @param trainImages the number of training images.
     * @return the number of boundaries, 0 when the start is beyond the run.
     */
    public int stepCount(final long trainImages)
    {
        if (startImages > trainImages)
        {
            return 0;
        }
        return (int)Math.min(Integer.MAX_VALUE, (trainImages - startImages) / stepImages + 1);
    }

    /**
     * The settings as {@code pruning.*} key → value text, in {@link #KEYS} order (for reports; parsing them back
     * with {@link #fromSettings} gives an equal configuration).
     */
    public Map<String, String> toSettings()
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        settings.put(START_IMAGES_KEY, Long.toString(startImages));
        settings.put(STEP_IMAGES_KEY, Long.toString(stepImages));
        settings.put(W_TH0_KEY, Double.toString(initialThreshold));
        settings.put(TIME_FUNCTION_KEY, timeFunction.key());
        settings.put(TIME_FACTOR_KEY, Double.toString(timeFactor));
        settings.put(NEURON_FUNCTION_KEY, neuronFunction.key());
        settings.put(NEURON_FACTOR_KEY, Double.toString(neuronFactor));
        settings.put(SI_KEY, spikeInterval == Double.POSITIVE_INFINITY ? "inf" : Double.toString(spikeInterval));
        settings.put(TARGET_CONNECTIVITY_KEY, Double.toString(targetConnectivity));
        settings.put(NEURON_TARGET_FRACTION_KEY, Double.toString(neuronTargetFraction));
        settings.put(NORMALISE_UNPRUNED_ONLY_KEY, Boolean.toString(normaliseUnprunedOnly));
        return Collections.unmodifiableMap(settings);
    }

    /**
     * A copy with another start.
     *
     * @param images the start.
     * @return the copy.
     */
    public PruneConfig withStartImages(final long images)
    {
        return new PruneConfig(images, stepImages, initialThreshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, spikeInterval, targetConnectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another step.
     *
     * @param images the step.
     * @return the copy.
     */
    public PruneConfig withStepImages(final long images)
    {
        return new PruneConfig(startImages, images, initialThreshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, spikeInterval, targetConnectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another initial threshold.
     *
     * @param threshold {@code w_th0}.
     * @return the copy.
     */
    public PruneConfig withInitialThreshold(final double threshold)
    {
        return new PruneConfig(startImages, stepImages, threshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, spikeInterval, targetConnectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another time adaptation.
     *
     * @param function {@code f_T}.
     * @param factor   its factor.
     * @return the copy.
     */
    public PruneConfig withTimeAdaptation(final AdaptationFunction function, final double factor)
    {
        return new PruneConfig(startImages, stepImages, initialThreshold, function, factor, neuronFunction,
            neuronFactor, spikeInterval, targetConnectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another neuron adaptation.
     *
     * @param function {@code f_N}.
     * @param factor   its factor.
     * @return the copy.
     */
    public PruneConfig withNeuronAdaptation(final AdaptationFunction function, final double factor)
    {
        return new PruneConfig(startImages, stepImages, initialThreshold, timeFunction, timeFactor, function, factor,
            spikeInterval, targetConnectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another spike-count interval.
     *
     * @param interval {@code SI} (infinity: one group).
     * @return the copy.
     */
    public PruneConfig withSpikeInterval(final double interval)
    {
        return new PruneConfig(startImages, stepImages, initialThreshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, interval, targetConnectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another post-training target.
     *
     * @param connectivity the fraction.
     * @return the copy.
     */
    public PruneConfig withTargetConnectivity(final double connectivity)
    {
        return new PruneConfig(startImages, stepImages, initialThreshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, spikeInterval, connectivity, neuronTargetFraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another neuron-pruning target.
     *
     * @param fraction the fraction removed.
     * @return the copy.
     */
    public PruneConfig withNeuronTargetFraction(final double fraction)
    {
        return new PruneConfig(startImages, stepImages, initialThreshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, spikeInterval, targetConnectivity, fraction, normaliseUnprunedOnly);
    }

    /**
     * A copy with another normalisation choice.
     *
     * @param unprunedOnly the flag.
     * @return the copy.
     */
    public PruneConfig withNormaliseUnprunedOnly(final boolean unprunedOnly)
    {
        return new PruneConfig(startImages, stepImages, initialThreshold, timeFunction, timeFactor, neuronFunction,
            neuronFactor, spikeInterval, targetConnectivity, neuronTargetFraction, unprunedOnly);
    }

    private static void checkFactor(final String key, final AdaptationFunction function, final double factor)
    {
        if (!(factor >= function.minimumFactor()) || Double.isInfinite(factor))
        {
            final String letter = function == AdaptationFunction.F1 ? "a" : function == AdaptationFunction.F2 ? "b" : "c";
            throw new InputException(key + ": expected a finite factor " + letter + " >= " + function.minimumFactor()
                + " for " + function.key() + " (" + function.identityFactor() + " = constant), found " + factor);
        }
    }

    private static long parseImages(final String key, final String text)
    {
        try
        {
            return Long.parseLong(text.trim().replace("_", ""));
        }
        catch (final NumberFormatException e)
        {
            throw new InputException(key + ": expected a whole number of images, found '" + text + "'", e);
        }
    }

    private static double parseNumber(final String key, final String text)
    {
        try
        {
            final double value = Double.parseDouble(text.trim());
            if (Double.isNaN(value))
            {
                throw new InputException(key + ": expected a number, found '" + text + "'");
            }
            return value;
        }
        catch (final NumberFormatException e)
        {
            throw new InputException(key + ": expected a number, found '" + text + "'", e);
        }
    }

    private static double parseInterval(final String text)
    {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("inf") || trimmed.equals("infinity") || trimmed.equals("+inf"))
        {
            return Double.POSITIVE_INFINITY;
        }
        return parseNumber(SI_KEY, text);
    }

    private static boolean parseBoolean(final String key, final String text)
    {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("true"))
        {
            return true;
        }
        if (trimmed.equals("false"))
        {
            return false;
        }
        throw new InputException(key + ": expected true or false, found '" + text + "'");
    }
}
