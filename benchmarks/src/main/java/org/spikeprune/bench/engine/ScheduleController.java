package org.spikeprune.bench.engine;

import org.spikeprune.engine.Controller;
import org.spikeprune.engine.SpikeBatch;

/** Dispatches an {@link InputSchedule} image after image and counts the output spikes. */
final class ScheduleController implements Controller
{
    private final InputSchedule schedule;
    long outputSpikes;

    ScheduleController(final InputSchedule schedule)
    {
        this.schedule = schedule;
    }

    @Override
    public void dispatch(final long tick, final SpikeBatch spikes)
    {
        if (schedule != null)
        {
            schedule.fill(tick, spikes);
        }
    }

    @Override
    public void onOutput(final long tick, final SpikeBatch spikes)
    {
        outputSpikes += spikes.count();
    }
}
