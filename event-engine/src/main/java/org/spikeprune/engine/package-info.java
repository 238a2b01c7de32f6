/**
 * The event engine: integer ticks, the Disruptor spike bus, per-core processing elements and the end-of-tick
 * barrier. Only this package knows about threads and the Disruptor.
 *
 * <pre>
 *   Controller.dispatch(t) ──▶ spike bus ──▶ core 0 … core P-1   (onSpikes, advance)
 *          ▲                                      │
 *          └──── Controller.onOutput(t) ◀── merge (canonical order) ◀── end-of-tick barrier
 * </pre>
 */
package org.spikeprune.engine;
