package org.spikeprune.cli.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.spikeprune.cli.ResultJson;
import org.spikeprune.cli.RunOutput;
import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.config.Params;
import org.spikeprune.core.dc.DcParams;
import org.spikeprune.core.dc.DcProfiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.core.prune.PrunePolicy;
import org.spikeprune.engine.ThreadingMode;
import org.spikeprune.pruning.PruneConfig;
import org.spikeprune.pruning.PruneMethod;
import org.spikeprune.pruning.PrunePolicies;
import org.spikeprune.pruning.PruneStepRecord;
import org.spikeprune.pruning.ReportingPrunePolicy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the independent runs of a sweep on a fixed pool of threads, one run per thread (one processing element,
 * the evaluation phases one after the other: the pool already keeps the CPUs busy), and caches each result in
 * {@code <out>/runs/<id>/result.json}. The id is derived from the run's full parameter set, so a sweep that is
 * started again reads what is there and runs only what is missing, and every experiment writing into the same
 * folder shares runs (the unpruned baseline above all).
 */
public final class RunPool implements AutoCloseable
{
    private static final long STATUS_SECONDS = 60;

    private final Path runsDir;
    private final int jobs;
    private final Function<String, DcTrainer.Data> data;
    private final PrintStream out;
    private final ExecutorService pool;
    private final ScheduledExecutorService status;
    private final Map<String, RunProgress> active = new ConcurrentHashMap<>();
    private final Map<String, RunOutcome> done = new ConcurrentHashMap<>();
    private final Map<String, Future<RunOutcome>> inflight = new ConcurrentHashMap<>();
    private final Map<String, DcTrainer.Data> heldOut = new ConcurrentHashMap<>();
    private volatile Function<RunSpec, String> describer;

    /**
     * @param outDir the experiment folder; runs go into its {@code runs/} folder.
     * @param jobs   threads, each running one run at a time.
     * @param data   the images of a data set by name ({@code mnist}, {@code fashion-mnist}); called on the pool's
     *               threads and expected to cache.
     * @param out    where a line per finished run goes.
     */
    public RunPool(final Path outDir, final int jobs, final Function<String, DcTrainer.Data> data,
        final PrintStream out)
    {
        if (jobs < 1)
        {
            throw new InputException("--jobs " + jobs + " is invalid: must be >= 1");
        }
        this.runsDir = outDir.resolve("runs");
        this.jobs = jobs;
        this.data = data;
        this.out = out;
        this.pool = Executors.newFixedThreadPool(jobs, daemon("spikeprune-run"));
        this.status = Executors.newSingleThreadScheduledExecutor(daemon("spikeprune-status"));
        status.scheduleAtFixedRate(this::printStatus, STATUS_SECONDS, STATUS_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Describes runs in the progress lines with {@code f} instead of their method and pruning settings (a sweep
     * names the values it varies).
     *
     * @param f a run's description.
     */
    public void describeWith(final Function<RunSpec, String> f)
    {
        describer = f;
    }

    /** The number of threads. */
    public int jobs()
    {
        return jobs;
    }

    /**
     * Runs (or reads from the cache) every run; duplicates run once.
     *
     * @param specs the runs.
     * @return their outcomes, in the order of {@code specs}.
     * @throws InputException for a bad configuration, before anything runs.
     */
    public List<RunOutcome> run(final List<RunSpec> specs)
    {
        final List<Resolved> resolved = new ArrayList<>();
        for (final RunSpec spec : specs)
        {
            resolved.add(resolve(spec));
        }
        final Map<String, Resolved> unique = new LinkedHashMap<>();
        for (final Resolved r : resolved)
        {
            unique.putIfAbsent(r.id, r);
        }
        final List<Resolved> missing = new ArrayList<>();
        int cached = 0;
        for (final Resolved r : unique.values())
        {
            if (done.containsKey(r.id))
            {
                continue;
            }
            final RunOutcome c = readCached(r);
            if (c != null)
            {
                done.put(r.id, c);
                cached++;
            }
            else
            {
                missing.add(r);
            }
        }
        if (cached == 1 && unique.size() == 1)
        {
            out.printf(Locale.ROOT, "%s read from %s%n", unique.keySet().iterator().next(), runsDir);
        }
        else if (cached > 0)
        {
            out.printf(Locale.ROOT, "%d run(s) read from %s%n", cached, runsDir);
        }
        if (!missing.isEmpty())
        {
            execute(missing);
        }
        final List<RunOutcome> outcomes = new ArrayList<>();
        for (final Resolved r : resolved)
        {
            outcomes.add(done.get(r.id));
        }
        return outcomes;
    }

    /**
     * Runs one run (or reads it from the cache).
     *
     * @param spec the run.
     * @return its outcome.
     */
    public RunOutcome run(final RunSpec spec)
    {
        return run(List.of(spec)).get(0);
    }

    /**
     * The whole {@code result.json} of a run, run (or read from the cache) first. A cached result written by an
     * older build, before {@code field} was recorded, is run again (with the same numbers: the cache key is the
     * run's full configuration).
     *
     * @param spec  the run.
     * @param field a top-level field the caller needs.
     * @return the parsed file.
     * @throws InputException if the file cannot be read after the run.
     */
    public JsonNode result(final RunSpec spec, final String field)
    {
        final Resolved r = resolve(spec);
        run(spec);
        JsonNode tree = readTree(r);
        if (tree.get(field) == null)
        {
            out.println(runsDir.resolve(r.id).resolve("result.json") + " was written before " + field
                + " was recorded; running it again");
            done.remove(r.id);
            execute(List.of(r));
            tree = readTree(r);
        }
        return tree;
    }

    private JsonNode readTree(final Resolved r)
    {
        final Path file = runsDir.resolve(r.id).resolve("result.json");
        try
        {
            return RunOutput.json().readTree(Files.readAllBytes(file));
        }
        catch (final IOException ex)
        {
            throw new InputException(file + ": cannot read the run's result (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * The id of a run: the method, then the start of the SHA-256 of its canonical text (profile, method, seed,
     * image counts, the effective pruning settings the method reads and every network parameter).
     *
     * @param spec the run.
     * @return the id, a folder name.
     */
    public static String id(final RunSpec spec)
    {
        return resolve(spec).id;
    }

    private void execute(final List<Resolved> missing)
    {
        final AtomicInteger finished = new AtomicInteger();
        final int total = missing.size();
        if (total > 1)
        {
            out.printf(Locale.ROOT, "running %d run(s) on %d thread(s) ...%n", total, jobs);
        }
        final List<Future<RunOutcome>> futures = new ArrayList<>();
        for (final Resolved r : missing)
        {
            // callers on other threads (a sweep's series run as chains) wait for a run already under way
            futures.add(inflight.computeIfAbsent(r.id, id -> pool.submit(() ->
            {
                try
                {
                    final RunOutcome earlier = done.get(r.id);
                    if (earlier != null)
                    {
                        return earlier;
                    }
                    final RunOutcome o = runOne(r);
                    done.put(r.id, o);
                    synchronized (out)
                    {
                        final String count = total > 1 ? "[" + finished.incrementAndGet() + "/" + total + "] " : "";
                        out.printf(Locale.ROOT, "%s%s %s: accuracy %.2f%%, connectivity %.2f%%, train %.0f s%n",
                            count, r.id, describer != null ? describer.apply(r.spec) : describe(r), 100 * o.accuracy(), 100 * o.connectivity(), o.trainSeconds());
                    }
                    return o;
                }
                finally
                {
                    inflight.remove(r.id);
                }
            })));
        }
        RuntimeException failure = null;
        for (int k = 0; k < futures.size(); k++)
        {
            final Future<RunOutcome> f = futures.get(k);
            try
            {
                if (failure == null)
                {
                    f.get();
                }
                else if (f.cancel(false))
                {
                    inflight.remove(missing.get(k).id, f);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
            catch (final ExecutionException ex)
            {
                failure = ex.getCause() instanceof RuntimeException ? (RuntimeException)ex.getCause()
                    : new IllegalStateException(ex.getCause());
            }
            catch (final java.util.concurrent.CancellationException ex)
            {
                // cancelled after an earlier failure
            }
        }
        if (failure != null)
        {
            throw failure;
        }
    }

    private RunOutcome runOne(final Resolved r)
    {
        final RunSpec s = r.spec;
        final DcTrainer.Data d = data(r.p.dataSet(), s.validationImages());
        final PrunePolicy policy = policy(r);
        final RunProgress progress = new RunProgress();
        active.put(r.id, progress);
        final DcTrainer.Result result;
        try
        {
            result = DcTrainer.run(r.p, d, new DcTrainer.Request(s.seed(), 1, ThreadingMode.INVOKER,
                s.trainImages(), s.testImages(), s.assignImages(), policy, ActivitySink.NONE, progress, false));
        }
        finally
        {
            active.remove(r.id);
        }
        int neuronsPruned = 0;
        int steps = 0;
        Map<String, String> settings = Map.of();
        if (policy instanceof ReportingPrunePolicy)
        {
            final ReportingPrunePolicy rp = (ReportingPrunePolicy)policy;
            for (final PruneStepRecord rec : rp.stepLog())
            {
                neuronsPruned += rec.neuronsPruned();
            }
            steps = rp.stepLog().size();
            settings = r.settings;
        }
        final long total = 784L * result.excNeurons();
        final RunOutcome o = new RunOutcome(r.id, s.method(), settings, result.accuracy(), result.connectivity(),
            (result.liveSynapses() - result.frozenSynapses()) / (double)total, result.liveSynapses(),
            result.frozenSynapses(), neuronsPruned, steps, result.train().sopsPerImage(true),
            result.test().sopsPerImage(false), result.train().images(), result.train().seconds(),
            result.wallSeconds(), result.digest());
        final Map<String, Object> json = ResultJson.of(s.profile(), s.method(), s.seed(), 1, ThreadingMode.INVOKER,
            s.trainImages(), s.testImages(), s.assignImages(), r.p, r.params, sha256(r.params.canonicalText()),
            result, null);
        if (policy instanceof ReportingPrunePolicy)
        {
            json.put("pruning_log", ((ReportingPrunePolicy)policy).stepLog());
        }
        // accuracy, test_images and the confusion matrix then refer to the held-out training images
        json.put("validation_images", s.validationImages());
        json.put("spec_text", r.canonical);
        json.put("outcome", o.toJson());
        final RunOutput out = new RunOutput(runsDir.resolve(r.id));
        // the trained network, for `spikeprune evaluate` (result.json, written last, marks the run finished)
        out.writeBytes("model.bin", new org.spikeprune.core.dc.DcModel(org.spikeprune.cli.TrainCommand.runConfigText(
            s.profile(), s.method(), s.seed(), 1, ThreadingMode.INVOKER, r.params, s.trainImages(), s.testImages(),
            s.assignImages()), result.state(), result.assignments(), result.digest()).encode());
        out.writeJson("result.json", json);
        return o;
    }

    /** The images of a data set, with the last {@code validation} training images held out when it is > 0. */
    private DcTrainer.Data data(final String dataSet, final long validation)
    {
        if (validation <= 0)
        {
            return data.apply(dataSet);
        }
        return heldOut.computeIfAbsent(dataSet + "/" + validation, k -> data.apply(dataSet)
            .holdOut((int)Math.min(validation, Integer.MAX_VALUE)));
    }

    private RunOutcome readCached(final Resolved r)
    {
        final Path file = runsDir.resolve(r.id).resolve("result.json");
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try
        {
            final JsonNode tree = RunOutput.json().readTree(Files.readAllBytes(file));
            final JsonNode text = tree.get("spec_text");
            if (text == null || !text.asText().equals(r.canonical))
            {
                out.println("warning: " + file + " was written for another configuration; running it again");
                return null;
            }
            return RunOutcome.fromJson(tree.get("outcome"), file.toString());
        }
        catch (final IOException | InputException ex)
        {
            out.println("warning: " + file + " cannot be read (" + ex.getMessage() + "); running it again");
            return null;
        }
    }

    private static PrunePolicy policy(final Resolved r)
    {
        if (r.method == PruneMethod.NONE)
        {
            return PrunePolicy.NONE;
        }
        return PrunePolicies.fromSettings(r.method.cliName(), r.p.excNeurons(), r.params.withPrefix("pruning."),
            r.spec.trainImages() * r.p.epochs(), (float)r.p.wMax());
    }

    private static Resolved resolve(final RunSpec spec)
    {
        final Params params = DcProfiles.params(spec.profile(), Map.of(), "config", spec.sets());
        final DcParams p = new DcParams(params);
        final PruneMethod method = PruneMethod.parse(spec.method());
        final Resolved partial = new Resolved(spec, params, p, method, Map.of(), "", "");
        final Map<String, String> settings = new LinkedHashMap<>();
        if (method != PruneMethod.NONE)
        {
            final ReportingPrunePolicy policy = (ReportingPrunePolicy)policy(partial);
            for (final Map.Entry<String, String> e : policy.config().toSettings().entrySet())
            {
                if (method.usedKeys().contains(e.getKey()))
                {
                    settings.put(e.getKey(), e.getValue());
                }
            }
        }
        final StringBuilder sb = new StringBuilder();
        sb.append("profile=").append(spec.profile()).append('\n');
        sb.append("method=").append(method.cliName()).append('\n');
        sb.append("seed=").append(spec.seed()).append('\n');
        sb.append("train_images=").append(spec.trainImages()).append('\n');
        sb.append("assign_images=").append(spec.assignImages()).append('\n');
        sb.append("test_images=").append(spec.testImages()).append('\n');
        if (spec.validationImages() > 0)
        {
            // only when set, so that the ids of runs on the test set stay what they were
            sb.append("validation_images=").append(spec.validationImages()).append('\n');
        }
        for (final Map.Entry<String, String> e : settings.entrySet())
        {
            sb.append("effective ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        // the pruning.* keys enter through the effective settings above, so that a default written out and one
        // left implicit make the same run
        for (final Map.Entry<String, String> e : params.asMap().entrySet())
        {
            if (!e.getKey().startsWith(PruneConfig.PREFIX))
            {
                sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        final String canonical = sb.toString();
        final String id = method.cliName() + "-" + sha256(canonical).substring(0, 12);
        return new Resolved(spec, params, p, method, settings, canonical, id);
    }

    private static String describe(final Resolved r)
    {
        final StringBuilder sb = new StringBuilder(r.method.cliName());
        for (final Map.Entry<String, String> e : r.settings.entrySet())
        {
            final String k = e.getKey().substring("pruning.".length());
            if (!k.equals("step_images"))
            {
                sb.append(' ').append(k).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }

    static String sha256(final String text)
    {
        try
        {
            final byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder sb = new StringBuilder();
            for (final byte b : h)
            {
                sb.append(String.format("%02x", b & 0xff));
            }
            return sb.toString();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void printStatus()
    {
        if (active.isEmpty())
        {
            return;
        }
        final StringBuilder sb = new StringBuilder("running:");
        for (final Map.Entry<String, RunProgress> e : active.entrySet())
        {
            final RunProgress p = e.getValue();
            sb.append(String.format(Locale.ROOT, " %s %s %d/%d;", e.getKey(), p.phase, p.done, p.total));
        }
        synchronized (out)
        {
            out.println(sb);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(final String name)
    {
        final AtomicInteger n = new AtomicInteger();
        return r ->
        {
            final Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close()
    {
        pool.shutdownNow();
        status.shutdownNow();
    }

    /** A run with everything derived from its spec. */
    private record Resolved(RunSpec spec, Params params, DcParams p, PruneMethod method,
        Map<String, String> settings, String canonical, String id)
    {
    }

    /** The phase and image count of a running run, for the status line. */
    private static final class RunProgress implements DcTrainer.Progress
    {
        volatile String phase = "start";
        volatile long done;
        volatile long total;

        @Override
        public void onProgress(final String newPhase, final long newDone, final long newTotal, final double accuracy)
        {
            phase = newPhase;
            done = newDone;
            total = newTotal;
        }
    }
}
