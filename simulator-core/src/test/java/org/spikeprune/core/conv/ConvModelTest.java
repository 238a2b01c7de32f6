package org.spikeprune.core.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.engine.ThreadingMode;

class ConvModelTest
{
    private static ConvNetConfig config()
    {
        return TinyNets.config(8, 8, true, 8, List.of(ConvLayerSpec.conv(3, 3, 0.5f),
            ConvLayerSpec.pool(3, 2, 2, 0, false), ConvLayerSpec.conv(4, 2, 0.5f)));
    }

    /** A network with distinct weights and a few pruned connections, and its model. */
    private static ConvModel model(final ConvNetwork net)
    {
        for (int c = 0; c < 2; c++)
        {
            final KernelWeights w = net.weights(c);
            for (int i = 0; i < w.size(); i++)
            {
                w.set(i, (i * 37 % 101) / 101f);
            }
            w.prune(1);
            w.prune(w.size() - 1);
        }
        return ConvModel.of("profile=tiny\n", net, "d1g");
    }

    @Test
    void shouldReadBackWhatItWritesAndLoadTheSameNetwork()
    {
        final InputSpikes image = TinyNets.spikes(1, new int[] {0, 9, 18, 64 + 27}, new int[] {10, 11, 20},
            new int[] {36, 64 + 45});
        try (ConvNetwork a = new ConvNetwork(config(), 1, 1, ThreadingMode.INVOKER, ActivitySink.NONE);
            ConvNetwork b = new ConvNetwork(config(), 99, 2, ThreadingMode.SHARED, ActivitySink.NONE))
        {
            final ConvModel m = model(a);
            final ConvModel back = ConvModel.decode(m.encode(), "m.bin");
            assertEquals("profile=tiny\n", back.optionsText());
            assertEquals("d1g", back.digest());
            assertEquals(2, back.convCount());
            for (int c = 0; c < 2; c++)
            {
                assertArrayEquals(m.weights()[c], back.weights()[c]);
                assertArrayEquals(m.pruned()[c], back.pruned()[c]);
                assertEquals(a.weights(c).liveCount(), back.live(c));
            }
            back.validate(b, "m.bin");
            back.loadInto(b);
            for (int c = 0; c < 2; c++)
            {
                assertArrayEquals(a.weights(c).toArray(), b.weights(c).toArray());
                assertEquals(a.weights(c).liveCount(), b.weights(c).liveCount());
                assertTrue(b.weights(c).isPruned(1));
                assertFalse(b.weights(c).isPruned(0));
            }
            // the loaded network computes what the saved one does, on other cores and threading
            assertArrayEquals(a.features(List.of(image))[0], b.features(List.of(image))[0]);
            assertEquals(a.inferenceCounts().totalSynapticOps(), b.inferenceCounts().totalSynapticOps());
        }
    }

    @Test
    void shouldNameTheFileOfADamagedTruncatedOrForeignModel()
    {
        final byte[] bytes;
        try (ConvNetwork a = new ConvNetwork(config(), 1, 1, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            bytes = model(a).encode();
        }
        final byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        final InputException damaged = assertThrows(InputException.class, () -> ConvModel.decode(flipped, "m.bin"));
        assertTrue(damaged.getMessage().startsWith("m.bin: ") && damaged.getMessage().contains("damaged"),
            damaged.getMessage());
        final byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 100);
        final InputException truncated = assertThrows(InputException.class, () -> ConvModel.decode(cut, "m.bin"));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        final byte[] tiny = java.util.Arrays.copyOf(bytes, 5);
        assertTrue(assertThrows(InputException.class, () -> ConvModel.decode(tiny, "m.bin")).getMessage()
            .startsWith("m.bin: "));
        final byte[] paperA = bytes.clone();
        System.arraycopy("SPKMODEL".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, paperA, 0, 8);
        assertTrue(assertThrows(InputException.class, () -> ConvModel.decode(paperA, "m.bin")).getMessage()
            .contains("spikeprune evaluate"));
        final byte[] other = "not a model at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(assertThrows(InputException.class, () -> ConvModel.decode(other, "m.bin")).getMessage()
            .contains("SPKCONVM"));
    }

    @Test
    void shouldRefuseAModelThatDoesNotFitTheNetworkOrHoldsBadWeights()
    {
        try (ConvNetwork a = new ConvNetwork(config(), 1, 1, ThreadingMode.INVOKER, ActivitySink.NONE))
        {
            final ConvModel m = model(a);
            final ConvNetConfig other = TinyNets.config(8, 8, true, 8, List.of(ConvLayerSpec.conv(3, 3, 0.5f),
                ConvLayerSpec.pool(3, 2, 2, 0, false), ConvLayerSpec.conv(5, 2, 0.5f)));
            try (ConvNetwork b = new ConvNetwork(other, 1, 1, ThreadingMode.INVOKER, ActivitySink.NONE))
            {
                final InputException shape = assertThrows(InputException.class, () -> m.validate(b, "m.bin"));
                assertTrue(shape.getMessage().contains("conv2") && shape.getMessage().contains("5"),
                    shape.getMessage());
            }
            final float[][] w = {m.weights()[0].clone(), m.weights()[1].clone()};
            w[1][3] = Float.NaN;
            final ConvModel nan = new ConvModel("", m.inMaps(), m.kernels(), m.outMaps(), w, m.pruned(), "x");
            final InputException bad = assertThrows(InputException.class,
                () -> ConvModel.decode(nan.encode(), "n.bin").validate(a, "n.bin"));
            assertTrue(bad.getMessage().contains("conv2 weight 3"), bad.getMessage());
            final float[][] p = {m.weights()[0].clone(), m.weights()[1].clone()};
            p[0][1] = 0.5f;
            final ConvModel live = new ConvModel("", m.inMaps(), m.kernels(), m.outMaps(), p, m.pruned(), "x");
            assertTrue(assertThrows(InputException.class, () -> live.validate(a, "p.bin")).getMessage()
                .contains("pruned"));
            final byte[] flag = m.encode();
            // magic, version, options (length and text), convolution count, conv1's shape, its weights, its flags
            final int firstFlag = 8 + 4 + 4 + m.optionsText().length() + 4 + 12 + 4 * m.weights()[0].length;
            flag[firstFlag] = 7;
            final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(flag, 0, flag.length - 8);
            java.nio.ByteBuffer.wrap(flag, flag.length - 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(crc.getValue());
            assertTrue(assertThrows(InputException.class, () -> ConvModel.decode(flag, "f.bin")).getMessage()
                .contains("pruned flag 7"));
        }
    }
}
