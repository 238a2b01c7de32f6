package org.spikeprune.cli.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.spikeprune.core.InputException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The numbers of one finished run that experiments use; written into the run's {@code result.json} under
 * {@code "outcome"} and read back from it when a sweep resumes.
 *
 * @param id                the run's id (folder name under {@code runs/}).
 * @param method            the pruning method's command-line name.
 * @param settings          the effective pruning settings ({@code pruning.*} → value; empty for {@code none}).
 * @param accuracy          test accuracy in [0, 1].
 * @param connectivity      live X→Ae synapses over all of them, in [0, 1].
 * @param unprunedFraction  synapses neither pruned nor frozen over all of them (paper A's "unpruned percentage").
 * @param liveSynapses      live X→Ae synapses at the end.
 * @param frozenSynapses    frozen (soft-pruned) synapses at the end.
 * @param neuronsPruned     excitatory neurons removed by the end.
 * @param pruneSteps        pruning steps at which the policy acted.
 * @param trainSopsPerImage training SOPs per image (accumulations + STDP updates, all presentations).
 * @param inferSopsPerImage inference SOPs per test image (accumulations, all presentations).
 * @param trainImages       training images presented (all epochs).
 * @param trainSeconds      wall time of the training phase, pruning steps included.
 * @param wallSeconds       wall time of the whole run.
 * @param digest            the run's digest (final weights, thresholds and label assignments).
 */
public record RunOutcome(String id, String method, Map<String, String> settings, double accuracy,
    double connectivity, double unprunedFraction, long liveSynapses, long frozenSynapses, int neuronsPruned,
    int pruneSteps, double trainSopsPerImage, double inferSopsPerImage, long trainImages, double trainSeconds,
    double wallSeconds, String digest)
{
    /** Keeps the settings in their given order, read-only. */
    public RunOutcome
    {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Training wall time per training image, in milliseconds (paper A Fig. 15A's quantity). */
    public double trainMillisPerImage()
    {
        return trainImages == 0 ? Double.NaN : 1000 * trainSeconds / trainImages;
    }

    /**
     * An effective pruning setting.
     *
     * @param key the {@code pruning.*} key.
     * @return its value, or null if the method has none.
     */
    public String setting(final String key)
    {
        return settings.get(key);
    }

    /**
     * An effective numeric pruning setting.
     *
     * @param key the {@code pruning.*} key.
     * @return its value, NaN if the method has none ({@code inf} reads as positive infinity).
     */
    public double number(final String key)
    {
        final String v = settings.get(key);
        if (v == null)
        {
            return Double.NaN;
        }
        return v.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
    }

    /** The outcome as a JSON-ready tree. */
    public Map<String, Object> toJson()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("method", method);
        m.put("settings", new LinkedHashMap<>(settings));
        m.put("accuracy", accuracy);
        m.put("connectivity", connectivity);
        m.put("unpruned_fraction", unprunedFraction);
        m.put("live_synapses", liveSynapses);
        m.put("frozen_synapses", frozenSynapses);
        m.put("neurons_pruned", neuronsPruned);
        m.put("prune_steps", pruneSteps);
        m.put("train_sops_per_image", trainSopsPerImage);
        m.put("infer_sops_per_image", inferSopsPerImage);
        m.put("train_images", trainImages);
        m.put("train_seconds", trainSeconds);
        m.put("wall_seconds", wallSeconds);
        m.put("digest", digest);
        return m;
    }

    /**
     * Reads an outcome written by {@link #toJson()}.
     *
     * @param node   the {@code "outcome"} object.
     * @param source the file, for messages.
     * @return the outcome.
     * @throws InputException naming the file and the field when one is missing.
     */
    public static RunOutcome fromJson(final JsonNode node, final String source)
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        final JsonNode s = field(node, "settings", source);
        s.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return new RunOutcome(
            field(node, "id", source).asText(),
            field(node, "method", source).asText(),
            settings,
            real(node, "accuracy", source),
            real(node, "connectivity", source),
            real(node, "unpruned_fraction", source),
            field(node, "live_synapses", source).asLong(),
            field(node, "frozen_synapses", source).asLong(),
            field(node, "neurons_pruned", source).asInt(),
            field(node, "prune_steps", source).asInt(),
            real(node, "train_sops_per_image", source),
            real(node, "infer_sops_per_image", source),
            field(node, "train_images", source).asLong(),
            real(node, "train_seconds", source),
            real(node, "wall_seconds", source),
            field(node, "digest", source).asText());
    }

    private static double real(final JsonNode node, final String name, final String source)
    {
        final JsonNode v = field(node, name, source);
        return v.isNull() ? Double.NaN : v.asDouble();
    }

    private static JsonNode field(final JsonNode node, final String name, final String source)
    {
        final JsonNode v = node == null ? null : node.get(name);
        if (v == null)
        {
            throw new InputException(source + ": expected the field outcome." + name + ", found none");
        }
        return v;
    }
}
