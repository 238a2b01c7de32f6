package org.spikeprune.fpga.prune;

/**
 * The Prune unit's cost averaged over the images of a training run (paper A Table 4, "average per image"): a
 * pass at every batch boundary from the start image on, i.e. at images start, start + batch, … ≤ images, so
 * {@code steps = floor((images − start) / batch) + 1} (MODEL-REFERENCE §2.8: 7 steps for batch 5,000 and 301
 * for batch 100 over 60,000 images from 30,000).
 *
 * @param step   the cost of one pass.
 * @param steps  passes in the run.
 * @param images training images of the run.
 */
public record PruningOverhead(PruneCost step, long steps, long images)
{
    /**
     * The overhead of a schedule.
     *
     * @param step   the cost of one pass.
     * @param images training images.
     * @param start  image count at which the first pass runs.
     * @param batch  images between passes, at least 1.
     * @return the overhead.
     */
    public static PruningOverhead of(final PruneCost step, final long images, final long start, final long batch)
    {
        return new PruningOverhead(step, steps(images, start, batch), images);
    }

    /**
     * Passes of a schedule.
     *
     * @param images training images.
     * @param start  image count of the first pass.
     * @param batch  images between passes, at least 1.
     * @return {@code floor((images − start) / batch) + 1}, or 0 when the run ends before {@code start}.
     */
    public static long steps(final long images, final long start, final long batch)
    {
        if (batch < 1)
        {
            throw new IllegalArgumentException("batch must be >= 1, found " + batch);
        }
        return images < start ? 0 : (images - start) / batch + 1;
    }

    /** @return average Prune unit cycles per training image. */
    public double cyclesPerImage()
    {
        return images == 0 ? 0 : (double) steps * step.cycles() / images;
    }

    /** @return average Prune unit operations per training image. */
    public double opsPerImage()
    {
        return images == 0 ? 0 : (double) steps * step.ops() / images;
    }
}
