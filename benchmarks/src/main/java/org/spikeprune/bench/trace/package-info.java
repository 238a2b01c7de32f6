/**
 * JMH benchmarks of event traces: the producer's append cost (with the agent writing the queue behind it, so the
 * sustained rate is also the write rate), bytes per record, and the read rate of a checked reader.
 *
 * <p>How to run (after {@code mvn -B -ntp -DskipTests package}):
 * <pre>
 *   nice -n 10 java -jar benchmarks/target/benchmarks.jar 'org.spikeprune.bench.trace' \
 *       -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 * Each forked JVM gets the project's flags from {@code @Fork(jvmArgsAppend)}.
 */
package org.spikeprune.bench.trace;
