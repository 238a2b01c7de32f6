package org.spikeprune.bench.kernel;

import java.util.Map;
import java.util.SplittableRandom;

import org.spikeprune.core.dc.CoreProbe;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;

/** What the kernel benchmarks share: the network's parameters and a digit-like input image. */
final class Fixtures
{
    /** Pixels of one 28×28 image. */
    static final int PIXELS = 784;
    /** Paper A's input intensity. */
    static final double INTENSITY = 2.0;

    private Fixtures()
    {
    }

    /**
     * The parameters of profile guo2020-mnist-100 with another neuron count.
     *
     * @param neurons excitatory neurons.
     * @return the parameters.
     */
    static DcParams params(final int neurons)
    {
        return new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "config",
            Map.of("network.exc_neurons", Integer.toString(neurons))));
    }

    /**
     * A core of {@code neurons} neurons pruned to {@code connectivity}.
     *
     * @param neurons      neurons of the core.
     * @param connectivity fraction of each neuron's synapses kept.
     * @return the probe.
     */
    static CoreProbe core(final int neurons, final double connectivity)
    {
        final CoreProbe probe = new CoreProbe(params(neurons), 1);
        if (connectivity < 1)
        {
            probe.prune(connectivity);
        }
        return probe;
    }

    /**
     * A digit-like image: about 19% of the pixels lit with values 100–255, the rest 0, so the mean pixel (≈33.7)
     * and the input spikes per presentation are close to MNIST's (mean 33.3).
     *
     * @return 784 unsigned pixels.
     */
    static byte[] image()
    {
        final SplittableRandom r = new SplittableRandom(7);
        final byte[] px = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++)
        {
            px[i] = (byte)(r.nextInt(100) < 19 ? 100 + r.nextInt(156) : 0);
        }
        return px;
    }
}
