/**
 * JMH benchmarks of the event engine: the cost of a tick and of a spike through the spike bus in every threading
 * mode ({@link org.spikeprune.bench.engine.SpikeBusBenchmark}), beside the same work called directly
 * ({@link org.spikeprune.bench.engine.DirectCallBenchmark}), and the fixed cost of the end-of-tick barrier
 * ({@link org.spikeprune.bench.engine.TickBarrierBenchmark}).
 *
 * <pre>
 *   ScheduleController ──▶ Engine (INVOKER | SHARED | DEDICATED) ──▶ DenseLifCore × cores
 *   InputSchedule      ──▶ direct loop ─────────────────────────────▶ DenseLifCore × cores   (baseline)
 * </pre>
 *
 * <p>Run them together, so that the baseline sees the same machine:
 * {@code java -jar benchmarks/target/benchmarks.jar 'org.spikeprune.bench.engine' -prof gc}.
 */
package org.spikeprune.bench.engine;
