package org.spikeprune.cli.trace;

import java.util.Arrays;

import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.traces.TickWorkDescriptor;
import org.spikeprune.traces.TraceSink;

/**
 * Feeds a recorded run into an {@link ActivityLog} so that it ends up as the live run left it, but without a call
 * per core-tick: the core-tick records of a tick are summed the way the log sums them (synaptic ops, updates,
 * decrements and spikes out added up; the tick's spikes are the largest per-core {@code spikesIn}), counted per
 * phase in a histogram of its own (in order of first appearance, as the log's), and handed over at
 * {@link #finish()} with {@link ActivityLog#recordTicks}, one call per distinct tick. A tick ends where the log's
 * own would: at the next tick, an image boundary or a Prune unit pass. Numbered ticks ({@link TraceSink#onTicks}
 * with a shape number, {@link TraceSink#onTickSequence}) cost one array increment each after their number's first
 * appearance in the phase.
 * Core-ticks before the first image go straight to {@link ActivityLog#onCoreTick}, since the log files them under
 * an image of its own.
 *
 * <p>So the log's tick histogram (vectors, counts and their order), image and presentation counts and prune
 * passes are the live run's, and {@link org.spikeprune.fpga.HardwareEstimate} gives the same numbers. (Per-image
 * totals, which only {@code activity.bin} shows, are not filled in.)
 */
public final class HardwareReplay implements TraceSink
{
    private final ActivityLog log;
    private final Histogram[] phases = {new Histogram(), new Histogram()};
    private final long[] vector = new long[ActivityLog.TICK_FIELDS];
    private int phase = ActivityLog.LEARNING;
    private boolean imageSeen;
    private boolean pending;
    private long pendingTick;
    private long maxSpikes;
    private long sops;
    private long updates;
    private long stdp;
    private long decrements;
    private long out;

    /**
     * @param log the log to fill (usually empty).
     */
    public HardwareReplay(final ActivityLog log)
    {
        this.log = log;
    }

    @Override
    public void onImageStart(final long tick, final int image, final int label, final boolean learning,
        final int repeat)
    {
        closeTick();
        imageSeen = true;
        phase = learning ? ActivityLog.LEARNING : ActivityLog.INFERENCE;
        log.onImageStart(tick, image, label, learning, repeat);
    }

    @Override
    public void onCoreTick(final long tick, final int core, final int spikesIn, final long synapticOps,
        final long neuronUpdates, final long stdpUpdates, final long decrements, final int spikesOut)
    {
        if (!imageSeen)
        {
            log.onCoreTick(tick, core, spikesIn, synapticOps, neuronUpdates, stdpUpdates, decrements, spikesOut);
            return;
        }
        if (pending && tick != pendingTick)
        {
            closeTick();
        }
        pending = true;
        pendingTick = tick;
        maxSpikes = Math.max(maxSpikes, spikesIn);
        sops += synapticOps;
        updates += neuronUpdates;
        stdp += stdpUpdates;
        this.decrements += decrements;
        out += spikesOut;
    }

    @Override
    public void onTicks(final long tick, final int repeat, final int shape, final int cores, final long[] vectors)
    {
        if (!imageSeen || pending && tick == pendingTick)
        {
            TraceSink.super.onTicks(tick, repeat, shape, cores, vectors);
            return;
        }
        closeTick();
        final Histogram h = phases[phase];
        if (shape >= 0 && h.addShape(shape, repeat))
        {
            return;
        }
        long spikes = 0;
        long s = 0;
        long u = 0;
        long p = 0;
        long d = 0;
        long o = 0;
        int at = 0;
        for (int c = 0; c < cores; c++)
        {
            spikes = Math.max(spikes, (int)vectors[at + TickWorkDescriptor.SPIKES_IN]);
            s += vectors[at + TickWorkDescriptor.SYNAPTIC_OPS];
            u += vectors[at + TickWorkDescriptor.NEURON_UPDATES];
            p += vectors[at + TickWorkDescriptor.STDP_UPDATES];
            d += vectors[at + TickWorkDescriptor.DECREMENTS];
            o += (int)vectors[at + TickWorkDescriptor.SPIKES_OUT];
            at += TickWorkDescriptor.FIELDS;
        }
        final int entry = h.add(fill(spikes, s, u, p, d, o), repeat);
        if (shape >= 0)
        {
            h.nameShape(shape, entry);
        }
    }

    @Override
    public boolean onTickSequence(final long tick, final int count, final int[] shapes)
    {
        if (!imageSeen || pending)
        {
            return false;
        }
        return phases[phase].addShapes(shapes, count);
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        closeTick();
        log.onPrune(tick, evaluations, pruned, groups);
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        closeTick();
        log.onImageEnd(tick, image, spikes);
    }

    /** Hands the ticks over to the log, in order of first appearance, and flushes it. Call it once, at the end. */
    public void finish()
    {
        closeTick();
        log.finish();
        for (int ph = 0; ph < phases.length; ph++)
        {
            final Histogram h = phases[ph];
            for (int e = 0; e < h.size; e++)
            {
                System.arraycopy(h.keys, e * ActivityLog.TICK_FIELDS, vector, 0, ActivityLog.TICK_FIELDS);
                log.recordTicks(ph, vector, h.counts[e]);
            }
        }
    }

    private void closeTick()
    {
        if (!pending)
        {
            return;
        }
        pending = false;
        phases[phase].add(fill(maxSpikes, sops, updates, stdp, decrements, out), 1);
        maxSpikes = 0;
        sops = 0;
        updates = 0;
        stdp = 0;
        decrements = 0;
        out = 0;
    }

    private long[] fill(final long spikes, final long s, final long u, final long p, final long d, final long o)
    {
        final long[] v = vector;
        v[ActivityLog.LAYER] = 0;
        v[ActivityLog.SPIKES] = spikes;
        v[ActivityLog.SYNAPTIC_OPS] = s;
        v[ActivityLog.NEURON_UPDATES] = u;
        v[ActivityLog.STDP_UPDATES] = p;
        v[ActivityLog.DECREMENTS] = d;
        v[ActivityLog.SPIKES_OUT] = o;
        return v;
    }

    /**
     * Distinct tick vectors of one phase with their counts, in order of first appearance (open addressing over
     * primitive arrays), and which entry each shape number maps to.
     */
    private static final class Histogram
    {
        private static final int F = ActivityLog.TICK_FIELDS;

        private long[] keys = new long[256 * F];
        private long[] counts = new long[256];
        private int[] table = new int[512];
        private int size;
        private int[] shapeEntry = new int[256];

        Histogram()
        {
            Arrays.fill(table, -1);
            Arrays.fill(shapeEntry, -1);
        }

        /** Counts a run of a shape already mapped to an entry; false if the shape is not mapped yet. */
        boolean addShape(final int shape, final long times)
        {
            if (shape >= shapeEntry.length)
            {
                return false;
            }
            final int e = shapeEntry[shape];
            if (e < 0)
            {
                return false;
            }
            counts[e] += times;
            return true;
        }

        /** Counts one tick of each shape if every one is mapped to an entry; else changes nothing, false. */
        boolean addShapes(final int[] shapes, final int count)
        {
            final int[] map = shapeEntry;
            for (int i = 0; i < count; i++)
            {
                final int s = shapes[i];
                if (s >= map.length || map[s] < 0)
                {
                    return false;
                }
            }
            final long[] c = counts;
            for (int i = 0; i < count; i++)
            {
                c[map[shapes[i]]]++;
            }
            return true;
        }

        void nameShape(final int shape, final int entry)
        {
            if (shape >= shapeEntry.length)
            {
                final int old = shapeEntry.length;
                shapeEntry = Arrays.copyOf(shapeEntry, Math.max(shape + 1, old * 2));
                Arrays.fill(shapeEntry, old, shapeEntry.length, -1);
            }
            shapeEntry[shape] = entry;
        }

        /** Adds {@code times} occurrences of {@code v}; returns its entry. */
        int add(final long[] v, final long times)
        {
            final int mask = table.length - 1;
            int slot = hash(v) & mask;
            while (true)
            {
                final int e = table[slot];
                if (e < 0)
                {
                    break;
                }
                if (Arrays.equals(keys, e * F, e * F + F, v, 0, F))
                {
                    counts[e] += times;
                    return e;
                }
                slot = (slot + 1) & mask;
            }
            if (size == counts.length)
            {
                keys = Arrays.copyOf(keys, keys.length * 2);
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            System.arraycopy(v, 0, keys, size * F, F);
            counts[size] = times;
            table[slot] = size;
            size++;
            if (2 * size > table.length)
            {
                table = new int[table.length * 2];
                Arrays.fill(table, -1);
                for (int e = 0; e < size; e++)
                {
                    int s = hashAt(e) & (table.length - 1);
                    while (table[s] >= 0)
                    {
                        s = (s + 1) & (table.length - 1);
                    }
                    table[s] = e;
                }
            }
            return size - 1;
        }

        private int hashAt(final int e)
        {
            long h = 0;
            for (int f = 0; f < F; f++)
            {
                h = h * 0x9E37_79B9_7F4A_7C15L + keys[e * F + f];
            }
            return (int)(h ^ (h >>> 29) ^ (h >>> 47));
        }

        private static int hash(final long[] v)
        {
            long h = 0;
            for (int f = 0; f < F; f++)
            {
                h = h * 0x9E37_79B9_7F4A_7C15L + v[f];
            }
            return (int)(h ^ (h >>> 29) ^ (h >>> 47));
        }
    }
}
