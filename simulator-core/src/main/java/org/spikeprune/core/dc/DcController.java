package org.spikeprune.core.dc;

import org.spikeprune.engine.Controller;
import org.spikeprune.engine.SpikeBatch;

/**
 * The Controller of paper A's chip: at every tick it dispatches the Poisson input spikes of the current
 * presentation, then routes the previous tick's excitatory spikes (to the inhibitory partners) and inhibitory
 * spikes (lateral inhibition), in that order — the canonical order of one tick's events. It also counts each
 * excitatory neuron's spikes for the readout and the "fewer than 5 spikes" rule.
 */
final class DcController implements Controller
{
    private final int inputs;
    private final int exc;
    private final InputSource poisson;
    private final SpikeBatch pendingExc;
    private final SpikeBatch pendingInh;
    private final TickListener listener;
    final long[] counts;
    final long[] batchCounts;
    /** Each excitatory neuron's spikes within presentations since the network was built (never reset). */
    final long[] totalCounts;
    long presentationSpikes;
    long excSpikes;
    long inputSpikes;
    long inhToExcEvents;
    int activeExc;
    private long presentEnd;

    /** Called after every tick, for per-tick accounting (activity, traces). */
    interface TickListener
    {
        void onTick(long tick, SpikeBatch dispatched, SpikeBatch output);
    }

    DcController(final int inputs, final int exc, final InputSource poisson, final TickListener listener)
    {
        this.inputs = inputs;
        this.exc = exc;
        this.poisson = poisson;
        this.pendingExc = new SpikeBatch(exc);
        this.pendingInh = new SpikeBatch(exc);
        this.listener = listener;
        this.counts = new long[exc];
        this.batchCounts = new long[exc];
        this.totalCounts = new long[exc];
        this.activeExc = exc;
    }

    void beginPresentation(final long tick, final int presentTicks)
    {
        presentEnd = tick + presentTicks;
        presentationSpikes = 0;
        java.util.Arrays.fill(counts, 0);
    }

    InputSource poisson()
    {
        return poisson;
    }

    private SpikeBatch lastDispatch;

    @Override
    public void dispatch(final long tick, final SpikeBatch spikes)
    {
        if (tick < presentEnd)
        {
            poisson.emit(tick, spikes);
            inputSpikes += spikes.count();
        }
        if (!pendingExc.isEmpty())
        {
            spikes.addAll(pendingExc);
            pendingExc.clear();
        }
        if (!pendingInh.isEmpty())
        {
            spikes.addAll(pendingInh);
            pendingInh.clear();
        }
        lastDispatch = spikes;
    }

    @Override
    public void onOutput(final long tick, final SpikeBatch spikes)
    {
        final int[] ids = spikes.array();
        final int count = spikes.count();
        final int inhBase = inputs + exc;
        for (int s = 0; s < count; s++)
        {
            final int sid = ids[s];
            if (sid < inhBase)
            {
                pendingExc.add(sid);
                excSpikes++;
                if (tick < presentEnd)
                {
                    final int j = sid - inputs;
                    counts[j]++;
                    batchCounts[j]++;
                    totalCounts[j]++;
                    presentationSpikes++;
                }
            }
            else
            {
                pendingInh.add(sid);
                inhToExcEvents += activeExc - 1;
            }
        }
        if (listener != null)
        {
            listener.onTick(tick, lastDispatch, spikes);
        }
    }

    @Override
    public long nextInputTick(final long tick)
    {
        if (!pendingExc.isEmpty() || !pendingInh.isEmpty())
        {
            return tick;
        }
        return tick < presentEnd ? poisson.nextTick(tick) : Long.MAX_VALUE;
    }
}
