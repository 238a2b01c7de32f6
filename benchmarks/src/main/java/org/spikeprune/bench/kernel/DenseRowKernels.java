package org.spikeprune.bench.kernel;

/**
 * The SOP kernels of a proposed dense-row layout, for comparison with the simulator's packed storage
 * ({@link org.spikeprune.core.dc.SynapseKernels}): one {@code float[]} of weights per (input, delay) group,
 * indexed by the local post neuron, a pruned synapse held as weight 0. Per neuron the floating-point operations
 * and their order are those of the simulator (a float weight widened and added to a double conductance; the
 * depression computed in float and clipped at 0), so a simulator using this layout would give bit-identical
 * results: adding 0 to a conductance that is never negative leaves it unchanged, and the depression of a weight
 * 0 stays 0.
 *
 * <p>Each loop is a separate method over a separate row array: C2 does not vectorise a loop over a flat array at
 * an offset, and vectorises a loop nested in another loop less reliably.
 */
public final class DenseRowKernels
{
    private DenseRowKernels()
    {
    }

    /**
     * An input spike arrives over one dense row: {@code ge[j] += row[j]} for every local neuron j.
     *
     * @param row weights by local post neuron (0 = pruned).
     * @param ge  excitatory conductance of every local neuron, at least as long as the row.
     */
    public static void accumulate(final float[] row, final double[] ge)
    {
        for (int j = 0; j < row.length; j++)
        {
            ge[j] += row[j];
        }
    }

    /**
     * {@link #accumulate} fused with the STDP pre-spike depression {@code w ← max(0, w − ν_pre·y1[j])}.
     *
     * @param row   weights by local post neuron (0 = pruned), updated in place.
     * @param ge    excitatory conductance of every local neuron.
     * @param y1    first post-synaptic trace of every local neuron.
     * @param nuPre pre-synaptic learning rate.
     */
    public static void accumulateDepress(final float[] row, final double[] ge, final float[] y1, final float nuPre)
    {
        for (int j = 0; j < row.length; j++)
        {
            final float w = row[j];
            ge[j] += w;
            final float nw = w - nuPre * y1[j];
            row[j] = nw < 0f ? 0f : nw;
        }
    }

    /**
     * The dense-row SOP kernel over weights held as doubles (8 bytes per synapse, the size of a packed synapse):
     * the same sums as {@link #accumulate}, since a float weight widens to a double exactly, and a loop C2
     * vectorises on JDK 17, which does not vectorise the float-to-double conversion.
     *
     * @param row weights by local post neuron, as doubles.
     * @param ge  excitatory conductance of every local neuron.
     */
    public static void accumulateWide(final double[] row, final double[] ge)
    {
        for (int j = 0; j < row.length; j++)
        {
            ge[j] += row[j];
        }
    }

    /**
     * The dense-row SOP kernel with float conductances: the fastest form of the loop, but not the simulator's
     * arithmetic (its conductances are doubles), so results would differ in the last bits.
     *
     * @param row weights by local post neuron.
     * @param ge  excitatory conductance of every local neuron, as floats.
     */
    public static void accumulateFloat(final float[] row, final float[] ge)
    {
        for (int j = 0; j < row.length; j++)
        {
            ge[j] += row[j];
        }
    }
}
