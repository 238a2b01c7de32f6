/**
 * Paper B's connection pruning (Nguyen, Veeravalli, Fong 2020) as {@link org.spikeprune.core.conv.KernelPrunePolicy}
 * implementations: dynamic pruning during learning (P = (d / w)·t_post &gt; α every k iterations, from the Decrement
 * Track memory), post-learning pruning (w &lt; β per layer) and both.
 *
 * <pre>
 *   STDP unit ─(LTD, t_post)─▶ DecrementTrack ─every k─▶ DynamicKernelPruning ─▶ KernelWeights.prune
 *   layer learned ────────────────────────────────────▶ PostLearningKernelPruning ─▶ KernelWeights.prune
 * </pre>
 */
package org.spikeprune.pruning.nguyen;
