/**
 * The {@code spikeprune hw} commands: paper A's overhead tables, the report of a recorded run on a hardware
 * configuration, the architecture sweep with its Pareto front, and paper B's comparison.
 *
 * <pre>
 *   hw overhead ──▶ PaperAOverhead (Tables 4, 5, energy)
 *   hw report   ──▶ ActivityLog (file | synthetic) ──▶ TimingModel + ResourceModel ──▶ tables | JSON
 *   hw explore  ──▶ DesignSpace (PEs × clock × ports × FIFO) ──▶ explore.csv, explore-*.png
 *   hw compare  ──▶ PaperBComparison (unpruned vs pruned run)
 * </pre>
 */
package org.spikeprune.cli.hw;
