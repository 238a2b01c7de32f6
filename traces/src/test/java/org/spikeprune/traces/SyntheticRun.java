package org.spikeprune.traces;

import java.util.SplittableRandom;

/**
 * A deterministic stand-in for a learning run: images of a few ticks each, with input spikes, core ticks,
 * output spikes, prune passes and decisions drawn from a seeded generator. Every sink call it makes is one
 * record, so the first n records of a trace can be compared with the first n calls of a fresh run.
 */
final class SyntheticRun
{
    static final int TICKS_PER_IMAGE = 10;
    static final int CORES = 2;

    private final SplittableRandom random;
    private final int[] ids = new int[64];
    private long tick;
    private int image;

    SyntheticRun(final long seed)
    {
        random = new SplittableRandom(seed);
    }

    /** Emits the events of one image presentation. */
    void emitImage(final TraceSink sink)
    {
        final int label = image % 10;
        sink.onImageStart(tick, image, label, image % 3 != 2, image / 100);
        int outputSpikes = 0;
        for (int t = 0; t < TICKS_PER_IMAGE; t++)
        {
            final int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++)
            {
                ids[i] = random.nextInt(784);
            }
            sink.onInputSpikes(tick, ids, 0, n);
            for (int core = 0; core < CORES; core++)
            {
                sink.onCoreTick(
                    tick, core, n, random.nextInt(1 << 30), random.nextInt(1000), random.nextInt(5000),
                    random.nextInt(100), random.nextInt(4));
            }
            if (random.nextInt(4) == 0)
            {
                final int m = 1 + random.nextInt(3);
                for (int i = 0; i < m; i++)
                {
                    ids[i] = random.nextInt(100);
                }
                sink.onOutputSpikes(tick, ids, 0, m);
                outputSpikes += m;
            }
            tick++;
        }
        sink.onImageEnd(tick - 1, image, outputSpikes);
        if (image % 4 == 3)
        {
            sink.onPrune(tick - 1, 78_400, random.nextInt(500), random.nextInt(5));
            sink.onPruneDecision(tick - 1, random.nextInt(CORES), random.nextInt(784), random.nextInt(100),
                (float)random.nextDouble());
        }
        image++;
    }

    /** The next tick the run will use. */
    long tick()
    {
        return tick;
    }
}
