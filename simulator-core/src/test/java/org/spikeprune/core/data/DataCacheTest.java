package org.spikeprune.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikeprune.core.data.DataFixtures.cyclicLabels;
import static org.spikeprune.core.data.DataFixtures.gzip;
import static org.spikeprune.core.data.DataFixtures.images;
import static org.spikeprune.core.data.DataFixtures.labels;
import static org.spikeprune.core.data.DataFixtures.write;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikeprune.core.InputException;

class DataCacheTest
{
    @TempDir
    Path dir;

    @Test
    void shouldUseCliOverrideWhenGiven()
    {
        final DataCache cache = DataCache.resolve(dir.resolve("cli"), Map.of(DataCache.ENV_VAR, "/env"), "/home/u");

        assertEquals(dir.resolve("cli"), cache.root());
        assertEquals(dir.resolve("cli/mnist"), cache.mnistDir());
        assertEquals(dir.resolve("cli/fashion-mnist"), cache.fashionMnistDir());
    }

    @Test
    void shouldUseEnvironmentWhenNoOverride()
    {
        final DataCache cache = DataCache.resolve(null, Map.of(DataCache.ENV_VAR, dir.toString()), "/home/u");

        assertEquals(dir, cache.root());
    }

    @Test
    void shouldUseHomeCacheWhenEnvironmentUnsetOrBlank()
    {
        assertEquals(Path.of("/home/u/.cache/spikeprune"), DataCache.resolve(null, Map.of(), "/home/u").root());
        assertEquals(Path.of("/home/u/.cache/spikeprune"),
            DataCache.resolve(null, Map.of(DataCache.ENV_VAR, "  "), "/home/u").root());
    }

    @Test
    void shouldRejectCacheWhenPathIsAFile()
    {
        final Path file = write(dir.resolve("file"), new byte[1]);

        final InputException ex = assertThrows(InputException.class,
            () -> DataCache.resolve(file, Map.of(), "/home/u"));
        assertTrue(ex.getMessage().contains(file.toString()) && ex.getMessage().contains("expected a folder"),
            ex.getMessage());
    }

    @Test
    void shouldTellHowToFetchWhenDataSetMissing()
    {
        final DataCache cache = DataCache.resolve(dir, Map.of(), "/home/u");

        assertFalse(cache.isPresent(CachedDataset.FASHION_MNIST));
        final InputException ex = assertThrows(InputException.class, cache::loadFashionMnist);
        assertTrue(ex.getMessage().contains("bin/spikeprune fetch-data fashion-mnist"), ex.getMessage());
        assertTrue(ex.getMessage().contains(cache.fashionMnistDir().toString()), ex.getMessage());
    }

    @Test
    void shouldLoadDataSetWhenFilesInPlace()
    {
        final DataCache cache = DataCache.resolve(dir, Map.of(), "/home/u");
        final Path mnist = cache.mnistDir();
        write(mnist.resolve(MnistFiles.TRAIN_IMAGES), images(30, 28, 28, 1));
        write(mnist.resolve(MnistFiles.TRAIN_LABELS), labels(cyclicLabels(30, 10)));
        write(mnist.resolve(MnistFiles.TEST_IMAGES + ".gz"), gzip(images(10, 28, 28, 2)));
        write(mnist.resolve(MnistFiles.TEST_LABELS + ".gz"), gzip(labels(cyclicLabels(10, 10))));

        assertTrue(cache.isPresent(CachedDataset.MNIST));
        final MnistFiles data = cache.loadMnist();
        assertEquals(30, data.train().count());
        assertEquals(10, data.test().count());
    }

    @Test
    void shouldFindDataSetByCommandLineId()
    {
        assertEquals(CachedDataset.MNIST, CachedDataset.byId("mnist"));
        assertEquals(CachedDataset.FASHION_MNIST, CachedDataset.byId("fashion-mnist"));
        assertEquals(null, CachedDataset.byId("cifar"));
    }
}
