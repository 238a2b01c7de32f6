package org.spikeprune.core.dc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spikeprune.core.InputException;
import org.spikeprune.core.activity.ActivitySink;
import org.spikeprune.core.prune.PruneContext;
import org.spikeprune.core.prune.PrunePolicy;
import org.spikeprune.core.prune.WeightMemory;
import org.spikeprune.engine.ThreadingMode;

/**
 * Paper A's learning and evaluation protocol on {@link DcNetwork}: one or more epochs of unsupervised training
 * (the Prune unit called at the policy's boundaries), a label-assignment pass over training images with learning
 * off, then the test set. Counts SOPs per phase (MODEL-REFERENCE §2.4, §7.9).
 */
public final class DcTrainer
{
    private DcTrainer()
    {
    }

    /** The images of a run: unsigned 28×28 pixels, row-major, image after image. */
    public record Data(byte[] trainImages, byte[] trainLabels, int trainCount, byte[] testImages, byte[] testLabels,
        int testCount, int classes)
    {
        /** Pixels per image (28×28). */
        public static final int PIXELS = 784;

        /**
         * The training and test sets of an IDX data set.
         *
         * @param files the data set's files.
         * @return its images and labels.
         */
        public static Data of(final org.spikeprune.core.data.MnistFiles files)
        {
            final org.spikeprune.core.data.IdxDataset train = files.train();
            final org.spikeprune.core.data.IdxDataset test = files.test();
            return new Data(train.images().pixels(), train.labels().labels(), train.count(), test.images().pixels(),
                test.labels().labels(), test.count(), train.classCount());
        }

        /**
         * A validation split of the training set, for choosing hyper-parameters without looking at the test set:
         * the last {@code validation} training images become the test images, and training and label assignment
         * see only the training images before them. The original test set is dropped.
         *
         * @param validation training images to hold out, 1 ≤ validation &lt; trainCount.
         * @return the split data.
         * @throws InputException if {@code validation} is out of range.
         */
        public Data holdOut(final int validation)
        {
            if (validation <= 0 || validation >= trainCount)
            {
                throw new InputException("--validation-images=" + validation
                    + " is invalid: must be > 0 and below the " + trainCount + " training images");
            }
            final int kept = trainCount - validation;
            return new Data(Arrays.copyOf(trainImages, kept * PIXELS),
                Arrays.copyOf(trainLabels, kept), kept,
                Arrays.copyOfRange(trainImages, kept * PIXELS, trainCount * PIXELS),
                Arrays.copyOfRange(trainLabels, kept, trainCount), validation, classes);
        }
    }

    /**
     * What a run asks for.
     *
     * @param observer called every {@link Observer#every()} training images (snapshots); {@link Observer#NONE} for
     *                 none.
     */
    public record Request(long seed, int cores, ThreadingMode mode, long trainImages, long testImages,
        long assignImages, PrunePolicy policy, ActivitySink sink, Progress progress, boolean parallelEvaluation,
        InputSource.Factory inputs, Observer observer)
    {
        /** A request with an input factory and no observer. */
        public Request(final long seed, final int cores, final ThreadingMode mode, final long trainImages,
            final long testImages, final long assignImages, final PrunePolicy policy, final ActivitySink sink,
            final Progress progress, final boolean parallelEvaluation, final InputSource.Factory inputs)
        {
            this(seed, cores, mode, trainImages, testImages, assignImages, policy, sink, progress, parallelEvaluation,
                inputs, Observer.NONE);
        }

        /** A request with Poisson input. */
        public Request(final long seed, final int cores, final ThreadingMode mode, final long trainImages,
            final long testImages, final long assignImages, final PrunePolicy policy, final ActivitySink sink,
            final Progress progress, final boolean parallelEvaluation)
        {
            this(seed, cores, mode, trainImages, testImages, assignImages, policy, sink, progress, parallelEvaluation,
                null);
        }

        /** A request whose assignment and test phases run side by side (same numbers either way). */
        public Request(final long seed, final int cores, final ThreadingMode mode, final long trainImages,
            final long testImages, final long assignImages, final PrunePolicy policy, final ActivitySink sink,
            final Progress progress)
        {
            this(seed, cores, mode, trainImages, testImages, assignImages, policy, sink, progress, true);
        }

        /**
         * A copy with an observer.
         *
         * @param o the observer.
         * @return the copy.
         */
        public Request observedBy(final Observer o)
        {
            return new Request(seed, cores, mode, trainImages, testImages, assignImages, policy, sink, progress,
                parallelEvaluation, inputs, o);
        }
    }

    /**
     * Looks at the network while it learns, on the driving thread, between two training images (after the Prune
     * unit's boundary, if one falls there): it may read the network ({@link DcNetwork#state()},
     * {@link DcNetwork#digest(int[])}), which changes none of the run's numbers.
     */
    public interface Observer
    {
        /** Training images between two calls (&gt; 0). */
        long every();

        /**
         * @param seen   training images seen so far (all epochs).
         * @param net    the network.
         * @param labels the running labels: assigned from the responses to the last window of training images
         *               (learning on), or to the images seen so far before the first window ends.
         */
        void afterImages(long seen, DcNetwork net, int[] labels);

        /** No observer. */
        Observer NONE = new Observer()
        {
            @Override
            public long every()
            {
                return Long.MAX_VALUE;
            }

            @Override
            public void afterImages(final long seen, final DcNetwork net, final int[] labels)
            {
            }
        };
    }

    /** Receives progress; called every few images on the driving thread. */
    public interface Progress
    {
        /**
         * @param phase   "train", "assign" or "test".
         * @param done    images done in the phase.
         * @param total   images in the phase.
         * @param accuracy running accuracy in [0,1] or NaN when not yet known.
         */
        void onProgress(String phase, long done, long total, double accuracy);

        /** Progress that reports nothing. */
        Progress NONE = (phase, done, total, accuracy) -> { };
    }

    /** One Prune-unit boundary. */
    public record PruneStep(int step, long images, double connectivity, long live, long pruned,
        double thresholdMin, double thresholdMean, double thresholdMax)
    {
    }

    /** Counts of one phase. */
    public record PhaseCounts(long images, long presentations, long synapticOps, long stdpUpdates,
        long excToInhEvents, long inhToExcEvents, long neuronUpdates, long inputSpikes, double seconds)
    {
        /** Training SOPs per image: accumulations + STDP updates (inference: accumulations only). */
        public double sopsPerImage(final boolean training)
        {
            return images == 0 ? 0 : (synapticOps + (training ? stdpUpdates : 0)) / (double)images;
        }

        /** Images per second. */
        public double imagesPerSecond()
        {
            return seconds > 0 ? images / seconds : 0;
        }
    }

    /**
     * The outcome of a run. {@code accuracy} uses labels assigned from training images (MODEL-REFERENCE §1.7);
     * {@code accuracyTestAssigned} and {@code accuracyTestAssigned2Fold} are diagnostics with the labels assigned
     * from the test responses themselves (Diehl &amp; Cook's demonstration evaluation), on the same images or
     * across two folds ({@link Readout#selfAssignedAccuracy}). {@code dynamics} holds the training's monitored
     * batches (paper A Fig. 2, {@link LearningDynamics}).
     */
    public record Result(double accuracy, double connectivity, long liveSynapses, long frozenSynapses,
        PhaseCounts train, PhaseCounts assign, PhaseCounts test, List<PruneStep> steps, int[] assignments,
        double[] thetas, float[] weights, int excNeurons, String digest, double wallSeconds, long[] engineTicks,
        int[] confusion, int classes, double accuracyTestAssigned, double accuracyTestAssigned2Fold,
        DcNetwork.State state, List<LearningDynamics.Point> dynamics)
    {
    }

    /**
     * The outcome of testing a saved network ({@link #evaluate}): the accuracy with the labels used, the self-assigned
     * diagnostics of {@link Result}, the phases' counts ({@code assign} empty when the saved labels were used), the
     * labels, the digest of the network with those labels and the confusion matrix (rows true class, columns
     * unclassified then predicted).
     */
    public record Evaluation(double accuracy, double accuracyTestAssigned, double accuracyTestAssigned2Fold,
        PhaseCounts assign, PhaseCounts test, int[] assignments, String digest, int[] confusion, int classes,
        double wallSeconds)
    {
    }

    /**
     * Runs training, assignment and test.
     *
     * @param p    network parameters.
     * @param data the images.
     * @param r    what to run.
     * @return the result.
     */
    public static Result run(final DcParams p, final Data data, final Request r)
    {
        final long wallStart = System.nanoTime();
        final int exc = p.excNeurons;
        final long[] counts = new long[exc];
        final List<PruneStep> steps = new ArrayList<>();
        try (DcNetwork net = new DcNetwork(p, r.seed(), "input", r.cores(), r.mode(), r.sink(), null, r.inputs()))
        {
            // ---- training
            final long trainTotal = r.trainImages() * p.epochs;
            final PrunePolicy policy = r.policy();
            final boolean retained = p.normMode == DcParams.NormMode.RETAINED;
            final Readout.ClassSums window = new Readout.ClassSums(exc, data.classes());
            final long interval = Math.max(100, Math.min(10_000, trainTotal / 6));
            int[] running = null;
            long correct = 0;
            long judged = 0;
            final Snapshot s0 = Snapshot.of(net);
            final LearningDynamics dynamics = new LearningDynamics(net, r.trainImages());
            long t0 = System.nanoTime();
            for (long m = 0; m < trainTotal; m++)
            {
                final int image = (int)(m % r.trainImages());
                final int label = data.trainLabels()[image];
                net.present(data.trainImages(), image, label, true, counts);
                if (running != null)
                {
                    judged++;
                    if (Readout.classify(counts, 0, running, data.classes()) == label)
                    {
                        correct++;
                    }
                }
                window.add(label, counts);
                final long seen = m + 1;
                if (seen % interval == 0)
                {
                    running = window.assign();
                    window.clear();
                }
                if (policy != PrunePolicy.NONE && seen >= policy.startImages()
                    && (seen - policy.startImages()) % policy.stepImages() == 0)
                {
                    final int step = (int)((seen - policy.startImages()) / policy.stepImages()) + 1;
                    final long before = net.weights().liveCount();
                    final double[] massBefore = retained ? net.liveWeightMass() : null;
                    policy.onBoundary(context(net, step, seen, trainTotal, false));
                    net.compact();
                    if (retained)
                    {
                        net.retainPrunedMass(massBefore, net.liveWeightMass());
                    }
                    r.sink().onPrune(net.tick(), before, before - net.weights().liveCount(), policy.lastGroupCount());
                    steps.add(stepRecord(net.weights(), step, seen, before, policy.lastThresholds()));
                }
                if (policy != PrunePolicy.NONE && seen % policy.stepImages()
                    == Math.floorMod(policy.startImages(), policy.stepImages()))
                {
                    net.resetBatchCounts();
                }
                dynamics.afterImage(net, seen, correct, judged);
                if (seen % r.observer().every() == 0)
                {
                    r.observer().afterImages(seen, net, running != null ? running : window.assign());
                }
                if ((seen & 15) == 0 || seen == trainTotal)
                {
                    r.progress().onProgress("train", seen, trainTotal, judged == 0 ? Double.NaN
                        : correct / (double)judged);
                }
            }
            if (policy != PrunePolicy.NONE)
            {
                final long before = net.weights().liveCount();
                policy.onEndOfTraining(context(net, steps.size() + 1, trainTotal, trainTotal, true));
                net.compact();
                r.sink().onPrune(net.tick(), before, before - net.weights().liveCount(), policy.lastGroupCount());
                if (net.weights().liveCount() != before)
                {
                    steps.add(stepRecord(net.weights(), steps.size() + 1, trainTotal, before,
                        policy.lastThresholds()));
                }
            }
            final PhaseCounts train = Snapshot.of(net).minus(s0, trainTotal, System.nanoTime() - t0);

            // ---- label assignment (training images, learning off) and test, each from the trained state with
            // its own input stream, so they can run side by side and give the same numbers either way
            final DcNetwork.State trained = net.state();
            final long assignTotal = Math.min(r.assignImages() <= 0 ? r.trainImages() : r.assignImages(),
                data.trainCount());
            final long testTotal = Math.min(r.testImages(), data.testCount());
            final Evaluated e = evaluatePhases(p, data, trained, null, assignTotal, testTotal, r);
            final WeightMemory wm = net.weights();
            return new Result(e.accuracy(), wm.connectivity(), wm.liveCount(), wm.frozenCount(), train,
                e.assign().phaseCounts, e.test().phaseCounts, steps, e.labels(), net.thetas(), net.denseWeights(), exc,
                net.digest(e.labels()), (System.nanoTime() - wallStart) / 1e9,
                sum(net.engineTicks(), e.assign().engineTicks, e.test().engineTicks), e.confusion(), data.classes(),
                e.selfAssigned(), e.selfAssigned2Fold(), trained, dynamics.points());
        }
    }

    /**
     * Tests a saved network: with {@code r.assignImages() > 0} its labels are assigned again from that many training
     * images (learning off), otherwise the saved labels are used; then the first {@code r.testImages()} test images
     * are classified. The input streams are those of {@link #run} for the same seed, so a network saved by a run
     * scores what that run scored.
     *
     * @param p           the network's parameters.
     * @param data        the images.
     * @param state       the saved state.
     * @param assignments the saved labels, one per excitatory neuron.
     * @param r           seed, cores, threading, image counts, progress (training fields are not read).
     * @return the evaluation.
     */
    public static Evaluation evaluate(final DcParams p, final Data data, final DcNetwork.State state,
        final int[] assignments, final Request r)
    {
        final long wallStart = System.nanoTime();
        final int exc = p.excNeurons;
        for (int j = 0; j < exc; j++)
        {
            if (assignments[j] >= data.classes())
            {
                throw new InputException("neuron " + j + " has label " + assignments[j]
                    + ", but the data set has " + data.classes() + " classes");
            }
        }
        final long assignTotal = Math.min(Math.max(0, r.assignImages()), data.trainCount());
        final long testTotal = Math.min(r.testImages(), data.testCount());
        final Evaluated e = evaluatePhases(p, data, state, assignTotal > 0 ? null : assignments, assignTotal, testTotal,
            r);
        final String digest;
        try (DcNetwork net = new DcNetwork(p, r.seed(), "digest", 1, ThreadingMode.INVOKER, ActivitySink.NONE, state,
            null))
        {
            digest = net.digest(e.labels());
        }
        return new Evaluation(e.accuracy(), e.selfAssigned(), e.selfAssigned2Fold(), e.assign().phaseCounts,
            e.test().phaseCounts, e.labels(), digest, e.confusion(), data.classes(),
            (System.nanoTime() - wallStart) / 1e9);
    }

    /** The assignment and test phases of an evaluation, run, with what they give. */
    private record Evaluated(Phase assign, Phase test, int[] labels, int[] confusion, double accuracy,
        double selfAssigned, double selfAssigned2Fold)
    {
    }

    /**
     * Runs the assignment phase (unless {@code savedLabels} are given) and the test phase on a state, each with its
     * own input stream, side by side when the request allows it, and classifies the test images.
     */
    private static Evaluated evaluatePhases(final DcParams p, final Data data, final DcNetwork.State state,
        final int[] savedLabels, final long assignTotal, final long testTotal, final Request r)
    {
        final int exc = p.excNeurons;
        final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        final long evalTotal = (savedLabels == null ? assignTotal : 0) + testTotal;
        final Readout.ClassSums sums = new Readout.ClassSums(exc, data.classes());
        final Phase assignPhase = new Phase(p, r, state, "assign", data.trainImages(), data.trainLabels(),
            savedLabels == null ? assignTotal : 0, done, evalTotal, sums);
        final Phase testPhase = new Phase(p, r, state, "test", data.testImages(), data.testLabels(), testTotal,
            done, evalTotal, null);
        if (savedLabels == null)
        {
            runPhases(assignPhase, testPhase, r.sink() == ActivitySink.NONE && r.inputs() == null
                && r.parallelEvaluation());
        }
        else
        {
            testPhase.run();
            assignPhase.phaseCounts = new PhaseCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
            assignPhase.engineTicks = new long[2];
        }
        final int[] labels = savedLabels == null ? sums.assign() : savedLabels.clone();
        final int[] confusion = new int[data.classes() * (data.classes() + 1)];
        final long right = classifyAll(testPhase.counts, data.testLabels(), testTotal, exc, labels, data.classes(),
            confusion);
        r.progress().onProgress("test", testTotal, testTotal, testTotal == 0 ? Double.NaN
            : right / (double)testTotal);
        return new Evaluated(assignPhase, testPhase, labels, confusion,
            testTotal == 0 ? Double.NaN : right / (double)testTotal,
            Readout.selfAssignedAccuracy(testPhase.counts, data.testLabels(), (int)testTotal, exc, data.classes(), 1),
            Readout.selfAssignedAccuracy(testPhase.counts, data.testLabels(), (int)testTotal, exc, data.classes(), 2));
    }

    /**
     * Runs a policy's end-of-training pass on a saved state, as {@link #run} does after the last training image:
     * post-training pruning of a saved network. Learning and the batch spike counts play no part.
     *
     * @param p           the network's parameters.
     * @param state       the saved state.
     * @param policy      the policy ({@code onEndOfTraining} only).
     * @param trainImages the training length the state came from (for the policy's context).
     * @return the state after the pass.
     */
    public static DcNetwork.State pruneAtEnd(final DcParams p, final DcNetwork.State state, final PrunePolicy policy,
        final long trainImages)
    {
        try (DcNetwork net = new DcNetwork(p, 0, "prune", 1, ThreadingMode.INVOKER, ActivitySink.NONE, state, null))
        {
            policy.onEndOfTraining(context(net, 1, trainImages, trainImages, true));
            net.compact();
            return net.state();
        }
    }

    /** Classifies every test image, fills the confusion matrix and returns the number right. */
    private static long classifyAll(final long[] counts, final byte[] labels, final long images, final int exc,
        final int[] assignments, final int classes, final int[] confusion)
    {
        long right = 0;
        for (int m = 0; m < images; m++)
        {
            final int label = labels[m];
            final int predicted = Readout.classify(counts, m * exc, assignments, classes);
            confusion[label * (classes + 1) + predicted + 1]++;
            if (predicted == label)
            {
                right++;
            }
        }
        return right;
    }

    private static long[] sum(final long[] a, final long[] b, final long[] c)
    {
        return new long[] {a[0] + b[0] + c[0], a[1] + b[1] + c[1]};
    }

    /** One evaluation phase (assignment or test) on a frozen copy of the trained network. */
    private static final class Phase implements Runnable
    {
        final DcParams p;
        final Request r;
        final DcNetwork.State state;
        final String name;
        final byte[] images;
        final byte[] labels;
        final long total;
        final long[] counts;
        final java.util.concurrent.atomic.AtomicLong done;
        final long evalTotal;
        final Readout.ClassSums sums;
        PhaseCounts phaseCounts;
        long[] engineTicks;

        Phase(final DcParams p, final Request r, final DcNetwork.State state, final String name, final byte[] images,
            final byte[] labels, final long total, final java.util.concurrent.atomic.AtomicLong done,
            final long evalTotal, final Readout.ClassSums sums)
        {
            this.sums = sums;
            this.p = p;
            this.r = r;
            this.state = state;
            this.name = name;
            this.images = images;
            this.labels = labels;
            this.total = total;
            this.counts = sums == null ? new long[(int)total * p.excNeurons] : null;
            this.done = done;
            this.evalTotal = evalTotal;
        }

        @Override
        public void run()
        {
            final int exc = p.excNeurons;
            final long[] c = new long[exc];
            try (DcNetwork net = new DcNetwork(p, r.seed(), name, r.cores(), r.mode(), r.sink(), state, r.inputs()))
            {
                final Snapshot s = Snapshot.of(net);
                final long t0 = System.nanoTime();
                for (int m = 0; m < total; m++)
                {
                    net.present(images, m, labels[m], false, c);
                    if (sums != null)
                    {
                        sums.add(labels[m], c);
                    }
                    else
                    {
                        System.arraycopy(c, 0, counts, m * exc, exc);
                    }
                    final long d = done.incrementAndGet();
                    if (name.equals("assign") && ((d & 63) == 0 || d == evalTotal))
                    {
                        r.progress().onProgress("evaluate", d, evalTotal, Double.NaN);
                    }
                }
                phaseCounts = Snapshot.of(net).minus(s, total, System.nanoTime() - t0);
                engineTicks = net.engineTicks();
            }
        }
    }

    private static void runPhases(final Phase a, final Phase b, final boolean parallel)
    {
        if (!parallel)
        {
            a.run();
            b.run();
            return;
        }
        final Thread t = new Thread(b, "spikeprune-test");
        t.setDaemon(true);
        final Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, ex) -> failure[0] = ex);
        t.start();
        a.run();
        try
        {
            t.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        if (failure[0] instanceof RuntimeException)
        {
            throw (RuntimeException)failure[0];
        }
        if (failure[0] != null)
        {
            throw new IllegalStateException(failure[0]);
        }
    }

    private static PruneStep stepRecord(final WeightMemory wm, final int step, final long seen, final long before,
        final float[] thresholds)
    {
        double min = Double.NaN;
        double max = Double.NaN;
        double mean = Double.NaN;
        if (thresholds != null && thresholds.length > 0)
        {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (final float t : thresholds)
            {
                min = Math.min(min, t);
                max = Math.max(max, t);
                sum += t;
            }
            mean = sum / thresholds.length;
        }
        final long live = wm.liveCount();
        return new PruneStep(step, seen, wm.connectivity(), live, before - live, min, mean, max);
    }

    private static PruneContext context(final DcNetwork net, final int step, final long seen, final long total,
        final boolean end)
    {
        return new PruneContext()
        {
            @Override
            public WeightMemory weights()
            {
                return net.weights();
            }

            @Override
            public int step()
            {
                return step;
            }

            @Override
            public long imagesSeen()
            {
                return seen;
            }

            @Override
            public long trainImages()
            {
                return total;
            }

            @Override
            public long[] batchSpikeCounts()
            {
                return net.batchSpikeCounts();
            }

            @Override
            public boolean endOfTraining()
            {
                return end;
            }
        };
    }

    /** Network counters at one moment. */
    private record Snapshot(long presentations, long sops, long updates, long neuronUpdates, long exc, long inh,
        long input)
    {
        static Snapshot of(final DcNetwork net)
        {
            return new Snapshot(net.presentations(), net.synapticOps(), net.stdpUpdates(), net.neuronUpdates(),
                net.excSpikes(), net.inhToExcEvents(), net.inputSpikes());
        }

        PhaseCounts minus(final Snapshot a, final long images, final long nanos)
        {
            return new PhaseCounts(images, presentations - a.presentations, sops - a.sops, updates - a.updates,
                exc - a.exc, inh - a.inh, neuronUpdates - a.neuronUpdates, input - a.input, nanos / 1e9);
        }
    }
}
