package org.spikeprune.fpga.activity;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.fpga.NetworkShape;

/**
 * The recorded actions of a functional run in the compact form the timing model needs, so that a run can be
 * re-timed under any hardware configuration without learning again.
 *
 * <p>Three parts, all in primitive arrays:
 * <ul>
 *   <li><b>ticks</b>: for each phase (learning, inference), the distinct vectors (layer, spikes dispatched,
 *       synaptic ops, neuron updates, STDP updates, decrements, spikes out) of one tick of one layer, summed over
 *       the functional run's cores, with how many times each occurred. Every tick starts from an idle core, so
 *       this histogram times a run exactly; its size grows with the variety of ticks, not the run's length;</li>
 *   <li><b>images</b>: per presented image, its phase, presentations (re-presentations included), tick records
 *       and action totals;</li>
 *   <li><b>prune passes</b>: after how many learning images, connections evaluated, pruned, and groups.</li>
 * </ul>
 *
 * <p>As an {@link ActivitySink} it aggregates the cores of a tick: synaptic ops, updates, decrements and spikes
 * out are summed; the spikes of the tick are those reported by {@link #onDispatch}, or else the largest
 * per-core {@code spikesIn} (every core sees every spike of a fully connected layer, and every processing
 * element of paper B's convolutional network sees every spike of the previous layer). A single-layer simulator
 * reports with {@link #onCoreTick} (recorded as layer 0); a layered one (paper B) reports each core's work
 * split by layer with {@link #onLayerTick} and no {@code onCoreTick}, so nothing is counted twice; the layer
 * indexes {@link NetworkShape#layers()}. The simulator must report
 * every tick in which the hardware works (paper A's clock-driven neurons update in every tick, idle ones
 * included; paper B's event-driven engine skips the time steps with nothing to dispatch, and so does its
 * hardware). Not thread-safe: call it from the
 * engine's driving thread, as {@link ActivitySink} prescribes. Call {@link #finish()} (or any query) after the
 * run to flush the last tick.
 *
 * <p>Files: {@link #write(Path)} writes CSV when the name ends in {@code .csv}, else a binary form (version 2,
 * with its length and a CRC-32); {@link #read(Path)} reads either, and binary version 1.
 */
public final class ActivityLog implements ActivitySink
{
    /** Phase index of learning (training) presentations. */
    public static final int LEARNING = 0;
    /** Phase index of inference (testing) presentations. */
    public static final int INFERENCE = 1;
    /** Phase names, by index. */
    public static final String[] PHASE_NAMES = {"learning", "inference"};

    /** Tick vector field: the layer. */
    public static final int LAYER = 0;
    /** Tick vector field: distinct spikes dispatched by the Controller. */
    public static final int SPIKES = 1;
    /** Tick vector field: synaptic operations (accumulations on live synapses). */
    public static final int SYNAPTIC_OPS = 2;
    /** Tick vector field: neuron updates. */
    public static final int NEURON_UPDATES = 3;
    /** Tick vector field: STDP weight updates. */
    public static final int STDP_UPDATES = 4;
    /** Tick vector field: weight decrements logged to Decrement Track memory. */
    public static final int DECREMENTS = 5;
    /** Tick vector field: spikes written to Spike memory. */
    public static final int SPIKES_OUT = 6;
    /** Number of tick vector fields. */
    public static final int TICK_FIELDS = 7;
    /** Field names, by index, as in the CSV form. */
    public static final String[] FIELD_NAMES = {
        "layer", "spikes", "synaptic_ops", "neuron_updates", "stdp_updates", "decrements", "spikes_out"};

    private final NetworkShape shape;
    private final TickHistogram[] ticks = {new TickHistogram(), new TickHistogram()};

    private final LongColumn imagePhase = new LongColumn();
    private final LongColumn imageIndex = new LongColumn();
    private final LongColumn imagePresentations = new LongColumn();
    private final LongColumn imageTicks = new LongColumn();
    private final LongColumn imageOutputSpikes = new LongColumn();
    private final LongColumn[] imageTotals = new LongColumn[TICK_FIELDS];
    private final long[] imagesPerPhase = new long[2];
    private final long[] presentationsPerPhase = new long[2];

    private final LongColumn pruneAfterImages = new LongColumn();
    private final LongColumn pruneEvaluations = new LongColumn();
    private final LongColumn prunePruned = new LongColumn();
    private final LongColumn pruneGroups = new LongColumn();

    private int phase = LEARNING;
    private int currentImage = -1;

    private long pendingTick = Long.MIN_VALUE;
    private int[] pendingMaxSpikes = new int[4];
    private int[] pendingDispatched = new int[4];
    private long[] pendingSops = new long[4];
    private long[] pendingUpdates = new long[4];
    private long[] pendingStdp = new long[4];
    private long[] pendingDecrements = new long[4];
    private long[] pendingOut = new long[4];
    private boolean[] pendingTouched = new boolean[4];
    private boolean anyPending;
    private int maxPendingLayer = -1;
    private final long[] vector = new long[TICK_FIELDS];
    /** Totals of the current image not yet added to its columns; index {@link #LAYER} counts tick records. */
    private final long[] imageAcc = new long[TICK_FIELDS];

    /**
     * An empty log for a network.
     *
     * @param shape the network the run simulates (sizes the memories and paper A's grouping).
     */
    public ActivityLog(final NetworkShape shape)
    {
        this.shape = Objects.requireNonNull(shape, "shape");
        for (int f = 0; f < TICK_FIELDS; f++)
        {
            imageTotals[f] = new LongColumn();
        }
        Arrays.fill(pendingDispatched, -1);
    }

    /** @return the network. */
    public NetworkShape shape()
    {
        return shape;
    }

    @Override
    public void onImageStart(final long tick, final int image, final int label, final boolean learning,
        final int repeat)
    {
        flush();
        phase = learning ? LEARNING : INFERENCE;
        presentationsPerPhase[phase]++;
        if (repeat > 0 && currentImage >= 0 && imageIndex.get(currentImage) == image
            && imagePhase.get(currentImage) == phase)
        {
            imagePresentations.increment(currentImage, 1);
            return;
        }
        newImage(phase, image);
        imagePresentations.increment(currentImage, 1);
    }

    @Override
    public void onCoreTick(final long tick, final int core, final int spikesIn, final long synapticOps,
        final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
    {
        onLayerTick(tick, 0, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
    }

    @Override
    public void onLayerTick(final long tick, final int layer, final int core, final int spikesIn,
        final long synapticOps, final long neuronUpdates, final long stdpUpdates, final long decrements,
        final int spikesOut)
    {
        pending(tick, layer);
        pendingMaxSpikes[layer] = Math.max(pendingMaxSpikes[layer], spikesIn);
        pendingSops[layer] += synapticOps;
        pendingUpdates[layer] += neuronUpdates;
        pendingStdp[layer] += stdpUpdates;
        pendingDecrements[layer] += decrements;
        pendingOut[layer] += spikesOut;
    }

    @Override
    public void onDispatch(final long tick, final int layer, final int spikes)
    {
        pending(tick, layer);
        pendingDispatched[layer] = Math.max(0, pendingDispatched[layer]) + spikes;
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        flush();
        recordPrune(imagesPerPhase[LEARNING], evaluations, pruned, groups);
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        flush();
        if (currentImage >= 0)
        {
            imageOutputSpikes.increment(currentImage, spikes);
        }
    }

    /** Flushes the last pending tick; queries do this too. */
    public void finish()
    {
        sync();
    }

    /**
     * Records {@code count} identical tick records directly (generators, file readers).
     *
     * @param phase  {@link #LEARNING} or {@link #INFERENCE}.
     * @param v      the vector, {@link #TICK_FIELDS} long.
     * @param count  occurrences.
     */
    public void recordTicks(final int phase, final long[] v, final long count)
    {
        checkPhase(phase);
        if (v.length != TICK_FIELDS)
        {
            throw new IllegalArgumentException("tick vector must have " + TICK_FIELDS + " fields, has " + v.length);
        }
        ticks[phase].add(v, count);
    }

    /**
     * Records an image directly (generators, file readers), with its totals.
     *
     * @param phase         {@link #LEARNING} or {@link #INFERENCE}.
     * @param image         image index in its data set.
     * @param presentations presentations (1 + re-presentations).
     * @param tickRecords   tick records (ticks × layers).
     * @param totals        totals per tick field ({@link #LAYER} is ignored).
     * @param outputSpikes  output spikes reported at the image end.
     */
    public void recordImage(final int phase, final long image, final long presentations, final long tickRecords,
        final long[] totals, final long outputSpikes)
    {
        checkPhase(phase);
        flush();
        newImage(phase, image);
        imagePresentations.set(currentImage, presentations);
        presentationsPerPhase[phase] += presentations;
        imageTicks.set(currentImage, tickRecords);
        for (int f = 1; f < TICK_FIELDS; f++)
        {
            imageTotals[f].set(currentImage, totals[f]);
        }
        imageOutputSpikes.set(currentImage, outputSpikes);
    }

    /**
     * Records a Prune unit pass directly.
     *
     * @param afterImages learning images completed before the pass.
     * @param evaluations connections evaluated.
     * @param pruned      connections pruned.
     * @param groups      neuron groups (paper A), 0 if none.
     */
    public void recordPrune(final long afterImages, final long evaluations, final long pruned, final long groups)
    {
        pruneAfterImages.add(afterImages);
        pruneEvaluations.add(evaluations);
        prunePruned.add(pruned);
        pruneGroups.add(groups);
    }

    /** @return distinct images presented in a phase (re-presentations not counted). */
    public long images(final int phase)
    {
        sync();
        return imagesPerPhase[phase];
    }

    /** @return presentations in a phase, re-presentations included. */
    public long presentations(final int phase)
    {
        sync();
        return presentationsPerPhase[phase];
    }

    /** @return tick records (ticks × layers) in a phase. */
    public long tickRecords(final int phase)
    {
        sync();
        return ticks[phase].total();
    }

    /** @return distinct tick vectors of a phase. */
    public int tickEntries(final int phase)
    {
        sync();
        return ticks[phase].size();
    }

    /** @return field {@code field} of distinct tick vector {@code entry} of a phase. */
    public long tickField(final int phase, final int entry, final int field)
    {
        return ticks[phase].field(entry, field);
    }

    /** @return occurrences of distinct tick vector {@code entry} of a phase. */
    public long tickCount(final int phase, final int entry)
    {
        return ticks[phase].count(entry);
    }

    /**
     * Sum of a field over all tick records of a phase.
     *
     * @param phase the phase.
     * @param field a tick field other than {@link #LAYER}.
     * @return the total.
     */
    public long total(final int phase, final int field)
    {
        sync();
        long sum = 0;
        final TickHistogram h = ticks[phase];
        for (int e = 0; e < h.size(); e++)
        {
            sum += h.field(e, field) * h.count(e);
        }
        return sum;
    }

    /** @return image records. */
    public int imageRecords()
    {
        sync();
        return imageIndex.size();
    }

    /** @return the phase of image record {@code i}. */
    public int imagePhase(final int i)
    {
        return (int) imagePhase.get(i);
    }

    /** @return the data-set index of image record {@code i}. */
    public long imageIndex(final int i)
    {
        return imageIndex.get(i);
    }

    /** @return presentations of image record {@code i}. */
    public long imagePresentations(final int i)
    {
        return imagePresentations.get(i);
    }

    /** @return tick records of image record {@code i}. */
    public long imageTicks(final int i)
    {
        return imageTicks.get(i);
    }

    /** @return total of a tick field over image record {@code i}. */
    public long imageTotal(final int i, final int field)
    {
        return imageTotals[field].get(i);
    }

    /** @return output spikes reported at the end of image record {@code i}'s presentations. */
    public long imageOutputSpikes(final int i)
    {
        return imageOutputSpikes.get(i);
    }

    /** @return Prune unit passes. */
    public int pruneRecords()
    {
        sync();
        return pruneAfterImages.size();
    }

    /** @return learning images completed before prune pass {@code i}. */
    public long pruneAfterImages(final int i)
    {
        return pruneAfterImages.get(i);
    }

    /** @return connections evaluated by prune pass {@code i}. */
    public long pruneEvaluations(final int i)
    {
        return pruneEvaluations.get(i);
    }

    /** @return connections pruned by prune pass {@code i}. */
    public long prunePruned(final int i)
    {
        return prunePruned.get(i);
    }

    /** @return neuron groups formed by prune pass {@code i}. */
    public long pruneGroups(final int i)
    {
        return pruneGroups.get(i);
    }

    /**
     * Writes the log: CSV when the file name ends in {@code .csv}, else binary.
     *
     * @param file the file.
     */
    public void write(final Path file)
    {
        sync();
        ActivityLogFiles.write(this, file);
    }

    /**
     * Reads a log written by {@link #write(Path)} (either form).
     *
     * @param file the file.
     * @return the log.
     * @throws org.spikeprune.core.InputException naming the file, line or offset when it is malformed.
     */
    public static ActivityLog read(final Path file)
    {
        return ActivityLogFiles.read(file);
    }

    private void newImage(final int phase, final long image)
    {
        commitImage();
        imagePhase.add(phase);
        imageIndex.add(image);
        imagePresentations.add(0);
        imageTicks.add(0);
        imageOutputSpikes.add(0);
        for (final LongColumn c : imageTotals)
        {
            c.add(0);
        }
        currentImage = imageIndex.size() - 1;
        imagesPerPhase[phase]++;
    }

    private void pending(final long tick, final int layer)
    {
        if (layer < 0 || layer >= shape.layers().size())
        {
            throw new IllegalArgumentException("layer must be in [0, " + shape.layers().size() + ") for network "
                + shape.name() + ", found " + layer);
        }
        if (tick != pendingTick)
        {
            flush();
            pendingTick = tick;
        }
        if (layer >= pendingTouched.length)
        {
            final int n = Math.max(layer + 1, pendingTouched.length * 2);
            pendingMaxSpikes = Arrays.copyOf(pendingMaxSpikes, n);
            pendingDispatched = Arrays.copyOf(pendingDispatched, n);
            Arrays.fill(pendingDispatched, pendingTouched.length, n, -1);
            pendingSops = Arrays.copyOf(pendingSops, n);
            pendingUpdates = Arrays.copyOf(pendingUpdates, n);
            pendingStdp = Arrays.copyOf(pendingStdp, n);
            pendingDecrements = Arrays.copyOf(pendingDecrements, n);
            pendingOut = Arrays.copyOf(pendingOut, n);
            pendingTouched = Arrays.copyOf(pendingTouched, n);
        }
        pendingTouched[layer] = true;
        maxPendingLayer = Math.max(maxPendingLayer, layer);
        anyPending = true;
    }

    private void flush()
    {
        if (!anyPending)
        {
            return;
        }
        if (currentImage < 0)
        {
            newImage(phase, -1);
            presentationsPerPhase[phase]++;
            imagePresentations.increment(currentImage, 1);
        }
        for (int layer = 0; layer <= maxPendingLayer; layer++)
        {
            if (!pendingTouched[layer])
            {
                continue;
            }
            vector[LAYER] = layer;
            vector[SPIKES] = pendingDispatched[layer] >= 0 ? pendingDispatched[layer] : pendingMaxSpikes[layer];
            vector[SYNAPTIC_OPS] = pendingSops[layer];
            vector[NEURON_UPDATES] = pendingUpdates[layer];
            vector[STDP_UPDATES] = pendingStdp[layer];
            vector[DECREMENTS] = pendingDecrements[layer];
            vector[SPIKES_OUT] = pendingOut[layer];
            ticks[phase].add(vector, 1);
            imageAcc[LAYER]++;
            for (int f = 1; f < TICK_FIELDS; f++)
            {
                imageAcc[f] += vector[f];
            }
            pendingTouched[layer] = false;
            pendingMaxSpikes[layer] = 0;
            pendingDispatched[layer] = -1;
            pendingSops[layer] = 0;
            pendingUpdates[layer] = 0;
            pendingStdp[layer] = 0;
            pendingDecrements[layer] = 0;
            pendingOut[layer] = 0;
        }
        anyPending = false;
        maxPendingLayer = -1;
        pendingTick = Long.MIN_VALUE;
    }

    private void sync()
    {
        flush();
        commitImage();
    }

    /** Adds the current image's accumulated totals to its columns. */
    private void commitImage()
    {
        if (currentImage < 0 || imageAcc[LAYER] == 0)
        {
            return;
        }
        imageTicks.increment(currentImage, imageAcc[LAYER]);
        imageAcc[LAYER] = 0;
        for (int f = 1; f < TICK_FIELDS; f++)
        {
            imageTotals[f].increment(currentImage, imageAcc[f]);
            imageAcc[f] = 0;
        }
    }

    private static void checkPhase(final int phase)
    {
        if (phase != LEARNING && phase != INFERENCE)
        {
            throw new IllegalArgumentException("phase must be 0 (learning) or 1 (inference), found " + phase);
        }
    }
}
