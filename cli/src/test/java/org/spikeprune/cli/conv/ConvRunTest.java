package org.spikeprune.cli.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.engine.ThreadingMode;

class ConvRunTest
{
    private static ConvTrainOptions quick(final String profile)
    {
        return new ConvTrainOptions(profile, null, Path.of("out"), 1, 1, ThreadingMode.INVOKER, "none", Map.of(),
            true, 0, 0);
    }

    @Test
    void shouldGiveTheQuickFormOneIterationCountPerConvolutionOfEachProfile()
    {
        assertArrayEquals(new int[] {300, 400, 400}, ConvRun.configure(quick("nguyen2020-caltech"))
            .iterationsPerLayer());
        assertArrayEquals(new int[] {300, 400}, ConvRun.configure(quick("kheradpisheh2018-mnist"))
            .iterationsPerLayer());
    }

    @Test
    void shouldReadBackTheOptionsTextOfASavedNetwork()
    {
        final ConvTrainOptions o = new ConvTrainOptions("nguyen2020-caltech", null, Path.of("a"), 7, 1,
            ThreadingMode.INVOKER, "nguyen2020", Map.of("pruning.alpha", "16000", "learn.order", "shuffled"), false,
            100, 50);
        final String text = ConvRun.optionsText(o, Path.of("no-such-folder"));
        final ConvTrainOptions back = ConvRun.parseOptionsText(text, "m.bin", null, Path.of("b"), 3,
            ThreadingMode.SHARED, 0, 20);
        assertEquals("nguyen2020-caltech", back.profile());
        assertEquals("nguyen2020", back.pruning());
        assertEquals(7, back.seed());
        assertEquals(o.sets(), back.sets());
        assertEquals(100, back.trainLimit());
        assertEquals(20, back.testLimit(), "the test count given replaces the run's");
        assertEquals(3, back.cores());
        assertEquals(ThreadingMode.SHARED, back.mode());
        assertNull(back.data(), "a run folder that is gone falls back to the profile's default");
        assertTrue(assertThrows(InputException.class, () -> ConvRun.parseOptionsText("profile=x\nwhat=1\n", "m.bin",
            null, Path.of("b"), 1, ThreadingMode.INVOKER, 0, 0)).getMessage().contains("what"));
        assertTrue(assertThrows(InputException.class, () -> ConvRun.parseOptionsText(text.replace("seed=7",
            "seed=seven"), "m.bin", null, Path.of("b"), 1, ThreadingMode.INVOKER, 0, 0)).getMessage()
            .startsWith("m.bin: "));
        assertTrue(assertThrows(InputException.class, () -> ConvRun.parseOptionsText("profile=x\n", "m.bin", null,
            Path.of("b"), 1, ThreadingMode.INVOKER, 0, 0)).getMessage().contains("lack"));
    }
}
