package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code spikeprune baseline}: the pixel-prototype references on MNIST, and its bad options. */
class BaselineQuickIT
{
    @Test
    void shouldReportClassMeansAndKMeansWellAboveChanceWhateverTheThreads(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final String[] base = {"baseline", "--train-images", "3000", "--test-images", "500", "--prototypes", "30,5",
            "--iterations", "20"};
        assertEquals(0, Main.execute(concat(base, "--threads", "1", "--out", out.resolve("one").toString())));
        assertEquals(0, Main.execute(concat(base, "--threads", "3", "--out", out.resolve("three").toString())));
        final JsonNode one = RunOutput.json().readTree(Files.readAllBytes(out.resolve("one/baseline.json")));
        final JsonNode three = RunOutput.json().readTree(Files.readAllBytes(out.resolve("three/baseline.json")));
        assertEquals(5, one.get("results").size());
        assertEquals("online k-means, one pass", one.get("results").get(2).get("method").asText());
        assertEquals("class-means", one.get("results").get(0).get("method").asText());
        assertEquals(30, one.get("results").get(1).get("prototypes").asInt());
        for (int r = 0; r < 5; r++)
        {
            final double acc = one.get("results").get(r).get("accuracy").asDouble();
            // 5 prototypes can carry at most 5 of the 10 labels
            assertTrue(acc > (r >= 3 ? 0.2 : 0.5) && acc <= 1, "row " + r + ": " + acc);
            assertEquals(acc, three.get("results").get(r).get("accuracy").asDouble(), 0.0, "row " + r);
            assertEquals(one.get("results").get(r).get("train_accuracy").asDouble(),
                three.get("results").get(r).get("train_accuracy").asDouble(), 0.0, "row " + r);
        }
        assertTrue(Files.size(out.resolve("one/kmeans-30.png")) > 0 && Files.exists(out.resolve("one/kmeans-5.png")));
        // 30 prototypes fit the training images better than 5
        assertTrue(one.get("results").get(1).get("train_accuracy").asDouble()
            > one.get("results").get(3).get("train_accuracy").asDouble());
        // other matching rules and a constant rate: named in the row, well above chance
        for (final String sim : new String[] {"cosine", "dot-l1"})
        {
            assertEquals(0, Main.execute("baseline", "--train-images", "3000", "--test-images", "500", "--prototypes",
                "30", "--iterations", "2", "--online-similarity", sim, "--online-rate", "0.05", "--out",
                out.resolve(sim).toString()));
            final JsonNode row = RunOutput.json().readTree(Files.readAllBytes(out.resolve(sim + "/baseline.json")))
                .get("results").get(2);
            assertEquals("online k-means, one pass, " + sim + ", rate 0.05", row.get("method").asText());
            assertTrue(row.get("accuracy").asDouble() > 0.3, sim + ": " + row.get("accuracy"));
        }
        // held out: the last 500 training images
        assertEquals(0, Main.execute("baseline", "--train-images", "3000", "--validation-images", "500",
            "--prototypes", "10", "--iterations", "5", "--out", out.resolve("val").toString()));
        final JsonNode val = RunOutput.json().readTree(Files.readAllBytes(out.resolve("val/baseline.json")));
        assertEquals(500, val.get("validation_images").asInt());
        assertEquals(500, val.get("test_images").asInt());
    }

    @Test
    void shouldRefuseBadOptionsBeforeReadingData(@TempDir final Path out)
    {
        assertEquals(2, Main.execute("baseline", "--prototypes", "0", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--dataset", "cifar", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--iterations", "0", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--threads", "0", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--train-images", "0", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--online-similarity", "manhattan", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--online-rate", "1.5", "--out", out.toString()));
        assertEquals(2, Main.execute("baseline", "--online-rate", "NaN", "--out", out.toString()));
        assertTrue(!Files.exists(out.resolve("baseline.json")));
    }

    private static String[] concat(final String[] a, final String... b)
    {
        final String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
