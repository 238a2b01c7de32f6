package org.spikeprune.core.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikeprune.engine.SpikeBatch;

/**
 * {@code neuron.integration}: forward Euler (Brian 1) overshoots below the inhibitory reversal potential when tens of
 * inhibitory neurons fire in one step, and the overshoot makes neurons fire; backward Euler keeps every potential
 * between the reversal potentials and agrees with forward Euler at ordinary conductances.
 */
class MembraneIntegrationTest
{
    private static final int INPUTS = 784;
    private static final int NEURONS = 60;

    private static DcCore core(final String integration)
    {
        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "test",
            Map.of("network.exc_neurons", Integer.toString(NEURONS), "neuron.integration", integration)));
        final DcCore core = new DcCore(0, 0, NEURONS, INPUTS, p);
        core.plastic = new SynapseTable.Builder(INPUTS, p.delayTicks, NEURONS, 1).build();
        core.frozen = new SynapseTable.Builder(INPUTS, p.delayTicks, NEURONS, 1).build();
        core.indexPotentiation();
        return core;
    }

    /** Delivers {@code inhibitory} inhibitory spikes at tick 1 and runs to tick {@code ticks}; returns the spikes. */
    private static int run(final DcCore core, final int inhibitory, final int ticks, final double[] minV)
    {
        final SpikeBatch in = new SpikeBatch(INPUTS + 2 * NEURONS);
        final SpikeBatch out = new SpikeBatch(INPUTS + 2 * NEURONS);
        for (int j = 0; j < NEURONS; j++)
        {
            core.v[j] = -60.0;
        }
        int fired = 0;
        minV[0] = Double.MAX_VALUE;
        for (int t = 1; t <= ticks; t++)
        {
            in.clear();
            if (t == 1)
            {
                for (int k = 0; k < inhibitory; k++)
                {
                    in.add(INPUTS + 2 * NEURONS - inhibitory + k);
                }
            }
            core.onSpikes(t, in);
            out.clear();
            core.advance(t, out);
            for (int s = 0; s < out.count(); s++)
            {
                fired += out.array()[s] < INPUTS + NEURONS ? 1 : 0;
            }
            for (int j = 0; j < NEURONS; j++)
            {
                minV[0] = Math.min(minV[0], core.v[j]);
            }
        }
        return fired;
    }

    @Test
    void shouldOvershootWithForwardEulerAndNotWithBackwardEulerUnderABurstOfInhibition()
    {
        final double[] min = new double[1];
        // 40 inhibitory spikes in one step: g_i = 40 * 17 = 680, h * g_i = 3.4 > 1
        final int eulerFired = run(core("euler"), 40, 40, min);
        assertTrue(min[0] < -100.0, "forward Euler stays above E_inh: " + min[0]);
        assertTrue(eulerFired > 0, "forward Euler's overshoot makes neurons fire");
        final int implicitFired = run(core("implicit"), 40, 40, min);
        assertTrue(min[0] >= -100.0, "backward Euler went below E_inh: " + min[0]);
        assertEquals(0, implicitFired, "inhibition alone never makes a neuron fire");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void shouldAgreeWithForwardEulerAtOrdinaryConductances(final int inhibitory)
    {
        final DcCore euler = core("euler");
        final DcCore implicit = core("implicit");
        final double[] min = new double[1];
        run(euler, inhibitory, 200, min);
        run(implicit, inhibitory, 200, min);
        for (int j = 0; j < NEURONS; j++)
        {
            // both are first-order: after one or two inhibitory spikes (a 5-10 mV dip) they differ by well under 1 mV
            assertEquals(euler.v[j], implicit.v[j], inhibitory == 0 ? 1e-6 : 1.0, "neuron " + j);
        }
    }

    @Test
    void shouldRelaxOverSkippedTicksAsItStepsThem()
    {
        final DcCore stepped = core("implicit");
        final DcCore skipped = core("implicit");
        final SpikeBatch in = new SpikeBatch(INPUTS + 2 * NEURONS);
        final SpikeBatch out = new SpikeBatch(INPUTS + 2 * NEURONS);
        for (int j = 0; j < NEURONS; j++)
        {
            stepped.v[j] = -90.0 + j * 0.25;
            skipped.v[j] = -90.0 + j * 0.25;
        }
        for (int t = 1; t <= 300; t++)
        {
            in.clear();
            stepped.onSpikes(t, in);
            out.clear();
            stepped.advance(t, out);
        }
        in.clear();
        skipped.onSpikes(1, in);
        skipped.advance(1, out);
        skipped.onSpikes(300, in);
        skipped.advance(300, out);
        for (int j = 0; j < NEURONS; j++)
        {
            assertEquals(stepped.v[j], skipped.v[j], 1e-9, "neuron " + j);
        }
    }
}
