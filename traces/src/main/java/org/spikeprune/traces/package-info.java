/**
 * Event traces: recording every event of a run into a Chronicle Queue, and reading, inspecting, exporting and
 * replaying it. Only this package knows about Chronicle.
 *
 * <pre>
 *   run (driving thread, cores) ──TraceSink──▶ TraceRecorder ──ring──▶ TraceAgent ──▶ DIR/*.cq4
 *                                                                          │           │
 *                                                                          ▼           │
 *                                                              DIR/tick-work.bin       │
 *                                                                          │           │
 *   replay --hw (unit actions only) ◀──TraceSink── TickWorkReader ◀────────┘           │
 *   replay / inspect / export  ◀──TraceSink or cursor── TraceReader ◀──────────────────┘
 * </pre>
 *
 * <ul>
 *   <li>{@link org.spikeprune.traces.TraceSink}: the events as primitive callbacks, for both directions.</li>
 *   <li>{@link org.spikeprune.traces.TraceRecorder}: allocation-free producers, a ring, and an agent thread that
 *       alone writes the queue and watches the free disk space.</li>
 *   <li>{@link org.spikeprune.traces.TraceRecordDescriptor}: the binary layout of every record.</li>
 *   <li>{@link org.spikeprune.traces.TraceReader}: checked reading (header, checksums, indices, END totals).</li>
 *   <li>{@link org.spikeprune.traces.TickWorkDescriptor} and {@link org.spikeprune.traces.TickWorkReader}: the
 *       hardware units' actions again, run-length and dictionary coded in a small file of their own, which hardware
 *       replay reads without opening the queue.</li>
 *   <li>{@link org.spikeprune.traces.TraceSummary} and {@link org.spikeprune.traces.TraceExport}: what
 *       {@code trace inspect} and {@code trace export} print.</li>
 * </ul>
 */
package org.spikeprune.traces;
