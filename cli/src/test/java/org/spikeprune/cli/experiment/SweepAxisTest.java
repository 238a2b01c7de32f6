package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikeprune.cli.SeedList;
import org.spikeprune.cli.UsageException;

class SweepAxisTest
{
    @Test
    void aListKeepsItsOrderAndText()
    {
        final SweepAxis a = SweepAxis.parse(" syn.w_ie = 25, 12 ,17 ");
        assertEquals("syn.w_ie", a.key());
        assertEquals(List.of("25", "12", "17"), a.values());
        assertFalse(a.geometric());
        assertTrue(a.numeric());
        assertFalse(SweepAxis.parse("norm.mode=unpruned,retained").numeric());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "x=0.1:0.3:0.1; 0.1 0.2 0.3",
        "x=2:4:0.5; 2 2.5 3 3.5 4",
        "x=2:4:0.7; 2 2.7 3.4",
        "x=4:2:-1; 4 3 2",
        "x=5:5:1; 5",
        "x=5:5:-1; 5",
        "x=1e6:1e8:x10; 1000000 10000000 100000000",
        "x=1e8:1e6:x0.1; 100000000 10000000 1000000",
        "x=0.036:0.05:x1.1; 0.036 0.0396 0.04356 0.047916",
        "x=3:3:x0.5; 3",
        "x=-1:1:1; -1 0 1",
    })
    void rangesAreDecimal(final String text, final String expected)
    {
        assertEquals(List.of(expected.split(" ")), SweepAxis.parse(text).values());
    }

    @Test
    void valuesWithCommasAreSeparatedBySemicolons()
    {
        assertEquals(List.of("3000,5000,6000", "3000,5000,9000"),
            SweepAxis.parse("learn.iterations=3000,5000,6000; 3000,5000,9000").values());
        assertEquals(List.of("a:b", "c:d"), SweepAxis.parse("k=a:b;c:d").values(), "a semicolon list is no range");
        assertTrue(assertThrows(UsageException.class, () -> SweepAxis.parse("k=1,2;1,2")).getMessage()
            .contains("given twice"));
    }

    @Test
    void aGeometricRangeIsMarked()
    {
        assertTrue(SweepAxis.parse("exc.tau_theta_ms=1e6:1e8:*10").geometric());
        assertFalse(SweepAxis.parse("a=1:2:1").geometric());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "syn.w_ie; expected KEY=VALUES",
        "=1,2; expected KEY=VALUES",
        "k=; no values given",
        "k=1,,2; an empty value",
        "k=1,2,1; the value 1 is given twice",
        "k=1:2; a range is START:STOP:STEP",
        "k=1:2:3:4; a range is START:STOP:STEP",
        "k=1:a:1; STOP 'a' is not a number",
        "k=1:3:0; STEP 0 does not lead",
        "k=3:1:1; STEP 1 does not lead",
        "k=1:3:-1; STEP -1 does not lead",
        "k=1:100:x0.5; FACTOR 0.5 does not lead",
        "k=1:100:x1; FACTOR 1 does not lead",
        "k=0:100:x2; needs START and STOP > 0",
        "k=1:100000:0.01; more than 1000 values",
    })
    void badAxesAreRefusedWithTheKey(final String text, final String message)
    {
        final UsageException ex = assertThrows(UsageException.class, () -> SweepAxis.parse(text));
        assertTrue(ex.getMessage().startsWith("--vary "), ex.getMessage());
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void combinationsVaryTheFirstAxisSlowest()
    {
        final List<Map<String, String>> c = SweepAxis.combinations(List.of(SweepAxis.parse("a=1,2"),
            SweepAxis.parse("b=x,y,z")));
        assertEquals(6, c.size());
        assertEquals(Map.of("a", "1", "b", "x"), c.get(0));
        assertEquals(Map.of("a", "1", "b", "z"), c.get(2));
        assertEquals(Map.of("a", "2", "b", "x"), c.get(3));
        assertEquals(List.of("a", "b"), List.copyOf(c.get(5).keySet()));
        assertEquals(List.of(Map.of()), SweepAxis.combinations(List.of()));
    }

    @Test
    void aKeyIsVariedOnceAndNotAlsoFixed()
    {
        final List<SweepAxis> twice = List.of(SweepAxis.parse("a=1,2"), SweepAxis.parse("a=3"));
        assertTrue(assertThrows(UsageException.class, () -> SweepAxis.checkKeys(twice, Map.of())).getMessage()
            .contains("--vary a is given twice"));
        final List<SweepAxis> once = List.of(SweepAxis.parse("a=1,2"));
        assertTrue(assertThrows(UsageException.class, () -> SweepAxis.checkKeys(once, Map.of("a", "5")))
            .getMessage().contains("a is both varied (--vary) and fixed (--set a=5)"));
        SweepAxis.checkKeys(once, Map.of("b", "5"));
    }

    @Test
    void seedListsTakeRangesAndRefuseEmptyParts()
    {
        assertEquals(List.of(1L, 2L, 3L, 7L), SeedList.parse("--seeds", "1-3,7,2"));
        assertTrue(assertThrows(UsageException.class, () -> SeedList.parse("--seeds", "1,")).getMessage()
            .contains("'' is not a seed"));
    }
}
