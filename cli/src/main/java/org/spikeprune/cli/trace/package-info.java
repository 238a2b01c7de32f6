/**
 * {@code spikeprune trace inspect|export}: the command-line view of recorded event traces. Trace failures are
 * turned into {@link org.spikeprune.cli.trace.TraceInputException}, which the command prints as one line with
 * exit code 2.
 */
package org.spikeprune.cli.trace;
