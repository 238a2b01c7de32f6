package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The compacted synapse table: group layout and the arrival offsets the emission kernel uses. */
class SynapseTableTest
{
    @Test
    void shouldStoreEachSynapsesArrivalOffsetAsDelayTimesStridePlusPost()
    {
        final int stride = 7;
        final SynapseTable.Builder b = new SynapseTable.Builder(3, 4, stride, 2);
        b.add(0, 0, 6, 0.5f);
        b.add(0, 3, 2, 0.25f);
        b.add(2, 1, 0, 0.125f);
        b.add(2, 3, 6, 1f);
        final SynapseTable t = b.build();
        assertEquals(stride, t.stride);
        assertArrayEquals(new int[] {6, 3 * 7 + 2, 7, 3 * 7 + 6}, t.arrival);
        assertArrayEquals(new byte[] {0, 3, 1, 3}, t.delay);
        assertArrayEquals(new short[] {0, 0, 2, 2}, t.pre);
        // groups (input, delay): input 0 has delays 0 and 3, input 1 none, input 2 delays 1 and 3
        assertArrayEquals(new int[] {0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 4}, t.groupStart);
        assertEquals(0.25f, t.weight(1));
        assertEquals(6, t.post(3));
    }

    @Test
    void shouldRejectAPostNeuronOutsideTheCore()
    {
        final SynapseTable.Builder b = new SynapseTable.Builder(2, 2, 5, 4);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(0, 1, 5, 0.1f));
        assertTrue(e.getMessage().contains("post 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add(0, 1, -1, 0.1f));
    }
}
