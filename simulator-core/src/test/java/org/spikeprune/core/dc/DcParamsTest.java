package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikeprune.core.InputException;

class DcParamsTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exc.tau_m_ms|NaN|exc.tau_m_ms",
        "exc.tau_m_ms|0|exc.tau_m_ms",
        "exc.tau_m_ms|-3|exc.tau_m_ms",
        "stdp.tau_pre_ms|Infinity|stdp.tau_pre_ms",
        "stdp.w_max|0|stdp.w_max",
        "exc.v_thresh_mv|-70|exc.v_thresh_mv",
        "inh.v_thresh_mv|-65|inh.v_thresh_mv",
        "network.exc_neurons|0|network.exc_neurons",
        "network.exc_neurons|1.5|network.exc_neurons",
        "norm.mode|sometimes|norm.mode",
        "neuron.integration|rk4|neuron.integration",
        "data.set|cifar|data.set",
        "no.such.key|1|no.such.key",
        "sim.dt_ms|50|sim.dt_ms",
        "input.intensity|abc|input.intensity",
    })
    void shouldRejectABadValueNamingTheKey(final String key, final String value, final String named)
    {
        final InputException ex = assertThrows(InputException.class,
            () -> new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test", Map.of(key, value))));
        assertTrue(ex.getMessage().contains(named), ex.getMessage());
        assertTrue(ex.getMessage().contains(value) || ex.getMessage().contains("unknown"), ex.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "syn.delay_max_ms|1e12",
        "exc.refractory_ms|1e300",
        "inh.refractory_ms|1e9",
        "input.present_ms|1e300",
        "input.rest_ms|1e11",
        "sim.dt_ms|1e-300",
        "network.exc_neurons|2000000000",
    })
    void shouldRejectAValueTooLargeForTheSimulator(final String key, final String value)
    {
        // each passes its rule (finite, >= 0) but would overflow a time-step count or the memory
        final InputException ex = assertThrows(InputException.class,
            () -> new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test", Map.of(key, value))));
        assertTrue(ex.getMessage().startsWith(key + "="), ex.getMessage());
        assertTrue(ex.getMessage().contains("at most") || ex.getMessage().contains("at least"), ex.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"guo2020-mnist-100", "guo2020-mnist-800", "guo2020-fashion-100", "guo2020-fashion-800",
        "dc2015-mnist-400"})
    void shouldBuildEveryProfile(final String profile)
    {
        final DcParams p = new DcParams(DcProfiles.params(profile, Map.of(), "test", Map.of()));
        assertTrue(p.excNeurons() > 0);
    }
}
