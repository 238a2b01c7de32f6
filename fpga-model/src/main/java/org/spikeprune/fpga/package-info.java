/**
 * Cycle-level timing, energy and resource model of the learning and pruning neuromorphic core: the hardware
 * configuration and its presets, the network shape it must hold, and the per-run estimate for result files.
 *
 * <pre>
 *   functional run ──ActivitySink──▶ activity.ActivityLog ──▶ timing.TimingModel ──▶ cycles, stalls, energy
 *                                                   │                ▲
 *   HardwarePresets ──▶ HardwareConfig ─────────────┼────────────────┤
 *                                                   │                └── prune.PruneUnitModel
 *   NetworkShape ──▶ resources.ResourceModel ──▶ LUT / FF / BRAM / DSP / NAND, fit check
 *   paper.PaperAOverhead, paper.PaperBComparison: the papers' figures beside the model's
 * </pre>
 */
package org.spikeprune.fpga;
