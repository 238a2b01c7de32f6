package org.spikeprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.spikeprune.core.data.DataFixtures.gzip;
import static org.spikeprune.core.data.DataFixtures.paxPath;
import static org.spikeprune.core.data.DataFixtures.tar;
import static org.spikeprune.core.data.DataFixtures.tarEntry;
import static org.spikeprune.core.data.DataFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballTest
{
    @TempDir
    Path dir;

    @Test
    void shouldExtractOnlyRequestedEntriesWhenArchiveHoldsOthers() throws IOException
    {
        final byte[] a = random(1000, 1);
        final byte[] b = random(512, 2);
        final Path tgz = write(dir.resolve("p.tgz"), gzip(tar(
            tarEntry("package/package.json", '0', new byte[] {'{', '}'}),
            tarEntry("package/data/", '5', new byte[0]),
            tarEntry("package/data/a", '0', a),
            tarEntry("package/data/other", '0', random(700, 3)),
            tarEntry("package/data/b", '0', b))));

        final Map<String, Path> out = Tarball.extract(tgz, "package/data/", Set.of("a", "b"), dir.resolve("out"));

        assertEquals(List.of("a", "b"), List.copyOf(out.keySet()));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("out/a")));
        assertArrayEquals(b, Files.readAllBytes(dir.resolve("out/b")));
        assertFalse(Files.exists(dir.resolve("out/other")));
    }

    @Test
    void shouldUsePaxPathWhenHeaderNameIsTruncated() throws IOException
    {
        final byte[] a = random(3000, 4);
        final Path tgz = write(dir.resolve("p.tgz"), gzip(tar(
            paxPath("package/data/a"),
            tarEntry("package/data/trunc", '0', a))));

        Tarball.extract(tgz, "package/data/", Set.of("a"), dir.resolve("out"));

        assertArrayEquals(a, Files.readAllBytes(dir.resolve("out/a")));
    }

    private static byte[] random(final int n, final long seed)
    {
        final byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
