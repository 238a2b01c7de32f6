package org.spikeprune.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.conv.ConvImport;
import org.spikeprune.core.InputException;
import org.spikeprune.core.conv.ConvModel;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.dc.DcModel;
import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.engine.ThreadingMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import DIR --profile P --out MODEL}: a two-layer network learned elsewhere (or exported by
 * {@code export} and edited) as a saved network that {@code evaluate} tests on the simulator, as NumPy arrays:
 * {@code weights.npy} [784, neurons] and, each optional, {@code delays.npy} (ticks), {@code status.npy},
 * {@code theta.npy} (mV), {@code labels.npy} and {@code removed.npy}, the files {@code export} writes.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Make a saved network (model.bin, for evaluate) from NumPy arrays, as export writes them: "
        + "weights.npy [784, neurons] and optional delays.npy (default: drawn from --seed), status.npy, theta.npy, "
        + "labels.npy and removed.npy for paper A; convN_weights.npy [out, in, row, col] and optional "
        + "convN_pruned.npy for paper B.")
public final class ImportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder holding weights.npy and the optional arrays.")
    Path dir;

    @Option(names = "--profile", required = true, description = "Network profile the arrays are run with.")
    String profile;

    @Option(names = "--config", description = "A key=value parameter file applied over the profile.")
    Path config;

    @Option(names = "--set", description = "Override one parameter, key=value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1",
        description = "Seed of the drawn delays and of evaluate's input streams (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true,
        description = "The model file to write (a name ending in .bin), or a folder to write model.bin into.")
    Path out;

    @Override
    public Integer call()
    {
        if (!Files.isDirectory(dir))
        {
            throw new InputException(dir + ": not a folder (give the folder holding weights.npy)");
        }
        final Path file = modelFile();
        final Map<String, String> setMap = Params.parseAssignments(sets);
        final Map<String, String> fileMap = config == null ? Map.of() : Params.readFile(config);
        if (profile.startsWith("nguyen2020") || profile.startsWith("kheradpisheh2018"))
        {
            final Map<String, String> convSets = new LinkedHashMap<>(fileMap);
            convSets.putAll(setMap);
            return convolutional(convSets, file);
        }
        final Params params = DcProfiles.params(profile, fileMap, config == null ? "config" : config.toString(),
            setMap);
        final DcParams p = new DcParams(params);
        final int inputs = DcNetwork.INPUTS;
        final int exc = p.excNeurons();
        final int[] synShape = {inputs, exc};
        final int[] neuronShape = {exc};

        final Npy.Array wa = Npy.read(dir.resolve("weights.npy"));
        if (wa.shape().length != 2 || wa.shape()[0] != inputs)
        {
            throw new InputException(wa.file() + ": shape " + Arrays.toString(wa.shape()) + ", expected [" + inputs
                + ", neurons] (input = 28 * row + column)");
        }
        if (wa.shape()[1] != exc)
        {
            throw new InputException(wa.file() + ": " + wa.shape()[1] + " neurons, profile " + profile + " has "
                + exc + " (--set network.exc_neurons=" + wa.shape()[1] + " runs them)");
        }
        final double bound = p.maxStoredWeight();
        final double[] wv = wa.doubles();
        final float[] w = new float[wv.length];
        for (int k = 0; k < w.length; k++)
        {
            check(wa, k, exc, wv[k], 0, bound, false);
            w[k] = (float)wv[k];
        }
        final byte[] status = optional("status.npy", synShape, 0, 2, true, 1);
        final boolean drawn = !Files.exists(dir.resolve("delays.npy"));
        final byte[] delays = drawn ? DcNetwork.initialDelays(p, seed)
            : optional("delays.npy", synShape, 0, p.delayTicks() - 1, true, 0);
        final double[] theta = optionalDoubles("theta.npy", neuronShape, 0, Double.MAX_VALUE, false, 0);
        final double[] labelValues = optionalDoubles("labels.npy", neuronShape, -1, 9, true, -1);
        final double[] removedValues = optionalDoubles("removed.npy", neuronShape, 0, 1, true, 0);
        final int[] labels = new int[exc];
        final boolean[] removed = new boolean[exc];
        long live = 0;
        for (int j = 0; j < exc; j++)
        {
            labels[j] = (int)labelValues[j];
            removed[j] = removedValues[j] != 0;
        }
        for (int k = 0; k < w.length; k++)
        {
            if (status[k] == 0)
            {
                w[k] = 0f; // a pruned synapse holds no weight
                delays[k] = 0;
            }
            else
            {
                live++;
            }
        }
        final String configText = TrainCommand.runConfigText(profile, "none", seed, 1, ThreadingMode.INVOKER, params,
            0, 0, 0) + "run.imported_from=" + dir.toAbsolutePath().normalize() + "\n";
        final DcModel m = new DcModel(configText, new DcNetwork.State(w, delays, status, theta, removed), labels,
            DcNetwork.digest(w, theta, labels));
        m.validate(p, dir.toString());
        final RunOutput output = new RunOutput(file.toAbsolutePath().getParent());
        output.writeBytes(file.getFileName().toString(), m.encode());
        final boolean labelled = Arrays.stream(labels).anyMatch(l -> l >= 0);
        System.out.printf(Locale.ROOT, "import: %s -> %s (%s, %d neurons, connectivity %.2f%%, delays %s, %s), "
            + "digest %s%n", dir, file, profile, exc, 100.0 * live / w.length,
            drawn ? "drawn from seed " + seed : "from delays.npy", labelled ? "labels from labels.npy"
                : "no labels: evaluate it with --assign-images N", m.digest().substring(0, 16));
        System.out.println("next: bin/spikeprune evaluate " + file + (labelled ? "" : " --assign-images 60000"));
        return 0;
    }

    /** Paper B's network from {@code convN_weights.npy} [out, in, row, col] and optional {@code convN_pruned.npy}. */
    private int convolutional(final Map<String, String> convSets, final Path file)
    {
        final ConvModel m = ConvImport.model(profile, convSets, seed, dir, spec ->
        {
            final String name = "conv" + (spec[0] + 1);
            final int[] shape = Arrays.copyOfRange(spec, 1, 5);
            final Npy.Array a = Npy.read(dir.resolve(name + "_weights.npy"));
            if (!Arrays.equals(a.shape(), shape))
            {
                throw new InputException(a.file() + ": shape " + Arrays.toString(a.shape()) + ", profile " + profile
                    + " has " + Arrays.toString(shape) + " ([out_map, in_map, row, col])");
            }
            final double[] flags = optionalDoubles(name + "_pruned.npy", shape, 0, 1, true, 0);
            final boolean[] pruned = new boolean[flags.length];
            for (int i = 0; i < flags.length; i++)
            {
                pruned[i] = flags[i] != 0;
            }
            return new ConvImport.Kernels(a.doubles(), pruned);
        });
        final RunOutput output = new RunOutput(file.toAbsolutePath().getParent());
        output.writeBytes(file.getFileName().toString(), m.encode());
        long live = 0;
        long total = 0;
        for (int c = 0; c < m.convCount(); c++)
        {
            live += m.live(c);
            total += m.weights()[c].length;
        }
        System.out.printf(Locale.ROOT, "import: %s -> %s (%s, %d convolutions, %.2f%% of %d connections live)%n", dir,
            file, profile, m.convCount(), 100.0 * live / total, total);
        System.out.println("next: bin/spikeprune conv evaluate " + file + " [--data DIR]");
        return 0;
    }

    /**
     * A name ending in .bin is the file; anything else a folder that receives model.bin. An existing file is never
     * replaced: it may be a training run's network.
     */
    private Path modelFile()
    {
        final Path file = out.getFileName().toString().endsWith(".bin") && !Files.isDirectory(out) ? out
            : out.resolve(SavedModels.MODEL_FILE);
        if (Files.exists(file))
        {
            throw new InputException(file + ": already exists; import does not replace a saved network (remove it "
                + "or give another --out)");
        }
        return file;
    }

    /** An optional integer-valued array of the synapses' shape, as bytes; {@code absent} fills a missing file. */
    private byte[] optional(final String name, final int[] shape, final int lo, final int hi, final boolean integer,
        final int absent)
    {
        final double[] v = optionalDoubles(name, shape, lo, hi, integer, absent);
        final byte[] b = new byte[v.length];
        for (int k = 0; k < v.length; k++)
        {
            b[k] = (byte)v[k];
        }
        return b;
    }

    private double[] optionalDoubles(final String name, final int[] shape, final double lo, final double hi,
        final boolean integer, final double absent)
    {
        final Path file = dir.resolve(name);
        final int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (!Files.exists(file))
        {
            final double[] v = new double[size];
            Arrays.fill(v, absent);
            return v;
        }
        final Npy.Array a = Npy.read(file);
        if (!Arrays.equals(a.shape(), shape))
        {
            throw new InputException(file + ": shape " + Arrays.toString(a.shape()) + ", expected "
                + Arrays.toString(shape));
        }
        final double[] v = a.doubles();
        for (int k = 0; k < v.length; k++)
        {
            check(a, k, shape.length == 2 ? shape[1] : 0, v[k], lo, hi, integer);
        }
        return v;
    }

    /** Refuses a value out of [lo, hi], not finite, or not an integer where one is needed, naming where it is. */
    private static void check(final Npy.Array a, final int k, final int columns, final double v, final double lo,
        final double hi, final boolean integer)
    {
        if (!(v >= lo && v <= hi) || integer && v != Math.rint(v))
        {
            final String where = columns > 0 ? "[input " + k / columns + ", neuron " + k % columns + "]"
                : "[" + k + "]";
            throw new InputException(a.file() + ": value " + v + " at " + where + " is invalid: must be "
                + (integer ? "an integer " : "") + "in [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
    }

    private static String fmt(final double v)
    {
        return v == Double.MAX_VALUE ? "inf" : v == Math.rint(v) ? Long.toString((long)v)
            : Double.toString(v);
    }
}
