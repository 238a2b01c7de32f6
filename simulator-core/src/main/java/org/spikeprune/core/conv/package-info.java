/**
 * Paper B's deep convolutional time-to-first-spike SNN (Nguyen, Veeravalli, Fong; after Kheradpisheh et al.
 * 2018) as functional models of its hardware units on the event engine: DoG + rank-order input coding,
 * non-leaky integrate-and-fire convolutions with lateral inhibition, pooling, the Controller, processing
 * elements owning row bands of every layer, the STDP unit with k-winner selection and its Decrement Track
 * memory, the Prune unit calling a {@link org.spikeprune.core.conv.KernelPrunePolicy}, and the SVM readout.
 *
 * <pre>
 *   image (core.data.ImageFolderDataset, ImageResampler) ─▶ InputCoding (DoG, threshold, LatencyCoder) ─▶ InputSpikes
 *                                                                                   │ one tick per time step
 *   ConvController.dispatch(t): input bin t−1 + every layer's spikes of step t−1 ───┤ (one-step delay per layer)
 *   ConvCore 0..P−1: SOPs on live kernel weights, threshold, lateral inhibition ◀───┘
 *   ConvController.onOutput(t): StdpUnit (k winners, Δw = ±a·w(1−w)) ─▶ DecrementTrack ─▶ KernelPrunePolicy
 *   features: max potential per conv3 map ─▶ SvmReadout (LIBSVM, RBF)
 * </pre>
 */
package org.spikeprune.core.conv;
