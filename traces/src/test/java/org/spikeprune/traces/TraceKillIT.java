package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills recording processes with SIGKILL at random points and checks what they leave: a trace that opens, says
 * it is incomplete, and holds every record the process had reported as committed, each one intact.
 */
@Tag("slow")
class TraceKillIT
{
    private static final int KILLS = 20;
    private static final int MAX_DELAY_MS = 600;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void shouldKeepEveryCommittedRecordWhenRecordingProcessIsKilled() throws Exception
    {
        final long testSeed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(testSeed);
        final List<String> report = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++)
        {
            final long seed = random.nextLong();
            // Every fifth kill comes right after the header; the others at a random point of the recording.
            final int delayMs = kill % 5 == 0 ? 0 : random.nextInt(MAX_DELAY_MS);
            final Path dir = tmp.resolve("kill-" + kill);
            final String context = "kill " + kill + " (test seed " + testSeed + ", run seed " + seed + ", after "
                + delayMs + " ms)";
            final long committed = recordAndKill(dir, seed, delayMs, context);

            final TraceSummary summary = TraceSummary.of(dir);
            assertNotNull(summary.header(), context);
            assertFalse(summary.complete(), context);
            assertNull(summary.end(), context);
            assertTrue(summary.completeness().startsWith("no: no END record"), context);
            assertTrue(summary.eventRecords() >= committed,
                context + ": " + summary.eventRecords() + " records readable, " + committed + " reported committed");

            final DigestSink expected = new DigestSink(summary);
            final SyntheticRun run = new SyntheticRun(seed);
            while (!expected.full())
            {
                run.emitImage(expected);
            }
            try (TraceReader reader = TraceReader.open(dir))
            {
                final DigestSink read = new DigestSink();
                reader.read(read);
                assertEquals(expected.calls(), read.calls(), context);
                assertEquals(expected.hash(), read.hash(), context + ": records differ from what was sent");
            }
            report.add(committed + "/" + summary.eventRecords());
            delete(dir);
        }
        System.out.println("committed/readable records after each kill: " + report);
    }

    /** Starts a recording child, kills it after the delay, returns the last committed count it reported. */
    private long recordAndKill(final Path dir, final long seed, final int delayMs, final String context)
        throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(testClassPath());
        command.add(TraceRecordingChild.class.getName());
        command.add(dir.toString());
        command.add(Long.toString(seed));
        final Path err = tmp.resolve(dir.getFileName() + ".err");
        final Process child = new ProcessBuilder(command).redirectError(err.toFile()).start();

        final CountDownLatch ready = new CountDownLatch(1);
        final AtomicLong committed = new AtomicLong();
        final Thread lines = new Thread(() -> readLines(child, ready, committed), "child-output");
        lines.start();
        try
        {
            if (!ready.await(60, TimeUnit.SECONDS))
            {
                throw new AssertionError(context + ": the child did not start: " + Files.readString(err));
            }
            Thread.sleep(delayMs);
            assertTrue(child.isAlive(), context + ": the child died by itself: " + Files.readString(err));
        }
        finally
        {
            // SIGKILL through the process handle, which (unlike Process.destroyForcibly) leaves the pipe open,
            // so the reports the child wrote before it died are still read.
            child.toHandle().destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            lines.join(30_000);
        }
        assertEquals(137, child.exitValue(), context + ": exit code of a SIGKILLed process");
        return committed.get();
    }

    private static void readLines(final Process child, final CountDownLatch ready, final AtomicLong committed)
    {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                if (line.equals("ready"))
                {
                    ready.countDown();
                }
                else if (line.startsWith("committed "))
                {
                    committed.set(Long.parseLong(line.substring("committed ".length())));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The project's JVM flags: from the build (Failsafe sets the property), else from bin/jvm.args. */
    private static List<String> jvmFlags() throws IOException
    {
        final String flags = System.getProperty("spikeprune.jvm.flags");
        if (flags != null && !flags.isBlank())
        {
            return Arrays.asList(flags.trim().split("\\s+"));
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/jvm.args")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("no spikeprune.jvm.flags property and no bin/jvm.args found");
        }
        final List<String> result = new ArrayList<>();
        for (final String line : Files.readAllLines(dir.resolve("bin/jvm.args")))
        {
            if (!line.isBlank())
            {
                result.add(line.trim());
            }
        }
        return result;
    }

    private static String testClassPath()
    {
        final String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(p);
            }
        }
    }
}
