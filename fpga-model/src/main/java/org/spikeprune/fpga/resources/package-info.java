/**
 * FPGA resource (LUT, FF, BRAM, DSP) and NAND-gate-equivalent estimates per unit of the core, the pruning
 * logic's share, and the fit check against the device.
 *
 * <pre>
 *   HardwareConfig + NetworkShape ──▶ ResourceModel (primitives per unit, GateCosts) ──▶ ResourceEstimate
 *                                                                                        ├─ total / baseline / pruning
 *                                                                                        └─ fitProblem()
 * </pre>
 */
package org.spikeprune.fpga.resources;
