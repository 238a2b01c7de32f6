/**
 * The Prune unit's cost model: paper A's adaptive-threshold unit (grouping, adapting, pruning pass; Table 4
 * derived from its datapath) and paper B's decrement-track unit, and the per-image average of a schedule.
 *
 * <pre>
 *   spike counts ──▶ grouping (min/max scan, G bins) ──▶ adapting (N × G compares) ──▶ thresholds
 *   Weight memory ──▶ pruning pass (read, compare, write 0 + flag) ──▶ Weight memory
 * </pre>
 */
package org.spikeprune.fpga.prune;
