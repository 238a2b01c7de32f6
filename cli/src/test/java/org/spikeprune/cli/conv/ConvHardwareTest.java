package org.spikeprune.cli.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.cli.CliRun;
import org.spikeprune.cli.Main;
import org.spikeprune.fpga.NetworkShape;
import org.spikeprune.fpga.activity.ActivityLog;

/** {@code train --hw} on paper B's network and {@code hw compare} on the two recorded runs. */
@Tag("slow")
class ConvHardwareTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String[] train(final Path data, final String pruning, final Path out)
    {
        return new String[] {"train", "--profile", "nguyen2020-caltech", "--pruning", pruning, "--hw", "zedboard",
            "--data", data.toString(), "--out", out.toString(), "--seed", "4", "--quick", "--train-images", "12",
            "--test-images", "8", "--set", "learn.iterations=40,40,40", "--set", "pruning.k=10",
            "--set", "pruning.alpha=640"};
    }

    @Test
    void shouldRecordTheRunsActivityAndCompareItWithPaperBWhenTrainedWithHw() throws IOException
    {
        final Path data = ConvTrainTest.makeBars(tmp.resolve("bars"));
        final Path none = tmp.resolve("none");
        final Path both = tmp.resolve("both");
        assertEquals(0, run(train(data, "none", none)).exit);
        assertEquals(0, run(train(data, "nguyen2020", both)).exit);

        final JsonNode result = JSON.readTree(both.resolve("result.json").toFile());
        final JsonNode hw = result.get("hw");
        assertEquals("zedboard", hw.get("preset").asText());
        assertTrue(hw.get("cycles").get("train_per_image").asDouble() > 0, hw.toString());
        assertTrue(hw.get("cycles").get("infer_per_image").asDouble() > 0, hw.toString());
        assertTrue(hw.get("energy_pj").get("infer_per_image").asDouble() > 0, hw.toString());
        assertEquals(5, hw.get("learning_layers").size());
        assertEquals("conv2", hw.get("inference_layers").get(2).get("layer").asText());
        assertEquals(0.0, hw.get("learning_layers").get(1).get("stdp_updates_per_image").asDouble(), "pool1");

        // the log holds what the network counted: SOPs, STDP updates, Decrement Track writes, prune evaluations
        final ActivityLog log = ActivityLog.read(both.resolve("activity.bin"));
        assertEquals(NetworkShape.ofConv("nguyen2020-caltech",
            org.spikeprune.core.conv.ConvProfiles.byName("nguyen2020-caltech").geometry()), log.shape());
        assertEquals(120, log.images(ActivityLog.LEARNING));
        assertEquals(20, log.images(ActivityLog.INFERENCE));
        final JsonNode learning = result.get("learning");
        assertEquals(learning.get("sops").asLong(), log.total(ActivityLog.LEARNING, ActivityLog.SYNAPTIC_OPS));
        assertEquals(learning.get("stdp_updates").asLong(), log.total(ActivityLog.LEARNING, ActivityLog.STDP_UPDATES));
        assertEquals(learning.get("decrement_writes").asLong(),
            log.total(ActivityLog.LEARNING, ActivityLog.DECREMENTS));
        assertEquals(result.get("inference").get("sops").asLong(),
            log.total(ActivityLog.INFERENCE, ActivityLog.SYNAPTIC_OPS));
        long evaluations = 0;
        for (int i = 0; i < log.pruneRecords(); i++)
        {
            evaluations += log.pruneEvaluations(i);
        }
        assertEquals(learning.get("prune_evaluations").asLong(), evaluations);

        final Path report = tmp.resolve("cmp/paper-b.md");
        final CliRun cmp = run("hw", "compare", "--unpruned", none.toString(), "--pruned", both.toString(), "--out",
            report.toString());
        assertEquals(0, cmp.exit, cmp.err);
        assertTrue(cmp.out.contains("Learning speed-up"), cmp.out);
        final String md = Files.readString(report);
        assertTrue(md.contains("| Learning speed-up (x) |") && md.contains("| conv3 |"), md);
        final JsonNode m = JSON.readTree(tmp.resolve("cmp/paper-b.json").toFile());
        assertEquals(result.get("connections_removed").asDouble(), m.get("connections_removed").asDouble(), 1e-12);
        assertEquals(hw.get("cycles").get("infer_per_image").asDouble(),
            m.get("pruned.inference.cycles_per_image").asDouble(), 1e-9);
        assertTrue(m.get("inference_speedup").asDouble() > 1, m.toString());
    }

    private static CliRun run(final String... args)
    {
        return CliRun.of(args);
    }
}
