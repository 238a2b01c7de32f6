package org.spikeprune.fpga;

/**
 * Bit widths of the stored and computed quantities.
 *
 * @param weight     bits of a stored weight (a pruned flag bit is added when the design prunes).
 * @param potential  bits of a membrane potential in Potential memory.
 * @param spike      bits per neuron in Spike memory (1 for a spike flag; 4 for a TTFS time stamp of 15 steps).
 * @param decrement  bits of a Decrement Track counter (paper B).
 * @param threshold  bits of a pruning threshold; paper A: 16-bit integer + 8-bit fraction = 24.
 * @param spikeCount bits of a per-neuron spike count and of the pruning arithmetic; paper A Table 5: 16.
 */
public record BitWidths(int weight, int potential, int spike, int decrement, int threshold, int spikeCount)
{
}
