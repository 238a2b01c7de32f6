/**
 * The papers' hardware figures reproduced by the model and set beside the published ones: paper A's Tables 4
 * and 5 and energy comparison, paper B's speed-ups, energy reductions and pruning overheads.
 *
 * <pre>
 *   PaperAOverhead: PruneUnitModel + PruningOverhead + ResourceModel ──▶ Table 4, Table 5, energy rows
 *   PaperBComparison: TimingModel(unpruned, no pruning hw) vs TimingModel(pruned, Prune unit) + ResourceModel
 * </pre>
 */
package org.spikeprune.fpga.paper;
