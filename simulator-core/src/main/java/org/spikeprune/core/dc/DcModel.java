package org.spikeprune.core.dc;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.spikeprune.core.InputException;
import org.spikeprune.core.ModelFile;

/**
 * A trained paper-A network as a file: the run's configuration text (every parameter and the run's options), the
 * learned state (weights, delays, synapse status, adaptive thresholds, removed neurons), the label of every
 * excitatory neuron and the run's digest, so that a later command can test, re-label or inspect the network without
 * training it again.
 *
 * <p>Layout, little-endian: the magic {@code SPKMODEL}, the format version, the configuration text (length-prefixed
 * UTF-8), the number of inputs and of excitatory neurons, the weights ({@code float}, input-major), the delays and
 * the status of every synapse (one byte each), θ ({@code double} per neuron), the removed flags (one byte per
 * neuron), the labels ({@code int} per neuron, −1 for none), the digest (length-prefixed ASCII), and a CRC-32 of
 * everything before it. A damaged or truncated file is rejected with its name and what is wrong.
 */
public record DcModel(String configText, DcNetwork.State state, int[] assignments, String digest)
{
    /** The first eight bytes of a model file. */
    public static final byte[] MAGIC = "SPKMODEL".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;

    /**
     * @param configText  the run's configuration text.
     * @param state       the learned state.
     * @param assignments one label per excitatory neuron.
     * @param digest      the run's digest.
     */
    public DcModel
    {
        final int exc = state.theta().length;
        if (assignments.length != exc || state.disabled().length != exc || state.weights().length % exc != 0
            || state.delays().length != state.weights().length || state.status().length != state.weights().length)
        {
            throw new IllegalArgumentException("inconsistent model: " + exc + " neurons, " + assignments.length
                + " labels, " + state.weights().length + " weights");
        }
    }

    /** Excitatory neurons. */
    public int excNeurons()
    {
        return state.theta().length;
    }

    /** Inputs. */
    public int inputs()
    {
        return state.weights().length / excNeurons();
    }

    /** The model as the bytes of a file. */
    public byte[] encode()
    {
        final byte[] config = configText.getBytes(StandardCharsets.UTF_8);
        final byte[] dig = digest.getBytes(StandardCharsets.US_ASCII);
        final int exc = excNeurons();
        final int synapses = state.weights().length;
        final int size = MAGIC.length + 4 + 4 + config.length + 8 + synapses * 6 + exc * (8 + 1 + 4) + 4 + dig.length
            + 8;
        final ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(config.length).put(config);
        b.putInt(inputs()).putInt(exc);
        for (final float w : state.weights())
        {
            b.putFloat(w);
        }
        b.put(state.delays()).put(state.status());
        for (final double t : state.theta())
        {
            b.putDouble(t);
        }
        for (final boolean d : state.disabled())
        {
            b.put((byte)(d ? 1 : 0));
        }
        for (final int a : assignments)
        {
            b.putInt(a);
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
    public static DcModel decode(final byte[] bytes, final String source)
    {
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try
        {
            final byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (java.util.Arrays.equals(magic, "SPKCONVM".getBytes(StandardCharsets.US_ASCII)))
            {
                throw new InputException(source + ": this is a convolutional network saved by conv train; test it "
                    + "with 'spikeprune conv evaluate', not 'evaluate'");
            }
            if (!java.util.Arrays.equals(magic, MAGIC))
            {
                throw new InputException(source + ": not a spikeprune model file (no SPKMODEL header)");
            }
            final int version = b.getInt();
            if (version != VERSION)
            {
                throw new InputException(source + ": model format version " + version + " is not supported (this "
                    + "build reads version " + VERSION + ")");
            }
            ModelFile.checkSum(bytes, MAGIC.length + 4, source);
            final String config = new String(ModelFile.bytes(b, b.getInt(), "configuration", source), StandardCharsets.UTF_8);
            final int inputs = b.getInt();
            final int exc = b.getInt();
            if (inputs <= 0 || exc <= 0 || (long)inputs * exc * 6 > b.remaining())
            {
                throw new InputException(source + ": the model file holds an impossible size (" + inputs + " inputs, "
                    + exc + " neurons)");
            }
            final float[] w = new float[inputs * exc];
            for (int k = 0; k < w.length; k++)
            {
                w[k] = b.getFloat();
            }
            final byte[] delays = ModelFile.bytes(b, w.length, "delays", source);
            final byte[] status = ModelFile.bytes(b, w.length, "synapse status", source);
            final double[] theta = new double[exc];
            for (int j = 0; j < exc; j++)
            {
                theta[j] = b.getDouble();
            }
            final boolean[] disabled = new boolean[exc];
            for (int j = 0; j < exc; j++)
            {
                disabled[j] = b.get() != 0;
            }
            final int[] assignments = new int[exc];
            for (int j = 0; j < exc; j++)
            {
                assignments[j] = b.getInt();
            }
            final String digest = new String(ModelFile.bytes(b, b.getInt(), "digest", source), StandardCharsets.US_ASCII);
            if (b.remaining() != 8)
            {
                throw new InputException(source + ": the model file has " + (b.remaining() - 8)
                    + " unexpected bytes before its checksum");
            }
            return new DcModel(config, new DcNetwork.State(w, delays, status, theta, disabled), assignments, digest);
        }
        catch (final BufferUnderflowException | IllegalArgumentException ex)
        {
            throw new InputException(source + ": the model file is truncated or damaged (" + bytes.length
                + " bytes)", ex);
        }
    }

    /**
     * Checks the model against the parameters it is to run with: its size, every delay below the delay ticks, every
     * status a known one, every weight in [0, w_max] (in [0, max(w_max, norm.total)] when the weights are
     * normalised: the normalisation scales them without clipping) and every θ finite and not negative.
     *
     * @param p      the parameters.
     * @param source the file's name, for error messages.
     * @throws InputException naming {@code source} and the first value out of range.
     */
    public void validate(final DcParams p, final String source)
    {
        if (inputs() != DcNetwork.INPUTS || excNeurons() != p.excNeurons())
        {
            throw new InputException(source + ": the model has " + inputs() + " inputs and " + excNeurons()
                + " excitatory neurons; its configuration says " + DcNetwork.INPUTS + " and " + p.excNeurons());
        }
        final float[] w = state.weights();
        final byte[] d = state.delays();
        final byte[] st = state.status();
        final double maxWeight = p.maxStoredWeight();
        for (int k = 0; k < w.length; k++)
        {
            if (st[k] < 0 || st[k] > 2)
            {
                throw new InputException(source + ": synapse " + k + " has status " + st[k] + " (0 pruned, 1 plastic, "
                    + "2 frozen)");
            }
            if (st[k] != 0 && (d[k] < 0 || d[k] >= p.delayTicks))
            {
                throw new InputException(source + ": synapse " + k + " has delay " + d[k] + " ticks, outside [0, "
                    + p.delayTicks + ")");
            }
            if (!(w[k] >= 0f && w[k] <= maxWeight))
            {
                throw new InputException(source + ": synapse " + k + " has weight " + w[k] + ", outside [0, "
                    + maxWeight + "]");
            }
        }
        for (int j = 0; j < excNeurons(); j++)
        {
            final double t = state.theta()[j];
            if (!(t >= 0 && Double.isFinite(t)))
            {
                throw new InputException(source + ": neuron " + j + " has threshold θ = " + t + " mV");
            }
            if (assignments[j] < -1)
            {
                throw new InputException(source + ": neuron " + j + " has label " + assignments[j]);
            }
        }
    }
}
