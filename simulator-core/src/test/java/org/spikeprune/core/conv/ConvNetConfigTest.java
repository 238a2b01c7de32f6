package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConvNetConfigTest
{
    @Test
    void shouldLearnExactlyTheGivenIterationsWhenTheScheduleIsPerLayer()
    {
        final ConvNetConfig cfg = ConvProfiles.nguyen2020Caltech();
        assertEquals(ConvNetConfig.Schedule.LAYER, cfg.schedule());
        assertArrayEquals(new int[] {3000, 5000, 6000}, cfg.iterationsPerLayer());
    }

    @Test
    void shouldLearnOneMoreImagePerLayerAndTheRestInTheLastWhenTheScheduleIsGlobal()
    {
        final ConvNetConfig cfg = ConvProfiles.nguyen2020Caltech().withSchedule(ConvNetConfig.Schedule.GLOBAL);
        assertArrayEquals(new int[] {3001, 5001, 5998}, cfg.iterationsPerLayer());
        assertArrayEquals(new int[] {3, 5, 6},
            cfg.withLearnIterations(new int[] {2, 4, 8}).iterationsPerLayer());
    }
}
