/**
 * The event engine: integer ticks, the Disruptor spike bus, per-core processing elements and the end-of-tick
 * barrier. Only this package knows about threads and the Disruptor.
 *
 * <pre>
 *                 loop thread                                    spike bus (SHARED, DEDICATED)
 *   Controller.dispatch(t) ──▶ SpikeBatch ──copy──▶ ring entry t ──publish──▶ core 0 … core P-1
 *          ▲                                                                  onSpikes(t), advance(t)
 *          │                                                                        │ release sequence
 *   Controller.onOutput(t) ◀── merge (core 0, core 1, …) ◀── end-of-tick barrier ◀──┘
 * </pre>
 *
 * <p>The loop thread is the caller's thread in {@code INVOKER} and an engine-owned thread in the threaded modes
 * (the caller hands it each {@code run}, one handoff per run): in {@code SHARED} it also drains the ring itself
 * and runs every core, so a tick costs no thread round trip; in {@code DEDICATED} it runs core 0 and waits at the
 * barrier for the other cores' threads.
 *
 * <h2>Synchronisation contract</h2>
 * <ol>
 *   <li><b>Time</b> is a {@code long} tick. {@link org.spikeprune.engine.Engine#run(long, long)} runs ticks in
 *       increasing order; a tick is either run completely by every core or skipped by all of them.</li>
 *   <li><b>One tick</b> {@code t}: the Controller fills the tick's spike ids, ascending (the canonical order);
 *       every core receives the same batch in
 *       {@link org.spikeprune.engine.ProcessingElement#onSpikes(long, org.spikeprune.engine.SpikeBatch)} and
 *       then completes the tick in
 *       {@link org.spikeprune.engine.ProcessingElement#advance(long, org.spikeprune.engine.SpikeBatch)},
 *       appending its fired neurons, ascending, to its own output batch.</li>
 *   <li><b>Conservative barrier</b> with a lookahead of one tick: no core starts {@code t + 1} before every
 *       core finished {@code t}, and the Controller receives the outputs of {@code t}, merged in core order,
 *       before it dispatches {@code t + 1}. Exactly one tick is in flight. Models guarantee a minimum synaptic
 *       delay of one tick, so nothing a core does in {@code t} can affect another core within {@code t}.</li>
 *   <li><b>Ownership</b>: each core owns its neurons' state and the synapses that feed them; nothing is shared
 *       between cores but the read-only input batch. A core is called from one thread at a time.</li>
 *   <li><b>Memory visibility</b>: in the threaded modes the caller hands a run to the loop thread with a
 *       volatile write and receives its completion with another; the loop thread copies the batch into a
 *       preallocated ring entry and publishes it (a release); a core thread reads the entry after acquiring the ring's
 *       cursor, runs its cores and releases its own Disruptor sequence; the loop thread acquires every core
 *       sequence before it reads the outputs. Everything a core wrote in tick {@code t} is thus visible to the
 *       loop thread after the barrier, and everything the loop thread wrote before publishing {@code t + 1}
 *       is visible to the cores in {@code t + 1}.</li>
 *   <li><b>Determinism</b>: canonical order, ownership and the barrier make the results independent of the
 *       {@link org.spikeprune.engine.ThreadingMode} and of the number of cores, provided random numbers come
 *       from {@link org.spikeprune.engine.RandomStreams} named per purpose rather than per core.</li>
 *   <li><b>Empty ticks</b>: when every core is
 *       {@link org.spikeprune.engine.ProcessingElement#isQuiescent() quiescent} and the Controller has nothing
 *       before {@link org.spikeprune.engine.Controller#nextInputTick(long)}, the ticks in between are skipped at
 *       no cost (counted by {@link org.spikeprune.engine.Engine#ticksSkipped()}).</li>
 *   <li><b>Failures</b>: a core that throws stops the run after the barrier of that tick; the run throws an
 *       {@link org.spikeprune.engine.EngineException} with the lowest failing core, the tick and the cause, and
 *       the engine is closed. Closing joins every thread: nothing is left behind.</li>
 *   <li><b>Waiting</b> never busy-spins: at the barrier and between runs a thread spins briefly, yields and parks as
 *       {@link org.spikeprune.engine.IdleMode} says, and the core threads wait with a yielding, sleeping or
 *       blocking Disruptor wait strategy, so more cores than CPUs do not starve each other.</li>
 * </ol>
 */
package org.spikeprune.engine;
