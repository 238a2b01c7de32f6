/**
 * Cycle-level timing of the learning and pruning core (paper B §4, Fig. 5), driven by a functional run's
 * recorded actions.
 *
 * <pre>
 *   ActivityLog (distinct tick vectors × count, prune passes)
 *        │
 *   TimingModel ──▶ TickSimulator, per tick and layer:
 *        │            1 accumulate: Controller ─▶ FIFO[p] ─▶ PE p ─▶ Weight mem / Potential mem   (event simulation)
 *        │            2 threshold:  PEs compare potentials ─▶ Spike mem
 *        │            3 STDP:       STDP unit ─▶ Weight mem, Decrement Track mem
 *        │            4 handshake
 *        └──────▶ PruneUnitModel per pass
 *   RunTiming: per phase cycles, stalls, utilisation and energy by Unit
 * </pre>
 */
package org.spikeprune.fpga.timing;
