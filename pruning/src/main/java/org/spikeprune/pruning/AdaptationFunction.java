package org.spikeprune.pruning;

import java.util.Locale;

import org.spikeprune.core.InputException;

/**
 * The threshold adaptation functions of paper A (eqs. 5–7), written over a whole number of adaptation steps
 * {@code n}: pruning steps for adaptation over time ({@code n = k − 1} at pruning step {@code k}), the group index
 * for adaptation over neurons ({@code n = 0} for group G0).
 *
 * <pre>
 *   f1(n) = base · a^n                                   slow start, fast end   (eq. 5)
 *   f2(n) = w_max − (w_max − base) · b^(−n)               fast start             (eq. 6)
 *   f3(n) = base + c · n                                 linear                 (eq. 7)
 * </pre>
 *
 * With {@code a = 1}, {@code b = 1} or {@code c = 0} each function is the constant {@code base}. The values are
 * not capped here; {@link #cap(double, float)} keeps a threshold in {@code [0, w_max)}.
 */
public enum AdaptationFunction
{
    /** Exponential, slow start: {@code base · a^n} (paper A eq. 5). */
    F1("f1")
    {
        @Override
        public double apply(final double base, final double factor, final int n, final double wMax)
        {
            if (base == 0.0 || n == 0)
            {
                return base;
            }
            return base * Math.pow(factor, n);
        }
    },

    /** Exponential, fast start: {@code w_max − (w_max − base) · b^(−n)} (paper A eq. 6). */
    F2("f2")
    {
        @Override
        public double apply(final double base, final double factor, final int n, final double wMax)
        {
            if (n == 0)
            {
                return base;
            }
            return wMax - (wMax - base) * Math.pow(factor, -n);
        }
    },

    /** Linear: {@code base + c · n} (paper A eq. 7). */
    F3("f3")
    {
        @Override
        public double apply(final double base, final double factor, final int n, final double wMax)
        {
            return base + factor * n;
        }
    };

    private final String key;

    AdaptationFunction(final String key)
    {
        this.key = key;
    }

    /**
     * The function's value after {@code n} adaptation steps.
     *
     * @param base   the value at {@code n = 0} ({@code w_th0} over time, the group-0 threshold over neurons).
     * @param factor the adaptation factor: {@code a} for f1, {@code b} for f2, {@code c} for f3.
     * @param n      the number of adaptation steps, {@code >= 0}.
     * @param wMax   the maximum weight (used by f2).
     * @return the uncapped threshold.
     */
    public abstract double apply(double base, double factor, int n, double wMax);

    /** The name used in configurations: {@code f1}, {@code f2} or {@code f3}. */
    public String key()
    {
        return key;
    }

    /** The factor at which this function is the constant {@code base}: 1 for f1 and f2, 0 for f3. */
    public double identityFactor()
    {
        return this == F3 ? 0.0 : 1.0;
    }

    /**
     * The smallest factor that keeps the function non-decreasing, i.e. inside {@code [base, w_max]} as paper A
     * requires: 1 for f1 and f2, 0 for f3.
     */
    public double minimumFactor()
    {
        return identityFactor();
    }

    /**
     * Parses {@code f1}, {@code f2} or {@code f3} (case-insensitive).
     *
     * @param field the configuration key, named in the error.
     * @param text  the value.
     * @return the function.
     * @throws InputException when the value is none of the three.
     */
    public static AdaptationFunction parse(final String field, final String text)
    {
        final String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (final AdaptationFunction function : values())
        {
            if (function.key.equals(trimmed))
            {
                return function;
            }
        }
        throw new InputException(field + ": expected an adaptation function f1, f2 or f3, found '" + text + "'");
    }

    /**
     * Caps a threshold into {@code [0, w_max)} (paper A: a threshold at {@code w_max} would prune
     * the whole network). NaN and negative values become 0 (prune nothing); values at or above {@code w_max}
     * become the largest float below {@code w_max}, so only weights exactly at {@code w_max} survive them.
     *
     * @param threshold the uncapped threshold.
     * @param wMax      the maximum weight, {@code > 0}.
     * @return the threshold in {@code [0, w_max)}.
     */
    public static float cap(final double threshold, final float wMax)
    {
        if (!(threshold > 0.0))
        {
            return 0.0f;
        }
        final float value = (float)threshold;
        return value < wMax ? value : Math.nextDown(wMax);
    }
}
