package org.spikeprune.cli.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.core.conv.ConvProfiles;
import org.spikeprune.core.conv.SvmReadout;
import org.spikeprune.engine.ThreadingMode;

class ConvReadoutTest
{
    private static ConvTrainOptions options(final String profile, final Map<String, String> sets)
    {
        return new ConvTrainOptions(profile, null, Path.of("out"), 1, 1, ThreadingMode.INVOKER, "none", sets, true,
            0, 0);
    }

    private static SvmReadout.Settings settings(final Map<String, String> sets)
    {
        return ConvRun.readout(options(ConvProfiles.NGUYEN2020_CALTECH, sets), ConvProfiles.nguyen2020Caltech());
    }

    private static String rejected(final Map<String, String> sets)
    {
        return assertThrows(InputException.class, () -> settings(sets)).getMessage();
    }

    @Test
    void shouldReadOutWithTheReferenceValuesByDefault()
    {
        assertEquals(SvmReadout.Settings.REFERENCE, settings(Map.of()));
        assertEquals(SvmReadout.Settings.REFERENCE, settings(Map.of("readout.search", "none")));
        assertEquals(SvmReadout.Settings.REFERENCE, settings(Map.of("readout.gamma", "auto")));
    }

    @Test
    void shouldParseTheReadoutSettings()
    {
        assertEquals(SvmReadout.Settings.CROSS_VALIDATED, settings(Map.of("readout.search", "CV")));
        assertEquals(new SvmReadout.Settings(SvmReadout.Search.CV, 1, 0, 10),
            settings(Map.of("readout.search", "cv", "readout.folds", "10")));
        assertEquals(new SvmReadout.Settings(SvmReadout.Search.NONE, 8, 0.25, SvmReadout.DEFAULT_FOLDS),
            settings(Map.of("readout.c", "8", "readout.gamma", "0.25")));
    }

    @Test
    void shouldRejectBadReadoutValuesNamingKeyValueAndRule()
    {
        String m = rejected(Map.of("readout.search", "grid"));
        assertTrue(m.contains("readout.search") && m.contains("grid") && m.contains("none or cv"), m);
        m = rejected(Map.of("readout.c", "0"));
        assertTrue(m.contains("readout.c") && m.contains("'0'") && m.contains("> 0"), m);
        m = rejected(Map.of("readout.c", "NaN"));
        assertTrue(m.contains("readout.c") && m.contains("NaN"), m);
        m = rejected(Map.of("readout.gamma", "-0.5"));
        assertTrue(m.contains("readout.gamma") && m.contains("-0.5") && m.contains("auto or a finite number > 0"), m);
        m = rejected(Map.of("readout.gamma", "Infinity"));
        assertTrue(m.contains("readout.gamma") && m.contains("Infinity"), m);
        m = rejected(Map.of("readout.search", "cv", "readout.folds", "1"));
        assertTrue(m.contains("readout.folds") && m.contains("'1'") && m.contains(">= 2"), m);
        m = rejected(Map.of("readout.search", "cv", "readout.folds", "five"));
        assertTrue(m.contains("readout.folds") && m.contains("five") && m.contains("integer"), m);
        m = rejected(Map.of("readout.search", "cv", "readout.c", "2"));
        assertTrue(m.contains("readout.c=2") && m.contains("readout.search=cv"), m);
        m = rejected(Map.of("readout.search", "cv", "readout.gamma", "0.1"));
        assertTrue(m.contains("readout.gamma=0.1") && m.contains("readout.search=cv"), m);
        m = rejected(Map.of("readout.folds", "3"));
        assertTrue(m.contains("readout.folds=3") && m.contains("readout.search=cv"), m);
    }

    @Test
    void shouldRejectReadoutSettingsForTheLinearReadout()
    {
        final String m = assertThrows(InputException.class, () -> ConvRun.readout(
            options(ConvProfiles.KHERADPISHEH2018_MNIST, Map.of("readout.search", "cv")),
            ConvProfiles.kheradpisheh2018Mnist())).getMessage();
        assertTrue(m.contains("readout.search=cv") && m.contains("linear"), m);
        assertNull(ConvRun.readout(options(ConvProfiles.KHERADPISHEH2018_MNIST, Map.of()),
            ConvProfiles.kheradpisheh2018Mnist()));
    }

    @Test
    void shouldRejectBadReadoutValuesBeforeLearning()
    {
        assertThrows(InputException.class, () -> ConvRun.configure(options(ConvProfiles.NGUYEN2020_CALTECH,
            Map.of("readout.search", "always"))));
    }

    /** Two noisy classes of 20 features, the second shifted along a few of them. */
    private static double[][] features(final int[] labels, final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[][] x = new double[labels.length][20];
        for (int i = 0; i < labels.length; i++)
        {
            for (int f = 0; f < 20; f++)
            {
                x[i][f] = 10 * r.nextDouble() + (f < 3 ? 4 * labels[i] : 0);
            }
        }
        return x;
    }

    @Test
    void shouldChooseTheSameWhateverTheTestSet()
    {
        final int[] ytrain = new int[80];
        final int[] ytest = new int[60];
        for (int i = 0; i < ytrain.length; i++)
        {
            ytrain[i] = i % 2;
        }
        for (int i = 0; i < ytest.length; i++)
        {
            ytest[i] = i % 2;
        }
        final double[][] train = features(ytrain, 1);
        final double[][] test = features(ytest, 2);
        final ConvRun.Readout real = ConvRun.read(SvmReadout.Settings.CROSS_VALIDATED, train, ytrain, test, ytest, 9);

        // The test labels shuffled, then inverted, and other test features: the chosen C and gamma do not move
        // although the measured test accuracy does.
        final int[] shuffled = ytest.clone();
        final SplittableRandom r = new SplittableRandom(3);
        for (int i = shuffled.length - 1; i > 0; i--)
        {
            final int j = r.nextInt(i + 1);
            final int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        final int[] inverted = new int[ytest.length];
        for (int i = 0; i < ytest.length; i++)
        {
            inverted[i] = 1 - ytest[i];
        }
        final ConvRun.Readout a = ConvRun.read(SvmReadout.Settings.CROSS_VALIDATED, train, ytrain, test, shuffled, 9);
        final ConvRun.Readout b = ConvRun.read(SvmReadout.Settings.CROSS_VALIDATED, train, ytrain, test, inverted, 9);
        final ConvRun.Readout c = ConvRun.read(SvmReadout.Settings.CROSS_VALIDATED, train, ytrain,
            features(ytest, 5), ytest, 9);
        assertEquals(real.choice(), a.choice());
        assertEquals(real.choice(), b.choice());
        assertEquals(real.choice(), c.choice());
        assertNotEquals(real.result().testAccuracy(), b.result().testAccuracy());
        assertEquals(1.0, real.result().testAccuracy() + b.result().testAccuracy(), 1e-12);
        assertEquals(real.choice(), ConvRun.read(SvmReadout.Settings.CROSS_VALIDATED, train, ytrain, test, ytest, 9)
            .choice(), "same seed, same choice");
    }
}
