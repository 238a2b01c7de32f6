/**
 * Architecture exploration: a grid of configurations timed on one recorded run, with the Pareto front over
 * time, energy and area.
 *
 * <pre>
 *   base HardwareConfig ──▶ DesignSpace.configurations (PEs × clock × ports × FIFO depth)
 *        ActivityLog ──▶ TimingModel + ResourceModel per configuration ──▶ DesignPoint ──▶ Pareto ──▶ CSV
 * </pre>
 */
package org.spikeprune.fpga.explore;
