package org.spikeprune.core.conv;

import java.io.Serializable;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.spikeprune.core.InputException;
import org.spikeprune.core.ModelFile;

/**
 * A learned convolutional network as a file: the run's options as text, the kernel weights of every convolution
 * with the flags of the pruned ones, and the run's digest, so that a later command can extract features, read out
 * and test the network without learning it again.
 *
 * <p>Layout, little-endian: the magic {@code SPKCONVM}, the format version, the options text (length-prefixed
 * UTF-8), the number of convolutions, then per convolution its input maps, kernel side and output maps, its weights
 * ({@code float}, in {@link KernelWeights}'s order) and one byte per weight (1 pruned, 0 live); the digest
 * (length-prefixed ASCII) and a CRC-32 of everything before it. A damaged or truncated file is rejected with its
 * name and what is wrong.
 *
 * @param optionsText the run's options, one {@code key=value} per line.
 * @param inMaps      input maps of each convolution.
 * @param kernels     kernel side of each convolution.
 * @param outMaps     output maps of each convolution.
 * @param weights     the weights of each convolution.
 * @param pruned      the pruned flags of each convolution.
 * @param digest      the run's digest.
 */
public record ConvModel(String optionsText, int[] inMaps, int[] kernels, int[] outMaps, float[][] weights,
    boolean[][] pruned, String digest) implements Serializable
{
    private static final long serialVersionUID = 1L;

    /** The first eight bytes of a file. */
    public static final byte[] MAGIC = "SPKCONVM".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /** Largest number of weights of one convolution a file may declare. */
    private static final long MAX_WEIGHTS = 1L << 28;

    /** Checks that the arrays agree. */
    public ConvModel
    {
        final int n = inMaps.length;
        if (kernels.length != n || outMaps.length != n || weights.length != n || pruned.length != n)
        {
            throw new IllegalArgumentException("inconsistent model: " + n + " convolutions");
        }
        for (int c = 0; c < n; c++)
        {
            final long size = (long)inMaps[c] * kernels[c] * kernels[c] * outMaps[c];
            if (weights[c].length != size || pruned[c].length != size)
            {
                throw new IllegalArgumentException("inconsistent model: conv" + (c + 1) + " holds "
                    + weights[c].length + " weights, its shape says " + size);
            }
        }
    }

    /**
     * The learned state of a network.
     *
     * @param optionsText the run's options.
     * @param net         the network.
     * @param digest      the run's digest.
     * @return its model.
     */
    public static ConvModel of(final String optionsText, final ConvNetwork net, final String digest)
    {
        final int n = net.geometry().convCount();
        final int[] in = new int[n];
        final int[] k = new int[n];
        final int[] out = new int[n];
        final float[][] w = new float[n][];
        final boolean[][] p = new boolean[n][];
        for (int c = 0; c < n; c++)
        {
            final KernelWeights kw = net.weights(c);
            in[c] = kw.inMaps();
            k[c] = kw.kernel();
            out[c] = kw.outMaps();
            w[c] = kw.toArray();
            p[c] = new boolean[kw.size()];
            for (int i = 0; i < p[c].length; i++)
            {
                p[c][i] = kw.isPruned(i);
            }
        }
        return new ConvModel(optionsText, in, k, out, w, p, digest);
    }

    /** Number of convolutions. */
    public int convCount()
    {
        return weights.length;
    }

    /** Live connections of convolution {@code c}. */
    public long live(final int c)
    {
        long n = 0;
        for (final boolean p : pruned[c])
        {
            if (!p)
            {
                n++;
            }
        }
        return n;
    }

    /**
     * Checks the model against the network it is to be loaded into: the same convolutions of the same shapes,
     * every weight finite and not negative, every pruned weight 0.
     *
     * @param net    the network.
     * @param source the file's name, for error messages.
     * @throws InputException naming {@code source} and the first thing that does not fit.
     */
    public void validate(final ConvNetwork net, final String source)
    {
        final int convs = net.geometry().convCount();
        if (convs != convCount())
        {
            throw new InputException(source + ": the model has " + convCount() + " convolutions; its profile has "
                + convs);
        }
        for (int c = 0; c < convCount(); c++)
        {
            final KernelWeights kw = net.weights(c);
            if (inMaps[c] != kw.inMaps() || kernels[c] != kw.kernel() || outMaps[c] != kw.outMaps())
            {
                throw new InputException(source + ": conv" + (c + 1) + " is " + inMaps[c] + " maps in, " + kernels[c]
                    + "x" + kernels[c] + ", " + outMaps[c] + " maps out; its profile says " + kw.inMaps() + ", "
                    + kw.kernel() + "x" + kw.kernel() + ", " + kw.outMaps());
            }
            final float[] w = weights[c];
            for (int i = 0; i < w.length; i++)
            {
                if (!(w[i] >= 0f) || Float.isInfinite(w[i]))
                {
                    throw new InputException(source + ": conv" + (c + 1) + " weight " + i + " is " + w[i]
                        + " (expected a finite number >= 0)");
                }
                if (pruned[c][i] && w[i] != 0f)
                {
                    throw new InputException(source + ": conv" + (c + 1) + " weight " + i + " is pruned but holds "
                        + w[i]);
                }
            }
        }
    }

    /**
     * Loads the weights and pruned flags into a network of the same shape.
     *
     * @param net the network (checked with {@link #validate} first).
     */
    public void loadInto(final ConvNetwork net)
    {
        for (int c = 0; c < convCount(); c++)
        {
            net.weights(c).load(weights[c], pruned[c]);
        }
    }

    /** The model as the bytes of a file. */
    public byte[] encode()
    {
        final byte[] options = optionsText.getBytes(StandardCharsets.UTF_8);
        final byte[] dig = digest.getBytes(StandardCharsets.US_ASCII);
        long size = MAGIC.length + 4 + 4 + options.length + 4;
        for (final float[] w : weights)
        {
            size += 12 + 5L * w.length;
        }
        size += 4 + dig.length + 8;
        final ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(options.length).put(options).putInt(convCount());
        for (int c = 0; c < convCount(); c++)
        {
            b.putInt(inMaps[c]).putInt(kernels[c]).putInt(outMaps[c]);
            for (final float w : weights[c])
            {
                b.putFloat(w);
            }
            for (final boolean p : pruned[c])
            {
                b.put((byte)(p ? 1 : 0));
            }
        }
        b.putInt(dig.length).put(dig);
        ModelFile.seal(b);
        return b.array();
    }

    /**
     * Reads a model from the bytes of a file.
     *
     * @param bytes  the file's bytes.
     * @param source the file's name, for error messages.
     * @return the model.
     * @throws InputException naming {@code source} when the bytes are not a whole, undamaged model file.
     */
    public static ConvModel decode(final byte[] bytes, final String source)
    {
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try
        {
            final byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (Arrays.equals(magic, "SPKMODEL".getBytes(StandardCharsets.US_ASCII)))
            {
                throw new InputException(source + ": this is a paper-A network saved by train; test it with "
                    + "'spikeprune evaluate', not 'conv evaluate'");
            }
            if (!Arrays.equals(magic, MAGIC))
            {
                throw new InputException(source + ": not a spikeprune convolutional model file (no SPKCONVM header)");
            }
            final int version = b.getInt();
            if (version != VERSION)
            {
                throw new InputException(source + ": convolutional model format version " + version
                    + " is not supported (this build reads version " + VERSION + ")");
            }
            ModelFile.checkSum(bytes, MAGIC.length + 4, source);
            final String options = new String(ModelFile.bytes(b, b.getInt(), "options", source), StandardCharsets.UTF_8);
            final int n = b.getInt();
            if (n <= 0 || n > 64)
            {
                throw new InputException(source + ": the model file holds an impossible number of convolutions ("
                    + n + ")");
            }
            final int[] in = new int[n];
            final int[] k = new int[n];
            final int[] out = new int[n];
            final float[][] w = new float[n][];
            final boolean[][] p = new boolean[n][];
            for (int c = 0; c < n; c++)
            {
                in[c] = b.getInt();
                k[c] = b.getInt();
                out[c] = b.getInt();
                final long size = (long)in[c] * k[c] * k[c] * out[c];
                if (in[c] <= 0 || k[c] <= 0 || out[c] <= 0 || size > MAX_WEIGHTS || size * 5 > b.remaining())
                {
                    throw new InputException(source + ": conv" + (c + 1) + " has an impossible shape (" + in[c]
                        + " maps in, kernel " + k[c] + ", " + out[c] + " maps out)");
                }
                w[c] = new float[(int)size];
                for (int i = 0; i < w[c].length; i++)
                {
                    w[c][i] = b.getFloat();
                }
                p[c] = new boolean[(int)size];
                for (int i = 0; i < p[c].length; i++)
                {
                    final byte flag = b.get();
                    if (flag != 0 && flag != 1)
                    {
                        throw new InputException(source + ": conv" + (c + 1) + " weight " + i + " has pruned flag "
                            + flag + " (0 live, 1 pruned)");
                    }
                    p[c][i] = flag == 1;
                }
            }
            final String digest = new String(ModelFile.bytes(b, b.getInt(), "digest", source), StandardCharsets.US_ASCII);
            if (b.remaining() != 8)
            {
                throw new InputException(source + ": the model file has " + (b.remaining() - 8)
                    + " unexpected bytes before its checksum");
            }
            return new ConvModel(options, in, k, out, w, p, digest);
        }
        catch (final BufferUnderflowException | IllegalArgumentException ex)
        {
            throw new InputException(source + ": the model file is truncated or damaged (" + bytes.length
                + " bytes)", ex);
        }
    }
}
