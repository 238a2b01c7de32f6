/**
 * {@code spikeprune experiment}: sweeps of independent runs that reproduce paper A's figures and tables.
 *
 * <p>An experiment is imperative code over a {@link org.spikeprune.cli.experiment.RunPool}: it asks for a list of
 * {@link org.spikeprune.cli.experiment.RunSpec}s (a profile, a pruning method with its {@code pruning.*}
 * settings, a seed and image counts), the pool runs the missing ones on a fixed number of threads and caches each
 * result on disk ({@code <out>/runs/<id>/result.json}), and the experiment turns the outcomes into a CSV file,
 * PNG plots and a Markdown report that sets the numbers beside paper A's.
 */
package org.spikeprune.cli.experiment;
