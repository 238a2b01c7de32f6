/**
 * The command line of the convolutional network: {@link org.spikeprune.cli.conv.ConvTrain} (one run,
 * {@code result.json} + {@code summary.md}), {@link org.spikeprune.cli.conv.ConvExperiments} (paper B's figures as
 * CSV, PNG and Markdown) and the {@code conv} subcommand.
 *
 * <pre>
 *   ConvCommand ─▶ ConvTrainOptions ─▶ ConvRun (configure, load, learn, features, SVM) ─▶ ConvTrain / ConvExperiments
 * </pre>
 */
package org.spikeprune.cli.conv;
