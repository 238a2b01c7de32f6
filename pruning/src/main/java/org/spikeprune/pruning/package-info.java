/**
 * The pruning policies of paper A and its baselines, behind the simulator's
 * {@link org.spikeprune.core.prune.PrunePolicy}. The Prune unit calls a policy at the end of every pruning batch
 * from the start image on and once at the end of training; the policy reads the batch spike counts and prunes,
 * freezes or removes through {@link org.spikeprune.core.prune.WeightMemory}.
 *
 * <pre>
 *   --pruning NAME, --set pruning.*=…
 *        │  PruneConfig.fromSettings (defaults: PruneProfile)
 *        ▼
 *   PrunePolicies.create ──▶ ReportingPrunePolicy ──▶ Prune unit: onBoundary(k = 1 … K), onEndOfTraining
 *                                    │
 *        ┌──────────────┬────────────┼────────────┬───────────────┬────────────────┐
 *     constant        apt / apn / aptn          soft       post-training       neuron
 *     W = w_th0       Algorithm 1:         freezeBelow      k-th smallest    lowest batch
 *                     W_k = f_T(k−1),       (w_th0)         live weight      spike counts
 *                     groups by SI → f_N                     at the end       removed
 *                                    │
 *                                    ▼
 *                      stepLog(): PruneStepRecord per step
 * </pre>
 *
 * <p>Everything here runs on the control path, once per batch of thousands of images; it may allocate.
 */
package org.spikeprune.pruning;
