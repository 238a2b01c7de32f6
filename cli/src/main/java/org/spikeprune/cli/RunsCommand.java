package org.spikeprune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.spikeprune.core.InputException;
import org.spikeprune.core.io.SafeFiles;
import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spikeprune runs PATH...}: the runs under some folders side by side, and the runs that differ only in their
 * seed gathered into groups with the mean, standard deviation and range of their accuracy. It reads the
 * {@code result.json} files that {@code train}, {@code experiment} and {@code conv train} write.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Tabulate the result.json files under the given folders (Markdown): one row per run, then the runs "
        + "that differ only in their seed grouped with the mean, standard deviation and range of their accuracy.")
public final class RunsCommand implements Callable<Integer>
{
    /** How deep below each PATH result.json files are looked for. */
    static final int DEPTH = 4;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A result.json file, or a folder searched for "
        + "them up to " + DEPTH + " levels down (a train --out folder, an experiment's runs/ folder, ...).")
    List<Path> paths;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one row per run as CSV.")
    Path csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One run read from its result.json. */
    record Run(Path file, String profile, String pruning, long seed, double accuracy, double connectivity,
        double trainSops, double inferSops, String digest, String settings, String group)
    {
    }

    /** The runs of one configuration, seeds apart. */
    record Group(String id, String profile, String pruning, String settings, List<Run> runs)
    {
        double mean()
        {
            double s = 0;
            for (final Run r : runs)
            {
                s += r.accuracy();
            }
            return s / runs.size();
        }

        /** The sample standard deviation of the accuracy (NaN for one run). */
        double sd()
        {
            if (runs.size() < 2)
            {
                return Double.NaN;
            }
            final double m = mean();
            double s = 0;
            for (final Run r : runs)
            {
                s += (r.accuracy() - m) * (r.accuracy() - m);
            }
            return Math.sqrt(s / (runs.size() - 1));
        }

        double meanOf(final java.util.function.ToDoubleFunction<Run> f)
        {
            double s = 0;
            for (final Run r : runs)
            {
                s += f.applyAsDouble(r);
            }
            return s / runs.size();
        }
    }

    @Override
    public Integer call()
    {
        final List<Path> files = new ArrayList<>();
        for (final Path p : paths)
        {
            files.addAll(find(p));
        }
        if (files.isEmpty())
        {
            throw new InputException(paths + ": no result.json found (train writes one into its --out folder)");
        }
        final List<Run> runs = new ArrayList<>();
        for (final Path f : files)
        {
            runs.add(read(f));
        }
        final List<Group> groups = group(runs);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(markdown(runs, groups));
        out.flush();
        if (csv != null)
        {
            for (final Path f : files)
            {
                if (Files.exists(csv) && isSame(csv, f))
                {
                    throw new InputException("--csv " + csv + " is one of the result files read: give another file");
                }
            }
            SafeFiles.writeText(csv, csv(runs));
            out.println("wrote " + csv);
        }
        return 0;
    }

    /** The result.json files at or below a path, in path order. */
    static List<Path> find(final Path p)
    {
        if (Files.isRegularFile(p))
        {
            return List.of(p);
        }
        if (!Files.isDirectory(p))
        {
            throw new InputException(p + ": no such file or folder");
        }
        try (Stream<Path> s = Files.find(p, DEPTH, (f, a) -> a.isRegularFile()
            && f.getFileName().toString().equals("result.json")))
        {
            return s.sorted().toList();
        }
        catch (final IOException | java.io.UncheckedIOException ex)
        {
            throw new InputException(p + ": cannot be searched: " + ex.getMessage(), ex);
        }
    }

    /** Reads one run; a file that is not a run's result names itself and the fault. */
    static Run read(final Path f)
    {
        final JsonNode n;
        try
        {
            n = RunOutput.json().readTree(Files.readAllBytes(f));
        }
        catch (final JsonProcessingException ex)
        {
            throw new InputException(f + ": not valid JSON (" + ex.getOriginalMessage() + ", line "
                + ex.getLocation().getLineNr() + ")", ex);
        }
        catch (final IOException ex)
        {
            throw new InputException(f + ": cannot be read: " + ex.getMessage(), ex);
        }
        if (n == null || !n.isObject())
        {
            throw new InputException(f + ": not a run's result (a JSON object was expected)");
        }
        final double accuracy = number(f, n, "accuracy");
        if (!(accuracy >= 0 && accuracy <= 1))
        {
            throw new InputException(f + ": field accuracy is " + accuracy + ", expected a fraction in [0, 1]");
        }
        if (!n.path("seed").canConvertToLong())
        {
            throw new InputException(f + ": field seed is missing or not an integer");
        }
        final JsonNode conn = n.path("connectivity");
        final double connectivity = conn.isNumber() ? conn.asDouble()
            : conn.path("total").isNumber() ? conn.path("total").asDouble() : Double.NaN;
        final JsonNode sops = n.path("sops");
        final double train = sops.path("train_per_image").isNumber() ? sops.path("train_per_image").asDouble()
            : Double.NaN;
        final double infer = sops.path("infer_per_image").isNumber() ? sops.path("infer_per_image").asDouble()
            : n.path("inference_sops_per_image").isNumber() ? n.path("inference_sops_per_image").asDouble()
                : Double.NaN;
        final String profile = n.path("profile").asText("?");
        final String pruning = n.path("pruning").asText("none");
        final String[] settings = settings(n, pruning);
        // the configuration apart from the seed: the network parameters, the effective pruning settings (or a conv
        // run's overrides) and the image counts
        final StringBuilder key = new StringBuilder(profile).append('|').append(pruning).append('|')
            .append(settings[1]);
        // a field an older or other command did not write counts as its default
        key.append("|train_images=").append(n.path("train_images").asText("")).append("|epochs=")
            .append(n.path("epochs").asText("1")).append("|assign_images=").append(n.path("assign_images").asText(""))
            .append("|test_images=").append(n.path("test_images").asText("")).append("|validation_images=")
            .append(n.path("validation_images").asText("0")).append("|quick=").append(n.path("quick").asText("false"));
        return new Run(f, profile, pruning, n.path("seed").asLong(), accuracy, connectivity, train, infer,
            n.path("digest").asText(""), settings[0], shortHash(key.toString()));
    }

    private static double number(final Path f, final JsonNode n, final String field)
    {
        final JsonNode v = n.path(field);
        if (!v.isNumber())
        {
            throw new InputException(f + ": field " + field + " is missing or not a number");
        }
        return v.asDouble();
    }

    /**
     * The settings of a run: {@code [0]} what tells it apart from other runs of its profile and method, for people
     * (the pruning settings that differ from the method's defaults, or a conv run's overrides), and {@code [1]} its
     * whole configuration apart from the seed, for grouping (every network parameter and the method's effective
     * pruning settings, so that a value given explicitly and the same value by default group together).
     */
    static String[] settings(final JsonNode n, final String pruning)
    {
        final Map<String, String> network = new TreeMap<>();
        final Map<String, String> prune = new TreeMap<>();
        n.path("params").fields().forEachRemaining(e ->
            (e.getKey().startsWith(PruneConfig.PREFIX) ? prune : network).put(e.getKey(), e.getValue().asText()));
        final Map<String, String> shown = new TreeMap<>();
        final Map<String, String> effective = new TreeMap<>();
        PruneMethod method = null;
        try
        {
            method = PruneMethod.parse(pruning);
        }
        catch (final InputException notPaperA)
        {
            // a conv run's method: its overrides are in "settings"
        }
        if (method != null && n.has("params"))
        {
            final int neurons = n.path("exc_neurons").asInt(100);
            try
            {
                final Map<String, String> eff = PruneConfig.fromSettings(method, neurons, prune).toSettings();
                final Map<String, String> def = PruneConfig.defaults(method, neurons).toSettings();
                for (final String k : method.usedKeys())
                {
                    effective.put(k, eff.get(k));
                    if (!eff.get(k).equals(def.get(k)))
                    {
                        shown.put(k.substring(PruneConfig.PREFIX.length()), eff.get(k));
                    }
                }
            }
            catch (final InputException ex)
            {
                throw new InputException("in params: " + ex.getMessage(), ex);
            }
        }
        else
        {
            for (final Map.Entry<String, String> e : prune.entrySet())
            {
                shown.put(e.getKey().substring(PruneConfig.PREFIX.length()), e.getValue());
                effective.put(e.getKey(), e.getValue());
            }
        }
        n.path("settings").fields().forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asText()));
        final StringBuilder b = new StringBuilder();
        for (final Map.Entry<String, String> e : shown.entrySet())
        {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        return new String[] {b.toString(), network + "|" + effective + "|" + n.path("settings")};
    }

    /** Runs gathered by configuration, in the order their first run appears. */
    static List<Group> group(final List<Run> runs)
    {
        final Map<String, List<Run>> by = new LinkedHashMap<>();
        for (final Run r : runs)
        {
            by.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        }
        final List<Group> out = new ArrayList<>();
        for (final Map.Entry<String, List<Run>> e : by.entrySet())
        {
            final Run first = e.getValue().get(0);
            out.add(new Group(e.getKey(), first.profile(), first.pruning(), first.settings(), e.getValue()));
        }
        return out;
    }

    /** The two Markdown tables. */
    static String markdown(final List<Run> runs, final List<Group> groups)
    {
        final StringBuilder b = new StringBuilder();
        b.append("| run | group | profile | pruning | settings | seed | accuracy | connectivity | training SOPs/image"
            + " | inference SOPs/image | digest |\n");
        b.append("|---|---|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (final Run r : runs)
        {
            b.append("| ").append(r.file().getParent() == null ? r.file() : r.file().getParent()).append(" | ")
                .append(r.group()).append(" | ").append(r.profile()).append(" | ").append(r.pruning()).append(" | ")
                .append(r.settings()).append(" | ").append(r.seed()).append(" | ").append(pct(r.accuracy()))
                .append(" | ").append(pct(r.connectivity())).append(" | ").append(count(r.trainSops()))
                .append(" | ").append(count(r.inferSops())).append(" | ")
                .append(r.digest().length() > 16 ? r.digest().substring(0, 16) : r.digest()).append(" |\n");
        }
        b.append('\n');
        b.append("| group | profile | pruning | settings | runs | seeds | accuracy mean ± sd | min – max | connectivity"
            + " | training SOPs/image | inference SOPs/image |\n");
        b.append("|---|---|---|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (final Group g : groups)
        {
            final StringBuilder seeds = new StringBuilder();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (final Run r : g.runs())
            {
                seeds.append(seeds.length() == 0 ? "" : ", ").append(r.seed());
                min = Math.min(min, r.accuracy());
                max = Math.max(max, r.accuracy());
            }
            b.append("| ").append(g.id()).append(" | ").append(g.profile()).append(" | ").append(g.pruning())
                .append(" | ").append(g.settings()).append(" | ").append(g.runs().size()).append(" | ")
                .append(seeds).append(" | ").append(pct(g.mean()))
                .append(Double.isNaN(g.sd()) ? "" : String.format(Locale.ROOT, " ± %.2f", 100 * g.sd()))
                .append(" | ").append(pct(min)).append(" – ").append(pct(max)).append(" | ")
                .append(pct(g.meanOf(Run::connectivity))).append(" | ").append(count(g.meanOf(Run::trainSops)))
                .append(" | ").append(count(g.meanOf(Run::inferSops))).append(" |\n");
        }
        return b.toString();
    }

    /** One CSV row per run. */
    private static boolean isSame(final Path a, final Path b)
    {
        try
        {
            return Files.isSameFile(a, b);
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    static String csv(final List<Run> runs)
    {
        final StringBuilder b = new StringBuilder(
            "file,group,profile,pruning,settings,seed,accuracy,connectivity,train_sops_per_image,"
                + "infer_sops_per_image,digest\n");
        for (final Run r : runs)
        {
            b.append(quote(r.file().toString())).append(',').append(r.group()).append(',').append(quote(r.profile()))
                .append(',').append(quote(r.pruning())).append(',').append(quote(r.settings())).append(',')
                .append(r.seed()).append(',').append(r.accuracy()).append(',').append(blank(r.connectivity()))
                .append(',').append(blank(r.trainSops())).append(',').append(blank(r.inferSops())).append(',')
                .append(r.digest()).append('\n');
        }
        return b.toString();
    }

    private static String quote(final String s)
    {
        return s.contains(",") || s.contains("\"") || s.contains(" ") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String blank(final double v)
    {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String pct(final double v)
    {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String count(final double v)
    {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String shortHash(final String s)
    {
        try
        {
            final byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK lacks SHA-256", ex);
        }
    }
}
