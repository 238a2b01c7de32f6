/**
 * Recorded activity of functional runs: {@link org.spikeprune.fpga.activity.ActivityLog} (an
 * {@link org.spikeprune.core.activity.ActivitySink} keeping a histogram of per-tick action vectors, per-image
 * totals and prune passes, with binary and CSV files) and synthetic activity reproducing the papers' per-image
 * statistics.
 *
 * <pre>
 *   simulator ──onImageStart / onLayerTick / onDispatch / onPrune / onImageEnd──▶ ActivityLog ──▶ file
 *   SyntheticActivity ──────────────────────────(same calls)──────────────────────▶ ActivityLog
 * </pre>
 */
package org.spikeprune.fpga.activity;
