package org.spikeprune.fpga.paper;

/**
 * One model figure set beside a published one.
 *
 * @param metric what is compared, with its unit.
 * @param model  the model's value.
 * @param paper  the published value (NaN when the paper gives none).
 * @param note   why they differ, or how the model value was obtained.
 */
public record Comparison(String metric, double model, double paper, String note)
{
}
