package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arguments of {@code train} refused before any data is read: exit 2, one line naming the problem, nothing written. */
class TrainCommandArgumentsTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--profile nope | --profile nope is unknown",
        "--profile nope | nguyen2020-caltech",
        "--profile nope | guo2020-mnist-100",
        "--profile guo2020-mnist-100 --set exc.tau_ms=1 | unknown parameter 'exc.tau_ms'",
        "--profile guo2020-mnist-100 --set exc.tau_m_ms=NaN | exc.tau_m_ms",
        "--profile guo2020-mnist-100 --set stdp.w_max=0 | stdp.w_max",
        "--profile guo2020-mnist-100 --pruning sometimes | sometimes",
        "--profile guo2020-mnist-100 --cores 0 | --cores=0 is invalid",
        "--profile guo2020-mnist-800 --cores 801 | between 1 and the number of excitatory neurons (800)",
    })
    void shouldRefuseABadArgumentWithExitTwoAndAMessageNamingIt(final String args, final String message)
    {
        final Path out = dir.resolve("out");
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final int code;
        try
        {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            final String[] split = ("train " + args.trim() + " --data " + dir + " --out " + out).split(" ");
            code = Main.execute(split);
        }
        finally
        {
            System.setErr(err);
        }
        final String text = captured.toString(StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_BAD_INPUT, code, text);
        assertTrue(text.contains(message), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        assertFalse(Files.exists(out), "nothing written");
    }
}
