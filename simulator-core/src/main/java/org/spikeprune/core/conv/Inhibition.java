package org.spikeprune.core.conv;

/** How the neurons of a layer compete within one image. */
public enum Inhibition
{
    /**
     * Lateral inhibition across maps: a position fires at most once per image. Convolutions: the map with the
     * highest potential among those above threshold at the step (ties: the lowest map). Pooling: every map hit at
     * the position's first step (paper B's reference implementation).
     */
    POSITION,
    /** No competition across maps; every neuron or pooling unit fires at most once per image. */
    NEURON,
    /** Pooling units fire at every step they are hit (not allowed for convolutions). */
    NONE
}
