package org.spikeprune.fpga.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;
import org.spikeprune.fpga.NetworkShape;

/** Recording through the sink, the compact form, and both file forms. */
class ActivityLogTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSumOpsAndTakeTheLargestSpikeCountWhenCoresReportOneTick()
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(100));
        log.onImageStart(0, 7, 3, true, 0);
        log.onCoreTick(0, 0, 3, 150, 100, 160, 150, 1);
        log.onCoreTick(0, 1, 3, 150, 100, 150, 150, 0);
        log.onCoreTick(1, 0, 0, 0, 100, 0, 0, 0);
        log.onCoreTick(1, 1, 0, 0, 100, 0, 0, 0);
        log.onImageEnd(1, 7, 1);

        assertEquals(2, log.tickRecords(ActivityLog.LEARNING));
        assertEquals(2, log.tickEntries(ActivityLog.LEARNING));
        assertEquals(3, log.tickField(ActivityLog.LEARNING, 0, ActivityLog.SPIKES));
        assertEquals(300, log.tickField(ActivityLog.LEARNING, 0, ActivityLog.SYNAPTIC_OPS));
        assertEquals(310, log.tickField(ActivityLog.LEARNING, 0, ActivityLog.STDP_UPDATES));
        assertEquals(1, log.tickField(ActivityLog.LEARNING, 0, ActivityLog.SPIKES_OUT));
        assertEquals(400, log.total(ActivityLog.LEARNING, ActivityLog.NEURON_UPDATES));
        assertEquals(1, log.images(ActivityLog.LEARNING));
        assertEquals(0, log.images(ActivityLog.INFERENCE));
        assertEquals(1, log.imageOutputSpikes(0));
        assertEquals(300, log.imageTotal(0, ActivityLog.SYNAPTIC_OPS));
    }

    @Test
    void shouldCountRepeatedTicksOnceWhenTheyAreIdentical()
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(10));
        log.onImageStart(0, 0, 0, false, 0);
        for (int t = 0; t < 300; t++)
        {
            log.onCoreTick(t, 0, 0, 0, 20, 0, 0, 0);
        }
        log.finish();

        assertEquals(1, log.tickEntries(ActivityLog.INFERENCE));
        assertEquals(300, log.tickCount(ActivityLog.INFERENCE, 0));
        assertEquals(300, log.imageTicks(0));
    }

    @Test
    void shouldUseTheDispatchedCountWhenTheControllerReportsIt()
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperB());
        log.onImageStart(0, 0, 0, true, 0);
        log.onDispatch(0, 2, 40);
        log.onLayerTick(0, 2, 0, 25, 1_000, 500, 0, 0, 3);
        log.onLayerTick(0, 2, 1, 30, 1_200, 500, 0, 0, 2);
        log.onLayerTick(0, 0, 0, 7, 700, 700, 0, 0, 1);
        log.finish();

        assertEquals(2, log.tickEntries(ActivityLog.LEARNING));
        final int layer2 = log.tickField(ActivityLog.LEARNING, 0, ActivityLog.LAYER) == 2 ? 0 : 1;
        assertEquals(40, log.tickField(ActivityLog.LEARNING, layer2, ActivityLog.SPIKES));
        assertEquals(2_200, log.tickField(ActivityLog.LEARNING, layer2, ActivityLog.SYNAPTIC_OPS));
        assertEquals(7, log.tickField(ActivityLog.LEARNING, 1 - layer2, ActivityLog.SPIKES));
    }

    @Test
    void shouldCountPresentationsButNotImagesWhenAnImageIsShownAgain()
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(10));
        log.onImageStart(0, 5, 1, true, 0);
        log.onCoreTick(0, 0, 1, 10, 20, 10, 10, 0);
        log.onImageEnd(0, 5, 2);
        log.onImageStart(1, 5, 1, true, 1);
        log.onCoreTick(1, 0, 1, 10, 20, 10, 10, 0);
        log.onImageEnd(1, 5, 4);
        log.onPrune(1, 7_840, 100, 20);

        assertEquals(1, log.images(ActivityLog.LEARNING));
        assertEquals(2, log.presentations(ActivityLog.LEARNING));
        assertEquals(1, log.imageRecords());
        assertEquals(2, log.imagePresentations(0));
        assertEquals(6, log.imageOutputSpikes(0));
        assertEquals(1, log.pruneRecords());
        assertEquals(1, log.pruneAfterImages(0));
        assertEquals(100, log.prunePruned(0));
    }

    @Test
    void shouldReadBackTheSameLogWhenWrittenAsBinaryOrCsv()
    {
        final ActivityLog log = SyntheticActivity.paperB(true, 0.01, 3);
        for (final String name : new String[] {"run.act", "run.csv"})
        {
            final Path file = dir.resolve(name);
            log.write(file);
            final ActivityLog back = ActivityLog.read(file);
            assertEquals(log.shape(), back.shape(), name);
            for (int phase = 0; phase < 2; phase++)
            {
                assertEquals(log.tickEntries(phase), back.tickEntries(phase), name);
                for (int e = 0; e < log.tickEntries(phase); e++)
                {
                    for (int f = 0; f < ActivityLog.TICK_FIELDS; f++)
                    {
                        assertEquals(log.tickField(phase, e, f), back.tickField(phase, e, f));
                    }
                    assertEquals(log.tickCount(phase, e), back.tickCount(phase, e));
                }
                assertEquals(log.images(phase), back.images(phase));
                assertEquals(log.presentations(phase), back.presentations(phase));
            }
            assertEquals(log.imageRecords(), back.imageRecords());
            assertEquals(log.imageTotal(5, ActivityLog.SYNAPTIC_OPS), back.imageTotal(5, ActivityLog.SYNAPTIC_OPS));
            assertEquals(log.pruneRecords(), back.pruneRecords());
            assertEquals(log.prunePruned(2), back.prunePruned(2));
        }
    }

    @Test
    void shouldNameTheLineWhenACsvRowIsMalformed() throws IOException
    {
        final Path good = dir.resolve("good.csv");
        SyntheticActivity.paperA(new SyntheticActivity.PaperA(5, 2, 1, 1, 1, 0.5, 50, 2, 3)).write(good);
        final String[] lines = Files.readAllLines(good).toArray(new String[0]);
        int tickLine = 0;
        while (!lines[tickLine].startsWith("tick,"))
        {
            tickLine++;
        }
        lines[tickLine] = lines[tickLine].replaceFirst(",[0-9]+$", ",many");
        final Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, String.join("\n", lines));

        final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(bad));
        assertTrue(e.getMessage().contains("line " + (tickLine + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("count"), e.getMessage());
    }

    @Test
    void shouldSayTruncatedWhenABinaryFileEndsEarly() throws IOException
    {
        final Path file = dir.resolve("run.act");
        SyntheticActivity.paperB(false, 0.01, 1).write(file);
        final byte[] bytes = Files.readAllBytes(file);
        final Path cut = dir.resolve("cut.act");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("cut.act"), e.getMessage());
    }

    @Test
    void shouldRejectAFileThatIsNeitherForm() throws IOException
    {
        final Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello,world\n");

        final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(file));
        assertTrue(e.getMessage().contains("format,spikeprune-activity,1"), e.getMessage());
        assertThrows(InputException.class, () -> ActivityLog.read(dir.resolve("missing.act")));
    }

    @Test
    void shouldWriteVersion2WithTheFileLengthAndACrc32OfEverythingBeforeIt() throws IOException
    {
        final Path file = dir.resolve("run.act");
        SyntheticActivity.paperB(true, 0.01, 3).write(file);
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer b = ByteBuffer.wrap(bytes);

        assertEquals(ActivityLogFiles.MAGIC, b.getInt(0));
        assertEquals(2, b.getInt(4));
        assertEquals(bytes.length, b.getLong(8));
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        assertEquals(crc.getValue(), b.getInt(bytes.length - 4) & 0xFFFF_FFFFL);
    }

    @Test
    void shouldRefuseTheFileWhenBytesOfTheDataAreOverwritten() throws IOException
    {
        final Path file = dir.resolve("run.act");
        SyntheticActivity.paperB(true, 0.01, 3).write(file);
        final byte[] bytes = Files.readAllBytes(file);
        for (final int offset : new int[] {ActivityLogFiles.HEADER_BYTES, bytes.length / 3, bytes.length / 2,
            bytes.length - 12, bytes.length - 4})
        {
            final byte[] damaged = bytes.clone();
            for (int i = offset; i < Math.min(offset + 4, damaged.length); i++)
            {
                damaged[i] = damaged[i] == (byte) 0xFF ? 0 : (byte) 0xFF;
            }
            final Path bad = dir.resolve("damaged.act");
            Files.write(bad, damaged);

            final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(bad), "at " + offset);
            assertTrue(e.getMessage().startsWith("activity file " + bad + ": damaged: checksum mismatch"),
                e.getMessage());
        }
    }

    @Test
    void shouldRefuseBytesAfterTheEndOfTheDataInEitherVersion() throws IOException
    {
        final ActivityLog log = SyntheticActivity.paperB(false, 0.01, 1);
        final Path file = dir.resolve("run.act");
        log.write(file);
        final byte[] v2 = Files.readAllBytes(file);
        final byte[] garbage = "trailing garbage".getBytes(StandardCharsets.US_ASCII);

        for (final byte[] bytes : new byte[][] {v2, version1(v2)})
        {
            final Path extended = dir.resolve("extended.act");
            final byte[] longer = Arrays.copyOf(bytes, bytes.length + garbage.length);
            System.arraycopy(garbage, 0, longer, bytes.length, garbage.length);
            Files.write(extended, longer);

            final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(extended));
            assertTrue(e.getMessage().contains(garbage.length + " unexpected bytes after the end of the data (at "
                + "byte " + bytes.length + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("extended.act"), e.getMessage());
        }
    }

    @Test
    void shouldSayTruncatedWhenEvenOneByteIsMissingInEitherVersion() throws IOException
    {
        final Path file = dir.resolve("run.act");
        SyntheticActivity.paperB(false, 0.01, 1).write(file);
        final byte[] v2 = Files.readAllBytes(file);

        for (final byte[] bytes : new byte[][] {v2, version1(v2)})
        {
            for (final int length : new int[] {bytes.length - 1, 6, 12})
            {
                final Path cut = dir.resolve("cut.act");
                Files.write(cut, Arrays.copyOf(bytes, length));

                final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(cut));
                assertTrue(e.getMessage().startsWith("activity file " + cut + ": truncated"), e.getMessage());
            }
        }
    }

    @Test
    void shouldReadBackTheSameLogWhenTheFileIsVersion1() throws IOException
    {
        final ActivityLog log = SyntheticActivity.paperB(true, 0.01, 3);
        final Path file = dir.resolve("run.act");
        log.write(file);
        final Path old = dir.resolve("old.act");
        Files.write(old, version1(Files.readAllBytes(file)));
        Files.write(dir.resolve("old-by-hand.act"), OldActivityFormat.write(log));

        assertArrayEquals(Files.readAllBytes(dir.resolve("old-by-hand.act")), Files.readAllBytes(old));
        final ActivityLog back = ActivityLog.read(old);
        assertEquals(log.shape(), back.shape());
        for (int phase = 0; phase < 2; phase++)
        {
            assertEquals(log.tickEntries(phase), back.tickEntries(phase));
            for (int f = 1; f < ActivityLog.TICK_FIELDS; f++)
            {
                assertEquals(log.total(phase, f), back.total(phase, f));
            }
            assertEquals(log.tickRecords(phase), back.tickRecords(phase));
            assertEquals(log.images(phase), back.images(phase));
            assertEquals(log.presentations(phase), back.presentations(phase));
        }
        assertEquals(log.imageRecords(), back.imageRecords());
        assertEquals(log.pruneRecords(), back.pruneRecords());
        assertEquals(log.prunePruned(2), back.prunePruned(2));
    }

    @Test
    void shouldNameTheCountWhenAVersion1CountExceedsWhatTheFileHolds() throws IOException
    {
        final ActivityLog log = SyntheticActivity.paperB(true, 0.01, 3);
        final byte[] good = OldActivityFormat.write(log);
        final int ticks = OldActivityFormat.shapeEnd(log.shape());
        final int layers = ticks - OldActivityFormat.layersBytes(log.shape()) - 4;

        final String[][] cases = {
            {Integer.toString(layers), Integer.toString(Integer.MAX_VALUE), "layer count"},
            {Integer.toString(layers), "-1", "layer count"},
            {Integer.toString(ticks), Integer.toString(Integer.MAX_VALUE), "learning tick entries"},
            {Integer.toString(ticks), Integer.toString(Integer.MIN_VALUE), "learning tick entries"},
            {Integer.toString(ticks), "200000000", "learning tick entries"},
        };
        for (final String[] c : cases)
        {
            final byte[] bytes = good.clone();
            ByteBuffer.wrap(bytes).putInt(Integer.parseInt(c[0]), Integer.parseInt(c[1]));
            final Path bad = dir.resolve("count.act");
            Files.write(bad, bytes);

            final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(bad), c[2]);
            assertTrue(e.getMessage().startsWith("activity file " + bad + ": " + c[2]), e.getMessage());
        }
    }

    @Test
    void shouldNameTheFieldWhenAVersion1ValueIsOutOfRange() throws IOException
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(5));
        log.recordTicks(ActivityLog.LEARNING, new long[] {0, 3, 30, 10, 30, 30, 1}, 4);
        log.recordImage(ActivityLog.LEARNING, 7, 1, 4, new long[] {0, 12, 120, 40, 120, 120, 4}, 4);
        log.recordPrune(1, 3_920, 100, 20);
        final byte[] good = OldActivityFormat.write(log);
        assertEquals(4, ActivityLog.read(write("good.act", good)).tickCount(ActivityLog.LEARNING, 0));

        final int tick = OldActivityFormat.shapeEnd(log.shape()) + 4;
        final int image = tick + 64 + 4 + 4;
        final int prune = image + 81 + 4;
        final Object[][] cases = {
            {tick, 2L, "learning tick entry 0: layer must be below the network's 2 layers, found 2"},
            {tick + 16, -5L, "learning tick entry 0: synaptic_ops must be >= 0, found -5"},
            {tick + 56, 0L, "learning tick entry 0: count must be >= 1, found 0"},
            {image + 1, -2L, "image record 0: index must be >= -1, found -2"},
            {image + 9, -1L, "image record 0: presentations must be >= 0, found -1"},
            {image + 17, Long.MIN_VALUE, "image record 0: tick_records must be >= 0"},
            {image + 73, -4L, "image record 0: output_spikes must be >= 0, found -4"},
            {prune + 8, -1L, "prune record 0: evaluations must be >= 0, found -1"},
            {prune + 24, 1L << 40, "prune record 0: groups must be in [0, 2147483647]"},
        };
        for (final Object[] c : cases)
        {
            final byte[] bytes = good.clone();
            ByteBuffer.wrap(bytes).putLong((Integer) c[0], (Long) c[1]);
            final Path bad = write("value.act", bytes);

            final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(bad), (String) c[2]);
            assertTrue(e.getMessage().startsWith("activity file " + bad + ": " + c[2]), e.getMessage());
        }
        final byte[] phase = good.clone();
        phase[image] = 3;
        final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(write("p.act", phase)));
        assertTrue(e.getMessage().contains("image record 0: phase must be 0 or 1, found 3"), e.getMessage());
    }

    @Test
    void shouldNameTheFileWhenAVersion1ShapeIsInvalid() throws IOException
    {
        final ActivityLog log = new ActivityLog(NetworkShape.paperA(5));
        final byte[] bytes = OldActivityFormat.write(log);
        final int neurons = OldActivityFormat.shapeEnd(log.shape()) - 17 + 4;
        ByteBuffer.wrap(bytes).putInt(neurons, -1);
        final Path bad = write("shape.act", bytes);

        final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(bad));
        assertTrue(e.getMessage().startsWith("activity file " + bad + ": network layer 'Ai': neurons"),
            e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownBinaryVersion() throws IOException
    {
        final byte[] bytes = OldActivityFormat.write(new ActivityLog(NetworkShape.paperA(5)));
        ByteBuffer.wrap(bytes).putInt(4, 3);
        final Path bad = write("v3.act", bytes);

        final InputException e = assertThrows(InputException.class, () -> ActivityLog.read(bad));
        assertTrue(e.getMessage().contains("format version must be 1 or 2, found 3"), e.getMessage());
    }

    @Test
    void shouldNameTheLineWhenACsvNumberDoesNotFitOrTheTextIsNotUtf8() throws IOException
    {
        final Path good = dir.resolve("good.csv");
        SyntheticActivity.paperA(new SyntheticActivity.PaperA(5, 2, 1, 1, 1, 0.5, 50, 2, 3)).write(good);
        final String text = Files.readString(good);

        final String neurons = text.replace("layer,Ae,5,", "layer,Ae,4294967301,");
        final InputException n = assertThrows(InputException.class, () -> ActivityLog.read(write("n.csv", neurons)));
        assertTrue(n.getMessage().contains("neurons must be at most 2147483647, found 4294967301"), n.getMessage());

        final String groups = text.replaceFirst("(?m)^(prune,[0-9]+,[0-9]+,[0-9]+),[0-9]+$", "$1,4294967296");
        final InputException g = assertThrows(InputException.class, () -> ActivityLog.read(write("g.csv", groups)));
        assertTrue(g.getMessage().contains("groups must be in [0, 2147483647], found 4294967296"), g.getMessage());

        final String layer = text.replaceFirst("(?m)^tick,learning,0,", "tick,learning,2,");
        final InputException l = assertThrows(InputException.class, () -> ActivityLog.read(write("l.csv", layer)));
        assertTrue(l.getMessage().contains("layer must be below the network's 2 layers, found 2"), l.getMessage());

        final String index = text.replaceFirst("(?m)^image,learning,0,", "image,learning,-7,");
        final InputException i = assertThrows(InputException.class, () -> ActivityLog.read(write("i.csv", index)));
        assertTrue(i.getMessage().contains("index must be >= -1, found -7"), i.getMessage());

        final String name = text.replace("layer,Ae,", "layer,,");
        final InputException s = assertThrows(InputException.class, () -> ActivityLog.read(write("s.csv", name)));
        assertTrue(s.getMessage().startsWith("activity file " + dir.resolve("s.csv") + " line "), s.getMessage());

        final byte[] binary = {'f', 'o', 'r', 'm', '\n', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0};
        final Path bin = write("blob.bin", binary);
        final InputException b = assertThrows(InputException.class, () -> ActivityLog.read(bin));
        assertTrue(b.getMessage().startsWith("activity file " + bin + ": not UTF-8 text"), b.getMessage());
    }

    /** The version 1 layout of a version 2 file: magic, version 1, the same body; no length, no checksum. */
    private static byte[] version1(final byte[] v2)
    {
        final int body = v2.length - ActivityLogFiles.HEADER_BYTES - ActivityLogFiles.CHECKSUM_BYTES;
        final byte[] v1 = new byte[8 + body];
        ByteBuffer.wrap(v1).putInt(ActivityLogFiles.MAGIC).putInt(1);
        System.arraycopy(v2, ActivityLogFiles.HEADER_BYTES, v1, 8, body);
        return v1;
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path write(final String name, final byte[] bytes) throws IOException
    {
        return Files.write(dir.resolve(name), bytes);
    }
}
