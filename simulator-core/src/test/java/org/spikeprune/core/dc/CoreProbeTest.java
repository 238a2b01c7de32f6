package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.management.ThreadMXBean;

/** The probe drives a core's own units. */
class CoreProbeTest
{
    private static DcParams params(final int neurons)
    {
        return new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "config",
            Map.of("network.exc_neurons", Integer.toString(neurons))));
    }

    private static byte[] image()
    {
        final byte[] px = new byte[DcNetwork.INPUTS];
        for (int i = 0; i < px.length; i += 4)
        {
            px[i] = (byte)200;
        }
        return px;
    }

    @Test
    void shouldKeepTheGivenFractionOfEachNeuronsSynapsesWhenPruned()
    {
        final CoreProbe probe = new CoreProbe(params(10), 1);
        assertEquals(DcNetwork.INPUTS * 10, probe.synapses());
        assertEquals(Math.round(0.1 * DcNetwork.INPUTS) * 10, probe.prune(0.1));
        assertThrows(IllegalArgumentException.class, () -> probe.prune(0));
    }

    private static long[] presentation(final double connectivity)
    {
        final CoreProbe probe = new CoreProbe(params(10), 1);
        if (connectivity < 1)
        {
            probe.prune(connectivity);
        }
        probe.learning(false);
        probe.present(0, image(), 0, 2.0);
        final CoreProbe twin = new CoreProbe(params(10), 1);
        twin.present(0, image(), 0, 2.0);
        long inputs = 0;
        for (int t = 0; t < probe.presentTicks(); t++)
        {
            probe.tick(t);
            inputs += twin.emit(t);
        }
        // every spike has arrived over all its delays 20 ticks after the last input
        for (int t = probe.presentTicks(); t < probe.presentTicks() + 20; t++)
        {
            probe.tick(t);
        }
        return new long[] {inputs, probe.synapticOps()};
    }

    @Test
    void shouldCountOneAccumulationPerStoredSynapsePerInputSpikeWhenTicked()
    {
        final long[] dense = presentation(1.0);
        assertTrue(dense[0] > 1000, "a bright image gives many input spikes: " + dense[0]);
        assertEquals(dense[0] * 10, dense[1], "every input spike reaches all 10 neurons");
        final long[] half = presentation(0.5);
        assertEquals(dense[0], half[0], "the same input");
        assertTrue(half[1] > 0.4 * dense[1] && half[1] < 0.6 * dense[1], "about half: " + half[1]);
    }

    @Test
    void shouldNotAllocateOnTheHotPathWhenTicking()
    {
        final Object mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof ThreadMXBean && ((ThreadMXBean)mx).isThreadAllocatedMemorySupported(),
            "the JVM counts allocated bytes per thread");
        final ThreadMXBean bean = (ThreadMXBean)mx;
        final CoreProbe probe = new CoreProbe(params(20), 1);
        probe.learning(true);
        final byte[] image = image();
        long tick = 0;
        // A steady-path allocation shows in every round; a one-off (class initialisation, a deoptimisation under
        // load) in one round only. Round 0 warms up; the quietest later round must allocate nothing.
        long fewest = Long.MAX_VALUE;
        final StringBuilder perRound = new StringBuilder();
        for (int round = 0; round < 6; round++)
        {
            final long id = Thread.currentThread().getId();
            final long before = bean.getThreadAllocatedBytes(id);
            for (int k = 0; k < 2; k++)
            {
                probe.present(tick, image, 0, 2.0);
                for (int t = 0; t < probe.presentTicks(); t++)
                {
                    probe.tick(tick++);
                }
                probe.integrate((int)tick);
                probe.potentiate(k, (int)tick);
            }
            final long allocated = bean.getThreadAllocatedBytes(id) - before;
            if (round > 0)
            {
                fewest = Math.min(fewest, allocated);
                perRound.append(round).append(": ").append(allocated).append(" B; ");
            }
        }
        assertEquals(0, fewest, "bytes allocated by two presentations, per round: " + perRound);
    }

    @Test
    void shouldNotFireWithoutInputWhenIntegrated()
    {
        final CoreProbe probe = new CoreProbe(params(10), 1);
        int spikes = 0;
        for (int t = 0; t < 100; t++)
        {
            spikes += probe.integrate(t);
        }
        assertEquals(0, spikes);
    }
}
