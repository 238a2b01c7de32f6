package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.HardwareEstimate;
import org.spikeprune.fpga.HardwarePresets;
import org.spikeprune.traces.TickWorkDescriptor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Record a run, replay it from its input spikes (same digest), and re-time it on two hardware presets; export it as
 * JSON Lines, import it back, and replay that.
 */
class ReplayIT
{
    @Test
    void shouldReplayARecordedRunBitForBitAndRetimeItOnOtherHardware(@TempDir final Path tmp) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final Path trace = tmp.resolve("trace");
        assertEquals(0, Main.execute("train", "--profile", "guo2020-mnist-100", "--train-images", "120",
            "--assign-images", "40", "--test-images", "40", "--pruning", "aptn", "--no-baseline",
            "--set", "pruning.start_images=60", "--set", "pruning.step_images=30",
            "--hw", "zedboard", "--trace", trace.toString(), "--out", tmp.resolve("run").toString()));
        final JsonNode r = RunOutput.json().readTree(Files.readAllBytes(tmp.resolve("run/result.json")));
        assertTrue(r.get("connectivity").asDouble() < 1.0, "the recorded run pruned");

        final String out = capture(() -> assertEquals(0, Main.execute("replay", trace.toString())));
        assertTrue(out.contains("identical"), out);
        assertTrue(out.contains(r.get("digest").asText().substring(0, 16)), out);

        final String a = capture(() -> assertEquals(0, Main.execute("replay", trace.toString(), "--hw", "zedboard")));
        final String b = capture(() -> assertEquals(0,
            Main.execute("replay", trace.toString(), "--hw", "zedboard-8pe")));
        assertTrue(a.contains("hw.cycles.train_per_image"), a);
        assertTrue(!line(a, "hw.cycles.infer_per_image").equals(line(b, "hw.cycles.infer_per_image")),
            "two presets give different cycle counts:\n" + a + "\n" + b);
        assertTrue(a.contains("from " + TickWorkDescriptor.FILE_NAME), a);

        // the live run's estimate (train --hw) and the replayed one are the same, from either file of the trace
        final JsonNode live = r.get("hw");
        final HardwareConfig zedboard = HardwarePresets.load("zedboard");
        for (final boolean fromQueue : new boolean[] {false, true})
        {
            final HardwareEstimate replayed = HardwareEstimate.of(zedboard,
                ReplayCommand.hardwareActivity(trace, fromQueue).log());
            assertEquals(live.get("cycles").get("train_per_image").asDouble(), replayed.cyclesTrainPerImage(),
                "train cycles, from the queue: " + fromQueue);
            assertEquals(live.get("cycles").get("infer_per_image").asDouble(), replayed.cyclesInferPerImage(),
                "inference cycles, from the queue: " + fromQueue);
            assertEquals(live.get("energy_pj").get("train_per_image").asDouble(), replayed.energyPjTrainPerImage(),
                "train energy, from the queue: " + fromQueue);
        }

        // kept as text and imported again, the trace replays to the same digest and the same hardware figures
        final Path jsonl = tmp.resolve("trace.jsonl");
        assertEquals(0, Main.execute("trace", "export", trace.toString(), "--format", "jsonl", "--out",
            jsonl.toString()));
        final Path copy = tmp.resolve("imported");
        assertEquals(0, Main.execute("trace", "import", jsonl.toString(), "--out", copy.toString()));
        final String again = capture(() -> assertEquals(0, Main.execute("replay", copy.toString())));
        assertTrue(again.contains("identical") && again.contains(r.get("digest").asText().substring(0, 16)), again);
        final String c = capture(() -> assertEquals(0, Main.execute("replay", copy.toString(), "--hw", "zedboard")));
        for (final String key : new String[] {"hw.cycles.train_per_image", "hw.cycles.infer_per_image",
            "hw.energy_pj.train_per_image"})
        {
            assertEquals(line(a, key), line(c, key), key + ":\n" + a + "\n" + c);
        }
    }

    private static String line(final String text, final String key)
    {
        for (final String l : text.split("\n"))
        {
            if (l.startsWith(key))
            {
                return l;
            }
        }
        return "";
    }

    private static String capture(final Runnable r)
    {
        final PrintStream old = System.out;
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try
        {
            r.run();
        }
        finally
        {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
