package org.spikeprune.core.dc;

import org.spikeprune.engine.SpikeBatch;

/**
 * Where the input spikes of a presentation come from: Poisson rate coding (the default) or a recording being
 * replayed. Called by the Controller on the engine's driving thread.
 */
public interface InputSource
{
    /**
     * Starts a presentation.
     *
     * @param tick           its first tick.
     * @param pixels         image pixels, unsigned bytes.
     * @param offset         offset of the image in {@code pixels}.
     * @param ratePerPixelHz rate in Hz per unit of pixel value.
     * @param dtMs           tick length in ms.
     */
    void begin(long tick, byte[] pixels, int offset, double ratePerPixelHz, double dtMs);

    /** Appends the inputs that fire at {@code tick}, ascending, to {@code out}. */
    void emit(long tick, SpikeBatch out);

    /** The first tick at or after {@code tick} with a pending input spike, or {@link Long#MAX_VALUE}. */
    long nextTick(long tick);

    /** Makes the input source of one network of a run (training, assignment, test). */
    interface Factory
    {
        /**
         * @param streamName  the named random stream the Poisson source would use ("input", "assign", "test").
         * @param horizonTicks ticks of one presentation.
         * @return the source.
         */
        InputSource create(String streamName, int horizonTicks);
    }
}
