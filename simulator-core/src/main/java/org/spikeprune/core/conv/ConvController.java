package org.spikeprune.core.conv;

import java.util.Arrays;

import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.engine.Controller;
import org.spikeprune.engine.SpikeBatch;

/**
 * The Controller of the convolutional network (paper B §4, Fig. 5). For every time step of an image it
 * dispatches to all processing elements the input spikes of the previous step and every layer's spikes of the
 * previous step (the one-step delay per layer), in ascending id order. After each step's barrier it groups the
 * merged output by layer, runs the STDP unit on the learning layer, updates the Spike memory the STDP unit reads
 * (which inputs of the learning layer have fired), and accumulates the step's operation counts.
 *
 * <p>Tick {@code imageTick + t} runs step {@code t} (1 ≤ t &lt; ticksPerImage) of the current image; input bin
 * {@code b} is dispatched at step {@code b + 1}.
 */
final class ConvController implements Controller
{
    private final ConvGeometry geo;
    private final ConvCore[] cores;
    private final StdpUnit stdp;
    private final ActivitySink sink;
    private final SpikeBatch pending;
    private final int[] layerCount;
    private final int[] layerStart;
    private int[] sorted = new int[1024];

    private InputSpikes image;
    private long imageTick;
    private int depth;
    private boolean learning;
    private OperationCounts counts;
    private int imageSpikes;

    ConvController(final ConvMemories mem, final ConvCore[] cores, final StdpUnit stdp, final ActivitySink sink)
    {
        this.geo = mem.geometry;
        this.cores = cores;
        this.stdp = stdp;
        this.sink = sink;
        this.pending = new SpikeBatch(1024);
        this.layerCount = new int[geo.layerCount()];
        this.layerStart = new int[geo.layerCount() + 1];
    }

    /**
     * Starts an image (control path).
     *
     * @param input     the encoded image.
     * @param tick      tick of step 0.
     * @param simulated highest simulated layer.
     * @param learn     whether the STDP unit runs (on {@link StdpUnit#layer()}).
     * @param target    where to count the work.
     */
    void beginImage(final InputSpikes input, final long tick, final int simulated, final boolean learn,
        final OperationCounts target)
    {
        this.image = input;
        this.imageTick = tick;
        this.depth = simulated;
        this.learning = learn;
        this.counts = target;
        this.imageSpikes = 0;
        pending.clear();
        if (learn)
        {
            stdp.beginImage();
        }
    }

    @Override
    public void dispatch(final long tick, final SpikeBatch spikes)
    {
        final int bin = (int)(tick - imageTick) - 1;
        if (bin >= 0 && bin < image.bins())
        {
            final int[] ids = image.ids();
            final int from = image.binStart(bin);
            final int to = image.binStart(bin + 1);
            spikes.addAll(ids, from, to - from);
            counts.addInputSpikes(to - from);
            if (learning && stdp.layer() == 1)
            {
                final boolean[] fired = stdp.inputFired();
                final int[] count = stdp.inputCount();
                for (int s = from; s < to; s++)
                {
                    fired[ids[s]] = true;
                    count[ids[s]]++;
                }
            }
        }
        spikes.addAll(pending);
        pending.clear();
    }

    @Override
    public long nextInputTick(final long tick)
    {
        if (!pending.isEmpty())
        {
            return tick;
        }
        final int bins = image.bins();
        for (int b = Math.max(0, (int)(tick - imageTick) - 1); b < bins; b++)
        {
            if (image.binStart(b + 1) > image.binStart(b))
            {
                return imageTick + b + 1;
            }
        }
        return Long.MAX_VALUE;
    }

    @Override
    public void onOutput(final long tick, final SpikeBatch merged)
    {
        final int step = (int)(tick - imageTick);
        groupByLayer(merged);
        imageSpikes += merged.count();
        if (learning)
        {
            final int l = stdp.layer();
            stdp.onStep(step, sorted, layerStart[l], layerStart[l + 1]);
            if (l > 1)
            {
                final boolean[] fired = stdp.inputFired();
                final int[] count = stdp.inputCount();
                final int base = geo.base(l - 1);
                for (int s = layerStart[l - 1]; s < layerStart[l]; s++)
                {
                    fired[sorted[s] - base] = true;
                    count[sorted[s] - base]++;
                }
            }
            final int ol = stdp.layer();
            counts.addStdp(ol, stdp.updates, stdp.ltd, stdp.decrementWrites);
            stdp.updates = 0;
            stdp.ltd = 0;
            stdp.decrementWrites = 0;
        }
        // The deepest simulated layer's spikes have no receiver.
        pending.addAll(sorted, 0, layerStart[depth]);
        report(tick);
    }

    /** Spikes fired by all layers after the input in the current image so far. */
    int imageSpikes()
    {
        return imageSpikes;
    }

    private void groupByLayer(final SpikeBatch merged)
    {
        final int n = merged.count();
        final int[] ids = merged.array();
        if (sorted.length < n)
        {
            sorted = new int[Math.max(n, sorted.length * 2)];
        }
        Arrays.fill(layerCount, 0);
        final int layers = geo.layerCount();
        for (int s = 0; s < n; s++)
        {
            layerCount[geo.layerOf(ids[s])]++;
        }
        layerStart[0] = 0;
        for (int l = 0; l < layers; l++)
        {
            layerStart[l + 1] = layerStart[l] + layerCount[l];
        }
        // Stable placement: within a layer, cores' contiguous row bands keep ascending order.
        for (int l = 0; l < layers; l++)
        {
            layerCount[l] = layerStart[l];
        }
        for (int s = 0; s < n; s++)
        {
            final int id = ids[s];
            sorted[layerCount[geo.layerOf(id)]++] = id;
        }
    }

    /**
     * Reports each core's work of the step once, split by layer (layer {@code l} of the geometry is sink layer
     * {@code l − 1}); the STDP unit's updates and Decrement Track writes belong to the learning layer.
     */
    private void report(final long tick)
    {
        final int stdpLayer = learning ? stdp.layer() : -1;
        for (final ConvCore core : cores)
        {
            final int id = core.coreId();
            for (int l = 1; l <= depth; l++)
            {
                counts.addTick(l, core.tickOps[l], core.tickSpikesOut[l]);
                counts.addNeuronUpdates(l, core.tickUpdates[l]);
                final long stdpUpdates = l == stdpLayer ? stdp.coreUpdates[id] : 0L;
                final long decrements = l == stdpLayer ? stdp.coreDecrements[id] : 0L;
                sink.onLayerTick(tick, l - 1, id, core.tickSpikesIn[l], core.tickOps[l], core.tickUpdates[l],
                    stdpUpdates, decrements, core.tickSpikesOut[l]);
            }
        }
    }
}
