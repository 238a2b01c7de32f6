package org.spikeprune.fpga.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
}
