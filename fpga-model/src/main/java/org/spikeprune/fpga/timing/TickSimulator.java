package org.spikeprune.fpga.timing;

import java.util.Arrays;

import org.spikeprune.fpga.HardwareConfig;
import org.spikeprune.fpga.MemoryConfig;
import org.spikeprune.fpga.MemorySharing;
import org.spikeprune.fpga.PruneScheme;

/**
 * Cycle-level timing of one tick of one layer on a configured core (paper B §4, Fig. 5), in three stages that
 * follow one another, as in the paper's flow, then a handshake:
 *
 * <pre>
 *  1. accumulate   Controller ──push──▶ FIFO[p] (depth D) ──pop──▶ PE p ──▶ Weight mem (read) + Potential mem (RMW)
 *                  a discrete-event simulation: the Controller dispatches one spike per {@code cycles.dispatch},
 *                  pushing it in the same cycle into the FIFO of every PE holding live synapses of its row, and
 *                  stalls while any of those FIFOs is full; PE p pops its head the cycle after the push at the
 *                  earliest (and after its previous burst) and issues the row's r synaptic ops as a pipelined burst
 *                    busy = max(ceil(ceil(r / weightsPerWord) / weightPorts), ceil(2r / potentialPorts),
 *                               r · cycles.sop)
 *                  using its Weight bank for ceil(words / ports) and its Potential bank for ceil(2r / ports) of
 *                  those cycles. A bank shared by PEs serves the bursts' accesses back to back, first come, first
 *                  served (earlier request, then lower PE); a burst ends no earlier than the bank has served its
 *                  share, and the extra cycles are counted as a conflict stall.
 *                  The burst's last write lands drain = max(weight, potential read latency) + cycles.sop cycles
 *                  after its last issue. Read-after-write on a potential is forwarded (no hazard stall).
 *  2. threshold    each PE reads, updates and writes back its share of the neuron updates (one per
 *                  cycles.neuronUpdate, two Potential accesses each), then the spike IDs are written to Spike
 *                  memory (queued behind the compares).
 *  3. STDP         the STDP unit(s) read and write each updated weight (two Weight accesses) and, with paper B's
 *                  pruning hardware, read-modify-write each decrement's counter in Decrement Track memory.
 *  4. handshake    cycles.tickOverhead.
 * </pre>
 *
 * <p>A tick given as counts ({@link #timeCounts}) with more than {@link #EVENT_LIMIT} spike deliveries, on
 * FIFOs at least 2 deep, is timed by the closed form of the same queue (the max-plus recursion of a single
 * server fed at the Controller's rate, and each shared bank's total), which is exact when all bursts are equal
 * and was within a few cycles of the event simulation on random ticks (TickSimulatorTest); with 1-deep FIFOs the
 * PEs are coupled through the blocked Controller and only the event simulation is used.
 * {@link TickTiming#closedForm} tells which was used.
 *
 * <p>Not thread-safe; one per thread. No allocation per tick.
 */
public final class TickSimulator
{
    /** Spike deliveries above which {@link #timeCounts} uses the closed form. */
    public static final int EVENT_LIMIT = 1024;

    private final HardwareConfig config;
    private final int pes;
    private final int depth;
    private final int weightsPerWord;
    private final int weightPorts;
    private final int potentialPorts;
    private final int drain;
    private final int dispatch;
    private final boolean weightShared;
    private final boolean potentialShared;

    private final int[] fifoHead;
    private final int[] fifoSize;
    private final long[] fifoReady;
    private final long[] fifoOps;
    private final long[] peFree;
    private final long[] peDone;
    private final long[] weightBankFree;
    private final long[] potentialBankFree;
    private final long[] burstBusy;
    private final long[] burstCount;
    private final long[] burstWeight;
    private final long[] burstPotential;
    private final long[] burstLast;

    private final TickWork scratch = new TickWork();

    /**
     * Slots of the accumulate-stage memo of {@link #timeCounts}: a power of two. Given as counts, the accumulate
     * stage depends on nothing but (spikes, synaptic ops), so a recorded run's distinct tick vectors (tens of
     * thousands) share a few thousand accumulate simulations. The memo is cleared when three quarters full.
     */
    static final int MEMO_SLOTS = 1 << 14;
    /** Accumulate-stage fields kept per memo entry. */
    private static final int MEMO_FIELDS = 8;
    /** Per slot: spikes (-1 when empty) and synaptic ops of the key; allocated on first use. */
    private long[] memoKeys;
    /** Per slot: the accumulate stage's results (see {@link #remember}). */
    private long[] memoValues;
    private int memoSize;
    private long memoHits;

    /**
     * A simulator for a configuration.
     *
     * @param config the hardware.
     */
    public TickSimulator(final HardwareConfig config)
    {
        this.config = config;
        this.pes = config.processingElements();
        this.depth = config.fifoDepth();
        this.weightsPerWord = config.weightsPerWord();
        this.weightPorts = config.weightMemory().ports();
        this.potentialPorts = config.potentialMemory().ports();
        this.drain = Math.max(config.weightMemory().readLatency(), config.potentialMemory().readLatency())
            + config.cycles().sop();
        this.dispatch = config.cycles().dispatch();
        this.weightShared = config.weightMemory().sharing() == MemorySharing.SHARED;
        this.potentialShared = config.potentialMemory().sharing() == MemorySharing.SHARED;
        fifoHead = new int[pes];
        fifoSize = new int[pes];
        fifoReady = new long[pes * depth];
        fifoOps = new long[pes * depth];
        peFree = new long[pes];
        peDone = new long[pes];
        weightBankFree = new long[pes];
        potentialBankFree = new long[pes];
        burstBusy = new long[pes];
        burstCount = new long[pes];
        burstWeight = new long[pes];
        burstPotential = new long[pes];
        burstLast = new long[pes];
    }

    /** @return the configuration. */
    public HardwareConfig config()
    {
        return config;
    }

    /**
     * Times a tick given as counts, its synaptic ops spread evenly ({@link TickWork#fromCounts}).
     *
     * @param spikes        spikes dispatched.
     * @param sops          synaptic operations.
     * @param neuronUpdates neuron updates.
     * @param stdpUpdates   STDP updates.
     * @param decrements    decrements.
     * @param spikesOut     spikes out.
     * @param out           receives the timing.
     */
    public void timeCounts(final long spikes, final long sops, final long neuronUpdates, final long stdpUpdates,
        final long decrements, final long spikesOut, final TickTiming out)
    {
        out.clear();
        final int slot = memoSlot(spikes, sops);
        if (memoKeys[2 * slot] >= 0)
        {
            recall(slot, out);
            memoHits++;
        }
        else
        {
            final long deliveries = Math.max(spikes, sops > 0 ? 1 : 0) * Math.min(pes, Math.max(1, sops));
            if (deliveries > EVENT_LIMIT && depth >= 2)
            {
                accumulateClosedForm(sops > 0 ? Math.max(1, spikes) : spikes, sops, out);
                out.closedForm = true;
            }
            else
            {
                scratch.fromCounts(spikes, sops, neuronUpdates, stdpUpdates, decrements, spikesOut, pes);
                accumulateEvents(scratch, out);
            }
            remember(slot, spikes, sops, out);
        }
        finishTick(spikes, neuronUpdates, stdpUpdates, decrements, spikesOut, out);
    }

    /** @return how many {@link #timeCounts} calls found their accumulate stage in the memo. */
    public long memoHits()
    {
        return memoHits;
    }

    /** The memo slot of (spikes, sops): where it is stored, or the empty slot where it belongs. */
    private int memoSlot(final long spikes, final long sops)
    {
        if (memoKeys == null)
        {
            memoKeys = new long[2 * MEMO_SLOTS];
            memoValues = new long[MEMO_FIELDS * MEMO_SLOTS];
            Arrays.fill(memoKeys, -1L);
        }
        final long[] keys = memoKeys;
        long h = spikes * 0x9E37_79B9_7F4A_7C15L + sops;
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        int slot = (int)(h ^ (h >>> 32)) & (MEMO_SLOTS - 1);
        while (true)
        {
            final long k = keys[2 * slot];
            if (k < 0 || k == spikes && keys[2 * slot + 1] == sops)
            {
                return slot;
            }
            slot = (slot + 1) & (MEMO_SLOTS - 1);
        }
    }

    private void remember(final int slot, final long spikes, final long sops, final TickTiming t)
    {
        if (memoSize >= MEMO_SLOTS / 4 * 3)
        {
            // Full enough: start again rather than probe long chains (the new entry is simply not kept).
            Arrays.fill(memoKeys, -1L);
            memoSize = 0;
            return;
        }
        memoKeys[2 * slot] = spikes;
        memoKeys[2 * slot + 1] = sops;
        final long[] v = memoValues;
        final int at = MEMO_FIELDS * slot;
        v[at] = t.accumulateCycles;
        v[at + 1] = t.controllerBusy;
        v[at + 2] = t.controllerStall;
        v[at + 3] = t.peBusy;
        v[at + 4] = t.conflictStall;
        v[at + 5] = t.weightAccesses;
        v[at + 6] = t.potentialAccesses;
        v[at + 7] = t.closedForm ? 1 : 0;
        memoSize++;
    }

    private void recall(final int slot, final TickTiming t)
    {
        final long[] v = memoValues;
        final int at = MEMO_FIELDS * slot;
        t.accumulateCycles = v[at];
        t.controllerBusy = v[at + 1];
        t.controllerStall = v[at + 2];
        t.peBusy = v[at + 3];
        t.conflictStall = v[at + 4];
        t.weightAccesses = v[at + 5];
        t.potentialAccesses = v[at + 6];
        t.closedForm = v[at + 7] != 0;
    }

    /**
     * Times an explicitly described tick by the event simulation.
     *
     * @param work the tick.
     * @param out  receives the timing.
     */
    public void time(final TickWork work, final TickTiming out)
    {
        out.clear();
        final int entries = work.spikes() == 0 ? 0 : work.endEntry(work.spikes() - 1);
        for (int e = 0; e < entries; e++)
        {
            if (work.pe(e) >= pes)
            {
                throw new IllegalArgumentException("spike targets PE " + work.pe(e) + " but the core has " + pes);
            }
        }
        accumulateEvents(work, out);
        finishTick(work.spikes(), work.neuronUpdates(), work.stdpUpdates(), work.decrements(), work.spikesOut(), out);
    }

    private void accumulateEvents(final TickWork work, final TickTiming out)
    {
        final int s = work.spikes();
        if (s == 0)
        {
            return;
        }
        for (int p = 0; p < pes; p++)
        {
            fifoHead[p] = 0;
            fifoSize[p] = 0;
            peFree[p] = 0;
            peDone[p] = 0;
            weightBankFree[p] = 0;
            potentialBankFree[p] = 0;
        }
        long now = 0;
        long ctrlReady = 0;
        int next = 0;
        while (true)
        {
            int bestPe = -1;
            long bestT = Long.MAX_VALUE;
            for (int p = 0; p < pes; p++)
            {
                if (fifoSize[p] > 0)
                {
                    final long t = Math.max(fifoReady[p * depth + fifoHead[p]], peFree[p]);
                    if (t < bestT)
                    {
                        bestT = t;
                        bestPe = p;
                    }
                }
            }
            long ctrlT = Long.MAX_VALUE;
            if (next < s)
            {
                boolean blocked = false;
                for (int e = work.firstEntry(next); e < work.endEntry(next); e++)
                {
                    if (fifoSize[work.pe(e)] == depth)
                    {
                        blocked = true;
                        break;
                    }
                }
                if (!blocked)
                {
                    ctrlT = Math.max(ctrlReady, now);
                }
            }
            if (bestPe < 0 && ctrlT == Long.MAX_VALUE)
            {
                break;
            }
            if (bestT <= ctrlT)
            {
                now = bestT;
                final int p = bestPe;
                final int slot = p * depth + fifoHead[p];
                final long r = fifoOps[slot];
                fifoHead[p] = (fifoHead[p] + 1) % depth;
                fifoSize[p]--;
                final long words = ceilDiv(r, weightsPerWord);
                final long dw = ceilDiv(words, weightPorts);
                final long dp = ceilDiv(2 * r, potentialPorts);
                final long busy = Math.max(Math.max(dw, dp), r * config.cycles().sop());
                // Each bank serves its granted accesses back to back, first come, first served; a burst cannot
                // end before the bank has served its share of it.
                final int wb = weightShared ? 0 : p;
                final int pb = potentialShared ? 0 : p;
                final long weightEnd = Math.max(now, weightBankFree[wb]) + dw;
                final long potentialEnd = Math.max(now, potentialBankFree[pb]) + dp;
                weightBankFree[wb] = weightEnd;
                potentialBankFree[pb] = potentialEnd;
                final long end = Math.max(now + busy, Math.max(weightEnd, potentialEnd));
                out.conflictStall += end - (now + busy);
                out.peBusy += busy;
                out.weightAccesses += words;
                out.potentialAccesses += 2 * r;
                peFree[p] = end;
                peDone[p] = end + drain;
            }
            else
            {
                now = ctrlT;
                out.controllerStall += now - ctrlReady;
                for (int e = work.firstEntry(next); e < work.endEntry(next); e++)
                {
                    final int p = work.pe(e);
                    final int slot = p * depth + (fifoHead[p] + fifoSize[p]) % depth;
                    fifoReady[slot] = now + 1;
                    fifoOps[slot] = work.ops(e);
                    fifoSize[p]++;
                }
                out.controllerBusy += dispatch;
                ctrlReady = now + dispatch;
                next++;
            }
        }
        long end = ctrlReady;
        for (int p = 0; p < pes; p++)
        {
            end = Math.max(end, peDone[p]);
        }
        out.accumulateCycles = end;
    }

    /**
     * Closed form of the accumulate stage for evenly spread work: per PE, the bursts it receives (their sizes in
     * proportion to {@link TickWork#fromCounts}'s spread), their total issue time B_p and the last burst b; the
     * Controller offers a spike every d cycles. A single server fed at times k·d finishes at
     * max(1 + B_p, 1 + (S−1)·d + b) (the two extreme terms of the max-plus recursion); a bank shared by the PEs
     * adds its own bound 1 + Σ bank cycles.
     */
    private void accumulateClosedForm(final long s, final long sops, final TickTiming out)
    {
        if (s == 0)
        {
            return;
        }
        for (int p = 0; p < pes; p++)
        {
            burstBusy[p] = 0;
            burstCount[p] = 0;
            burstWeight[p] = 0;
            burstPotential[p] = 0;
            burstLast[p] = 0;
        }
        addBursts(s, sops, out);
        long peBound = 0;
        long maxBusy = 0;
        long weightTotal = 0;
        long potentialTotal = 0;
        for (int p = 0; p < pes; p++)
        {
            if (burstCount[p] == 0)
            {
                continue;
            }
            final long last = Math.max(burstLast[p], 1);
            peBound = Math.max(peBound, Math.max(1 + burstBusy[p], 1 + (s - 1) * dispatch + last) + drain);
            maxBusy = Math.max(maxBusy, burstBusy[p]);
            weightTotal += burstWeight[p];
            potentialTotal += burstPotential[p];
            out.peBusy += burstBusy[p];
        }
        long bound = peBound;
        if (weightShared)
        {
            bound = Math.max(bound, 1 + weightTotal + drain);
        }
        if (potentialShared)
        {
            bound = Math.max(bound, 1 + potentialTotal + drain);
        }
        out.conflictStall += bound - peBound;
        out.accumulateCycles = Math.max(s * dispatch, bound);
        out.controllerBusy += s * dispatch;
        // The Controller blocks once the slowest PE's FIFO is full: its pushes then follow that PE's pops.
        final double demand = (double) maxBusy / s;
        if (demand > dispatch && s - 1 - depth > 0)
        {
            out.controllerStall += Math.max(0, Math.round(1 + (s - 1 - depth) * demand - (s - 1) * dispatch));
        }
    }

    /**
     * The bursts each PE receives under {@link TickWork#fromCounts}: PE p gets T_p = ceil or floor of sops / pes ops
     * in all; every spike of o ops gives it floor(o / pes) or one more, so it gets T_p − Σ floor(o_k / pes) bursts
     * one op larger than the floor (exact as a multiset when all spikes have the same floor).
     */
    private void addBursts(final long s, final long sops, final TickTiming out)
    {
        final long base = sops / s;
        final long extra = sops % s;
        final long floorBig = (base + 1) / pes;
        final long floorSmall = base / pes;
        final long floors = extra * floorBig + (s - extra) * floorSmall;
        final long bigRemainder = (base + 1) % pes;
        for (int p = 0; p < pes; p++)
        {
            final long total = sops / pes + (p < sops % pes ? 1 : 0);
            final long plusOne = Math.max(0, Math.min(s, total - floors));
            // The larger spikes give one op more to a share (base + 1) mod pes / pes of the PEs; the smaller ones
            // to the rest of the PE's one-op-larger bursts.
            final long bigShare = Math.min(extra, Math.min(plusOne, Math.round((double) extra * bigRemainder / pes)));
            final long smallPlus = Math.min(s - extra, plusOne - bigShare);
            final long bigPlus = Math.min(extra, plusOne - smallPlus);
            add(p, floorBig + 1, bigPlus, out);
            add(p, floorBig, extra - bigPlus, out);
            add(p, floorSmall + 1, smallPlus, out);
            add(p, floorSmall, s - extra - smallPlus, out);
            burstLast[p] = burst(Math.max(1, floorSmall));
        }
    }

    private void add(final int p, final long ops, final long bursts, final TickTiming out)
    {
        if (ops <= 0 || bursts <= 0)
        {
            return;
        }
        final long words = ceilDiv(ops, weightsPerWord);
        burstBusy[p] += bursts * burst(ops);
        burstCount[p] += bursts;
        burstWeight[p] += bursts * ceilDiv(words, weightPorts);
        burstPotential[p] += bursts * ceilDiv(2 * ops, potentialPorts);
        out.weightAccesses += bursts * words;
        out.potentialAccesses += bursts * 2 * ops;
    }

    private long burst(final long ops)
    {
        final long words = ceilDiv(ops, weightsPerWord);
        return Math.max(Math.max(ceilDiv(words, weightPorts), ceilDiv(2 * ops, potentialPorts)),
            ops * config.cycles().sop());
    }

    private void finishTick(final long spikes, final long neuronUpdates, final long stdpUpdates,
        final long decrements, final long spikesOut, final TickTiming out)
    {
        out.spikeAccesses += spikes;
        // Stage 2: threshold compare and Spike memory writes.
        if (neuronUpdates > 0 || spikesOut > 0)
        {
            final MemoryConfig pm = config.potentialMemory();
            final long perPe = ceilDiv(neuronUpdates, pes);
            long busy = Math.max(perPe * config.cycles().neuronUpdate(), ceilDiv(2 * perPe, pm.ports()));
            if (potentialShared)
            {
                busy = Math.max(busy, ceilDiv(2 * neuronUpdates, pm.ports()));
            }
            final long compute = neuronUpdates > 0 ? busy + pm.readLatency() + config.cycles().neuronUpdate() : 0;
            final MemoryConfig sm = config.spikeMemory();
            final long writers = sm.sharing() == MemorySharing.SHARED ? spikesOut : ceilDiv(spikesOut, pes);
            out.thresholdCycles = compute + ceilDiv(writers, sm.ports());
            out.peBusy += neuronUpdates * config.cycles().neuronUpdate();
            out.potentialAccesses += 2 * neuronUpdates;
            out.spikeAccesses += spikesOut;
        }
        // Stage 3: STDP unit and Decrement Track memory.
        if (stdpUpdates > 0)
        {
            final MemoryConfig wm = config.weightMemory();
            final int units = config.units().stdpUnits();
            final long dw = ceilDiv(2 * stdpUpdates, (long) wm.ports() * Math.min(units, wm.banks(pes)));
            final long dc = ceilDiv(stdpUpdates * config.cycles().stdpUpdate(), units);
            long dd = 0;
            int latency = wm.readLatency();
            if (config.pruneScheme() == PruneScheme.DECREMENT && decrements > 0)
            {
                final MemoryConfig dm = config.decrementMemory();
                dd = ceilDiv(2 * decrements, (long) dm.ports() * Math.min(units, dm.banks(pes)));
                latency = Math.max(latency, dm.readLatency());
                out.decrementAccesses += 2 * decrements;
            }
            final long busy = Math.max(Math.max(dw, dc), dd);
            out.stdpCycles = busy + latency + config.cycles().stdpUpdate();
            out.stdpBusy += busy;
            out.weightAccesses += 2 * stdpUpdates;
        }
        out.overheadCycles = config.cycles().tickOverhead();
    }

    static long ceilDiv(final long a, final long b)
    {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
