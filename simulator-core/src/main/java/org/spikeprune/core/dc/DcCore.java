package org.spikeprune.core.dc;

import java.util.Arrays;

import org.spikeprune.engine.ProcessingElement;
import org.spikeprune.engine.SpikeBatch;

/**
 * One processing element of paper A's network: a contiguous range of excitatory neurons, their inhibitory
 * partners, and every input → excitatory synapse onto them. It holds the units' state as primitive arrays:
 * Potential memory ({@code v}, conductances), Spike memory (the output batch), Weight memory
 * ({@link SynapseTable}), and runs the STDP unit on its own synapses.
 *
 * <p>Order of work in tick {@code T} (the canonical order that makes every partition give the same numbers):
 * <ol>
 *   <li>catch up ticks the engine skipped (closed-form relaxation of v, θ decay);</li>
 *   <li>excitatory spikes of {@code T-1} excite their inhibitory partners, inhibitory spikes of {@code T-1}
 *       inhibit every other excitatory neuron;</li>
 *   <li>input spikes emitted at {@code T} are propagated at once over all their synapses, each weight read now
 *       and added to the conductance increment of its arrival tick {@code T+d} (Brian 1's
 *       {@code DelayConnection}: a delayed spike carries the weight of its emission time); the increments due at
 *       {@code T} are added to the conductances;</li>
 *   <li>the STDP pre-spike depression of every arrival at {@code T} (w -= ν_pre·y1(T), clipped at 0; the pre
 *       trace is set at arrival), applied lazily but exactly: see below;</li>
 *   <li>one Euler step of every neuron, threshold, reset, refractoriness, adaptive threshold θ;</li>
 *   <li>STDP potentiation of every excitatory neuron that fired (w += ν_post·x·y2, clipped at w_max).</li>
 * </ol>
 *
 * <p>Lazy depression. An input's synapses are visited once per input spike, at emission, never once per
 * (input, delay) group and tick. The depressions of its arrivals are applied when the weights are next needed,
 * with the values they would have had at arrival: before the input's next emission reads its row (arrivals up to
 * the tick before), before a post-synaptic neuron's potentiation (arrivals up to that tick, before its last post
 * spike changes), and before anything outside the tick loop reads the weights ({@link #settle()}). A synapse
 * {@code (i, j)} has had every arrival up to {@code max(rowSettled[i], colSettled[j])} applied; the trace
 * {@code y1_j(T)} of an arrival at {@code T} is taken from the last post spike of j before T, which is still the
 * last one when the arrival is applied. Each depression is {@code w ← max(0, w − a)} applied in arrival order per
 * synapse, so the weights are exactly those of depressing at every arrival. A depression by a zero trace changes
 * nothing, and y1 is zero for every neuron that has not fired in the last {@code y1Table.length} ticks, so the
 * pending depressions of recent arrivals visit only the synapses onto the recent spikers (usually a few percent of
 * the neurons); arrivals older than the list of recent spikers covers visit the whole row.
 */
final class DcCore implements ProcessingElement
{
    final int id;
    final int lo;
    final int n;
    private final int inputs;
    private final int excTotal;
    private final int delays;
    private final DcParams p;

    // Potential memory (excitatory)
    final double[] v;
    final double[] ge;
    final double[] gi;
    final double[] theta;
    final int[] refractoryUntil;
    final int[] lastPost;
    final boolean[] disabled;
    /** 1 when the neuron integrates, 0 while refractory or removed: multiplies the Euler increment. */
    private final double[] free;
    /** Refractory neurons in order of release (all share one refractory period): a FIFO ring. */
    private final int[] refractoryQueue;
    private int refractoryHead;
    private int refractoryCount;
    // inhibitory partners
    final double[] iv;
    final double[] ige;
    final double[] igi;
    final int[] iRefractoryUntil;
    /** Inhibitory neurons with conductance (integrated every tick); the others relax in closed form, lazily. */
    private final int[] iActive;
    private final boolean[] iIsActive;
    private int iActiveCount;
    private final int[] iLast;

    /** {@link #where} code of a pruned synapse; frozen synapses have codes below it. */
    static final int PRUNED = -1;

    // Weight memory
    SynapseTable plastic;
    int[] wherePlastic;
    float[] normFactor;
    /**
     * Set by the network before a learning presentation's run: the core normalises its own synapses at the start
     * of the run ({@link #onRunStart(long)}), on the thread that runs it.
     */
    boolean normalisePending;
    /** The network whose normalisation rule the core applies to its synapses; null for a core on its own. */
    DcNetwork network;
    /** Per neuron, the sum of its plastic weights as of the last normalisation (the weights after scaling). */
    double[] normPlastic;
    double[] normFrozen;
    int[] normLive;
    /** The tables the sums above belong to: a rebuilt table (prune pass, load) is summed again whole. */
    SynapseTable normTable;
    SynapseTable normFrozenTable;
    /** Every weight change after the last normalisation comes from an arrival or a post spike after this tick. */
    private int normalisedAt = SynapseTable.NEVER;
    private byte[] plasticMark;
    private byte[] frozenMark;
    private boolean dirty;
    SynapseTable frozen;
    int[] potentiationStart;
    int[] potentiationPos;

    /** Conductance increments of the arrivals in flight: slot ({@code tick mod delays}) after slot, n entries each. */
    private final double[] incoming;
    /** The one-loop emission kernel is used while a table holds fewer than this many synapses per delay group. */
    static final int ONE_LOOP_MAX_GROUP = 48;
    /**
     * Arrivals due at each slot on plastic synapses: accumulations (SOPs) and, when they arrive while learning,
     * pre-spike depressions (STDP updates); an arrival after learning is switched off is not depressed.
     */
    private final long[] plasticDue;
    /** Arrivals due at each slot on frozen synapses: accumulations only. */
    private final long[] frozenDue;
    /** Every arrival up to this tick has been depressed on every plastic synapse of input i. */
    private final int[] rowSettled;
    /** Every arrival up to this tick has been depressed on every plastic synapse onto neuron j. */
    private final int[] colSettled;
    /** The last {@code pendingEmissions[i]} emissions of input i have arrivals not yet depressed everywhere. */
    private final int[] pendingEmissions;
    /** Some emission has depressions pending. */
    private boolean unsettled;
    /** The tick of the latest potentiation, and how many neurons potentiated in that tick. */
    private int potentiationTick = Integer.MIN_VALUE;
    private int potentiationsThisTick;
    /** Recent spikers are kept this many ticks beyond the length of the trace y1. */
    static final int RECENT_TICKS = 256;
    /**
     * Every neuron whose last spike is at or after {@link #recentFrom}: a superset of the neurons whose first post
     * trace can be non-zero at any arrival from {@code recentFrom + y1Table.length - 1} on. A depression by a zero
     * trace leaves a weight unchanged, so the pending depressions of such arrivals need visit only the synapses
     * onto these neurons.
     */
    private final int[] recent;
    private final boolean[] isRecent;
    private int recentCount;
    private final int recentKeep;
    private int recentFrom = SynapseTable.NEVER;

    /**
     * Every input that emitted in the last {@link #activeKeep} ticks or still has emissions whose depressions are
     * pending: a superset of the inputs whose synapses a post spike can change (a pre trace x that is not zero, or
     * a pending depression to apply before the potentiation).
     */
    private final int[] activeInputs;
    private final boolean[] isActiveInput;
    private int activeInputCount;
    private final int activeKeep;
    private int activeSweepAt = Integer.MIN_VALUE;

    // input spikes of the last `delays` ticks, by tick slot
    private final int[][] ringIds;
    private final int[] ringCount;
    private final long[] ringTick;

    /** The last {@code historyDepth} emission ticks of each input: its pre-synaptic trace at any synapse. */
    private final int[] history;
    private final int[] historyHead;
    private final int historyDepth;

    private final float[] xTable;
    private final float[] y1Table;
    private final float[] y2Table;
    private final double excLeak;
    private final double excGeDecay;
    private final double excGiDecay;
    private final double thetaDecay;
    private final double inhLeak;
    private final double inhGeDecay;
    private final double inhGiDecay;
    private final float nuPre;
    private final float nuPost;
    private final float wMax;
    private final double gEps;

    private boolean learning;
    private long lastTick = Long.MIN_VALUE;
    private int pendingInh;
    private int spikesIn;

    /** Rows settled through the recent spikers and through the delay groups (for tests). */
    long recentSettles;
    long groupSettles;
    /** Post spikes whose potentiation visited only the active inputs (for tests). */
    long activePotentiations;

    // counters (read by the network between ticks)
    long synapticOps;
    long stdpUpdates;
    long decrements;
    long neuronUpdates;
    int tickSpikesIn;
    int tickSpikesOut;

    DcCore(final int id, final int lo, final int n, final int inputs, final DcParams p)
    {
        this.id = id;
        this.lo = lo;
        this.n = n;
        this.inputs = inputs;
        this.excTotal = p.excNeurons;
        this.delays = p.delayTicks;
        this.p = p;
        v = new double[n];
        ge = new double[n];
        gi = new double[n];
        theta = new double[n];
        refractoryUntil = new int[n];
        lastPost = new int[n];
        disabled = new boolean[n];
        free = new double[n];
        Arrays.fill(free, 1.0);
        refractoryQueue = new int[n];
        iv = new double[n];
        ige = new double[n];
        igi = new double[n];
        iRefractoryUntil = new int[n];
        iActive = new int[n];
        iIsActive = new boolean[n];
        iLast = new int[n];
        Arrays.fill(iLast, -1);
        Arrays.fill(v, p.excVInit);
        Arrays.fill(iv, p.inhVInit);
        Arrays.fill(refractoryUntil, SynapseTable.NEVER);
        Arrays.fill(iRefractoryUntil, SynapseTable.NEVER);
        Arrays.fill(lastPost, SynapseTable.NEVER);
        ringIds = new int[delays][inputs];
        ringCount = new int[delays];
        ringTick = new long[delays];
        Arrays.fill(ringTick, Long.MIN_VALUE);
        historyDepth = delays + 1;
        history = new int[inputs * historyDepth];
        historyHead = new int[inputs];
        Arrays.fill(history, SynapseTable.NEVER);
        incoming = new double[delays * n];
        plasticDue = new long[delays];
        frozenDue = new long[delays];
        rowSettled = new int[inputs];
        colSettled = new int[n];
        pendingEmissions = new int[inputs];
        recent = new int[n];
        isRecent = new boolean[n];
        Arrays.fill(rowSettled, SynapseTable.NEVER);
        Arrays.fill(colSettled, SynapseTable.NEVER);
        xTable = decayTable(p.tauPre, p.dtMs);
        y1Table = decayTable(p.tauPost1, p.dtMs);
        y2Table = decayTable(p.tauPost2, p.dtMs);
        recentKeep = y1Table.length + RECENT_TICKS;
        activeInputs = new int[inputs];
        isActiveInput = new boolean[inputs];
        activeKeep = xTable.length + delays;
        excLeak = p.dtMs / p.excTauM;
        excGeDecay = 1.0 - p.dtMs / p.excTauGe;
        excGiDecay = 1.0 - p.dtMs / p.excTauGi;
        thetaDecay = Math.exp(-p.dtMs / p.tauTheta);
        inhLeak = p.dtMs / p.inhTauM;
        inhGeDecay = 1.0 - p.dtMs / p.inhTauGe;
        inhGiDecay = 1.0 - p.dtMs / p.inhTauGi;
        nuPre = (float)p.nuPre;
        nuPost = (float)p.nuPost;
        wMax = (float)p.wMax;
        gEps = p.gEps;
    }

    /** exp(-k·dt/τ) for k = 0, 1, … until it falls below 1e-7; the last entry is 0. */
    static float[] decayTable(final double tauMs, final double dtMs)
    {
        int len = 1;
        while (Math.exp(-len * dtMs / tauMs) >= 1e-7 && len < 1 << 20)
        {
            len++;
        }
        final float[] t = new float[len + 1];
        for (int k = 0; k < len; k++)
        {
            t[k] = (float)Math.exp(-k * dtMs / tauMs);
        }
        return t;
    }

    private static float lookup(final float[] table, final int dt)
    {
        return SynapseKernels.lookup(table, dt);
    }

    @Override
    public void onSpikes(final long tick, final SpikeBatch spikes)
    {
        catchUp(tick);
        final int slot = Math.floorMod(tick, delays);
        ringTick[slot] = tick;
        final int[] ids = spikes.array();
        final int count = spikes.count();
        final int[] slotIds = ringIds[slot];
        int inputCount = 0;
        int inhCount = 0;
        final int excBase = inputs;
        final int inhBase = inputs + excTotal;
        final int hi = lo + n;
        for (int s = 0; s < count; s++)
        {
            final int sid = ids[s];
            if (sid < excBase)
            {
                slotIds[inputCount++] = sid;
            }
            else if (sid < inhBase)
            {
                final int j = sid - excBase;
                if (j >= lo && j < hi)
                {
                    activateInhibitory(j - lo, (int)tick);
                    ige[j - lo] += p.wEi;
                }
            }
            else
            {
                inhCount++;
                final int k = sid - inhBase;
                if (k >= lo && k < hi)
                {
                    // all-but-self: remember the self spike so its own excitatory neuron is spared
                    gi[k - lo] -= p.wIe;
                }
            }
        }
        ringCount[slot] = inputCount;
        if (inhCount > 0)
        {
            final double inc = p.wIe * inhCount;
            for (int j = 0; j < n; j++)
            {
                gi[j] += inc;
            }
        }
        pendingInh = inhCount;
        spikesIn = count;
    }

    @Override
    public void onRunStart(final long tick)
    {
        if (normalisePending)
        {
            normalisePending = false;
            network.normalise(this);
        }
    }

    @Override
    public void advance(final long tick, final SpikeBatch out)
    {
        final int t = (int)tick;
        tickSpikesIn = spikesIn;
        spikesIn = 0;
        deliverArrivals(tick, t);
        integrate(t, out);
        lastTick = tick;
    }

    /**
     * Propagates the input spikes emitted at tick t over all their synapses (into the increments of their arrival
     * ticks) and adds the increments due at t to the conductances.
     */
    private void deliverArrivals(final long tick, final int t)
    {
        final boolean learn = learning;
        final SynapseTable pt = plastic;
        final SynapseTable ft = frozen;
        final boolean anyFrozen = ft.size() > 0;
        final int slot = Math.floorMod(tick, delays);
        if (ringTick[slot] == tick)
        {
            if (learn)
            {
                forgetOldSpikers(t);
            }
            if (t >= activeSweepAt)
            {
                forgetIdleInputs(t);
            }
            final int count = ringCount[slot];
            final int[] slotIds = ringIds[slot];
            for (int s = 0; s < count; s++)
            {
                final int i = slotIds[s];
                if (!isActiveInput[i])
                {
                    isActiveInput[i] = true;
                    activeInputs[activeInputCount++] = i;
                }
                if (learn && pendingEmissions[i] > 0)
                {
                    arriveLearning(i, t - 1);
                }
                final int h = historyHead[i];
                history[i * historyDepth + h] = t;
                historyHead[i] = h + 1 == historyDepth ? 0 : h + 1;
                final int g0 = i * delays;
                emit(pt, g0, slot, plasticDue);
                if (anyFrozen)
                {
                    emit(ft, g0, slot, frozenDue);
                }
                if (learn)
                {
                    pendingEmissions[i]++;
                    unsettled = true;
                }
            }
        }
        final long plasticOps = plasticDue[slot];
        final long ops = plasticOps + frozenDue[slot];
        if (ops != 0)
        {
            final double[] inc = incoming;
            final double[] g = ge;
            final int base = slot * n;
            for (int j = 0; j < n; j++)
            {
                g[j] += inc[base + j];
            }
            Arrays.fill(inc, base, base + n, 0.0);
            synapticOps += ops;
            plasticDue[slot] = 0;
            frozenDue[slot] = 0;
            if (learn)
            {
                stdpUpdates += plasticOps;
                decrements += plasticOps;
            }
        }
    }

    /**
     * Propagates an input spike over its synapses of one table into the increments of their arrival slots. Both
     * kernels give the same sums bit for bit; the one-loop kernel wins while the delay groups are short, the
     * group-by-group kernel when they are long (measured in {@code SopKernelBenchmark} on a spike stream that does
     * not repeat: with each synapse's arrival offset stored, one loop is faster at 5 and 20 synapses per group, 113
     * and 370 against 298 and 526 ns per spike, and even or faster at 40, 848 and 718 against 848 and 830 in two
     * runs, so every core of up to 800 neurons takes it; with its loop split at the wrapping delay, 114 / 354 / 835
     * ns, medians of 6 / 6 / 3 alternating rounds against 135 / 425 / 881 for the loop that tested each offset).
     */
    private void emit(final SynapseTable table, final int g0, final int slot, final long[] due)
    {
        if (table.size() < ONE_LOOP_MAX_GROUP * table.groupStart.length)
        {
            SynapseKernels.emit(table.syn, table.arrival, table.groupStart, g0, delays, incoming, n, slot, due);
        }
        else
        {
            SynapseKernels.emitGroups(table.syn, table.groupStart, g0, delays, incoming, n, slot, due);
        }
    }

    /**
     * The learning half of arrival, for input i: applies the pre-spike depressions of its arrivals up to tick t
     * that are still pending ({@code w ← max(0, w − ν_pre·y1_j(T))} at every arrival tick T), oldest emission first.
     */
    private void arriveLearning(final int i, final int t)
    {
        final int cnt = pendingEmissions[i];
        int h = historyHead[i] - cnt;
        if (h < 0)
        {
            h += historyDepth;
        }
        final int oldestArrival = Math.max(rowSettled[i] + 1, history[i * historyDepth + h]);
        // either path is exact; take the cheaper (counting the due synapses costs too, so skip it while fewer than
        // an eighth of the neurons fired recently)
        if (oldestArrival >= recentFrom + y1Table.length
            && (recentCount * 8 <= n || recentCount * cnt < dueSynapses(i, t, cnt, h)))
        {
            arriveLearningRecent(i, t, cnt);
            recentSettles++;
        }
        else
        {
            arriveLearning(i, t, cnt);
            groupSettles++;
        }
        retire(i, t);
    }

    /**
     * The synapses of input i whose pending arrivals up to tick t fall in its delay groups still to settle: the
     * work of {@link #arriveLearning(int, int, int)}. The recent-spiker path visits every recent neuron for every
     * pending emission, however few of its arrivals are due, so it wins only while few neurons fired recently or
     * most arrivals are due; when rows are settled every tick (many post spikes per tick) the delay groups win.
     */
    private int dueSynapses(final int i, final int t, final int cnt, final int oldest)
    {
        final int[] gs = plastic.groupStart;
        final int base = i * historyDepth;
        final int from = rowSettled[i];
        final int g0 = i * delays;
        int h = oldest;
        int sum = 0;
        for (int m = 0; m < cnt; m++)
        {
            final int e = history[base + h];
            final int d0 = Math.max(0, from - e + 1);
            final int d1 = Math.min(delays - 1, t - e);
            if (d1 >= d0)
            {
                sum += gs[g0 + d1 + 1] - gs[g0 + d0];
            }
            h = h + 1 == historyDepth ? 0 : h + 1;
        }
        return sum;
    }

    /**
     * {@link #arriveLearning(int, int, int)} for arrivals of the last {@link #RECENT_TICKS} ticks: only the
     * synapses onto neurons that fired recently can have a non-zero depression, so only they are visited.
     */
    private void arriveLearningRecent(final int i, final int t, final int count)
    {
        final int[] wh = plasticIndex();
        final SynapseTable pt = plastic;
        final long[] syn = pt.syn;
        final byte[] delay = pt.delay;
        final int base = i * historyDepth;
        int h = historyHead[i] - pendingEmissions[i];
        if (h < 0)
        {
            h += historyDepth;
        }
        final int from = rowSettled[i];
        final int row = i * n;
        final int y1Len = y1Table.length;
        for (int m = 0; m < count; m++)
        {
            final int e = history[base + h];
            for (int a = 0; a < recentCount; a++)
            {
                final int j = recent[a];
                if (e - lastPost[j] >= y1Len)
                {
                    // every arrival of this emission finds y1_j = 0: no change to the weight
                    continue;
                }
                final int k = wh[row + j];
                if (k < 0)
                {
                    continue;
                }
                final int arrival = e + delay[k];
                if (arrival > from && arrival <= t && arrival > colSettled[j])
                {
                    final long sk = syn[k];
                    final float nw = SynapseTable.weight(sk) - nuPre * lookup(y1Table, arrival - lastPost[j]);
                    syn[k] = SynapseTable.withWeight(sk, nw < 0f ? 0f : nw);
                }
            }
            h = h + 1 == historyDepth ? 0 : h + 1;
        }
    }

    /**
     * Drops from the active inputs those whose last emission is more than {@link #activeKeep} ticks before t (its
     * pre trace is zero at every synapse) and that have no pending depression.
     */
    private void forgetIdleInputs(final int t)
    {
        activeSweepAt = t + RECENT_TICKS / 4;
        final int from = t - activeKeep;
        int a = 0;
        while (a < activeInputCount)
        {
            final int i = activeInputs[a];
            final int h = historyHead[i];
            final int newest = history[i * historyDepth + (h == 0 ? historyDepth - 1 : h - 1)];
            if (newest < from && pendingEmissions[i] == 0)
            {
                isActiveInput[i] = false;
                activeInputs[a] = activeInputs[--activeInputCount];
            }
            else
            {
                a++;
            }
        }
    }

    /** Drops from the recent spikers the neurons whose last spike is too old to matter at tick t. */
    private void forgetOldSpikers(final int t)
    {
        final int from = t - recentKeep;
        if (from <= recentFrom + RECENT_TICKS / 4)
        {
            return;
        }
        recentFrom = from;
        int a = 0;
        while (a < recentCount)
        {
            final int j = recent[a];
            if (lastPost[j] < from)
            {
                isRecent[j] = false;
                recent[a] = recent[--recentCount];
            }
            else
            {
                a++;
            }
        }
    }

    /** Applies the pending depressions of arrivals up to tick t of the oldest {@code count} pending emissions. */
    private void arriveLearning(final int i, final int t, final int count)
    {
        final int cnt = pendingEmissions[i];
        final SynapseTable pt = plastic;
        final int[] gs = pt.groupStart;
        final int base = i * historyDepth;
        int h = historyHead[i] - cnt;
        if (h < 0)
        {
            h += historyDepth;
        }
        final int from = rowSettled[i];
        final int g0 = i * delays;
        for (int m = 0; m < count; m++)
        {
            final int e = history[base + h];
            final int d0 = Math.max(0, from - e + 1);
            final int d1 = Math.min(delays - 1, t - e);
            for (int d = d0; d <= d1; d++)
            {
                final int g = g0 + d;
                SynapseKernels.depress(pt.syn, gs[g], gs[g + 1], e + d, colSettled, lastPost, y1Table, nuPre);
            }
            h = h + 1 == historyDepth ? 0 : h + 1;
        }
    }

    /** Input i's arrivals up to tick t are all applied: forgets the emissions whose arrivals are all over. */
    private void retire(final int i, final int t)
    {
        final int cnt = pendingEmissions[i];
        final int base = i * historyDepth;
        int h = historyHead[i] - cnt;
        if (h < 0)
        {
            h += historyDepth;
        }
        int done = 0;
        while (done < cnt && history[base + h] + delays - 1 <= t)
        {
            done++;
            h = h + 1 == historyDepth ? 0 : h + 1;
        }
        pendingEmissions[i] = cnt - done;
        rowSettled[i] = t;
    }

    /**
     * Applies every pending pre-spike depression of arrivals up to the last tick run, so that the weights are those
     * of the tick loop (control path: before normalisation, pruning, export).
     */
    void settle()
    {
        if (!unsettled)
        {
            return;
        }
        settleRows((int)lastTick);
    }

    /** Applies every pending pre-spike depression of arrivals up to tick t, row by row (columns settled later skip). */
    private void settleRows(final int t)
    {
        boolean left = false;
        for (int i = 0; i < inputs; i++)
        {
            if (pendingEmissions[i] > 0)
            {
                arriveLearning(i, t);
                left |= pendingEmissions[i] > 0;
            }
        }
        unsettled = left;
    }

    /**
     * Turns learning (STDP, θ adaptation) on or off. Depressions of arrivals up to the last tick are applied
     * first; arrivals still in flight are then not depressed, as arrivals after the switch (none are in flight
     * between two presentations: the rest is longer than the longest delay).
     *
     * @param on learning on.
     */
    void learning(final boolean on)
    {
        if (on == learning)
        {
            return;
        }
        settle();
        Arrays.fill(pendingEmissions, 0);
        unsettled = false;
        learning = on;
    }

    void integrate(final int t, final SpikeBatch out)
    {
        releaseRefractory(t);
        final double vRest = p.excVRest;
        final double eExc = p.excEExc;
        final double eInh = p.excEInh;
        final double leak = excLeak;
        final double geDecay = excGeDecay;
        final double giDecay = excGiDecay;
        final double[] vv = v;
        final double[] gev = ge;
        final double[] giv = gi;
        final double[] fv = free;
        // one Euler step of every neuron; refractory and removed neurons hold v (free = 0)
        if (p.implicit)
        {
            // backward Euler, v' = (v + h(v_rest + ge E_exc + gi E_inh)) / (1 + h(1 + ge + gi)): a weighted mean
            // of v and its equilibrium, so v never leaves [E_inh, E_exc] however many inhibitory spikes arrive
            for (int j = 0; j < n; j++)
            {
                final double vj = vv[j];
                final double gej = gev[j];
                final double gij = giv[j];
                final double next = (vj + leak * (vRest + gej * eExc + gij * eInh)) / (1.0 + leak * (1.0 + gej + gij));
                vv[j] = vj + fv[j] * (next - vj);
                gev[j] = gej * geDecay;
                giv[j] = gij * giDecay;
            }
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                final double vj = vv[j];
                final double gej = gev[j];
                final double gij = giv[j];
                vv[j] = vj + fv[j] * (leak * ((vRest - vj) + gej * (eExc - vj) + gij * (eInh - vj)));
                gev[j] = gej * geDecay;
                giv[j] = gij * giDecay;
            }
        }
        final boolean learn = learning;
        final double[] th = theta;
        if (learn)
        {
            final double decay = thetaDecay;
            for (int j = 0; j < n; j++)
            {
                th[j] *= decay;
            }
        }
        final double vTh = p.excVThresh;
        int fired = 0;
        // Most ticks no neuron fires: a loop of the test alone finds the first neuron over its threshold, if any, and
        // the loop that handles the spikes (its calls make it slow to run over every neuron) starts from there.
        int first = 0;
        while (first < n && !(vv[first] > vTh + th[first] && fv[first] != 0.0))
        {
            first++;
        }
        for (int j = first; j < n; j++)
        {
            if (vv[j] > vTh + th[j] && fv[j] != 0.0)
            {
                vv[j] = p.excVReset;
                refractoryUntil[j] = t + p.excRefractoryTicks;
                if (p.excRefractoryTicks > 0)
                {
                    fv[j] = 0.0;
                    refractoryQueue[(refractoryHead + refractoryCount++) % n] = j;
                }
                if (learn)
                {
                    th[j] += p.thetaPlus;
                    potentiate(j, t);
                }
                lastPost[j] = t;
                if (!isRecent[j])
                {
                    isRecent[j] = true;
                    recent[recentCount++] = j;
                }
                out.add(inputs + lo + j);
                fired++;
            }
        }
        final int firstInh = out.count();
        final double ivRest = p.inhVRest;
        final double ieExc = p.inhEExc;
        final double ieInh = p.inhEInh;
        final double ivTh = p.inhVThresh;
        final double ivReset = p.inhVReset;
        final double eps = gEps;
        final int inhBase = inputs + excTotal + lo;
        int a = 0;
        while (a < iActiveCount)
        {
            final int j = iActive[a];
            final double vj = iv[j];
            final double gej = ige[j];
            final double gij = igi[j];
            double nv = vj;
            if (t > iRefractoryUntil[j])
            {
                nv = p.implicit
                    ? (vj + inhLeak * (ivRest + gej * ieExc + gij * ieInh)) / (1.0 + inhLeak * (1.0 + gej + gij))
                    : vj + inhLeak * ((ivRest - vj) + gej * (ieExc - vj) + gij * (ieInh - vj));
            }
            ige[j] = gej * inhGeDecay;
            igi[j] = gij * inhGiDecay;
            if (t > iRefractoryUntil[j] && nv > ivTh)
            {
                nv = ivReset;
                iRefractoryUntil[j] = t + p.inhRefractoryTicks;
                out.add(inhBase + j);
                fired++;
            }
            iv[j] = nv;
            iLast[j] = t;
            if (ige[j] <= eps && igi[j] <= eps && t >= iRefractoryUntil[j])
            {
                ige[j] = 0;
                igi[j] = 0;
                iIsActive[j] = false;
                iActive[a] = iActive[--iActiveCount];
            }
            else
            {
                a++;
            }
        }
        neuronUpdates += iActiveCount;
        sortTail(out, firstInh);
        neuronUpdates += n;
        // excitatory ids (ascending) precede inhibitory ids (ascending): the batch is already canonical
        tickSpikesOut = fired;
    }

    void potentiate(final int j, final int t)
    {
        final float y2 = lookup(y2Table, t - lastPost[j]);
        final int from = potentiationStart[j];
        final int to = potentiationStart[j + 1];
        final SynapseTable table = plastic;
        boolean settleColumn = false;
        if (unsettled)
        {
            if (potentiationTick != t)
            {
                potentiationTick = t;
                potentiationsThisTick = 0;
            }
            // One post spike settles its own column. From the second post spike of a tick on, every row is settled
            // once instead: settling a column scans every pending emission of its 784 inputs, and a tick with many
            // post spikes (800 neurons, bright re-presentations) would scan them again for every spike.
            if (++potentiationsThisTick == 2)
            {
                settleRows(t);
            }
            else if (potentiationsThisTick == 1)
            {
                settleColumn = true;
            }
        }
        if (activeInputCount * 2 < to - from)
        {
            potentiateActive(j, t, nuPost * y2, settleColumn);
            activePotentiations++;
        }
        else if (settleColumn)
        {
            settleColumnAndPotentiate(j, t, nuPost * y2);
        }
        else
        {
            SynapseKernels.potentiate(table.syn, table.pre, table.delay, potentiationPos, from, to, nuPost * y2, wMax,
                history, historyHead, historyDepth, xTable, t);
        }
        colSettled[j] = t;
        stdpUpdates += to - from;
    }

    /**
     * The potentiation of neuron j at tick t over the synapses from the active inputs only (every other synapse
     * onto j has a zero pre trace and no pending depression, so neither pass would change it), with the pending
     * depressions applied first when {@code settleColumn}. Each synapse is updated on its own, so the order of the
     * inputs does not matter.
     */
    private void potentiateActive(final int j, final int t, final float scale, final boolean settleColumn)
    {
        final int[] wh = plasticIndex();
        final SynapseTable table = plastic;
        final long[] syn = table.syn;
        final byte[] delay = table.delay;
        final int col = colSettled[j];
        final int last = lastPost[j];
        final int count = activeInputCount;
        final int[] act = activeInputs;
        for (int a = 0; a < count; a++)
        {
            final int i = act[a];
            final int k = wh[i * n + j];
            if (k < 0)
            {
                continue;
            }
            final int d = delay[k];
            long sk = syn[k];
            if (settleColumn && pendingEmissions[i] != 0)
            {
                sk = settled(sk, i, d, col, last, t);
            }
            syn[k] = potentiated(sk, i, d, scale, t);
        }
    }

    /**
     * A packed synapse from input i (delay d) potentiated at tick t: {@code w + scale·x}, clipped at w_max, with x
     * its pre trace ({@link SynapseKernels#preTrace}); unchanged where x is zero.
     */
    private long potentiated(final long synapse, final int i, final int d, final float scale, final int t)
    {
        final float x = SynapseKernels.preTrace(history, historyHead, historyDepth, xTable, i, d, t);
        if (x == 0f)
        {
            return synapse;
        }
        final float nw = SynapseTable.weight(synapse) + scale * x;
        return SynapseTable.withWeight(synapse, nw > wMax ? wMax : nw);
    }

    /**
     * A packed synapse from input i (delay d) onto a neuron with the pending pre-spike depressions of its arrivals
     * up to tick t applied, oldest first: those after both the row's and the column's settled ticks
     * ({@code rowSettled[i]}, {@code col}), each by the neuron's first post trace since its last spike {@code last}.
     */
    private long settled(final long synapse, final int i, final int d, final int col, final int last, final int t)
    {
        long sk = synapse;
        final int cnt = pendingEmissions[i];
        final int lo = Math.max(rowSettled[i], col);
        int h = historyHead[i] - cnt;
        if (h < 0)
        {
            h += historyDepth;
        }
        final int base = i * historyDepth;
        for (int m = 0; m < cnt; m++)
        {
            final int arrival = history[base + h] + d;
            if (arrival > lo && arrival <= t)
            {
                final float nw = SynapseTable.weight(sk) - nuPre * lookup(y1Table, arrival - last);
                sk = SynapseTable.withWeight(sk, nw < 0f ? 0f : nw);
            }
            h = h + 1 == historyDepth ? 0 : h + 1;
        }
        return sk;
    }

    /**
     * The potentiation of neuron j at tick t, with the pending pre-spike depressions of arrivals up to t on every
     * plastic synapse onto j applied first, in one pass over its synapses: each synapse has its depressions applied
     * in arrival order, then its potentiation.
     */
    private void settleColumnAndPotentiate(final int j, final int t, final float scale)
    {
        final int from = potentiationStart[j];
        final int to = potentiationStart[j + 1];
        final SynapseTable table = plastic;
        final long[] syn = table.syn;
        final short[] pre = table.pre;
        final byte[] delay = table.delay;
        final int[] pos = potentiationPos;
        final int col = colSettled[j];
        final int last = lastPost[j];
        for (int q = from; q < to; q++)
        {
            final int k = pos[q];
            final int i = pre[k];
            final int d = delay[k];
            long sk = syn[k];
            if (pendingEmissions[i] != 0)
            {
                sk = settled(sk, i, d, col, last, t);
            }
            syn[k] = potentiated(sk, i, d, scale, t);
        }
    }

    /** Records that the weights were just normalised, every pending depression applied ({@link #settle()}). */
    void normalised()
    {
        normalisedAt = lastTick == Long.MIN_VALUE ? SynapseTable.NEVER : (int)lastTick;
    }

    /**
     * Whether a weight onto neuron j may have changed since the last normalisation. A pre-spike depression at an
     * arrival T changes a weight only while the post trace y1_j(T) is not zero, that is when j fired less than
     * {@code y1Table.length} ticks before T, and a potentiation only when j fires; either way j's last spike is
     * then after {@code normalisedAt - y1Table.length}. Control-path changes rebuild the tables.
     */
    boolean weightsMayHaveChanged(final int j)
    {
        return lastPost[j] > normalisedAt - y1Table.length;
    }

    /** Lets the neurons whose refractory period is over at tick t integrate again. */
    private void releaseRefractory(final int t)
    {
        while (refractoryCount > 0)
        {
            final int j = refractoryQueue[refractoryHead];
            if (refractoryUntil[j] >= t)
            {
                return;
            }
            if (!disabled[j])
            {
                free[j] = 1.0;
            }
            refractoryHead = refractoryHead + 1 == n ? 0 : refractoryHead + 1;
            refractoryCount--;
        }
    }

    /** Removes a neuron from the network: it never integrates or fires again. */
    void disable(final int j)
    {
        disabled[j] = true;
        free[j] = 0.0;
    }

    /** Brings an idle inhibitory neuron up to tick {@code t - 1} in closed form and makes it active. */
    private void activateInhibitory(final int j, final int t)
    {
        if (iIsActive[j])
        {
            return;
        }
        final int gap = t - 1 - iLast[j];
        if (gap > 0)
        {
            // a step with no conductance multiplies v - v_rest by 1 - h (forward) or 1 / (1 + h) (backward)
            final double step = p.implicit ? 1.0 / (1.0 + inhLeak) : 1.0 - inhLeak;
            iv[j] = relax(iv[j], p.inhVRest, Math.pow(step, gap), iRefractoryUntil[j], iLast[j], gap, step);
        }
        iLast[j] = t - 1;
        iIsActive[j] = true;
        iActive[iActiveCount++] = j;
    }

    private static void sortTail(final SpikeBatch out, final int first)
    {
        final int[] ids = out.array();
        final int end = out.count();
        for (int x = first + 1; x < end; x++)
        {
            final int v = ids[x];
            int y = x - 1;
            while (y >= first && ids[y] > v)
            {
                ids[y + 1] = ids[y];
                y--;
            }
            ids[y + 1] = v;
        }
    }

    /** Applies the ticks the engine skipped, during which every neuron was at rest with no conductance. */
    private void catchUp(final long tick)
    {
        if (lastTick == Long.MIN_VALUE || tick <= lastTick + 1)
        {
            return;
        }
        final int gap = (int)(tick - lastTick - 1);
        final double excStep = p.implicit ? 1.0 / (1.0 + excLeak) : 1.0 - excLeak;
        final double excFactor = Math.pow(excStep, gap);
        final double thetaFactor = Math.pow(thetaDecay, gap);
        final int last = (int)lastTick;
        for (int j = 0; j < n; j++)
        {
            v[j] = relax(v[j], p.excVRest, excFactor, refractoryUntil[j], last, gap, excStep);
            ge[j] = 0;
            gi[j] = 0;
            if (learning)
            {
                theta[j] *= thetaFactor;
            }
        }
    }

    /** v after {@code gap} steps with no conductance ({@code step} each), holding it during the refractory ticks. */
    private static double relax(
        final double v, final double rest, final double factor, final int refractoryUntil, final int last,
        final int gap, final double step)
    {
        final int held = Math.max(0, Math.min(gap, refractoryUntil - last));
        if (held == 0)
        {
            return rest + (v - rest) * factor;
        }
        return rest + (v - rest) * Math.pow(step, gap - held);
    }

    @Override
    public boolean isQuiescent()
    {
        for (int d = 0; d < delays; d++)
        {
            if (ringCount[d] > 0 && ringTick[d] > lastTick - delays + 1)
            {
                return false;
            }
        }
        if (pendingInh > 0 || iActiveCount > 0)
        {
            return false;
        }
        final double eps = gEps;
        for (int j = 0; j < n; j++)
        {
            if (ge[j] > eps || gi[j] > eps)
            {
                return false;
            }
        }
        return true;
    }

    /** Rebuilds the potentiation index (plastic synapse positions per neuron, pre ascending). */
    void indexPotentiation()
    {
        final int[] start = new int[n + 1];
        final long[] syn = plastic.syn;
        final int size = plastic.size();
        for (int k = 0; k < size; k++)
        {
            start[SynapseTable.post(syn[k]) + 1]++;
        }
        for (int j = 0; j < n; j++)
        {
            start[j + 1] += start[j];
        }
        final int[] fill = Arrays.copyOf(start, n);
        final int[] pos = new int[size];
        for (int k = 0; k < size; k++)
        {
            pos[fill[SynapseTable.post(syn[k])]++] = k;
        }
        potentiationStart = start;
        potentiationPos = pos;
    }

    /**
     * Where synapse (pre, local post) is stored: its position in the plastic table (&ge; 0), {@link #PRUNED}, or
     * {@code -(position + 2)} in the frozen table.
     */
    int where(final int pre, final int j)
    {
        compactIfDirty();
        return plasticIndex()[pre * n + j];
    }

    /** The index of {@link #where}, {@code [pre * n + j]}, of the current tables (built when first needed). */
    private int[] plasticIndex()
    {
        if (wherePlastic == null)
        {
            final int[] wh = new int[inputs * n];
            Arrays.fill(wh, PRUNED);
            for (int k = 0; k < plastic.size(); k++)
            {
                wh[plastic.pre[k] * n + plastic.post(k)] = k;
            }
            for (int k = 0; k < frozen.size(); k++)
            {
                wh[frozen.pre[k] * n + frozen.post(k)] = -(k + 2);
            }
            wherePlastic = wh;
        }
        return wherePlastic;
    }

    /** The weight of synapse (pre, j) as the tick loop has it: pending depressions applied first (control path). */
    float weightOf(final int pre, final int j)
    {
        settle();
        final int k = where(pre, j);
        if (k >= 0)
        {
            return plastic.weight(k);
        }
        return k == PRUNED ? 0f : frozen.weight(-k - 2);
    }

    /**
     * Marks every synapse onto local neuron j with weight below the threshold: to prune (frozen ones too) or to
     * freeze (plastic ones only). Takes effect at the next {@link #compact()}.
     */
    int markBelow(final int j, final float threshold, final boolean prune)
    {
        compactIfDirty();
        if (plasticMark == null || plasticMark.length != plastic.size())
        {
            plasticMark = new byte[plastic.size()];
        }
        if (frozenMark == null || frozenMark.length != frozen.size())
        {
            frozenMark = new byte[frozen.size()];
        }
        int marked = 0;
        for (int i = 0; i < inputs; i++)
        {
            final int k = where(i, j);
            if (k >= 0)
            {
                if (plastic.weight(k) < threshold && plasticMark[k] == 0)
                {
                    plasticMark[k] = (byte)(prune ? 1 : 2);
                    marked++;
                }
            }
            else if (k != PRUNED && prune)
            {
                final int f = -k - 2;
                if (frozen.weight(f) < threshold && frozenMark[f] == 0)
                {
                    frozenMark[f] = 1;
                    marked++;
                }
            }
        }
        dirty |= marked > 0;
        return marked;
    }

    void compactIfDirty()
    {
        settle();
        if (dirty)
        {
            compact();
        }
    }

    /** Rebuilds the tables without pruned synapses, moving newly frozen ones to the frozen table. */
    void compact()
    {
        if (!dirty)
        {
            return;
        }
        dirty = false;
        final SynapseTable op = plastic;
        final SynapseTable of = frozen;
        final SynapseTable.Builder nb = new SynapseTable.Builder(inputs, delays, n, op.size());
        final SynapseTable.Builder fb = new SynapseTable.Builder(inputs, delays, n, of.size() + 16);
        final int groups = inputs * delays;
        for (int g = 0; g < groups; g++)
        {
            final int i = g / delays;
            final int d = g % delays;
            int a = op.groupStart[g];
            final int aEnd = op.groupStart[g + 1];
            int b = of.groupStart[g];
            final int bEnd = of.groupStart[g + 1];
            for (int k = a; k < aEnd; k++)
            {
                if (plasticMark[k] == 0)
                {
                    nb.add(i, d, op.post(k), op.weight(k));
                }
            }
            // merge old frozen (kept) and newly frozen, post ascending
            while (a < aEnd || b < bEnd)
            {
                while (a < aEnd && plasticMark[a] != 2)
                {
                    a++;
                }
                while (b < bEnd && frozenMark[b] != 0)
                {
                    b++;
                }
                final boolean takeA = a < aEnd && (b >= bEnd || op.post(a) < of.post(b));
                if (takeA)
                {
                    fb.add(i, d, op.post(a), op.weight(a));
                    a++;
                }
                else if (b < bEnd)
                {
                    fb.add(i, d, of.post(b), of.weight(b));
                    b++;
                }
            }
        }
        plastic = nb.build();
        frozen = fb.build();
        plasticMark = null;
        frozenMark = null;
        wherePlastic = null;
        indexPotentiation();
    }
}
