package org.spikeprune.cli.experiment;

/**
 * One run of a sweep in a named series (a curve of a figure, a row of a table), with the numbers paper A reports
 * against the unpruned run of the same seed (MODEL-REFERENCE §2.4–2.5).
 *
 * @param series the series, e.g. {@code "APT f1 a=1.3"}.
 * @param run    the run.
 * @param base   the unpruned run of the same profile, seed and image counts.
 */
public record Point(String series, RunOutcome run, RunOutcome base)
{
    /** Accuracy loss against the unpruned run, a fraction (0.0673 = 6.73 percentage points). */
    public double accuracyLoss()
    {
        return base.accuracy() - run.accuracy();
    }

    /** Training SOPs per image over the unpruned run's. */
    public double normalisedTrainSops()
    {
        return run.trainSopsPerImage() / base.trainSopsPerImage();
    }

    /** Inference SOPs per image over the unpruned run's. */
    public double normalisedInferSops()
    {
        return run.inferSopsPerImage() / base.inferSopsPerImage();
    }

    /** Training SOP reduction, {@code 1 −} normalised training SOPs. */
    public double trainSopReduction()
    {
        return 1 - normalisedTrainSops();
    }

    /** Inference SOP reduction, {@code 1 −} normalised inference SOPs. */
    public double inferSopReduction()
    {
        return 1 - normalisedInferSops();
    }

    /** Total (training + inference) SOPs per image over the unpruned run's (paper A's FOM factor). */
    public double normalisedTotalSops()
    {
        return (run.trainSopsPerImage() + run.inferSopsPerImage())
            / (base.trainSopsPerImage() + base.inferSopsPerImage());
    }

    /**
     * Paper A's figure of merit: accuracy loss in percentage points times normalised total SOPs per image; lower
     * is better. Not clipped: a run more accurate than the unpruned one has a negative FOM.
     */
    public double fom()
    {
        return 100 * accuracyLoss() * normalisedTotalSops();
    }

    /** The run's connectivity. */
    public double connectivity()
    {
        return run.connectivity();
    }

    /** The run's unpruned fraction (synapses neither pruned nor frozen). */
    public double unpruned()
    {
        return run.unprunedFraction();
    }

    /** The run's accuracy. */
    public double accuracy()
    {
        return run.accuracy();
    }

    /** The run's initial threshold {@code w_th0}, NaN if its method has none. */
    public double initialThreshold()
    {
        return run.number("pruning.w_th0");
    }
}
