package org.spikeprune.cli.conv;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.conv.ConvModel;
import org.spikeprune.core.conv.ConvNetConfig;
import org.spikeprune.core.conv.ConvNetwork;
import org.spikeprune.core.conv.KernelWeights;
import org.spikeprune.engine.ThreadingMode;

/**
 * The convolutional half of {@code import}: kernels given as arrays of the PyTorch {@code Conv2d} layout
 * [out_map, in_map, row, col] (the layout {@code export} writes, and SpykeTorch's), checked against the profile's
 * network, as a saved network that {@code conv evaluate} tests.
 */
public final class ConvImport
{
    private ConvImport()
    {
    }

    /** One convolution's kernels as read: the values in [out, in, row, col] order and its pruned flags. */
    public record Kernels(double[] weights, boolean[] pruned)
    {
    }

    /**
     * Makes the saved network.
     *
     * @param profile the convolutional profile.
     * @param sets    its settings ({@code --set}).
     * @param seed    the seed recorded for evaluation (the readout's folds, when searched).
     * @param source  the folder read, for messages and the options.
     * @param kernels reads convolution {@code c} (0-based) given its expected shape [out, in, k, k]; the values
     *                are checked here.
     * @return the model; its digest is empty, for there is no run to compare an evaluation with.
     */
    public static ConvModel model(final String profile, final Map<String, String> sets, final long seed,
        final Path source, final Function<int[], Kernels> kernels)
    {
        final ConvTrainOptions o = new ConvTrainOptions(profile, null, null, seed, 1, ThreadingMode.INVOKER, "none",
            sets, false, 0, 0);
        final ConvNetConfig cfg = ConvRun.configure(o);
        try (ConvNetwork net = new ConvNetwork(cfg, seed, 1, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            for (int c = 0; c < net.geometry().convCount(); c++)
            {
                final KernelWeights layout = net.weights(c);
                final int in = layout.inMaps();
                final int k = layout.kernel();
                final int out = layout.outMaps();
                final Kernels read = kernels.apply(new int[] {c, out, in, k, k});
                final float[] w = new float[layout.size()];
                final boolean[] pruned = new boolean[layout.size()];
                int flat = 0;
                for (int m = 0; m < out; m++)
                {
                    for (int i = 0; i < in; i++)
                    {
                        for (int r = 0; r < k; r++)
                        {
                            for (int col = 0; col < k; col++)
                            {
                                final double v = read.weights()[flat];
                                if (!(v >= 0) || Double.isInfinite(v))
                                {
                                    throw new InputException(source.resolve("conv" + (c + 1) + "_weights.npy")
                                        + ": value " + v + " at [" + m + ", " + i + ", " + r + ", " + col
                                        + "] is invalid: must be finite and >= 0");
                                }
                                final int stored = layout.index(i, r, col, m);
                                w[stored] = (float)v;
                                pruned[stored] = read.pruned()[flat];
                                flat++;
                            }
                        }
                    }
                }
                layout.load(w, pruned); // a pruned connection holds 0
            }
            return ConvModel.of(ConvRun.optionsText(o, null), net, "");
        }
    }
}
