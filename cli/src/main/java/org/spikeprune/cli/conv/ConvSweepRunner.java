package org.spikeprune.cli.conv;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs of paper B's network for {@code spikeprune sweep}: each checked, run or read from the {@code runs/} folder
 * that {@code conv experiment} keeps (the same cache, so the two share runs), one after the other, on the encoded
 * images loaded once.
 */
public final class ConvSweepRunner
{
    /**
     * What a sweep reads of a run.
     *
     * @param id                   the run's name in {@code runs/} ({@code <id>.ser}, {@code <id>.model.bin}).
     * @param accuracy             test accuracy in [0, 1].
     * @param removed              fraction of the connections removed.
     * @param live                 live connections at the end.
     * @param learningImages       learning iterations.
     * @param learningOpsPerImage  learning operations (SOPs, STDP updates, Decrement Track writes, prune evaluations)
     *                             per learning iteration.
     * @param inferenceOpsPerImage inference SOPs per image.
     * @param learnSeconds         wall time of learning.
     * @param wallSeconds          wall time of the run.
     * @param digest               the run's digest.
     */
    public record Run(String id, double accuracy, double removed, long live, long learningImages,
        double learningOpsPerImage, double inferenceOpsPerImage, double learnSeconds, double wallSeconds,
        String digest)
    {
    }

    private final PrintStream out;
    private ConvRun.Dataset data;
    private String dataKey;

    /** @param out where progress goes. */
    public ConvSweepRunner(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * Checks a run's options (profile, settings, pruning policy, readout) without running it.
     *
     * @param o the run's options; its output folder holds {@code runs/}.
     * @return the run's id.
     * @throws org.spikeprune.cli.UsageException naming the setting that is wrong.
     */
    public String check(final ConvTrainOptions o)
    {
        final org.spikeprune.core.conv.ConvNetConfig cfg = ConvRun.configure(o);
        ConvRun.policy(o);
        ConvRun.readout(o, cfg);
        return id(ConvExperiments.over(o, null, out).baseRunFile());
    }

    /**
     * True when the run is already in {@code runs/}.
     *
     * @param o the run's options.
     * @return whether it would be read rather than run.
     */
    public boolean cached(final ConvTrainOptions o)
    {
        return Files.isRegularFile(ConvExperiments.over(o, null, out).baseRunFile());
    }

    /**
     * Runs a run, or reads it from {@code runs/}.
     *
     * @param o the run's options.
     * @return its numbers.
     */
    public Run run(final ConvTrainOptions o)
    {
        final org.spikeprune.core.conv.ConvNetConfig cfg = ConvRun.configure(o);
        final String key = o.profile() + "|" + o.data() + "|" + o.quick() + "|" + o.trainLimit() + "|"
            + o.testLimit();
        if (!cached(o) && (data == null || !key.equals(dataKey)))
        {
            data = ConvRun.load(o, cfg);
            dataKey = key;
            out.println("images from " + data.folder());
        }
        final ConvExperiments e = ConvExperiments.over(o, key.equals(dataKey) ? data : null, out);
        final ConvRun.Result r = e.baseRun();
        return new Run(id(e.baseRunFile()), r.testAccuracy(), r.removed(), r.liveTotal(), r.learning().images(),
            (double)r.learningOps() / Math.max(1, r.learning().images()), r.inferenceOpsPerImage(), r.learnSeconds(),
            r.wallSeconds(), r.digest());
    }

    private static String id(final Path file)
    {
        final String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".ser".length());
    }
}
