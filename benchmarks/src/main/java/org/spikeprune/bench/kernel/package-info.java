/**
 * JMH benchmarks of the hot loops of paper A's processing element, run on the simulator's own code and storage
 * ({@code org.spikeprune.core.dc.SynapseKernels}, {@code org.spikeprune.core.dc.CoreProbe}), each beside the
 * machine's limit where one applies.
 *
 * <pre>
 *   input spike ──► SOP kernel (SopKernelBenchmark; streaming read of the same bytes as the limit)
 *                     │  with learning: fused STDP pre-spike depression
 *                     ▼
 *   every tick ───► neuron update loop (NeuronUpdateBenchmark)
 *                     │  a neuron fires
 *                     ▼
 *                  STDP post-spike potentiation (PotentiationBenchmark)
 *
 *   Poisson input generation (PoissonInputBenchmark); all of it for one core, tick by tick (CoreTickBenchmark)
 * </pre>
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar 'org.spikeprune.bench.kernel' -prof gc}; the
 * figures to read are the medians ({@code p0.50}) of the sampled invocation times.
 */
package org.spikeprune.bench.kernel;
