package org.spikeprune.fpga.paper;

/**
 * One model figure set beside a published one.
 *
 * @param metric what is compared, with its unit.
 * @param model  the model's value.
 * @param paper  the published value (NaN when the paper gives none).
 * @param ratio  true when both values are fractions (shown as percentages).
 * @param note   why they differ, or how the model value was obtained.
 */
public record Comparison(String metric, double model, double paper, boolean ratio, String note)
{
}
