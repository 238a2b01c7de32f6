package org.spikeprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikeprune.core.InputException;

class PruneConfigTest
{
    private static PruneConfig parse(final String method, final int neurons, final String... keyValues)
    {
        final Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2)
        {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return PruneConfig.fromSettings(PruneMethod.parse(method), neurons, settings);
    }

    private static void assertRejected(final String expectedKey, final Runnable action)
    {
        final InputException e = assertThrows(InputException.class, action::run);
        assertTrue(e.getMessage().startsWith(expectedKey + ":"), e.getMessage());
    }

    @Test
    void shouldCarryPaperScheduleWhenDefaults()
    {
        final PruneConfig config = PruneConfig.defaults(PruneMethod.APTN, 100);
        assertEquals(30_000L, config.startImages());
        assertEquals(5_000L, config.stepImages());
        assertEquals(7, config.stepCount(60_000L));
        assertEquals(1, config.stepCount(30_000L));
        assertEquals(0, config.stepCount(29_999L));
        assertEquals(0.10, config.targetConnectivity());
        assertEquals(0.90, config.neuronTargetFraction());
        assertTrue(config.normaliseUnprunedOnly());
    }

    @ParameterizedTest
    @CsvSource({
        "apt,  100, f1, 1.3,  f1, 1.0,  Infinity",
        "apt,  800, f1, 1.2,  f1, 1.0,  Infinity",
        "apn,  100, f1, 1.0,  f1, 1.15, 30",
        "apn,  800, f1, 1.0,  f1, 1.15, 30",
        "aptn, 100, f1, 1.3,  f1, 1.15, 30",
        "aptn, 800, f1, 1.2,  f1, 1.15, 30",
        "aptn, 784, f1, 1.2,  f1, 1.15, 30",
        "aptn, 400, f1, 1.2,  f1, 1.15, 30",
        "aptn, 399, f1, 1.3,  f1, 1.15, 30",
        "constant, 100, f1, 1.0, f1, 1.0, Infinity",
        "soft, 800, f1, 1.0, f1, 1.0, Infinity"})
    void shouldTakePaperFunctionsAndFactorsWhenProfile(
        final String method,
        final int neurons,
        final String timeFunction,
        final double timeFactor,
        final String neuronFunction,
        final double neuronFactor,
        final double spikeInterval)
    {
        final PruneConfig config = parse(method, neurons);
        assertEquals(timeFunction, config.timeFunction().key());
        assertEquals(timeFactor, config.timeFactor());
        assertEquals(neuronFunction, config.neuronFunction().key());
        assertEquals(neuronFactor, config.neuronFactor());
        assertEquals(spikeInterval, config.spikeInterval());
        assertTrue(config.initialThreshold() > 0.0 && config.initialThreshold() < 1.0);
    }

    @Test
    void shouldTakeTheFunctionsOwnDefaultFactorWhenOnlyTheFunctionIsSet()
    {
        assertEquals(1.1, parse("apt", 100, "pruning.time_function", "f2").timeFactor());
        assertEquals(0.01, parse("apt", 100, "pruning.time_function", "F3").timeFactor());
        assertEquals(1.05, parse("apn", 100, "pruning.neuron_function", "f2").neuronFactor());
        assertEquals(0.03, parse("aptn", 100, "pruning.neuron_function", "f3").neuronFactor());
        assertEquals(1.5, parse("apt", 100, "pruning.time_function", "f1", "pruning.time_factor", "1.5").timeFactor());
    }

    @Test
    void shouldOverrideEveryKeyWhenSet()
    {
        final PruneConfig config = parse("aptn", 100,
            "pruning.start_images", "20_000",
            "pruning.step_images", "1000",
            "pruning.w_th0", "0.05",
            "pruning.time_factor", "1.5",
            "pruning.neuron_factor", "1.2",
            "pruning.si", "inf",
            "pruning.target_connectivity", "0.2",
            "pruning.neuron_target_fraction", "0.5",
            "pruning.normalise_unpruned_only", "FALSE",
            "model.neurons", "100");
        assertEquals(20_000L, config.startImages());
        assertEquals(1_000L, config.stepImages());
        assertEquals(0.05, config.initialThreshold());
        assertEquals(1.5, config.timeFactor());
        assertEquals(1.2, config.neuronFactor());
        assertEquals(Double.POSITIVE_INFINITY, config.spikeInterval());
        assertEquals(0.2, config.targetConnectivity());
        assertEquals(0.5, config.neuronTargetFraction());
        assertFalse(config.normaliseUnprunedOnly());
    }

    @Test
    void shouldRoundTripThroughSettings()
    {
        final PruneConfig config = parse("aptn", 800, "pruning.time_function", "f2", "pruning.si", "45");
        assertEquals(config, PruneConfig.fromSettings(PruneMethod.APTN, 800, config.toSettings()));
        final PruneConfig single = parse("apt", 100);
        assertEquals("inf", single.toSettings().get(PruneConfig.SI_KEY));
        assertEquals(single, PruneConfig.fromSettings(PruneMethod.APT, 100, single.toSettings()));
    }

    @Test
    void shouldRejectInitialThresholdAtOrAboveWMax()
    {
        assertRejected("pruning.w_th0", () -> parse("aptn", 100, "pruning.w_th0", "1.0").validate(60_000L));
        assertRejected("pruning.w_th0", () -> parse("constant", 100, "pruning.w_th0", "0.3")
            .validate(PruneMethod.CONSTANT, 60_000L, 0.25f));
        // post-training does not use w_th0
        parse("post-training", 100, "pruning.w_th0", "0.3").validate(PruneMethod.POST_TRAINING, 60_000L, 0.25f);
    }

    @Test
    void shouldRejectNegativeOrNonNumericInitialThreshold()
    {
        assertRejected("pruning.w_th0", () -> parse("aptn", 100, "pruning.w_th0", "-0.01"));
        assertRejected("pruning.w_th0", () -> parse("aptn", 100, "pruning.w_th0", "NaN"));
        assertRejected("pruning.w_th0", () -> parse("aptn", 100, "pruning.w_th0", "abc"));
    }

    @Test
    void shouldRejectNonPositiveSpikeInterval()
    {
        assertRejected("pruning.si", () -> parse("apn", 100, "pruning.si", "0"));
        assertRejected("pruning.si", () -> parse("apn", 100, "pruning.si", "-30"));
        assertRejected("pruning.si", () -> parse("apn", 100, "pruning.si", "NaN"));
        assertRejected("pruning.si", () -> parse("apn", 100, "pruning.si", "many"));
        assertEquals(Double.POSITIVE_INFINITY, parse("apn", 100, "pruning.si", "Infinity").spikeInterval());
    }

    @Test
    void shouldRejectUnknownFunction()
    {
        assertRejected("pruning.time_function", () -> parse("apt", 100, "pruning.time_function", "exp"));
        assertRejected("pruning.neuron_function", () -> parse("apn", 100, "pruning.neuron_function", "f0"));
    }

    @Test
    void shouldRejectNaNNegativeOrShrinkingFactors()
    {
        assertRejected("pruning.time_factor", () -> parse("apt", 100, "pruning.time_factor", "NaN"));
        assertRejected("pruning.time_factor", () -> parse("apt", 100, "pruning.time_factor", "-1.3"));
        assertRejected("pruning.time_factor", () -> parse("apt", 100, "pruning.time_factor", "0.9"));
        assertRejected("pruning.time_factor", () -> parse("apt", 100, "pruning.time_factor", "Infinity"));
        assertRejected("pruning.neuron_factor", () -> parse("apn", 100,
            "pruning.neuron_function", "f3", "pruning.neuron_factor", "-0.01"));
        assertEquals(0.0, parse("apn", 100, "pruning.neuron_function", "f3", "pruning.neuron_factor", "0")
            .neuronFactor());
    }

    @Test
    void shouldRejectStartBeyondTrainingLength()
    {
        assertRejected("pruning.start_images", () -> parse("aptn", 100).validate(20_000L));
        assertRejected("pruning.start_images", () -> parse("neuron", 100, "pruning.start_images", "70000")
            .validate(PruneMethod.NEURON, 60_000L, 1.0f));
        parse("aptn", 100).validate(30_000L);
        // post-training ignores the schedule
        parse("post-training", 100).validate(PruneMethod.POST_TRAINING, 10_000L, 1.0f);
    }

    @Test
    void shouldRejectBadScheduleAndTargets()
    {
        assertRejected("pruning.step_images", () -> parse("aptn", 100, "pruning.step_images", "0"));
        assertRejected("pruning.start_images", () -> parse("aptn", 100, "pruning.start_images", "-1"));
        assertRejected("pruning.start_images", () -> parse("aptn", 100, "pruning.start_images", "3e4"));
        assertRejected("pruning.target_connectivity",
            () -> parse("post-training", 100, "pruning.target_connectivity", "0"));
        assertRejected("pruning.target_connectivity",
            () -> parse("post-training", 100, "pruning.target_connectivity", "10"));
        assertRejected("pruning.neuron_target_fraction",
            () -> parse("neuron", 100, "pruning.neuron_target_fraction", "1"));
        assertRejected("pruning.normalise_unpruned_only",
            () -> parse("aptn", 100, "pruning.normalise_unpruned_only", "yes"));
    }

    @Test
    void shouldRejectUnknownPruningKey()
    {
        assertRejected("pruning.threshold", () -> parse("aptn", 100, "pruning.threshold", "0.1"));
    }

    @Test
    void shouldRejectUnknownPolicyName()
    {
        assertRejected("pruning", () -> PruneMethod.parse("optimal"));
        assertRejected("pruning", () -> PrunePolicies.create("aptx", PruneConfig.defaults(PruneMethod.APTN, 100)));
    }

    @Test
    void shouldListTheKeysEachMethodReads()
    {
        assertTrue(PruneMethod.APTN.usedKeys().contains(PruneConfig.SI_KEY));
        assertFalse(PruneMethod.APT.usedKeys().contains(PruneConfig.SI_KEY));
        assertFalse(PruneMethod.APN.usedKeys().contains(PruneConfig.TIME_FACTOR_KEY));
        assertTrue(PruneMethod.POST_TRAINING.usedKeys().contains(PruneConfig.TARGET_CONNECTIVITY_KEY));
        assertFalse(PruneMethod.POST_TRAINING.isOnline());
        assertTrue(PruneMethod.SOFT.isOnline());
        for (final PruneMethod method : PruneMethod.values())
        {
            assertTrue(PruneConfig.KEYS.containsAll(method.usedKeys()), method.name());
        }
    }

    @Test
    void shouldBuildEveryPolicyByName()
    {
        final String[] names = {"none", "constant", "apt", "apn", "aptn", "post-training", "soft", "neuron"};
        final Class<?>[] types = {NoPrunePolicy.class, ConstantPrunePolicy.class, AptPrunePolicy.class,
            ApnPrunePolicy.class, AptnPrunePolicy.class, PostTrainingPrunePolicy.class, SoftPrunePolicy.class,
            NeuronPrunePolicy.class};
        for (int i = 0; i < names.length; i++)
        {
            final PruneMethod method = PruneMethod.parse(names[i]);
            final ReportingPrunePolicy policy = PrunePolicies.create(names[i], PruneConfig.defaults(method, 100));
            assertSame(types[i], policy.getClass());
            assertEquals(names[i], policy.name());
            assertSame(method, policy.method());
        }
        assertSame(PostTrainingPrunePolicy.class,
            PrunePolicies.create("Post_Training", PruneConfig.defaults(PruneMethod.POST_TRAINING, 100)).getClass());
    }

    @Test
    void shouldParseValidateAndBuildInOneCall()
    {
        final ReportingPrunePolicy policy = PrunePolicies.fromSettings("aptn", 800,
            Map.of("pruning.w_th0", "0.01", "data.dir", "x"), 60_000L, 1.0f);
        assertEquals(0.01, policy.config().initialThreshold());
        assertEquals(1.2, policy.config().timeFactor());
        assertRejected("pruning.start_images",
            () -> PrunePolicies.fromSettings("aptn", 100, Map.of(), 10_000L, 1.0f));
    }
}
