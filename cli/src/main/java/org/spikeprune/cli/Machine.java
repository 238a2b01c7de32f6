package org.spikeprune.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a benchmark ran on: CPU model, logical CPUs, JVM, and the load when it started. */
record Machine(String cpu, int cpus, String jvm, double loadAverage)
{
    /** Describes the running machine. */
    static Machine describe()
    {
        String cpu = System.getProperty("os.arch");
        try
        {
            final List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (final String line : lines)
            {
                if (line.startsWith("model name"))
                {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // not Linux: the architecture will do
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One line for the console and the report. */
    String line()
    {
        return String.format(Locale.ROOT, "machine: %s, %d logical CPUs, %s, load average %.1f at start", cpu, cpus,
            jvm, loadAverage);
    }
}
