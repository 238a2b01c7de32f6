package org.spikeprune.cli.experiment;

/** One of paper A's figures or tables as a sweep of runs, written as CSV, PNG plots and a Markdown report. */
interface Experiment
{
    /** The name on the command line ({@code fig4}, {@code table2}, …). */
    String name();

    /** What it reproduces, one line. */
    String title();

    /**
     * Plans and runs the sweep (through {@link ExperimentContext#run}), then writes its files into
     * {@link ExperimentContext#output()}.
     *
     * @param ctx the experiment's context.
     */
    void run(ExperimentContext ctx);
}
