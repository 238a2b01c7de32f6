package org.spikeprune.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.cli.conv.ConvEvaluate;
import org.spikeprune.core.conv.ConvModel;
import org.spikeprune.core.dc.DcModel;
import org.spikeprune.core.dc.DcNetwork;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export MODEL --out DIR}: a network saved by {@code train} or {@code conv train} as plain arrays, NumPy
 * {@code .npy} files or CSV tables, with a {@code manifest.json} saying what each file holds and the run's
 * configuration text, so that the learned network can be read, plotted or run by other tools.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a network saved by train or conv train (its model.bin, or the run folder) as NumPy .npy "
        + "arrays or CSV tables, with manifest.json describing every file and config.txt holding the run's "
        + "configuration.")
public final class ExportCommand implements Callable<Integer>
{
    /** The manifest's name in the output folder. */
    public static final String MANIFEST = "manifest.json";

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.bin file, or a train / conv train folder.")
    Path model;

    @Option(names = "--out", required = true, description = "Folder for the exported files.")
    Path out;

    @Option(names = "--format", defaultValue = "npy", description = "npy (default) or csv.")
    String format;

    @Override
    public Integer call()
    {
        final String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("npy") && !f.equals("csv"))
        {
            throw new UsageException("--format=" + format + " is invalid: must be npy or csv");
        }
        final Path file = SavedModels.file(model);
        final byte[] bytes = SavedModels.read(file);
        // every file replaces an earlier export's all together, or none does (a full disk part-way)
        try (org.spikeprune.core.io.SafeFiles.Batch batch = new org.spikeprune.core.io.SafeFiles.Batch())
        {
            final RunOutput output = new RunOutput(out).through(batch);
            write(file, bytes, f, output);
            batch.commit();
        }
        return 0;
    }

    private void write(final Path file, final byte[] bytes, final String f, final RunOutput output)
    {
        final Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("source", file.toString());
        manifest.put("format", f);
        final Map<String, Object> files = new LinkedHashMap<>();
        final String config;
        if (ConvEvaluate.isConvModel(bytes))
        {
            final ConvModel m = ConvModel.decode(bytes, file.toString());
            manifest.put("network", "convolutional (paper B)");
            manifest.put("digest", m.digest());
            config = m.optionsText();
            conv(m, f.equals("npy"), output, files);
        }
        else
        {
            final DcModel m = DcModel.decode(bytes, file.toString());
            manifest.put("network", "two-layer Diehl & Cook (paper A)");
            manifest.put("digest", m.digest());
            config = m.configText();
            final String dt = TrainCommand.parseRunConfigText(config).get("sim.dt_ms");
            manifest.put("dt_ms", dt == null ? null : Double.valueOf(dt));
            twoLayer(m, f.equals("npy"), output, files);
        }
        output.writeText("config.txt", config.endsWith("\n") ? config : config + "\n");
        files.put("config.txt", entry("text", null, "the run's configuration, one key=value per line"));
        manifest.put("files", files);
        output.writeJson(MANIFEST, manifest);
        System.out.printf(Locale.ROOT, "export: %s -> %s (%d files and %s)%n", file, out, files.size(), MANIFEST);
    }

    private static void twoLayer(final DcModel m, final boolean npy, final RunOutput output,
        final Map<String, Object> files)
    {
        final DcNetwork.State s = m.state();
        final int inputs = m.inputs();
        final int exc = m.excNeurons();
        final int[] synShape = {inputs, exc};
        final int[] neuronShape = {exc};
        if (npy)
        {
            output.writeBytes("weights.npy", Npy.float32(synShape, s.weights()));
            files.put("weights.npy", entry("float32", synShape,
                "input -> excitatory weights, [input, neuron], input = 28 * row + column; 0 where pruned"));
            output.writeBytes("status.npy", Npy.uint8(synShape, s.status()));
            files.put("status.npy", entry("uint8", synShape,
                "synapse status: 0 pruned (no transmission, no learning), 1 plastic, 2 frozen (soft-pruned: "
                    + "transmits, no learning)"));
            output.writeBytes("delays.npy", Npy.uint8(synShape, s.delays()));
            files.put("delays.npy", entry("uint8", synShape,
                "synaptic delay in ticks of dt_ms: a spike arrives this many ticks after its emission"));
            output.writeBytes("theta.npy", Npy.float64(neuronShape, s.theta()));
            files.put("theta.npy", entry("float64", neuronShape, "adaptive threshold θ of each excitatory neuron, mV"));
            output.writeBytes("labels.npy", Npy.int32(neuronShape, m.assignments()));
            files.put("labels.npy", entry("int32", neuronShape, "class assigned to each excitatory neuron, -1 none"));
            output.writeBytes("removed.npy", Npy.bool(neuronShape, s.disabled()));
            files.put("removed.npy", entry("bool", neuronShape, "excitatory neurons removed by neuron pruning"));
            return;
        }
        final StringBuilder syn = new StringBuilder(inputs * exc * 24);
        syn.append("input,neuron,weight,delay_ticks,status\n");
        for (int i = 0; i < inputs; i++)
        {
            for (int j = 0; j < exc; j++)
            {
                final int k = i * exc + j;
                syn.append(i).append(',').append(j).append(',').append(s.weights()[k]).append(',')
                    .append(s.delays()[k]).append(',').append(s.status()[k]).append('\n');
            }
        }
        output.writeText("synapses.csv", syn.toString());
        files.put("synapses.csv", entry("csv", synShape, "one row per input -> excitatory synapse: weight (0 where "
            + "pruned), delay in ticks of dt_ms, status (0 pruned, 1 plastic, 2 frozen)"));
        final StringBuilder neurons = new StringBuilder(exc * 32);
        neurons.append("neuron,theta_mv,label,removed\n");
        for (int j = 0; j < exc; j++)
        {
            neurons.append(j).append(',').append(s.theta()[j]).append(',').append(m.assignments()[j]).append(',')
                .append(s.disabled()[j] ? 1 : 0).append('\n');
        }
        output.writeText("neurons.csv", neurons.toString());
        files.put("neurons.csv", entry("csv", neuronShape,
            "one row per excitatory neuron: adaptive threshold θ (mV), assigned class (-1 none), removed (0/1)"));
    }

    private static void conv(final ConvModel m, final boolean npy, final RunOutput output,
        final Map<String, Object> files)
    {
        final StringBuilder csv = npy ? null : new StringBuilder("layer,out_map,in_map,row,col,weight,pruned\n");
        for (int c = 0; c < m.convCount(); c++)
        {
            final int in = m.inMaps()[c];
            final int k = m.kernels()[c];
            final int outMaps = m.outMaps()[c];
            final int[] shape = {outMaps, in, k, k};
            final float[] w = new float[outMaps * in * k * k];
            final boolean[] pruned = new boolean[w.length];
            for (int o = 0; o < outMaps; o++)
            {
                for (int i = 0; i < in; i++)
                {
                    for (int r = 0; r < k; r++)
                    {
                        for (int col = 0; col < k; col++)
                        {
                            // stored as KernelWeights orders them: ((in * k + row) * k + col) * outMaps + out
                            final int from = ((i * k + r) * k + col) * outMaps + o;
                            final int to = ((o * in + i) * k + r) * k + col;
                            w[to] = m.weights()[c][from];
                            pruned[to] = m.pruned()[c][from];
                            if (csv != null)
                            {
                                csv.append(c + 1).append(',').append(o).append(',').append(i).append(',').append(r)
                                    .append(',').append(col).append(',').append(w[to]).append(',')
                                    .append(pruned[to] ? 1 : 0).append('\n');
                            }
                        }
                    }
                }
            }
            if (npy)
            {
                final String name = "conv" + (c + 1);
                output.writeBytes(name + "_weights.npy", Npy.float32(shape, w));
                files.put(name + "_weights.npy", entry("float32", shape,
                    name + " kernels, [out_map, in_map, row, col] (the layout of a PyTorch Conv2d weight); 0 where "
                        + "pruned"));
                output.writeBytes(name + "_pruned.npy", Npy.bool(shape, pruned));
                files.put(name + "_pruned.npy", entry("bool", shape, name + " connections removed by pruning"));
            }
        }
        if (csv != null)
        {
            output.writeText("kernels.csv", csv.toString());
            final List<Object> shapes = new ArrayList<>();
            for (int c = 0; c < m.convCount(); c++)
            {
                shapes.add(List.of(m.outMaps()[c], m.inMaps()[c], m.kernels()[c], m.kernels()[c]));
            }
            final Map<String, Object> e = entry("csv", null, "one row per kernel weight of every convolution "
                + "(layer 1 first): weight (0 where pruned) and pruned (0/1)");
            e.put("shapes", shapes);
            files.put("kernels.csv", e);
        }
    }

    private static Map<String, Object> entry(final String type, final int[] shape, final String meaning)
    {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        if (shape != null)
        {
            final List<Integer> dims = new ArrayList<>();
            for (final int d : shape)
            {
                dims.add(d);
            }
            e.put("shape", dims);
        }
        e.put("meaning", meaning);
        return e;
    }
}
