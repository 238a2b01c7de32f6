package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;

/**
 * The determinism contract seen in traces: one seed on one core (invoker) and on two (dedicated threads) records the
 * same input spikes, output spikes, images and prune passes, event for event; another seed does not.
 */
class TraceDiffIT
{
    private static void record(final Path tmp, final String name, final String... options)
    {
        final String[] base = {"train", "--profile", "guo2020-mnist-100", "--train-images", "200", "--assign-images",
            "40", "--test-images", "40", "--pruning", "constant", "--no-baseline", "--set", "pruning.start_images=100",
            "--set", "pruning.step_images=50", "--trace", tmp.resolve(name + "/trace").toString(), "--out",
            tmp.resolve(name).toString()};
        final String[] args = new String[base.length + options.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        assertEquals(0, Main.execute(args));
    }

    @Test
    void shouldRecordTheSameSpikesOnOneCoreAndOnTwo(@TempDir final Path tmp)
    {
        Assumptions.assumeTrue(DataCache.resolve(null).isPresent(CachedDataset.MNIST),
            "MNIST is not in the cache: run bin/spikeprune fetch-data mnist");
        record(tmp, "one", "--cores", "1", "--threading", "invoker");
        record(tmp, "two", "--cores", "2", "--threading", "dedicated");
        record(tmp, "seed2", "--cores", "1", "--seed", "2");
        final String one = tmp.resolve("one/trace").toString();
        final String two = tmp.resolve("two/trace").toString();

        CliRun r = CliRun.of("trace", "diff", one, two, "--streams", "input,output,events");
        assertEquals(0, r.exit, r.out + r.err);
        assertTrue(r.out.contains("run.cores: 1 | 2") && r.out.contains("run.threading: invoker | dedicated"), r.out);
        assertTrue(r.out.contains("the same events"), r.out);
        assertTrue(!r.out.contains("differ from"), r.out);

        // the core ticks differ by construction: two cores share each tick's work
        r = CliRun.of("trace", "diff", one, two);
        assertEquals(1, r.exit, r.out + r.err);
        assertTrue(r.out.contains("core ticks") && r.out.contains("differ from event 0 on:"), r.out);

        r = CliRun.of("trace", "diff", one, tmp.resolve("seed2/trace").toString(), "--streams", "input");
        assertEquals(1, r.exit, r.out + r.err);
        assertTrue(r.out.contains("seed: 1 | 2"), r.out);
        assertTrue(r.out.contains("input spike ticks") && r.out.contains("differ from event 0 on:"), r.out);

        r = CliRun.of("trace", "diff", one, tmp.resolve("none").toString());
        assertEquals(2, r.exit, r.out + r.err);
        assertTrue(r.err.startsWith("spikeprune: "), r.err);
    }
}
