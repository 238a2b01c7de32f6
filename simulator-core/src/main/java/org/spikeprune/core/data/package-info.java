/**
 * Data sets: strict readers for IDX files (MNIST, Fashion-MNIST) and for image folders (Caltech 101
 * Faces/Motorbikes), and the local cache where {@code spikeprune fetch-data} puts the IDX sets.
 *
 * <pre>
 *   DataCache.resolve(--cache | $SPIKEPRUNE_CACHE | ~/.cache/spikeprune)
 *        ├── mnist/          train-images-idx3-ubyte …    ─┐
 *        └── fashion-mnist/  train-images-idx3-ubyte.gz … ─┴─▶ MnistFiles.load(dir) ─▶ IdxDataset train, test
 *                                                              (IdxImages + IdxLabels, raw or gzip)
 *
 *   &lt;root&gt;/&lt;split&gt;/&lt;class&gt;/*.jpg|png ──▶ ImageFolderDataset.read(root, split)
 *                                       ─▶ grayscale float images, labels, class names
 * </pre>
 *
 * Every defect in a file raises a {@link org.spikeprune.core.data.DatasetFormatException} naming the file, the
 * field or byte offset, what was expected and what was found. Nothing is allocated from a size read out of a file
 * before that size has been checked against the data actually present.
 */
package org.spikeprune.core.data;
