package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.dc.DcModel;
import org.spikeprune.core.dc.DcNetwork;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;

class ImportCommandTest
{
    private static final int INPUTS = 784;
    private static final int EXC = 100;

    @TempDir
    Path tmp;

    private static float[] weights(final long seed)
    {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] w = new float[INPUTS * EXC];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (float)r.nextDouble();
        }
        return w;
    }

    private static DcModel model(final Path file) throws IOException
    {
        return DcModel.decode(Files.readAllBytes(file), file.toString());
    }

    @Test
    void shouldMakeASavedNetworkFromTheArraysGiven() throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve("arrays"));
        final float[] w = weights(1);
        final byte[] status = new byte[w.length];
        final byte[] delays = new byte[w.length];
        for (int k = 0; k < w.length; k++)
        {
            status[k] = (byte)(k % 3);
            delays[k] = (byte)(k % 20);
        }
        final double[] theta = new double[EXC];
        final int[] labels = new int[EXC];
        final boolean[] removed = new boolean[EXC];
        for (int j = 0; j < EXC; j++)
        {
            theta[j] = 0.25 * j;
            labels[j] = j % 11 - 1;
            removed[j] = j == 7;
        }
        Files.write(dir.resolve("weights.npy"), Npy.float32(new int[] {INPUTS, EXC}, w));
        Files.write(dir.resolve("status.npy"), Npy.uint8(new int[] {INPUTS, EXC}, status));
        Files.write(dir.resolve("delays.npy"), Npy.uint8(new int[] {INPUTS, EXC}, delays));
        Files.write(dir.resolve("theta.npy"), Npy.float64(new int[] {EXC}, theta));
        Files.write(dir.resolve("labels.npy"), Npy.int32(new int[] {EXC}, labels));
        Files.write(dir.resolve("removed.npy"), Npy.bool(new int[] {EXC}, removed));
        final Path out = tmp.resolve("imported");
        assertEquals(0, Main.execute("import", dir.toString(), "--profile", "guo2020-mnist-100", "--out",
            out.toString()));
        final DcModel m = model(out.resolve("model.bin"));
        for (int k = 0; k < w.length; k++)
        {
            // a pruned synapse holds no weight and no delay
            assertEquals(status[k] == 0 ? 0f : w[k], m.state().weights()[k], "weight " + k);
            assertEquals(status[k] == 0 ? 0 : delays[k], m.state().delays()[k], "delay " + k);
        }
        assertArrayEquals(status, m.state().status());
        assertArrayEquals(theta, m.state().theta());
        assertArrayEquals(labels, m.assignments());
        assertArrayEquals(removed, m.state().disabled());
        assertEquals(DcNetwork.digest(m.state().weights(), theta, labels), m.digest());
        assertTrue(m.configText().contains("run.profile=guo2020-mnist-100\n"), m.configText());
        // exported again, the arrays come back as given
        final Path again = tmp.resolve("again");
        assertEquals(0, Main.execute("export", out.toString(), "--out", again.toString()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("theta.npy")), Files.readAllBytes(again.resolve("theta.npy")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("status.npy")),
            Files.readAllBytes(again.resolve("status.npy")));
    }

    @Test
    void shouldDrawTheDelaysAsTrainDoesAndLeaveTheRestAtTheirDefaults() throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve("weights-only"));
        // float64 weights are read too, and narrowed to float
        final float[] w = weights(2);
        final double[] wd = new double[w.length];
        for (int k = 0; k < w.length; k++)
        {
            wd[k] = w[k];
        }
        Files.write(dir.resolve("weights.npy"), Npy.float64(new int[] {INPUTS, EXC}, wd));
        final Path file = tmp.resolve("m.bin");
        assertEquals(0, Main.execute("import", dir.toString(), "--profile", "guo2020-mnist-100", "--seed", "9",
            "--out", file.toString()));
        final DcModel m = model(file);
        assertArrayEquals(w, m.state().weights());
        final DcParams p = new DcParams(DcProfiles.params("guo2020-mnist-100", Map.of(), "config", Map.of()));
        assertArrayEquals(DcNetwork.initialDelays(p, 9), m.state().delays());
        final byte[] ones = new byte[w.length];
        Arrays.fill(ones, (byte)1);
        assertArrayEquals(ones, m.state().status());
        assertArrayEquals(new double[EXC], m.state().theta());
        assertTrue(Arrays.stream(m.assignments()).allMatch(l -> l == -1));
        // an existing network is never replaced: the file is left as it was
        final byte[] before = Files.readAllBytes(file);
        final PrintStream saved = System.err;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            assertEquals(Main.EXIT_BAD_INPUT, Main.execute("import", dir.toString(), "--profile", "guo2020-mnist-100",
                "--seed", "4", "--out", file.toString()));
        }
        finally
        {
            System.setErr(saved);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void shouldRefuseBadArraysNamingTheFileAndTheValue() throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve("bad"));
        final String[] missing = run(dir);
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), missing[0]);
        assertTrue(missing[1].contains("weights.npy") && missing[1].contains("no such file"), missing[1]);

        Files.write(dir.resolve("weights.npy"), Npy.float32(new int[] {INPUTS, 50}, new float[INPUTS * 50]));
        final String[] neurons = run(dir);
        assertTrue(neurons[1].contains("50 neurons") && neurons[1].contains("network.exc_neurons=50"), neurons[1]);

        final float[] w = weights(3);
        w[5 * EXC + 7] = Float.NaN;
        Files.write(dir.resolve("weights.npy"), Npy.float32(new int[] {INPUTS, EXC}, w));
        final String[] nan = run(dir);
        assertTrue(nan[1].contains("weights.npy") && nan[1].contains("NaN") && nan[1].contains("[input 5, neuron 7]"),
            nan[1]);

        Files.write(dir.resolve("weights.npy"), Npy.float32(new int[] {INPUTS, EXC}, weights(3)));
        final byte[] delays = new byte[INPUTS * EXC];
        delays[3] = 20;
        Files.write(dir.resolve("delays.npy"), Npy.uint8(new int[] {INPUTS, EXC}, delays));
        final String[] delay = run(dir);
        assertTrue(delay[1].contains("delays.npy") && delay[1].contains("value 20.0 at [input 0, neuron 3]")
            && delay[1].contains("[0, 19]"), delay[1]);
        Files.delete(dir.resolve("delays.npy"));

        final double[] labels = new double[EXC];
        labels[4] = 2.5;
        Files.write(dir.resolve("labels.npy"), Npy.float64(new int[] {EXC}, labels));
        final String[] label = run(dir);
        assertTrue(label[1].contains("labels.npy") && label[1].contains("an integer"), label[1]);
        Files.write(dir.resolve("labels.npy"), Npy.float64(new int[] {EXC, 1}, labels));
        final String[] shape = run(dir);
        assertTrue(shape[1].contains("labels.npy") && shape[1].contains("shape [100, 1]"), shape[1]);
        Files.delete(dir.resolve("labels.npy"));

        // not a .npy file, a truncated one, one in Fortran order
        Files.writeString(dir.resolve("theta.npy"), "theta,1,2,3\n");
        assertTrue(run(dir)[1].contains("not a NumPy .npy file"));
        final byte[] good = Npy.float64(new int[] {EXC}, new double[EXC]);
        Files.write(dir.resolve("theta.npy"), Arrays.copyOf(good, good.length - 8));
        assertTrue(run(dir)[1].contains("truncated"));
        final String fortran = new String(good, StandardCharsets.ISO_8859_1).replace("False", "True ");
        Files.write(dir.resolve("theta.npy"), fortran.getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(run(dir)[1].contains("Fortran order"));
        assertFalse(Files.exists(tmp.resolve("bad-out")), "nothing written");
    }

    private String[] run(final Path dir)
    {
        final PrintStream saved = System.err;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            final int code = Main.execute("import", dir.toString(), "--profile", "guo2020-mnist-100", "--out",
                tmp.resolve("bad-out").toString());
            return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
        }
        finally
        {
            System.setErr(saved);
        }
    }
}
