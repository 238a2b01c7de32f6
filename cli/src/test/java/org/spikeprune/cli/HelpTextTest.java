package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every command's help text renders: no description with an unescaped format character. */
class HelpTextTest
{
    @Test
    void shouldRenderEveryHelpTextWithoutPicocliWarningsWhenAskedForUsage()
    {
        final List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(), commands);
        final PrintStream err = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final StringBuilder problems = new StringBuilder();
        try
        {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (final CommandLine command : commands)
            {
                captured.reset();
                final String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
                final String warnings = captured.toString(StandardCharsets.UTF_8);
                if (!warnings.isEmpty() || usage.contains("%n"))
                {
                    problems.append(command.getCommandSpec().qualifiedName()).append(": ").append(warnings)
                        .append('\n');
                }
            }
        }
        finally
        {
            System.setErr(err);
        }
        assertTrue(commands.size() > 10, "commands found: " + commands.size());
        assertEquals("", problems.toString());
    }

    @Test
    void shouldBuildOnlyTheNamedSubcommandWhenTheFirstArgumentNamesOneAndEveryOneOtherwise()
    {
        assertEquals(List.of("help", "replay"), new ArrayList<>(Main.commandLine("replay", "--hw", "zedboard", "t")
            .getSubcommands().keySet()));
        final List<String> all = new ArrayList<>(List.of("help"));
        all.addAll(List.of(Main.SUBCOMMANDS));
        assertEquals(all, new ArrayList<>(Main.commandLine().getSubcommands().keySet()));
        assertEquals(all, new ArrayList<>(Main.commandLine("help", "replay").getSubcommands().keySet()));
        assertEquals(all, new ArrayList<>(Main.commandLine("--verbose", "replay").getSubcommands().keySet()));
        assertEquals(all, new ArrayList<>(Main.commandLine("replya").getSubcommands().keySet()));
    }

    private static void collect(final CommandLine command, final List<CommandLine> into)
    {
        into.add(command);
        for (final CommandLine sub : command.getSubcommands().values())
        {
            if (!into.contains(sub))
            {
                collect(sub, into);
            }
        }
    }
}
