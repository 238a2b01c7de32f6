package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;

/** A short bench run on real MNIST: a row per phase and connectivity, pruning removes work, samples add up. */
class BenchCommandIT
{
    @Test
    void shouldMeasureEveryConnectivityAndChargeTheSamples(@TempDir final Path out) throws Exception
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        final int code = Main.execute("bench", "--train-images", "40", "--test-images", "10", "--warmup-images",
            "10", "--connectivity", "1.0,0.1", "--out", out.toString());
        assertEquals(0, code);
        final List<String> lines = Files.readAllLines(out.resolve("bench.csv"));
        assertEquals(5, lines.size(), "header + train/test at two connectivities");
        final List<String> header = List.of(lines.get(0).split(","));
        final String[] dense = lines.get(1).split(",");
        final String[] sparse = lines.get(3).split(",");
        assertEquals("train", dense[header.indexOf("phase")]);
        assertEquals(1.0, Double.parseDouble(dense[header.indexOf("connectivity")]), 1e-9);
        assertEquals(0.1, Double.parseDouble(sparse[header.indexOf("connectivity")]), 0.001);
        final int sops = header.indexOf("sops_per_image");
        assertTrue(Double.parseDouble(sparse[sops]) < 0.2 * Double.parseDouble(dense[sops]),
            "a tenth of the synapses, about a tenth of the SOPs");
        assertTrue(Double.parseDouble(dense[header.indexOf("images_per_s_cpu")]) > 0);
        double shares = 0;
        for (final String column : header)
        {
            if (column.startsWith("share_"))
            {
                shares += Double.parseDouble(dense[header.indexOf(column)]);
            }
        }
        assertEquals(1.0, shares, 1e-3, "every sample is charged to one part");
        assertTrue(Files.readString(out.resolve("bench.md")).contains("Where the time goes"));
    }
}
