package org.spikeprune.cli;

import java.util.List;
import java.util.Locale;

/**
 * One measured phase (training or test) at one connectivity, as {@code spikeprune bench} reports it. Speeds are
 * given per second of wall time and per second of CPU time (the benchmark's own thread in the invoker mode,
 * the whole process otherwise): on a shared machine the CPU figure is the one that does not depend on the load.
 *
 * @param phase         "train" or "test".
 * @param target        the connectivity asked for.
 * @param connectivity  the connectivity reached (live / all input → excitatory synapses).
 * @param live          live synapses.
 * @param images        images presented.
 * @param presentations presentations (re-presentations of quiet images included).
 * @param wallSeconds   wall time.
 * @param cpuSeconds    CPU time.
 * @param cpuClock      "thread" or "process".
 * @param accumulations synaptic weight accumulations.
 * @param stdpUpdates   STDP weight updates.
 * @param neuronUpdates neuron state updates.
 * @param inputSpikes   input spikes.
 * @param ticksRun      ticks the engine ran.
 * @param ticksSkipped  ticks the engine skipped as empty.
 * @param samples       execution samples per {@link TimeBreakdown.Part}.
 */
record BenchRow(String phase, double target, double connectivity, long live, long images, long presentations,
    double wallSeconds, double cpuSeconds, String cpuClock, long accumulations, long stdpUpdates,
    long neuronUpdates, long inputSpikes, long ticksRun, long ticksSkipped, long[] samples)
{
    /** SOPs as paper A counts them: accumulations, plus STDP updates when training. */
    long sops()
    {
        return accumulations + (phase.equals("train") ? stdpUpdates : 0);
    }

    double imagesPerWallSecond()
    {
        return images / wallSeconds;
    }

    double imagesPerCpuSecond()
    {
        return images / cpuSeconds;
    }

    double cpuMsPerImage()
    {
        return 1e3 * cpuSeconds / images;
    }

    long sampleCount()
    {
        long s = 0;
        for (final long x : samples)
        {
            s += x;
        }
        return s;
    }

    /** Share of the samples charged to a part, or NaN without samples. */
    double share(final TimeBreakdown.Part part)
    {
        final long n = sampleCount();
        return n == 0 ? Double.NaN : samples[part.ordinal()] / (double)n;
    }

    /** One console line. */
    String line()
    {
        return String.format(Locale.ROOT, "%-5s connectivity %.3f: %,d images, %.1f images/s wall, %.1f images/s "
            + "CPU, %.3f ms CPU/image, %.3g SOPs/s CPU, %.3g ticks/s CPU", phase, connectivity, images,
            imagesPerWallSecond(), imagesPerCpuSecond(), cpuMsPerImage(), sops() / cpuSeconds,
            ticksRun / cpuSeconds);
    }

    /** The CSV of a run, one row per phase and connectivity. */
    static String csv(final String profile, final List<BenchRow> rows)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("profile,phase,connectivity_target,connectivity,live_synapses,images,presentations,wall_s,cpu_s,"
            + "cpu_clock,images_per_s_wall,images_per_s_cpu,ms_per_image_cpu,sops,sops_per_image,sops_per_s_cpu,"
            + "accumulations,stdp_updates,neuron_updates,input_spikes,ticks_run,ticks_skipped,ticks_per_s_cpu,"
            + "samples");
        for (final TimeBreakdown.Part part : TimeBreakdown.Part.values())
        {
            sb.append(",share_").append(part.name().toLowerCase(Locale.ROOT));
        }
        sb.append('\n');
        for (final BenchRow r : rows)
        {
            sb.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.6f,%d,%d,%d,%.4f,%.4f,%s,%.2f,%.2f,%.4f,%d,%.1f,%.4g,"
                + "%d,%d,%d,%d,%d,%d,%.4g,%d", profile, r.phase, r.target, r.connectivity, r.live, r.images,
                r.presentations, r.wallSeconds, r.cpuSeconds, r.cpuClock, r.imagesPerWallSecond(),
                r.imagesPerCpuSecond(), r.cpuMsPerImage(), r.sops(), r.sops() / (double)r.images,
                r.sops() / r.cpuSeconds, r.accumulations, r.stdpUpdates, r.neuronUpdates, r.inputSpikes,
                r.ticksRun, r.ticksSkipped, r.ticksRun / r.cpuSeconds, r.sampleCount()));
            for (final TimeBreakdown.Part part : TimeBreakdown.Part.values())
            {
                sb.append(String.format(Locale.ROOT, ",%.4f", r.share(part)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The Markdown report: speeds, then the time per image broken down by unit. */
    static String markdown(final String profile, final Machine machine, final long trainImages,
        final long testImages, final List<BenchRow> rows)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# spikeprune bench: %s%n%n", profile));
        sb.append(String.format(Locale.ROOT, "%d training and %d test images per connectivity; %s.%n%n",
            trainImages, testImages, machine.line()));
        sb.append("| phase | connectivity | images/s (wall) | images/s (CPU) | ms/image (CPU) | SOPs/image "
            + "| SOPs/s (CPU) | ticks/s (CPU) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final BenchRow r : rows)
        {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.1f | %.1f | %.3f | %,.0f | %.3g | %.3g |%n",
                r.phase, r.connectivity, r.imagesPerWallSecond(), r.imagesPerCpuSecond(), r.cpuMsPerImage(),
                r.sops() / (double)r.images, r.sops() / r.cpuSeconds, r.ticksRun / r.cpuSeconds));
        }
        sb.append("\nWhere the time goes: CPU ms per image by unit (share of JFR execution samples × CPU time "
            + "per image).\n\n");
        sb.append("| phase | connectivity |");
        for (final TimeBreakdown.Part part : TimeBreakdown.Part.values())
        {
            sb.append(' ').append(part.label).append(" |");
        }
        sb.append(" samples |\n|---|---:|");
        for (int k = 0; k <= TimeBreakdown.Part.values().length; k++)
        {
            sb.append("---:|");
        }
        sb.append('\n');
        for (final BenchRow r : rows)
        {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f |", r.phase, r.connectivity));
            for (final TimeBreakdown.Part part : TimeBreakdown.Part.values())
            {
                final double share = r.share(part);
                sb.append(Double.isNaN(share) ? " – |" : String.format(Locale.ROOT, " %.3f (%.0f%%) |",
                    share * r.cpuMsPerImage(), 100 * share));
            }
            sb.append(String.format(Locale.ROOT, " %d |%n", r.sampleCount()));
        }
        return sb.toString();
    }
}
