package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.conv.ConvModel;
import org.spikeprune.core.conv.KernelWeights;
import org.spikeprune.core.dc.DcModel;
import org.spikeprune.core.dc.DcNetwork;

class ExportCommandTest
{
    @TempDir
    Path tmp;

    /** A parsed .npy file: its dtype, shape and data bytes. */
    private record Parsed(String descr, String shape, ByteBuffer data)
    {
    }

    private static Parsed parse(final byte[] bytes)
    {
        assertArrayEquals(new byte[] {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, java.util.Arrays.copyOf(bytes, 8));
        final int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
        final String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n") && header.startsWith("{'descr': '"), header);
        assertTrue(header.contains("'fortran_order': False"), header);
        final String descr = header.substring(11, header.indexOf('\'', 11));
        final int s = header.indexOf("'shape': (") + 10;
        final String shape = header.substring(s, header.indexOf(')', s));
        return new Parsed(descr, shape, ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
            .slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void shouldWriteNpyArraysNumPyReads()
    {
        final Parsed f = parse(Npy.float32(new int[] {2, 3}, new float[] {0f, 1f, 2f, 3f, 4f, -0.5f}));
        assertEquals("<f4", f.descr());
        assertEquals("2, 3", f.shape());
        assertEquals(24, f.data().remaining());
        assertEquals(-0.5f, f.data().getFloat(20));
        final Parsed one = parse(Npy.int32(new int[] {3}, new int[] {7, -1, 9}));
        assertEquals("3,", one.shape(), "a 1-tuple is written (n,)");
        assertEquals(-1, one.data().getInt(4));
        assertEquals("|b1", parse(Npy.bool(new int[] {2}, new boolean[] {true, false})).descr());
        assertEquals(1.5, parse(Npy.float64(new int[] {1}, new double[] {1.5})).data().getDouble(0));
        assertEquals("|u1", parse(Npy.uint8(new int[] {1, 1}, new byte[] {(byte)200})).descr());
        assertThrows(IllegalArgumentException.class, () -> Npy.float32(new int[] {2, 2}, new float[3]));
    }

    @Test
    void shouldReadBackWhatItWritesAndTheVersion2Header() throws IOException
    {
        final Path f = tmp.resolve("a.npy");
        Files.write(f, Npy.int32(new int[] {2, 2}, new int[] {1, -2, 3, 4}));
        final Npy.Array a = Npy.read(f);
        assertEquals("<i4", a.descr());
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertArrayEquals(new double[] {1, -2, 3, 4}, a.doubles());
        // version 2.0: a four-byte header length; the same dictionary and data
        final byte[] v1 = Npy.float64(new int[] {3}, new double[] {0.5, 1.5, -2});
        final int headerLength = (v1[8] & 0xFF) | (v1[9] & 0xFF) << 8;
        final ByteBuffer v2 = ByteBuffer.allocate(v1.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        v2.put(v1, 0, 6).put((byte)2).put((byte)0).putInt(headerLength).put(v1, 10, v1.length - 10);
        final Path f2 = tmp.resolve("v2.npy");
        Files.write(f2, v2.array());
        assertArrayEquals(new double[] {0.5, 1.5, -2}, Npy.read(f2).doubles());
        // a 0-d array (shape ()) holds one value; complex numbers are refused by name
        final String scalar = "{'descr': '<f8', 'fortran_order': False, 'shape': (), }";
        final Path f3 = tmp.resolve("scalar.npy");
        Files.write(f3, npy(scalar, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(7.25).array()));
        assertArrayEquals(new double[] {7.25}, Npy.read(f3).doubles());
        final Path f4 = tmp.resolve("complex.npy");
        Files.write(f4, npy("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        final org.spikeprune.core.InputException e = assertThrows(org.spikeprune.core.InputException.class,
            () -> Npy.read(f4));
        assertTrue(e.getMessage().contains(f4.toString()) && e.getMessage().contains("'<c8'"), e.getMessage());
    }

    /** A version 1.0 file with this header dictionary and data. */
    private static byte[] npy(final String dict, final byte[] data)
    {
        final String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
        final ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short)header.length())
            .put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    private static DcModel twoLayerModel()
    {
        final int inputs = 784;
        final int exc = 3;
        final SplittableRandom r = new SplittableRandom(5);
        final float[] w = new float[inputs * exc];
        final byte[] d = new byte[w.length];
        final byte[] status = new byte[w.length];
        for (int k = 0; k < w.length; k++)
        {
            status[k] = (byte)(k % 7 == 0 ? 0 : k % 11 == 0 ? 2 : 1);
            w[k] = status[k] == 0 ? 0f : (float)r.nextDouble();
            d[k] = (byte)r.nextInt(20);
        }
        return new DcModel("run.profile=guo2020-mnist-100\nsim.dt_ms=0.5\n",
            new DcNetwork.State(w, d, status, new double[] {1.25, 0, 30.5}, new boolean[] {false, true, false}),
            new int[] {4, -1, 9}, "0123456789abcdef");
    }

    @Test
    void shouldExportATwoLayerNetworkAsNpyAndCsv() throws IOException
    {
        final DcModel m = twoLayerModel();
        final Path run = Files.createDirectories(tmp.resolve("run"));
        Files.write(run.resolve("model.bin"), m.encode());
        final Path out = tmp.resolve("npy");
        assertEquals(0, Main.execute("export", run.toString(), "--out", out.toString()));
        final Parsed w = parse(Files.readAllBytes(out.resolve("weights.npy")));
        assertEquals("784, 3", w.shape());
        for (int k = 0; k < m.state().weights().length; k++)
        {
            assertEquals(m.state().weights()[k], w.data().getFloat(4 * k), "weight " + k);
        }
        final Parsed status = parse(Files.readAllBytes(out.resolve("status.npy")));
        final Parsed delays = parse(Files.readAllBytes(out.resolve("delays.npy")));
        for (int k = 0; k < m.state().status().length; k++)
        {
            assertEquals(m.state().status()[k], status.data().get(k));
            assertEquals(m.state().delays()[k], delays.data().get(k));
        }
        assertEquals(30.5, parse(Files.readAllBytes(out.resolve("theta.npy"))).data().getDouble(16));
        assertEquals(-1, parse(Files.readAllBytes(out.resolve("labels.npy"))).data().getInt(4));
        assertEquals(1, parse(Files.readAllBytes(out.resolve("removed.npy"))).data().get(1));
        final JsonNode manifest = RunOutput.json().readTree(out.resolve(ExportCommand.MANIFEST).toFile());
        assertEquals(m.digest(), manifest.get("digest").asText());
        assertEquals(0.5, manifest.get("dt_ms").asDouble());
        assertEquals(List.of("weights.npy", "status.npy", "delays.npy", "theta.npy", "labels.npy", "removed.npy",
            "config.txt"), fieldNames(manifest.get("files")));
        assertEquals(m.configText(), Files.readString(out.resolve("config.txt")));

        final Path csv = tmp.resolve("csv");
        assertEquals(0, Main.execute("export", run.resolve("model.bin").toString(), "--out", csv.toString(),
            "--format", "csv"));
        final List<String> rows = Files.readAllLines(csv.resolve("synapses.csv"));
        assertEquals(1 + 784 * 3, rows.size());
        final int k = 5 * 3 + 2;
        assertEquals("5,2," + m.state().weights()[k] + "," + m.state().delays()[k] + "," + m.state().status()[k],
            rows.get(1 + k));
        assertEquals(List.of("neuron,theta_mv,label,removed", "0,1.25,4,0", "1,0.0,-1,1", "2,30.5,9,0"),
            Files.readAllLines(csv.resolve("neurons.csv")));
    }

    @Test
    void shouldExportConvolutionKernelsInPyTorchLayout() throws IOException
    {
        final int[] in = {1, 2};
        final int[] k = {3, 2};
        final int[] outMaps = {2, 3};
        final float[][] weights = new float[2][];
        final boolean[][] pruned = new boolean[2][];
        for (int c = 0; c < 2; c++)
        {
            final int n = in[c] * k[c] * k[c] * outMaps[c];
            weights[c] = new float[n];
            pruned[c] = new boolean[n];
            for (int i = 0; i < n; i++)
            {
                pruned[c][i] = i % 5 == 3;
                weights[c][i] = pruned[c][i] ? 0f : 0.01f * (i + 1) + c;
            }
        }
        final ConvModel m = new ConvModel("profile=nguyen2020-caltech\n", in, k, outMaps, weights, pruned, "cafe");
        final Path file = tmp.resolve("conv.bin");
        Files.write(file, m.encode());
        final Path out = tmp.resolve("conv");
        assertEquals(0, Main.execute("export", file.toString(), "--out", out.toString()));
        final KernelWeights layout = new KernelWeights(in[1], k[1], outMaps[1]);
        final Parsed w2 = parse(Files.readAllBytes(out.resolve("conv2_weights.npy")));
        final Parsed p2 = parse(Files.readAllBytes(out.resolve("conv2_pruned.npy")));
        assertEquals("3, 2, 2, 2", w2.shape());
        int flat = 0;
        for (int o = 0; o < outMaps[1]; o++)
        {
            for (int i = 0; i < in[1]; i++)
            {
                for (int r = 0; r < k[1]; r++)
                {
                    for (int c = 0; c < k[1]; c++)
                    {
                        final int stored = layout.index(i, r, c, o);
                        assertEquals(weights[1][stored], w2.data().getFloat(4 * flat), "[" + o + "," + i + "," + r
                            + "," + c + "]");
                        assertEquals(pruned[1][stored] ? 1 : 0, p2.data().get(flat));
                        flat++;
                    }
                }
            }
        }
        final Path csv = tmp.resolve("conv-csv");
        assertEquals(0, Main.execute("export", file.toString(), "--out", csv.toString(), "--format", "CSV"));
        final List<String> rows = Files.readAllLines(csv.resolve("kernels.csv"));
        assertEquals(1 + weights[0].length + weights[1].length, rows.size());
        assertEquals("2,1,0,1,0," + weights[1][layout.index(0, 1, 0, 1)] + ","
            + (pruned[1][layout.index(0, 1, 0, 1)] ? 1 : 0), rows.get(1 + weights[0].length + 8 + 2));
    }

    @Test
    void shouldRefuseAMissingOrDamagedModelAndABadFormatNamingThem() throws IOException
    {
        final Path missing = tmp.resolve("nothing-here");
        final String[] none = run("export", missing.toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), none[0]);
        assertTrue(none[1].contains(missing.toString()) && none[1].contains("no such model file"), none[1]);

        final byte[] bytes = twoLayerModel().encode();
        bytes[bytes.length / 2] ^= 4;
        final Path damaged = tmp.resolve("damaged.bin");
        Files.write(damaged, bytes);
        final Path out = tmp.resolve("o2");
        final String[] bad = run("export", damaged.toString(), "--out", out.toString());
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), bad[0]);
        assertTrue(bad[1].contains(damaged.toString()), bad[1]);
        assertFalse(Files.exists(out.resolve(ExportCommand.MANIFEST)));

        final String[] format = run("export", damaged.toString(), "--out", out.toString(), "--format", "hdf5");
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), format[0]);
        assertTrue(format[1].contains("--format=hdf5"), format[1]);
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Runs the command line; returns the exit code and what went to standard error. */
    private static String[] run(final String... args)
    {
        final PrintStream saved = System.err;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            return new String[] {Integer.toString(Main.execute(args)), err.toString(StandardCharsets.UTF_8)};
        }
        finally
        {
            System.setErr(saved);
        }
    }
}
