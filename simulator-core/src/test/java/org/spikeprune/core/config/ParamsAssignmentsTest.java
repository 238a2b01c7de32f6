package org.spikeprune.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;

class ParamsAssignmentsTest
{
    @Test
    void shouldKeepTheFirstOrderAndTheLastValueOfAKey()
    {
        final Map<String, String> m = Params.parseAssignments(List.of("a.x=1", "b.y=2", "a.x=3", "c=x=y"));
        assertEquals(List.of("a.x", "b.y", "c"), List.copyOf(m.keySet()));
        assertEquals("3", m.get("a.x"));
        assertEquals("x=y", m.get("c"), "the first '=' separates the key");
        assertTrue(Params.parseAssignments(List.of()).isEmpty());
    }

    @Test
    void shouldRefuseAnAssignmentWithoutAKey()
    {
        final InputException e = assertThrows(InputException.class,
            () -> Params.parseAssignments(List.of("a=1", "=2")));
        assertTrue(e.getMessage().contains("=2"), e.getMessage());
    }
}
