package org.spikeprune.fpga.timing;

/**
 * Cycles and unit activity of one tick of one layer; filled by {@link TickSimulator} and reused.
 */
public final class TickTiming
{
    /** Cycles from the first dispatch to the last potential write (Controller, FIFOs, PEs). */
    public long accumulateCycles;
    /** Cycles of the end-of-tick threshold compare and the Spike memory writes. */
    public long thresholdCycles;
    /** Cycles of the STDP unit (and its Decrement Track writes). */
    public long stdpCycles;
    /** Cycles of the end-of-tick handshake. */
    public long overheadCycles;
    /** Cycles the Controller spent dispatching. */
    public long controllerBusy;
    /** Cycles the Controller waited because a target FIFO was full. */
    public long controllerStall;
    /** PE-cycles the PEs were issuing work (summed over the PEs). */
    public long peBusy;
    /** PE-cycles the PEs waited for a memory port held by another PE. */
    public long conflictStall;
    /** Cycles the STDP unit(s) were issuing updates. */
    public long stdpBusy;
    /** Weight memory word accesses (reads and writes). */
    public long weightAccesses;
    /** Potential memory accesses. */
    public long potentialAccesses;
    /** Spike memory accesses (Controller reads of input spikes, PE writes of output spikes). */
    public long spikeAccesses;
    /** Decrement Track memory accesses. */
    public long decrementAccesses;
    /** True when the tick was timed by the closed form instead of the event simulation. */
    public boolean closedForm;

    /** @return total cycles of the tick. */
    public long cycles()
    {
        return accumulateCycles + thresholdCycles + stdpCycles + overheadCycles;
    }

    void clear()
    {
        accumulateCycles = 0;
        thresholdCycles = 0;
        stdpCycles = 0;
        overheadCycles = 0;
        controllerBusy = 0;
        controllerStall = 0;
        peBusy = 0;
        conflictStall = 0;
        stdpBusy = 0;
        weightAccesses = 0;
        potentialAccesses = 0;
        spikeAccesses = 0;
        decrementAccesses = 0;
        closedForm = false;
    }
}
