package org.spikeprune.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;
import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.timing.TimingModel;

/** Presets, configuration files and the validation of every field. */
class HardwarePresetsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadEveryPresetWhenNamed()
    {
        for (final String name : HardwarePresets.NAMES)
        {
            assertEquals(name, HardwarePresets.load(name).name());
        }
    }

    @Test
    void shouldDescribeTheXc7z020WhenZedboard()
    {
        final HardwareConfig z = HardwarePresets.load("zedboard");

        assertEquals(53_200, z.device().luts());
        assertEquals(106_400, z.device().ffs());
        assertEquals(140, z.device().bram36());
        assertEquals(280, z.device().bram18());
        assertEquals(220, z.device().dsps());
        assertEquals(PruneScheme.DECREMENT, z.pruneScheme());
    }

    @Test
    void shouldCarryPaperAEnergiesWhenLoihiLike()
    {
        final HardwareConfig l = HardwarePresets.load("loihi-like");

        assertEquals(23.6, l.energy().sopPj());
        assertEquals(0.5, l.energy().pruneOpPj());
        assertEquals(0.0, l.energy().weightAccessPj());
        assertEquals(0.5, HardwarePresets.load("zedboard").energy().weightAccessPj());
    }

    @Test
    void shouldGiveDifferentCycleCountsWhenTwoPresetsDiffer()
    {
        final ActivityLog run = SyntheticActivity.paperA(SyntheticActivity.PaperA.quick(100));
        final long four = new TimingModel(HardwarePresets.load("zedboard")).time(run).learning().cycles();
        final long eight = new TimingModel(HardwarePresets.load("zedboard-8pe")).time(run).learning().cycles();

        assertNotEquals(four, eight);
        assertTrue(eight < four, "8 PEs accumulate and compare faster than 4");
    }

    @Test
    void shouldOverrideOnlyTheGivenKeysWhenAFileStartsFromABase() throws IOException
    {
        final Path file = write("mine.properties", "base=zedboard\nprocessingElements=16\nenergy.sopPj=1.5\n");
        final HardwareConfig c = HardwarePresets.load(file.toString());

        assertEquals("mine.properties", c.name());
        assertEquals(16, c.processingElements());
        assertEquals(1.5, c.energy().sopPj());
        assertEquals(100.0, c.clockMhz());
    }

    @Test
    void shouldRoundTripEveryFieldWhenWrittenAsAMap()
    {
        final HardwareConfig z = HardwarePresets.load("paper-a");

        assertEquals(z, HardwarePresets.fromMap(HardwarePresets.toMap(z), "test"));
    }

    @Test
    void shouldNameTheFieldWhenProcessingElementsIsZero() throws IOException
    {
        final InputException e = fails("base=zedboard\nprocessingElements=0\n");

        assertTrue(e.getMessage().contains("processingElements"), e.getMessage());
        assertTrue(e.getMessage().contains("found 0"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.properties"), e.getMessage());
    }

    @Test
    void shouldNameTheFieldWhenALatencyIsNegative() throws IOException
    {
        final InputException e = fails("base=zedboard\nweightMemory.readLatency=-1\n");

        assertTrue(e.getMessage().contains("weightMemory.readLatency"), e.getMessage());
        assertTrue(e.getMessage().contains("found -1"), e.getMessage());
    }

    @Test
    void shouldNameTheFieldWhenTheClockIsNotANumber() throws IOException
    {
        final InputException e = fails("base=zedboard\nclockMhz=NaN\n");

        assertTrue(e.getMessage().contains("clockMhz"), e.getMessage());
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertTrue(fails("base=zedboard\nenergy.sopPj=-0.1\n").getMessage().contains("energy.sopPj"));
    }

    @Test
    void shouldNameTheKeyWhenUnknownMalformedOrMissing() throws IOException
    {
        assertTrue(fails("base=zedboard\nprocesingElements=4\n").getMessage()
            .contains("unknown key procesingElements"));
        assertTrue(fails("base=zedboard\nfifoDepth=deep\n").getMessage().contains("fifoDepth must be an integer"));
        assertTrue(fails("base=zedboard\npruneScheme=sometimes\n").getMessage().contains("pruneScheme"));
        assertTrue(fails("processingElements=4\n").getMessage().contains("is missing"));
    }

    @Test
    void shouldRejectACycleOfBasesWhenFilesNameEachOther() throws IOException
    {
        write("a.properties", "base=b.properties\n");
        final Path b = write("b.properties", "base=a.properties\n");

        assertThrows(InputException.class, () -> HardwarePresets.load(b.toString()));
    }

    @Test
    void shouldRejectAnUnknownPresetWhenNoSuchFileExists()
    {
        final InputException e = assertThrows(InputException.class, () -> HardwarePresets.load("zedbord"));

        assertTrue(e.getMessage().contains("zedboard"), "lists the presets: " + e.getMessage());
    }

    @Test
    void shouldNameTheFileNotItsNameKeyWhenAFileHasAnInvalidValue() throws IOException
    {
        Files.createDirectories(dir.resolve("hwp"));
        final Path file = write("hwp/clk0.properties", "base=zedboard\nname=zedboard\nclockMhz=0\n");

        final InputException e = assertThrows(InputException.class, () -> HardwarePresets.load(file.toString()));
        assertEquals("hardware file " + file + ": clockMhz must be a finite number > 0, found 0.0", e.getMessage());
    }

    @Test
    void shouldKeepThePresetNameWhenABuiltInConfigurationIsMadeInvalid()
    {
        final HardwareConfig z = HardwarePresets.load("zedboard");

        final InputException e = assertThrows(InputException.class, () -> z.withClockMhz(0));
        assertEquals("hardware config 'zedboard': clockMhz must be a finite number > 0, found 0.0", e.getMessage());
    }

    @Test
    void shouldSayEmptyNotMissingWhenAKeyHasNoValue() throws IOException
    {
        final InputException e = fails("base=zedboard\nclockMhz=\n");

        assertTrue(e.getMessage().contains("key clockMhz is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.properties"), e.getMessage());
    }

    @Test
    void shouldSayNotUtf8TextWhenTheFileIsBinary() throws IOException
    {
        final Path file = dir.resolve("blob.properties");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', (byte) 0xFF, 0});

        final InputException e = assertThrows(InputException.class, () -> HardwarePresets.load(file.toString()));
        assertEquals("hardware file " + file + ": not UTF-8 text (a hardware configuration is a properties file)",
            e.getMessage());

        final Path base = write("on-blob.properties", "base=blob.properties\nprocessingElements=8\n");
        final InputException b = assertThrows(InputException.class, () -> HardwarePresets.load(base.toString()));
        assertTrue(b.getMessage().startsWith("hardware file " + file + ": not UTF-8 text"), b.getMessage());
    }

    @Test
    void shouldSayNotATextFileWhenTheFileHoldsNulBytes() throws IOException
    {
        final Path file = dir.resolve("nul.properties");
        Files.write(file, new byte[] {'b', 'a', 's', 'e', '=', 'z', 0, 0, 0, 1, '\n'});

        final InputException e = assertThrows(InputException.class, () -> HardwarePresets.load(file.toString()));
        assertTrue(e.getMessage().startsWith("hardware file " + file + ": not a text file"), e.getMessage());
    }

    @Test
    void shouldNameTheFileABadValueCameFromWhenItIsInheritedThroughBase() throws IOException
    {
        final Path lower = write("lower.properties", "base=zedboard\nclockMhz=fast\nprocessingElements=0\n");
        final Path upper = write("upper.properties", "base=lower.properties\nenergy.sopPj=1.5\n");
        final InputException parse = assertThrows(InputException.class,
            () -> HardwarePresets.load(upper.toString()));
        assertTrue(parse.getMessage().startsWith("hardware file " + lower + ": clockMhz"), parse.getMessage());
        // fixed in the upper file, the next bad value (found by the field checks) still names the lower file
        write("upper.properties", "base=lower.properties\nclockMhz=100\n");
        final InputException field = assertThrows(InputException.class,
            () -> HardwarePresets.load(upper.toString()));
        assertTrue(field.getMessage().startsWith("hardware file " + lower + ": processingElements"),
            field.getMessage());
        // a bad value the upper file sets names the upper file
        write("upper.properties", "base=lower.properties\nclockMhz=100\nprocessingElements=-3\n");
        final InputException top = assertThrows(InputException.class, () -> HardwarePresets.load(upper.toString()));
        assertTrue(top.getMessage().startsWith("hardware file " + upper + ": processingElements"), top.getMessage());
        write("upper.properties", "base=lower.properties\nclockMhz=100\nprocessingElements=4\n");
        write("lower.properties", "base=zedboard\nclockMhz=fast\nnoSuchKey=1\n");
        final InputException unknown = assertThrows(InputException.class,
            () -> HardwarePresets.load(upper.toString()));
        assertTrue(unknown.getMessage().startsWith("hardware file " + lower + ": unknown key noSuchKey"),
            unknown.getMessage());
    }

    private InputException fails(final String text) throws IOException
    {
        final Path file = write("bad.properties", text);
        return assertThrows(InputException.class, () -> HardwarePresets.load(file.toString()));
    }

    private Path write(final String name, final String text) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
