package org.spikeprune.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikeprune.cli.Main;

class ExperimentCommandTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fig99 | experiment fig99 is unknown",
        "fig4 --neurons 400 | --neurons 400 is invalid",
        "fig4 --jobs 0 | --jobs 0 is invalid",
        "fig6 --stop-below 100 | --stop-below 100.0 is invalid",
        "fig6 --stop-below -1 | --stop-below -1.0 is invalid",
        "fig6 --stop-below NaN | --stop-below NaN is invalid",
        "table3 --dataset mnist | table3 is on fashion-mnist",
        "fig4 --dataset cifar | --dataset cifar is invalid",
    })
    void shouldRejectBadArgumentsWithExitCodeTwoAndAOneLineMessageWhenNothingHasRun(final String args,
        final String message)
    {
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final int code;
        try
        {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            final String[] split = ("experiment " + args.trim()).split(" ");
            code = Main.execute(split);
        }
        finally
        {
            System.setErr(err);
        }
        assertEquals(Main.EXIT_BAD_INPUT, code);
        final String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(message), text);
    }

    @ParameterizedTest
    @CsvSource({"fig2", "fig4", "fig6", "fig7", "fig8", "fig11", "fig12", "fig13-14", "table2", "table3", "fig15", "claim80"})
    void shouldKnowEveryExperimentOfTheIssueByName(final String name)
    {
        assertEquals(name, Experiments.select(name).get(0).name());
    }
}
