import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Feasibility probe, not a JMH benchmark: can the Vector API's gather and scatter speed up the SOP kernel with
 * per-synapse delays? One input spike adds each synapse's weight to the conductance increment of its arrival slot,
 * {@code inc[arrival[k]] += weight(syn[k])}, as {@code SynapseKernels.emit} does on the same packed storage (a
 * {@code long} per synapse, the weight in its low 32 bits, and an {@code int} arrival offset), 20 delay slots,
 * 784 inputs, spikes of random inputs. Three forms: the scalar loop, the same with 8-lane double gather and scatter
 * (AVX-512), and the streaming read of the same bytes ({@code System.arraycopy} of each row into a small buffer, as
 * the JMH benchmark's read baseline). Prints the median over rounds of ns per spike.
 *
 * <pre>{@code
 * JAVA=/path/to/jdk-25/bin/java
 * $JAVA --add-modules jdk.incubator.vector benchmarks/probes/VectorScatterProbe.java 400
 * }</pre>
 */
public class VectorScatterProbe
{
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;

    public static void main(final String[] args)
    {
        final int n = Integer.parseInt(args[0]);
        final int inputs = 784;
        final int slots = 20;
        final java.util.Random r = new java.util.Random(1);
        final long[] syn = new long[inputs * n];
        final int[] arrival = new int[inputs * n];
        for (int i = 0; i < inputs; i++)
        {
            for (int j = 0; j < n; j++)
            {
                final int k = i * n + j;
                syn[k] = ((long)j << 32) | (Float.floatToRawIntBits(r.nextFloat()) & 0xFFFF_FFFFL);
                arrival[k] = r.nextInt(slots) * n + j;
            }
        }
        final double[] inc = new double[slots * n];
        final long[] synBuf = new long[n];
        final int[] arrivalBuf = new int[n];
        final int[] spikes = new int[1 << 16];
        for (int s = 0; s < spikes.length; s++)
        {
            spikes[s] = r.nextInt(inputs);
        }
        final int rounds = 9;
        final double[][] ns = new double[3][rounds];
        for (int round = 0; round < rounds; round++)
        {
            final long t0 = System.nanoTime();
            for (final int s : spikes)
            {
                scalar(syn, arrival, s * n, s * n + n, inc);
            }
            final long t1 = System.nanoTime();
            for (final int s : spikes)
            {
                vector(syn, arrival, s * n, s * n + n, inc);
            }
            final long t2 = System.nanoTime();
            for (final int s : spikes)
            {
                System.arraycopy(syn, s * n, synBuf, 0, n);
                System.arraycopy(arrival, s * n, arrivalBuf, 0, n);
            }
            final long t3 = System.nanoTime();
            ns[0][round] = (t1 - t0) / (double)spikes.length;
            ns[1][round] = (t2 - t1) / (double)spikes.length;
            ns[2][round] = (t3 - t2) / (double)spikes.length;
        }
        for (final double[] x : ns)
        {
            java.util.Arrays.sort(x);
        }
        System.out.printf("fan-out %d: scalar %.1f ns/spike, gather/scatter %.1f, streaming read %.1f "
            + "(scalar at %.0f%% of the read, gather/scatter at %.0f%%; checksum %.3f)%n", n, ns[0][rounds / 2],
            ns[1][rounds / 2], ns[2][rounds / 2], 100 * ns[2][rounds / 2] / ns[0][rounds / 2],
            100 * ns[2][rounds / 2] / ns[1][rounds / 2], inc[0] + synBuf[0] + arrivalBuf[0]);
    }

    private static void scalar(final long[] syn, final int[] arrival, final int from, final int to, final double[] inc)
    {
        for (int k = from; k < to; k++)
        {
            inc[arrival[k]] += Float.intBitsToFloat((int)syn[k]);
        }
    }

    private static void vector(final long[] syn, final int[] arrival, final int from, final int to, final double[] inc)
    {
        int k = from;
        for (; k + 8 <= to; k += 8)
        {
            final LongVector s = LongVector.fromArray(LongVector.SPECIES_512, syn, k);
            final FloatVector w = ((IntVector)s.convert(VectorOperators.L2I, 0)).reinterpretAsFloats();
            final DoubleVector wd = (DoubleVector)w.convert(VectorOperators.F2D, 0);
            DoubleVector.fromArray(D, inc, 0, arrival, k).add(wd).intoArray(inc, 0, arrival, k);
        }
        for (; k < to; k++)
        {
            inc[arrival[k]] += Float.intBitsToFloat((int)syn[k]);
        }
    }
}
