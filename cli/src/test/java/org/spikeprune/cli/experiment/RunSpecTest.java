package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;

class RunSpecTest
{
    private static RunSpec aptn(final double w0)
    {
        return new RunSpec("guo2020-mnist-100", "aptn", 1, 600, 200, 200, Map.of("pruning.start_images", "300",
            "pruning.step_images", "50")).with("pruning.w_th0", w0);
    }

    @Test
    void shouldGiveTheSameIdToTheSameRunAndAnotherToAnyChange()
    {
        assertEquals(RunPool.id(aptn(0.02)), RunPool.id(aptn(0.02)));
        assertNotEquals(RunPool.id(aptn(0.02)), RunPool.id(aptn(0.03)));
        assertNotEquals(RunPool.id(aptn(0.02)), RunPool.id(aptn(0.02).with("stdp.nu_post", "0.02")));
        assertTrue(RunPool.id(aptn(0.02)).startsWith("aptn-"));
    }

    @Test
    void shouldShareOneBaselineAcrossThePrunedRunsOfASweep()
    {
        final RunSpec base = aptn(0.02).baseline();
        assertEquals("none", base.method());
        assertEquals(Map.of(), base.sets());
        assertEquals(RunPool.id(base), RunPool.id(aptn(0.05).method("constant").baseline()));
        assertNotEquals(RunPool.id(base), RunPool.id(aptn(0.02).with("exc.theta_plus_mv", "0.02").baseline()),
            "a network parameter belongs to the baseline too");
    }

    @Test
    void shouldIdentifyARunByItsEffectiveSettingsNotByHowTheyWereWritten()
    {
        // the profile's default SI written out or left implicit is the same run
        final RunSpec implicit = aptn(0.02);
        assertEquals(RunPool.id(implicit), RunPool.id(implicit.with("pruning.si", "30")));
    }

    @Test
    void shouldRejectABadPruningSettingNamingTheKey()
    {
        final InputException e = assertThrows(InputException.class, () -> RunPool.id(aptn(1.5)));
        assertTrue(e.getMessage().contains("pruning.w_th0"), e.getMessage());
    }

    @Test
    void shouldWriteNumbersInTheirShortestForm()
    {
        assertEquals("0.05", RunSpec.number(0.05));
        assertEquals("30", RunSpec.number(30));
        assertEquals("inf", RunSpec.number(Double.POSITIVE_INFINITY));
    }
}
