package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;

class DcModelTest
{
    private static final int EXC = 3;

    private static DcModel model()
    {
        final int n = DcNetwork.INPUTS * EXC;
        final float[] w = new float[n];
        final byte[] d = new byte[n];
        final byte[] status = new byte[n];
        for (int k = 0; k < n; k++)
        {
            w[k] = (k % 97) / 97f;
            d[k] = (byte)(k % 20);
            status[k] = (byte)(k % 3);
        }
        return new DcModel("run.profile=guo2020-mnist-100\nnetwork.exc_neurons=3\n",
            new DcNetwork.State(w, d, status, new double[] {0.5, 12.25, 0}, new boolean[] {false, true, false}),
            new int[] {7, -1, 0}, "abc123");
    }

    @Test
    void shouldReadBackWhatItWrites()
    {
        final DcModel m = model();
        final DcModel back = DcModel.decode(m.encode(), "m.bin");
        assertEquals(m.configText(), back.configText());
        assertArrayEquals(m.state().weights(), back.state().weights());
        assertArrayEquals(m.state().delays(), back.state().delays());
        assertArrayEquals(m.state().status(), back.state().status());
        assertArrayEquals(m.state().theta(), back.state().theta());
        assertArrayEquals(m.state().disabled(), back.state().disabled());
        assertArrayEquals(m.assignments(), back.assignments());
        assertEquals("abc123", back.digest());
        assertEquals(DcNetwork.INPUTS, back.inputs());
        assertEquals(EXC, back.excNeurons());
    }

    @Test
    void shouldNameTheFileOfADamagedTruncatedOrForeignModel()
    {
        final byte[] bytes = model().encode();
        final byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        final InputException damaged = assertThrows(InputException.class, () -> DcModel.decode(flipped, "m.bin"));
        assertTrue(damaged.getMessage().startsWith("m.bin: ") && damaged.getMessage().contains("damaged"),
            damaged.getMessage());
        for (final int length : new int[] {0, 5, 12, 20, bytes.length - 1})
        {
            final InputException cut = assertThrows(InputException.class,
                () -> DcModel.decode(Arrays.copyOf(bytes, length), "m.bin"));
            assertTrue(cut.getMessage().startsWith("m.bin: "), cut.getMessage());
        }
        final byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertTrue(assertThrows(InputException.class, () -> DcModel.decode(foreign, "m.bin")).getMessage()
            .contains("not a spikeprune model"));
    }

    @Test
    void shouldRejectValuesOutsideWhatTheParametersAllow()
    {
        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test",
            Map.of("network.exc_neurons", "3")));
        model().validate(p, "m.bin");
        final DcModel m = model();
        m.state().delays()[5] = (byte)p.delayTicks;
        m.state().status()[5] = 1;
        assertTrue(assertThrows(InputException.class, () -> m.validate(p, "m.bin")).getMessage()
            .contains("synapse 5 has delay"));
        final DcModel w = model();
        w.state().weights()[9] = Float.NaN;
        assertTrue(assertThrows(InputException.class, () -> w.validate(p, "m.bin")).getMessage()
            .contains("synapse 9 has weight NaN"));
        // the normalisation may scale a weight past w_max, never past the total
        final DcModel above = model();
        above.state().weights()[11] = 1.25f;
        above.validate(p, "m.bin");
        above.state().weights()[11] = 78.5f;
        assertTrue(assertThrows(InputException.class, () -> above.validate(p, "m.bin")).getMessage()
            .contains("synapse 11 has weight 78.5, outside [0, 78.0]"));
        final DcParams unnormalised = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test",
            Map.of("network.exc_neurons", "3", "norm.mode", "none")));
        above.state().weights()[11] = 1.25f;
        assertTrue(assertThrows(InputException.class, () -> above.validate(unnormalised, "m.bin")).getMessage()
            .contains("synapse 11 has weight 1.25, outside [0, 1.0]"));
        final DcModel t = model();
        t.state().theta()[2] = -1;
        assertTrue(assertThrows(InputException.class, () -> t.validate(p, "m.bin")).getMessage()
            .contains("neuron 2 has threshold"));
        final DcParams wider = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test", Map.of()));
        assertTrue(assertThrows(InputException.class, () -> model().validate(wider, "m.bin")).getMessage()
            .contains("3 excitatory neurons"));
    }
}
