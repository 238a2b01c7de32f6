package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikeprune.core.InputException;

class AdaptationFunctionTest
{
    private static final double W0 = 0.036;
    private static final double EPS = 1e-12;

    @ParameterizedTest
    @CsvSource({"0, 0.036", "1, 0.0468", "2, 0.06084", "6, 0.17376"})
    void shouldGrowExponentiallyWhenF1(final int n, final double expected)
    {
        assertEquals(expected, AdaptationFunction.F1.apply(W0, 1.3, n, 1.0), 1e-5);
        assertEquals(W0 * Math.pow(1.3, n), AdaptationFunction.F1.apply(W0, 1.3, n, 1.0), EPS);
    }

    @Test
    void shouldApproachWMaxFastWhenF2()
    {
        assertEquals(W0, AdaptationFunction.F2.apply(W0, 1.1, 0, 1.0), EPS);
        // 1 - 0.964 / 1.1: the 0.12 of the second pruning step
        assertEquals(0.123636, AdaptationFunction.F2.apply(W0, 1.1, 1, 1.0), 1e-6);
        assertEquals(1.0 - 0.964 / (1.1 * 1.1), AdaptationFunction.F2.apply(W0, 1.1, 2, 1.0), EPS);
        assertEquals(0.5 - 0.464 / 1.1, AdaptationFunction.F2.apply(W0, 1.1, 1, 0.5), EPS);
    }

    @Test
    void shouldGrowLinearlyWhenF3()
    {
        assertEquals(W0, AdaptationFunction.F3.apply(W0, 0.01, 0, 1.0), EPS);
        assertEquals(0.046, AdaptationFunction.F3.apply(W0, 0.01, 1, 1.0), EPS);
        assertEquals(0.096, AdaptationFunction.F3.apply(W0, 0.01, 6, 1.0), EPS);
    }

    @ParameterizedTest
    @EnumSource(AdaptationFunction.class)
    void shouldStayConstantWhenFactorIsIdentity(final AdaptationFunction function)
    {
        for (int n = 0; n < 10; n++)
        {
            assertEquals(W0, function.apply(W0, function.identityFactor(), n, 1.0), EPS);
        }
    }

    @Test
    void shouldCapBelowWMaxWhenThresholdReachesIt()
    {
        assertEquals(Math.nextDown(1.0f), AdaptationFunction.cap(1.0, 1.0f));
        assertEquals(Math.nextDown(1.0f), AdaptationFunction.cap(7.5, 1.0f));
        assertEquals(Math.nextDown(1.0f), AdaptationFunction.cap(Double.POSITIVE_INFINITY, 1.0f));
        assertEquals(Math.nextDown(1.0f), AdaptationFunction.cap(Math.nextDown(1.0), 1.0f));
        assertTrue(AdaptationFunction.cap(0.999999999, 1.0f) < 1.0f);
        assertEquals(0.5f, AdaptationFunction.cap(0.5, 1.0f));
    }

    @Test
    void shouldCapToZeroWhenThresholdNegativeOrNaN()
    {
        assertEquals(0.0f, AdaptationFunction.cap(-0.2, 1.0f));
        assertEquals(0.0f, AdaptationFunction.cap(Double.NaN, 1.0f));
        assertEquals(0.0f, AdaptationFunction.cap(Double.NEGATIVE_INFINITY, 1.0f));
    }

    @Test
    void shouldParseFunctionNamesWhenCaseDiffers()
    {
        assertEquals(AdaptationFunction.F2, AdaptationFunction.parse("pruning.time_function", " F2 "));
    }

    @Test
    void shouldNameKeyWhenFunctionUnknown()
    {
        final InputException e = assertThrows(InputException.class,
            () -> AdaptationFunction.parse("pruning.neuron_function", "f4"));
        assertTrue(e.getMessage().startsWith("pruning.neuron_function:"), e.getMessage());
        assertTrue(e.getMessage().contains("'f4'"), e.getMessage());
    }
}
