package org.spikeprune.core.dc;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.spikeprune.engine.RandomStreams;
import org.spikeprune.engine.SpikeBatch;

/**
 * Direct access to the units of one processing element of paper A's network and to its Poisson input
 * generator, so that each can be measured alone (benchmarks): the neuron update loop, the STDP post-spike
 * potentiation, one whole tick of a core, and the input generation. Every method calls the simulator's own
 * code; nothing here is used by a simulation.
 *
 * <p>The core holds every excitatory neuron of the parameters ({@code network.exc_neurons}) and is built as
 * {@link DcNetwork} builds its cores: initial weights from the stream "weights" (scaled once so that each
 * neuron's weights sum to {@code norm.total}, unless normalisation is off), delays from "delays", Poisson input
 * from "input". {@link #tick} routes the core's output spikes back at the next tick as the Controller does
 * (excitatory → inhibitory partner, inhibitory → every other excitatory neuron), so firing is held down by
 * lateral inhibition; weights are not normalised again. The probe measures units, not learning.
 */
public final class CoreProbe
{
    private final DcParams p;
    private final DcCore core;
    private final PoissonInput poisson;
    private final SpikeBatch in;
    private final SpikeBatch out;
    private final SpikeBatch previous;

    /**
     * Builds the probe.
     *
     * @param p    the parameters; the core holds {@code p.excNeurons()} neurons.
     * @param seed the seed of the random streams.
     */
    public CoreProbe(final DcParams p, final long seed)
    {
        this.p = p;
        final int n = p.excNeurons;
        final int inputs = DcNetwork.INPUTS;
        core = new DcCore(0, 0, n, inputs, p);
        final RandomStreams streams = new RandomStreams(seed);
        final SplittableRandom wr = streams.stream("weights");
        final SplittableRandom dr = streams.stream("delays");
        final float[] w = new float[inputs * n];
        final byte[] d = new byte[inputs * n];
        for (int i = 0; i < inputs * n; i++)
        {
            w[i] = (float)((wr.nextDouble() + p.wInitOffset) * p.wInitScale);
            d[i] = (byte)dr.nextInt(p.delayTicks);
        }
        if (p.normMode != DcParams.NormMode.NONE)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < inputs; i++)
                {
                    final double x = w[i * n + j];
                    sum += p.normL2 ? x * x : x;
                }
                final double f = p.normL2 ? p.normTotal / Math.sqrt(sum) : p.normTotal / sum;
                for (int i = 0; i < inputs; i++)
                {
                    w[i * n + j] = (float)(w[i * n + j] * f);
                }
            }
        }
        final SynapseTable.Builder b = new SynapseTable.Builder(inputs, p.delayTicks, n, inputs * n);
        for (int i = 0; i < inputs; i++)
        {
            for (int dd = 0; dd < p.delayTicks; dd++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (d[i * n + j] == dd)
                    {
                        b.add(i, dd, j, w[i * n + j]);
                    }
                }
            }
        }
        core.plastic = b.build();
        core.frozen = new SynapseTable.Builder(inputs, p.delayTicks, n, 1).build();
        core.indexPotentiation();
        core.learning(true);
        poisson = new PoissonInput(inputs, p.presentTicks, streams.stream("input"));
        in = new SpikeBatch(inputs + 2 * n);
        out = new SpikeBatch(inputs + 2 * n);
        previous = new SpikeBatch(inputs + 2 * n);
    }

    /**
     * Prunes each neuron's weakest synapses so that it keeps {@code round(connectivity × inputs)} of them, then
     * compacts the storage (control path).
     *
     * @param connectivity fraction of synapses each neuron keeps, in (0, 1].
     * @return the synapses stored after pruning.
     */
    public int prune(final double connectivity)
    {
        if (!(connectivity > 0 && connectivity <= 1))
        {
            throw new IllegalArgumentException("connectivity must be in (0, 1], connectivity=" + connectivity);
        }
        final int inputs = DcNetwork.INPUTS;
        final int keep = (int)Math.round(connectivity * inputs);
        final float[] col = new float[inputs];
        for (int j = 0; j < core.n; j++)
        {
            for (int i = 0; i < inputs; i++)
            {
                col[i] = core.weightOf(i, j);
            }
            Arrays.sort(col);
            if (keep < inputs)
            {
                core.markBelow(j, col[inputs - keep], true);
            }
        }
        core.compact();
        return core.plastic.size();
    }

    /**
     * Turns learning (STDP, θ adaptation) on or off.
     *
     * @param on learning on.
     */
    public void learning(final boolean on)
    {
        core.learning(on);
    }

    /**
     * Starts presenting an image to the Poisson input generator.
     *
     * @param tick      first tick of the presentation.
     * @param pixels    unsigned 8-bit pixels.
     * @param offset    offset of the 784 pixels of the image.
     * @param intensity input intensity (2 in paper A; the rate is {@code pixel × intensity / 8} Hz).
     */
    public void present(final long tick, final byte[] pixels, final int offset, final double intensity)
    {
        poisson.begin(tick, pixels, offset, intensity / 8.0, p.dtMs);
    }

    /**
     * Generates the input spikes of one tick of the presentation.
     *
     * @param tick the tick.
     * @return the number of input spikes.
     */
    public int emit(final long tick)
    {
        in.clear();
        poisson.emit(tick, in);
        return in.count();
    }

    /**
     * Runs one whole tick of the core: input generation, dispatch (with the previous tick's output spikes),
     * synaptic arrivals (with STDP when learning), neuron updates and potentiation.
     *
     * @param tick the tick (ticks must increase by one).
     * @return the number of spikes the core emitted.
     */
    public int tick(final long tick)
    {
        in.clear();
        poisson.emit(tick, in);
        in.addAll(previous);
        core.onSpikes(tick, in);
        out.clear();
        core.advance(tick, out);
        previous.clear();
        previous.addAll(out);
        return out.count();
    }

    /**
     * One Euler step of every neuron of the core (the neuron update loop), with no synaptic input.
     *
     * @param tick the tick.
     * @return the number of spikes emitted.
     */
    public int integrate(final int tick)
    {
        out.clear();
        core.integrate(tick, out);
        return out.count();
    }

    /**
     * The STDP post-spike potentiation of one neuron, as if it fired at {@code tick}.
     *
     * @param neuron the local neuron.
     * @param tick   the tick.
     */
    public void potentiate(final int neuron, final int tick)
    {
        core.potentiate(neuron, tick);
    }

    /** Neurons of the core. */
    public int neurons()
    {
        return core.n;
    }

    /** Synapses stored. */
    public int synapses()
    {
        return core.plastic.size();
    }

    /** Ticks of one presentation. */
    public int presentTicks()
    {
        return p.presentTicks;
    }

    /** Synaptic operations (weight accumulations) the core has done. */
    public long synapticOps()
    {
        return core.synapticOps;
    }
}
