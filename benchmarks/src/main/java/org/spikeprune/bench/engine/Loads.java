package org.spikeprune.bench.engine;

/** The named input loads shared by the engine benchmarks and their baseline. */
final class Loads
{
    static final long SCHEDULE_SEED = 0x5eed_0001L;
    static final long WEIGHT_SEED = 0x5eed_0002L;

    private Loads()
    {
    }

    /** {@code paperA}: 3,500 spikes scattered over one image; {@code heavy}: 64 spikes on every tick. */
    static InputSchedule schedule(final String load)
    {
        switch (load)
        {
            case "paperA":
                return InputSchedule.scattered(InputSchedule.PAPER_A_SPIKES, SCHEDULE_SEED);
            case "heavy":
                return InputSchedule.everyTick(InputSchedule.HEAVY_SPIKES_PER_TICK, SCHEDULE_SEED);
            default:
                throw new IllegalArgumentException("load must be paperA or heavy, load=" + load);
        }
    }
}
