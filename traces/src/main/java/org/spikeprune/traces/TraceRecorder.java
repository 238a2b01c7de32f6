package org.spikeprune.traces;

import static org.spikeprune.traces.TraceRecordDescriptor.BYTE_ORDER;
import static org.spikeprune.traces.TraceRecordDescriptor.CHECKED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_COUNT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_LAST_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_ROWS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.CORE_TICK_ROWS_START;
import static org.spikeprune.traces.TraceRecordDescriptor.MAX_CORE_TICK_ROWS;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_CORE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_POST_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_PRE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.DECISION_WEIGHT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAGS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.FLAG_LEARNING;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_IMAGE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_END_SPIKES_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_IMAGE_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_LABEL_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.IMAGE_START_REPEAT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.KIND_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.LENGTH_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_EVALUATIONS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_GROUPS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.PRUNE_PRUNED_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_COUNT_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_GROUPS_OFFSET;
import static org.spikeprune.traces.TraceRecordDescriptor.SPIKE_GROUPS_START;
import static org.spikeprune.traces.TraceRecordDescriptor.MAX_SPIKE_GROUPS;
import static org.spikeprune.traces.TraceRecordDescriptor.MAX_SPIKE_IDS;
import static org.spikeprune.traces.TraceRecordDescriptor.TICK_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import org.agrona.BufferUtil;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Records the events of a run into a trace directory.
 *
 * <p>The event methods ({@link TraceSink}) are the producers' side: each writes one fixed-layout record into a
 * ring in memory (Agrona {@link ManyToOneRingBuffer}) and returns; they allocate nothing and never touch the disk.
 * Core ticks and spikes, the frequent events, are gathered first: {@link #onCoreTick} into the rows of a pending
 * CORE_TICK record, {@link #onInputSpikes} and {@link #onOutputSpikes} into the tick groups of a pending spike
 * record of their kind. A pending record goes into the ring when it is full, before the next image or prune record,
 * and at the end; spikes always before the core ticks of their ticks. The events of a run therefore come from one
 * thread at a time (as a network's Controller reports them). A {@code TraceAgent} thread drains the ring into a Chronicle queue. When the
 * ring is full a producer waits (yielding, then parking) for the agent.
 * <pre>
 *   producers ──onCoreTick / onInputSpikes / …──▶ ring (off-heap) ──▶ TraceAgent ──▶ Chronicle queue (DIR/*.cq4)
 *                                                                        │
 *                                                          free-space check every N MB
 * </pre>
 *
 * <p>Free disk space is checked before the recording starts and every {@link Context#checkIntervalBytes()}
 * bytes while it runs. Below {@link Context#minFreeBytes()} the recorder refuses to start, or stops: it writes
 * an END record with status {@link TraceStatus#STOPPED_LOW_DISK}, and the next event call throws
 * {@link TraceDiskSpaceException}. Without this, Chronicle would write into memory-mapped pages the file system
 * cannot back, and the JVM would die of SIGBUS.
 *
 * <p>Use it in try-with-resources and call {@link #finish(String)} when the run completes; closing without
 * {@code finish} records the run as {@link TraceStatus#ABORTED}.
 */
public final class TraceRecorder implements TraceSink, AutoCloseable
{
    private static final int OPEN = 0;
    private static final int STOPPED = 1;
    private static final int CLOSED = 2;
    /** How long the agent sleeps when the ring is empty. */
    private static final long AGENT_SLEEP_NS = 4_000_000;

    private final Path dir;
    private final ManyToOneRingBuffer ring;
    private final UnsafeBuffer buffer;
    private final int maxIdsPerRecord;
    /** Spikes not yet in the ring, per kind. */
    private final PendingSpikes inputSpikes;
    private final PendingSpikes outputSpikes;
    private final TraceAgent agent;
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private final IdleStrategy agentIdle;

    /** Ints of a pending core-tick row: a decoded row ({@link TraceRecordDescriptor#ROW_FIELDS}). */
    private static final int ROW_INTS = TraceRecordDescriptor.ROW_FIELDS;
    /** Core-tick rows not yet in the ring, and the tick their offsets count from. */
    private final int[] rows = new int[MAX_CORE_TICK_ROWS * ROW_INTS];
    /** The pending rows encoded, as they go into the ring. */
    private final byte[] rowBytes = new byte[MAX_CORE_TICK_ROWS * TraceRecordDescriptor.MAX_ROW_LENGTH];
    private int rowCount;
    private int rowTicks;
    private long rowsTick;
    private long produced;

    private volatile int state = OPEN;
    private volatile boolean running = true;
    private volatile TraceException failure;
    private volatile Throwable startFailure;
    private boolean failureReported;
    private volatile TraceStatus endStatus = TraceStatus.ABORTED;
    private volatile String runDigest = "";

    private TraceRecorder(final Path dir, final TraceHeader header, final Context ctx)
    {
        this.dir = dir;
        final ByteBuffer memory = BufferUtil.allocateDirectAligned(
            ctx.ringCapacity() + RingBufferDescriptor.TRAILER_LENGTH, 64);
        this.buffer = new UnsafeBuffer(memory);
        this.ring = new ManyToOneRingBuffer(buffer);
        this.maxIdsPerRecord = Math.min(MAX_SPIKE_IDS,
            (ring.maxMsgLength() + CHECKED_OFFSET - TraceRecordDescriptor.spikeIdsStart(MAX_SPIKE_GROUPS)) / 4);
        this.inputSpikes = new PendingSpikes(TraceRecordKind.INPUT_SPIKES.code(), maxIdsPerRecord);
        this.outputSpikes = new PendingSpikes(TraceRecordKind.OUTPUT_SPIKES.code(), maxIdsPerRecord);
        this.agent = new TraceAgent(
            this, dir, header, ctx.formatVersion(), ring, ctx.diskSpace(), ctx.minFreeBytes(),
            ctx.checkIntervalBytes());
        // An agent that polls busily finds two or three records per cycle and pays a queue document and a wake-up
        // for each handful, which costs most of a core; one that sleeps whenever the ring is empty writes what came
        // meanwhile (hundreds of records) in a few blocks. Four milliseconds rather than one: a 1,000-image run then
        // wakes the agent about a thousand times instead of five thousand, few enough that its per-cycle code (and
        // Chronicle's document code under it) stays with the quick compiler instead of costing the optimising
        // compiler 0.2 s of a run's first seconds. The ring holds far more than four milliseconds of records.
        this.agentIdle = new SleepingIdleStrategy(AGENT_SLEEP_NS);
        this.thread = new Thread(this::runAgent, "trace-agent");
        this.thread.setDaemon(true);
    }

    /**
     * Starts recording with the default {@link Context}.
     *
     * @param dir    a new or empty directory.
     * @param header the header record.
     * @return the running recorder.
     * @throws TraceDiskSpaceException when free space is below the minimum.
     * @throws TraceException          when the directory already holds a trace or cannot be created.
     */
    public static TraceRecorder start(final Path dir, final TraceHeader header)
    {
        return start(dir, header, new Context());
    }

    /**
     * Starts recording: checks the free space, creates the directory and starts the agent thread, which creates the
     * queue and writes the header record while the caller goes on (the first events wait in the ring). The queue's
     * set-up takes a tenth of a second or more the first time in a JVM, which the caller need not wait for. A
     * failure of that set-up stops the recording: the next event call, {@link #finish(String)} or {@link #close()}
     * throws it ("cannot start recording: ..."). {@link #awaitStarted()} waits for the header.
     *
     * @param dir    a new or empty directory.
     * @param header the header record.
     * @param ctx    ring size and disk space settings.
     * @return the running recorder.
     * @throws TraceDiskSpaceException when free space is below the minimum.
     * @throws TraceException          when the directory already holds a trace or cannot be created.
     */
    public static TraceRecorder start(final Path dir, final TraceHeader header, final Context ctx)
    {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(header, "header");
        ctx.conclude();
        checkFreeSpace(dir, ctx);
        prepareDirectory(dir);
        final TraceRecorder recorder = new TraceRecorder(dir, header, ctx);
        recorder.thread.start();
        return recorder;
    }

    /**
     * Waits until the agent has created the queue and written the header record: from then on the trace can be
     * opened, whatever happens to this process.
     *
     * @return this.
     * @throws TraceException when the queue could not be set up (the recording is then stopped).
     */
    public TraceRecorder awaitStarted()
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                started.await();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        if (startFailure != null)
        {
            throw notOpen();
        }
        return this;
    }

    /** The trace directory. */
    public Path directory()
    {
        return dir;
    }

    /** The most ids one spike record holds; bigger batches are split. */
    public int maxIdsPerRecord()
    {
        return maxIdsPerRecord;
    }

    /**
     * Event records the agent has written into the queue so far (header and END excluded). Records counted
     * here survive the death of the process; records still in the ring do not.
     *
     * @return committed event records.
     */
    public long committedRecords()
    {
        return agent.committedRecords();
    }

    /**
     * Bytes the agent has written into the queue so far: every record (header included) with its 4-byte queue
     * header. Divided by {@link #committedRecords()} it gives the bytes per record.
     *
     * @return committed bytes.
     */
    public long committedBytes()
    {
        return agent.committedBytes();
    }

    /** The agent thread, for tests that measure its allocation. */
    Thread agentThread()
    {
        return thread;
    }

    /**
     * Gathers a tick's input spikes into the pending INPUT_SPIKES record (a group of its own, or more ids of the last
     * group when it is the same tick). Calls must come from one thread at a time, as for {@link #onCoreTick}.
     */
    @Override
    public void onInputSpikes(final long tick, final int[] ids, final int offset, final int count)
    {
        appendSpikes(inputSpikes, tick, ids, offset, count);
    }

    /** Gathers a tick's output spikes into the pending OUTPUT_SPIKES record, as {@link #onInputSpikes} does. */
    @Override
    public void onOutputSpikes(final long tick, final int[] ids, final int offset, final int count)
    {
        appendSpikes(outputSpikes, tick, ids, offset, count);
    }

    @Override
    public void onImageStart(
        final long tick, final int image, final int label, final boolean learning, final int repeat)
    {
        final int code = TraceRecordKind.IMAGE_START.code();
        flushCoreTicks();
        final int index = claim(code, IMAGE_START_LENGTH);
        final UnsafeBuffer b = buffer;
        final int base = index - CHECKED_OFFSET;
        putPrefix(b, base, IMAGE_START_LENGTH, code, learning ? FLAG_LEARNING : 0, tick);
        b.putInt(base + IMAGE_START_IMAGE_OFFSET, image, BYTE_ORDER);
        b.putInt(base + IMAGE_START_LABEL_OFFSET, label, BYTE_ORDER);
        b.putInt(base + IMAGE_START_REPEAT_OFFSET, repeat, BYTE_ORDER);
        commit(index);
    }

    /**
     * Gathers one core's work of one tick into the pending CORE_TICK record: a row, or one more tick of the last
     * row when it is the same core's previous tick with the same work. The record goes into the ring when it holds
     * {@value TraceRecordDescriptor#MAX_CORE_TICK_ROWS} rows, before any other record but spikes, and at the end;
     * core ticks are therefore committed (and survive a kill) somewhat later than the spikes of their ticks.
     * Calls for core ticks must come from one thread at a time, in tick order, as a network's Controller makes them.
     *
     * @throws IllegalArgumentException when a count does not fit the row's int fields.
     */
    @Override
    public void onCoreTick(
        final long tick, final int core, final int spikesIn, final long synapticOps, final long neuronUpdates,
        final long stdpUpdates, final long decrements, final int spikesOut)
    {
        if (state != OPEN)
        {
            throw notOpen();
        }
        if ((synapticOps | neuronUpdates | stdpUpdates | decrements) >>> 31 != 0 || (spikesIn | spikesOut) < 0)
        {
            throw new IllegalArgumentException("core " + core + " at tick " + tick + ": a count is negative or "
                + "above 2^31 - 1 (synaptic ops " + synapticOps + ", neuron updates " + neuronUpdates
                + ", STDP updates " + stdpUpdates + ", decrements " + decrements + ", spikes " + spikesIn + " / "
                + spikesOut + "): a trace stores each core tick's counts as ints");
        }
        final int[] r = rows;
        int n = rowCount;
        if (n > 0)
        {
            final int last = (n - 1) * ROW_INTS;
            final long next = rowsTick + r[last] + r[last + 1];
            if (tick == next && r[last + 2] == core && r[last + 3] == spikesIn && r[last + 4] == (int)synapticOps
                && r[last + 5] == (int)neuronUpdates && r[last + 6] == (int)stdpUpdates
                && r[last + 7] == (int)decrements && r[last + 8] == spikesOut
                && (long)r[last] + r[last + 1] < Integer.MAX_VALUE)
            {
                r[last + 1]++;
                rowTicks++;
                return;
            }
            if (n == MAX_CORE_TICK_ROWS || tick < rowsTick || tick - rowsTick > Integer.MAX_VALUE)
            {
                flushCoreTicks();
                n = 0;
            }
        }
        if (n == 0)
        {
            rowsTick = tick;
        }
        final int at = n * ROW_INTS;
        r[at] = (int)(tick - rowsTick);
        r[at + 1] = 1;
        r[at + 2] = core;
        r[at + 3] = spikesIn;
        r[at + 4] = (int)synapticOps;
        r[at + 5] = (int)neuronUpdates;
        r[at + 6] = (int)stdpUpdates;
        r[at + 7] = (int)decrements;
        r[at + 8] = spikesOut;
        rowCount = n + 1;
        rowTicks++;
    }

    private void commit(final int index)
    {
        ring.commit(index);
        produced++;
    }

    /** Records put into the ring so far (for tests: the agent has written them all once it committed as many). */
    long producedRecords()
    {
        return produced;
    }

    /** Puts the pending spikes and core ticks into the ring now (for tests). */
    void flushPending()
    {
        flushCoreTicks();
    }

    /** Writes the pending spikes, then the pending core ticks (if any) into the ring, one record each. */
    private void flushCoreTicks()
    {
        flushSpikes(inputSpikes);
        flushSpikes(outputSpikes);
        final int n = rowCount;
        if (n == 0)
        {
            return;
        }
        rowCount = 0;
        final int code = TraceRecordKind.CORE_TICK.code();
        final int[] r = rows;
        final int encoded = TraceRecordDescriptor.encodeRows(r, n, rowBytes);
        final int length = TraceRecordDescriptor.coreTickLength(encoded);
        final int index = claim(code, length);
        final UnsafeBuffer b = buffer;
        final int base = index - CHECKED_OFFSET;
        putPrefix(b, base, length, code, 0, rowsTick);
        b.putInt(base + CORE_TICK_COUNT_OFFSET, rowTicks, BYTE_ORDER);
        b.putInt(base + CORE_TICK_ROWS_OFFSET, n, BYTE_ORDER);
        final int last = (n - 1) * ROW_INTS;
        b.putInt(base + CORE_TICK_LAST_OFFSET, r[last] + r[last + 1] - 1, BYTE_ORDER);
        b.putBytes(base + CORE_TICK_ROWS_START, rowBytes, 0, encoded);
        for (int at = base + CORE_TICK_ROWS_START + encoded, end = base + length; at < end; at++)
        {
            b.putByte(at, (byte)0);
        }
        rowTicks = 0;
        commit(index);
    }

    @Override
    public void onPrune(final long tick, final long evaluations, final long pruned, final int groups)
    {
        final int code = TraceRecordKind.PRUNE.code();
        flushCoreTicks();
        final int index = claim(code, PRUNE_LENGTH);
        final UnsafeBuffer b = buffer;
        final int base = index - CHECKED_OFFSET;
        putPrefix(b, base, PRUNE_LENGTH, code, 0, tick);
        b.putLong(base + PRUNE_EVALUATIONS_OFFSET, evaluations, BYTE_ORDER);
        b.putLong(base + PRUNE_PRUNED_OFFSET, pruned, BYTE_ORDER);
        b.putInt(base + PRUNE_GROUPS_OFFSET, groups, BYTE_ORDER);
        commit(index);
    }

    @Override
    public void onPruneDecision(final long tick, final int core, final int pre, final int post, final float weight)
    {
        final int code = TraceRecordKind.PRUNE_DECISION.code();
        flushCoreTicks();
        final int index = claim(code, DECISION_LENGTH);
        final UnsafeBuffer b = buffer;
        final int base = index - CHECKED_OFFSET;
        putPrefix(b, base, DECISION_LENGTH, code, 0, tick);
        b.putInt(base + DECISION_CORE_OFFSET, core, BYTE_ORDER);
        b.putInt(base + DECISION_PRE_OFFSET, pre, BYTE_ORDER);
        b.putInt(base + DECISION_POST_OFFSET, post, BYTE_ORDER);
        b.putFloat(base + DECISION_WEIGHT_OFFSET, weight, BYTE_ORDER);
        commit(index);
    }

    @Override
    public void onImageEnd(final long tick, final int image, final int spikes)
    {
        final int code = TraceRecordKind.IMAGE_END.code();
        flushCoreTicks();
        final int index = claim(code, IMAGE_END_LENGTH);
        final UnsafeBuffer b = buffer;
        final int base = index - CHECKED_OFFSET;
        putPrefix(b, base, IMAGE_END_LENGTH, code, 0, tick);
        b.putInt(base + IMAGE_END_IMAGE_OFFSET, image, BYTE_ORDER);
        b.putInt(base + IMAGE_END_SPIKES_OFFSET, spikes, BYTE_ORDER);
        commit(index);
    }

    /**
     * Ends a completed run: the agent writes what is left in the ring, then an END record with status
     * {@link TraceStatus#COMPLETE} and the run's result digest, and closes the queue.
     *
     * @param runDigest the run's result digest (printable ASCII, at most
     *                  {@value TraceRecordDescriptor#MAX_RUN_DIGEST_LENGTH} characters), or "".
     * @throws TraceException when recording had stopped or failed.
     */
    public void finish(final String runDigest)
    {
        finishAs(TraceStatus.COMPLETE, runDigest);
    }

    /**
     * Ends the recording with a given status, as {@link #finish(String)} does for {@link TraceStatus#COMPLETE}: for a
     * trace rebuilt from an export, whose recording may have ended otherwise.
     *
     * @param status    the status the END record carries.
     * @param runDigest the run's result digest, or "".
     */
    void finishAs(final TraceStatus status, final String runDigest)
    {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runDigest, "runDigest");
        if (runDigest.length() > TraceRecordDescriptor.MAX_RUN_DIGEST_LENGTH || !isPrintableAscii(runDigest))
        {
            throw new IllegalArgumentException(
                "run digest must be printable ASCII of at most " + TraceRecordDescriptor.MAX_RUN_DIGEST_LENGTH
                    + " characters, got " + runDigest.length() + " characters");
        }
        if (state == OPEN)
        {
            this.runDigest = runDigest;
            this.endStatus = status;
        }
        close();
    }

    /**
     * Stops recording: the agent writes what is left in the ring and an END record (status
     * {@link TraceStatus#ABORTED} unless {@link #finish(String)} came first), then closes the queue. Idempotent.
     *
     * @throws TraceException when recording had failed or stopped and no event call has reported it yet.
     */
    @Override
    public void close()
    {
        if (state == OPEN)
        {
            try
            {
                flushCoreTicks();
            }
            finally
            {
                state = CLOSED;
            }
        }
        if (running)
        {
            running = false;
            LockSupport.unpark(thread);
            boolean interrupted = false;
            while (thread.isAlive())
            {
                try
                {
                    thread.join();
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
        final TraceException f = failure;
        if (f != null && !failureReported)
        {
            failureReported = true;
            throw f;
        }
    }

    static String mebibytes(final long bytes)
    {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Called by the agent: stop the producers with this reason. */
    void fail(final TraceException reason)
    {
        if (failure == null)
        {
            failure = reason;
        }
        state = STOPPED;
    }

    boolean hasFailed()
    {
        return failure != null;
    }

    TraceStatus endStatus()
    {
        return endStatus;
    }

    String runDigest()
    {
        return runDigest;
    }

    private void appendSpikes(
        final PendingSpikes p, final long tick, final int[] ids, final int offset, final int count)
    {
        if (state != OPEN)
        {
            throw notOpen();
        }
        if (count <= 0)
        {
            return;
        }
        if (p.groups > 0 && (tick < p.lastTick() || tick - p.firstTick > Integer.MAX_VALUE))
        {
            flushSpikes(p);
        }
        int from = offset;
        int left = count;
        while (left > 0)
        {
            final boolean sameTick = p.groups > 0 && tick == p.lastTick();
            final int room = p.ids.length - p.count;
            if (room == 0 || (!sameTick && p.groups == MAX_SPIKE_GROUPS))
            {
                flushSpikes(p);
                continue;
            }
            final int n = Math.min(left, room);
            System.arraycopy(ids, from, p.ids, p.count, n);
            p.count += n;
            if (sameTick)
            {
                p.groupCounts[p.groups - 1] += n;
            }
            else
            {
                if (p.groups == 0)
                {
                    p.firstTick = tick;
                }
                p.groupTicks[p.groups] = (int)(tick - p.firstTick);
                p.groupCounts[p.groups] = n;
                p.groups++;
            }
            from += n;
            left -= n;
        }
    }

    /** Writes a kind's pending spikes (if any) into the ring as one record. */
    private void flushSpikes(final PendingSpikes p)
    {
        final int g = p.groups;
        if (g == 0)
        {
            return;
        }
        final int n = p.count;
        p.groups = 0;
        p.count = 0;
        final int code = p.code;
        final int length = TraceRecordDescriptor.spikesLength(g, n);
        final int index = claim(code, length);
        final UnsafeBuffer b = buffer;
        final int base = index - CHECKED_OFFSET;
        putPrefix(b, base, length, code, 0, p.firstTick);
        b.putInt(base + SPIKE_GROUPS_OFFSET, g, BYTE_ORDER);
        b.putInt(base + SPIKE_COUNT_OFFSET, n, BYTE_ORDER);
        int at = base + SPIKE_GROUPS_START;
        final int[] ticks = p.groupTicks;
        final int[] counts = p.groupCounts;
        for (int i = 0; i < g; i++)
        {
            b.putInt(at, ticks[i], BYTE_ORDER);
            b.putInt(at + 4, counts[i], BYTE_ORDER);
            at += 8;
        }
        final int[] ids = p.ids;
        for (int i = 0; i < n; i++)
        {
            b.putInt(at, ids[i], BYTE_ORDER);
            at += 4;
        }
        commit(index);
    }

    /** The spikes of one kind gathered for the next record of that kind. */
    private static final class PendingSpikes
    {
        final int code;
        final int[] groupTicks = new int[MAX_SPIKE_GROUPS];
        final int[] groupCounts = new int[MAX_SPIKE_GROUPS];
        final int[] ids;
        int groups;
        int count;
        long firstTick;

        PendingSpikes(final int code, final int maxIds)
        {
            this.code = code;
            this.ids = new int[maxIds];
        }

        long lastTick()
        {
            return firstTick + groupTicks[groups - 1];
        }
    }

    private static void putPrefix(
        final UnsafeBuffer b, final int base, final int length, final int code, final int flags, final long tick)
    {
        b.putInt(base + LENGTH_OFFSET, length, BYTE_ORDER);
        b.putShort(base + KIND_OFFSET, (short)code, BYTE_ORDER);
        b.putShort(base + FLAGS_OFFSET, (short)flags, BYTE_ORDER);
        b.putLong(base + TICK_OFFSET, tick, BYTE_ORDER);
    }

    /** Claims ring space for a record of {@code recordLength} bytes; returns the index of its byte 4. */
    private int claim(final int code, final int recordLength)
    {
        if (state != OPEN)
        {
            throw notOpen();
        }
        final int index = ring.tryClaim(code, recordLength - CHECKED_OFFSET);
        return index >= 0 ? index : claimWhenFull(code, recordLength);
    }

    private int claimWhenFull(final int code, final int recordLength)
    {
        int attempts = 0;
        while (true)
        {
            if (state != OPEN)
            {
                throw notOpen();
            }
            if (attempts < 100)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(50_000);
            }
            attempts++;
            final int index = ring.tryClaim(code, recordLength - CHECKED_OFFSET);
            if (index >= 0)
            {
                return index;
            }
        }
    }

    private TraceException notOpen()
    {
        final TraceException f = failure;
        if (f != null)
        {
            failureReported = true;
            return f;
        }
        return new TraceException("trace " + dir + ": the recorder is closed");
    }

    private void runAgent()
    {
        try
        {
            agent.onStart();
        }
        catch (final RuntimeException | Error ex)
        {
            startFailure = ex;
            fail(new TraceException("trace " + dir + ": cannot start recording: " + ex, ex));
            agent.closeQueue();
            started.countDown();
            return;
        }
        started.countDown();
        final IdleStrategy idle = agentIdle;
        while (running)
        {
            int work;
            try
            {
                work = agent.doWork();
            }
            catch (final RuntimeException | Error ex)
            {
                agent.onFailure(ex);
                work = 0;
            }
            idle.idle(work);
        }
        agent.onClose();
    }

    private static void checkFreeSpace(final Path dir, final Context ctx)
    {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null)
        {
            throw new TraceException("trace " + dir + ": no existing parent directory");
        }
        final long usable;
        try
        {
            usable = ctx.diskSpace().usableBytes(existing);
        }
        catch (final IOException ex)
        {
            throw new TraceException("trace " + dir + ": cannot query the free space of its file system: " + ex, ex);
        }
        if (usable < ctx.minFreeBytes())
        {
            throw new TraceDiskSpaceException(
                "trace " + dir + ": cannot start recording: " + mebibytes(usable)
                    + " free on its file system, the minimum for recording is " + mebibytes(ctx.minFreeBytes()),
                usable, ctx.minFreeBytes());
        }
    }

    private static void prepareDirectory(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            if (!TraceQueues.queueFiles(dir).isEmpty())
            {
                throw new TraceException(
                    "trace " + dir + ": the directory already holds a trace (queue files *"
                        + TraceQueues.QUEUE_FILE_SUFFIX + "); record into a new or empty directory");
            }
        }
        catch (final IOException ex)
        {
            throw new TraceException("trace " + dir + ": cannot create the directory: " + ex, ex);
        }
    }

    private static boolean isPrintableAscii(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Settings of a recording, as fluent getter/setter pairs; {@link #conclude()} checks them.
     */
    public static final class Context
    {
        /** Default ring capacity: 8 MiB. */
        public static final int RING_CAPACITY_DEFAULT = 8 << 20;
        /** Default minimum free space: 256 MiB. */
        public static final long MIN_FREE_BYTES_DEFAULT = 256L << 20;
        /** Default interval between free-space checks: every 16 MiB written. */
        public static final long CHECK_INTERVAL_BYTES_DEFAULT = 16L << 20;

        private int ringCapacity = RING_CAPACITY_DEFAULT;
        private long minFreeBytes = MIN_FREE_BYTES_DEFAULT;
        private long checkIntervalBytes = CHECK_INTERVAL_BYTES_DEFAULT;
        private DiskSpace diskSpace = DiskSpace.FILE_STORE;
        private int formatVersion = TraceRecordDescriptor.FORMAT_VERSION;

        /** Ring capacity in bytes (a power of two, at least 64 KiB). */
        public int ringCapacity()
        {
            return ringCapacity;
        }

        /**
         * @param bytes ring capacity in bytes, a power of two of at least 64 KiB.
         * @return this.
         */
        public Context ringCapacity(final int bytes)
        {
            this.ringCapacity = bytes;
            return this;
        }

        /** The free space below which recording refuses to start or stops, in bytes. */
        public long minFreeBytes()
        {
            return minFreeBytes;
        }

        /**
         * @param bytes the free space below which recording refuses to start or stops.
         * @return this.
         */
        public Context minFreeBytes(final long bytes)
        {
            this.minFreeBytes = bytes;
            return this;
        }

        /** Bytes written between two free-space checks. */
        public long checkIntervalBytes()
        {
            return checkIntervalBytes;
        }

        /**
         * @param bytes bytes written between two free-space checks (at least 1).
         * @return this.
         */
        public Context checkIntervalBytes(final long bytes)
        {
            this.checkIntervalBytes = bytes;
            return this;
        }

        /** Where free space is read from. */
        public DiskSpace diskSpace()
        {
            return diskSpace;
        }

        /**
         * @param diskSpace where free space is read from (tests simulate a filling disk with it).
         * @return this.
         */
        public Context diskSpace(final DiskSpace diskSpace)
        {
            this.diskSpace = Objects.requireNonNull(diskSpace, "diskSpace");
            return this;
        }

        int formatVersion()
        {
            return formatVersion;
        }

        /** Writes another format version into the header; only tests of the version check use it. */
        Context formatVersion(final int version)
        {
            this.formatVersion = version;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @return this.
         * @throws IllegalArgumentException naming the bad setting and its value.
         */
        public Context conclude()
        {
            if (ringCapacity < (64 << 10) || Integer.bitCount(ringCapacity) != 1)
            {
                throw new IllegalArgumentException(
                    "ringCapacity must be a power of 2 of at least 65536, ringCapacity=" + ringCapacity);
            }
            if (minFreeBytes < 0)
            {
                throw new IllegalArgumentException("minFreeBytes must not be negative, minFreeBytes=" + minFreeBytes);
            }
            if (checkIntervalBytes < 1)
            {
                throw new IllegalArgumentException(
                    "checkIntervalBytes must be at least 1, checkIntervalBytes=" + checkIntervalBytes);
            }
            return this;
        }
    }
}
