package org.spikeprune.core.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The readout of the convolutional network: features standardised with the training mean and standard deviation
 * (+1e-5), then a C-SVM with an RBF kernel from LIBSVM (C = 1, gamma = 1 / number of features by default:
 * the reference implementation's {@code SVC(C=1.0, gamma='auto')}). C and gamma may instead be chosen by
 * stratified k-fold cross-validation on the training features alone ({@link #choose}).
 */
public final class SvmReadout
{
    /** The reference C. */
    public static final double REFERENCE_C = 1.0;
    private static final int[] C_EXPONENTS = {-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int[] GAMMA_EXPONENTS = {-4, -3, -2, -1, 0, 1, 2, 3, 4};
    /** Folds of the search unless set. */
    public static final int DEFAULT_FOLDS = 5;

    private SvmReadout()
    {
    }

    /** @return exponents e of the C grid of the search, C = 2^e (a copy). */
    public static int[] cExponents()
    {
        return C_EXPONENTS.clone();
    }

    /** @return exponents e of the gamma grid of the search, gamma = 2^e / number of features (a copy). */
    public static int[] gammaExponents()
    {
        return GAMMA_EXPONENTS.clone();
    }

    /** How the RBF readout's C and gamma are chosen. */
    public enum Search
    {
        /** The given C and gamma (by default the reference ones). */
        NONE,
        /** The grid point with the best stratified k-fold cross-validation accuracy on the training features. */
        CV
    }

    /**
     * Settings of the RBF readout.
     *
     * @param search how C and gamma are chosen.
     * @param c      C when not searched (finite, &gt; 0).
     * @param gamma  gamma when not searched (finite, &gt; 0), or 0 for 1 / number of features.
     * @param folds  folds of the search (&ge; 2).
     */
    public record Settings(Search search, double c, double gamma, int folds)
    {
        /** The reference readout: C = 1, gamma = 1 / number of features, no search. */
        public static final Settings REFERENCE = new Settings(Search.NONE, REFERENCE_C, 0, DEFAULT_FOLDS);
        /** The cross-validated readout with the default folds. */
        public static final Settings CROSS_VALIDATED = new Settings(Search.CV, REFERENCE_C, 0, DEFAULT_FOLDS);

        /** Validates the values. */
        public Settings
        {
            if (search == null)
            {
                throw new IllegalArgumentException("search must not be null");
            }
            if (!(c > 0) || Double.isInfinite(c))
            {
                throw new IllegalArgumentException("c must be finite and > 0, c=" + c);
            }
            if (!(gamma >= 0) || Double.isInfinite(gamma))
            {
                throw new IllegalArgumentException("gamma must be finite and > 0 (or 0 for 1 / features), gamma="
                    + gamma);
            }
            if (folds < 2)
            {
                throw new IllegalArgumentException("folds must be >= 2, folds=" + folds);
            }
        }
    }

    /**
     * The C and gamma a readout uses.
     *
     * @param search     how they were chosen.
     * @param c          the SVM's C.
     * @param gamma      the RBF gamma.
     * @param cvAccuracy fraction of the training images classified correctly across the held-out folds at the
     *                   chosen point; NaN when not searched.
     * @param folds      folds of the search; 0 when not searched.
     */
    public record Choice(Search search, double c, double gamma, double cvAccuracy, int folds)
        implements java.io.Serializable
    {
    }

    /**
     * C and gamma for these training features. With {@link Search#CV}, every point of the grid C = 2^{@link
     * #cExponents}, gamma = 2^{@link #gammaExponents} / number of features is scored by stratified k-fold
     * cross-validation on the training features only (each fold standardised with its own training part's mean and
     * standard deviation); the most held-out images classified correctly wins, ties going to the point nearest the
     * reference (C = 1, gamma = 1 / number of features; distance |Δ log2 C| + |Δ log2 gamma|), then to the smaller
     * C, then to the smaller gamma. The folds are drawn from the seed alone, so the choice is a function of the
     * training features, their labels and the seed.
     *
     * @param train    training features, one row per image.
     * @param labels   their labels.
     * @param settings the readout settings.
     * @param seed     seeds the assignment of images to folds.
     * @return the chosen C and gamma.
     */
    public static Choice choose(final double[][] train, final int[] labels, final Settings settings, final long seed)
    {
        if (train.length == 0)
        {
            throw new IllegalArgumentException("no training features");
        }
        if (labels.length != train.length)
        {
            throw new IllegalArgumentException("labels.length must equal train.length, labels.length="
                + labels.length + ", train.length=" + train.length);
        }
        final int n = train[0].length;
        if (settings.search() == Search.NONE)
        {
            return new Choice(Search.NONE, settings.c(), settings.gamma() > 0 ? settings.gamma() : 1.0 / n,
                Double.NaN, 0);
        }
        final int[] fold = stratifiedFolds(labels, settings.folds(), seed);
        final List<svm_problem> fits = new ArrayList<>();
        final List<svm_node[][]> held = new ArrayList<>();
        final List<int[]> heldLabels = new ArrayList<>();
        for (int k = 0; k < settings.folds(); k++)
        {
            int size = 0;
            for (final int f : fold)
            {
                if (f != k)
                {
                    size++;
                }
            }
            final double[][] part = new double[size][];
            final int[] partLabels = new int[size];
            final double[][] out = new double[train.length - size][];
            final int[] outLabels = new int[train.length - size];
            int a = 0;
            int b = 0;
            for (int i = 0; i < train.length; i++)
            {
                if (fold[i] != k)
                {
                    part[a] = train[i];
                    partLabels[a++] = labels[i];
                }
                else
                {
                    out[b] = train[i];
                    outLabels[b++] = labels[i];
                }
            }
            final double[][] scale = scale(part);
            fits.add(problem(part, partLabels, scale[0], scale[1]));
            final svm_node[][] x = new svm_node[out.length][];
            for (int i = 0; i < out.length; i++)
            {
                x[i] = nodes(out[i], scale[0], scale[1]);
            }
            held.add(x);
            heldLabels.add(outLabels);
        }
        int bestCorrect = -1;
        int bestC = 0;
        int bestG = 0;
        for (final int ce : C_EXPONENTS)
        {
            for (final int ge : GAMMA_EXPONENTS)
            {
                int correct = 0;
                for (int k = 0; k < fits.size(); k++)
                {
                    final svm_model model = svm.svm_train(fits.get(k), parameter(Math.scalb(1.0, ce),
                        Math.scalb(1.0, ge) / n));
                    final svm_node[][] x = held.get(k);
                    final int[] y = heldLabels.get(k);
                    for (int i = 0; i < x.length; i++)
                    {
                        if ((int)svm.svm_predict(model, x[i]) == y[i])
                        {
                            correct++;
                        }
                    }
                }
                if (correct > bestCorrect || correct == bestCorrect && nearer(ce, ge, bestC, bestG))
                {
                    bestCorrect = correct;
                    bestC = ce;
                    bestG = ge;
                }
            }
        }
        return new Choice(Search.CV, Math.scalb(1.0, bestC), Math.scalb(1.0, bestG) / n,
            (double)bestCorrect / train.length, settings.folds());
    }

    /** Whether grid point (ce, ge) is preferred to (be, bg) at equal accuracy. */
    private static boolean nearer(final int ce, final int ge, final int be, final int bg)
    {
        final int d = Math.abs(ce) + Math.abs(ge);
        final int bd = Math.abs(be) + Math.abs(bg);
        if (d != bd)
        {
            return d < bd;
        }
        return ce != be ? ce < be : ge < bg;
    }

    /**
     * Stratified assignment of images to folds: each class's images, in an order shuffled by the seed, are dealt
     * to the folds in turn, continuing from where the previous class stopped, so fold sizes differ by at most one.
     *
     * @param labels the label per image.
     * @param folds  number of folds (2 .. number of images).
     * @param seed   seeds the shuffle.
     * @return the fold (0 .. folds − 1) per image.
     */
    public static int[] stratifiedFolds(final int[] labels, final int folds, final long seed)
    {
        if (folds < 2 || folds > labels.length)
        {
            throw new IllegalArgumentException("folds must be in 2.." + labels.length + ", folds=" + folds);
        }
        int classes = 0;
        for (final int y : labels)
        {
            if (y < 0)
            {
                throw new IllegalArgumentException("labels must be >= 0, found " + y);
            }
            classes = Math.max(classes, y + 1);
        }
        final Random rnd = new Random(seed);
        final int[] fold = new int[labels.length];
        int next = 0;
        for (int c = 0; c < classes; c++)
        {
            int count = 0;
            for (final int y : labels)
            {
                if (y == c)
                {
                    count++;
                }
            }
            final int[] members = new int[count];
            int m = 0;
            for (int i = 0; i < labels.length; i++)
            {
                if (labels[i] == c)
                {
                    members[m++] = i;
                }
            }
            for (int i = count - 1; i > 0; i--)
            {
                final int j = rnd.nextInt(i + 1);
                final int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (final int i : members)
            {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    /**
     * Accuracy of a readout.
     *
     * @param trainAccuracy fraction correct on the training features.
     * @param testAccuracy  fraction correct on the test features.
     * @param predictions   predicted label per test image.
     */
    public record Result(double trainAccuracy, double testAccuracy, int[] predictions)
    {
    }

    /**
     * Trains on the training features and tests.
     *
     * @param train       training features, one row per image.
     * @param trainLabels their labels.
     * @param test        test features.
     * @param testLabels  their labels.
     * @param c           the SVM's C (1.0).
     * @param gamma       RBF gamma; ≤ 0 for 1 / number of features.
     * @return the accuracies.
     */
    public static Result fitAndTest(final double[][] train, final int[] trainLabels, final double[][] test,
        final int[] testLabels, final double c, final double gamma)
    {
        if (train.length == 0)
        {
            throw new IllegalArgumentException("no training features");
        }
        final int n = train[0].length;
        final double[][] scale = scale(train);
        final double[] mean = scale[0];
        final double[] std = scale[1];
        final svm_problem prob = problem(train, trainLabels, mean, std);
        final svm_parameter p = parameter(c, gamma > 0 ? gamma : 1.0 / n);
        final String error = svm.svm_check_parameter(prob, p);
        if (error != null)
        {
            throw new IllegalArgumentException("SVM parameters: " + error);
        }
        final svm_model model = svm.svm_train(prob, p);
        int correct = 0;
        for (int i = 0; i < train.length; i++)
        {
            if ((int)svm.svm_predict(model, prob.x[i]) == trainLabels[i])
            {
                correct++;
            }
        }
        final double trainAcc = (double)correct / train.length;
        final int[] pred = new int[test.length];
        correct = 0;
        for (int i = 0; i < test.length; i++)
        {
            pred[i] = (int)svm.svm_predict(model, nodes(test[i], mean, std));
            if (pred[i] == testLabels[i])
            {
                correct++;
            }
        }
        return new Result(trainAcc, test.length == 0 ? Double.NaN : (double)correct / test.length, pred);
    }

    /**
     * A linear SVM on the raw (unstandardised) features, one-vs-rest for several classes: L2-regularised squared
     * hinge loss, solved in the primal when there are more samples than features, else in the dual.
     *
     * @param train       training features.
     * @param trainLabels their labels.
     * @param test        test features.
     * @param testLabels  their labels.
     * @param c           the SVM's C (2.4 for the MNIST profile).
     * @return the accuracies.
     */
    public static Result fitAndTestLinear(final double[][] train, final int[] trainLabels, final double[][] test,
        final int[] testLabels, final double c)
    {
        if (train.length == 0)
        {
            throw new IllegalArgumentException("no training features");
        }
        final Feature[][] x = new Feature[train.length][];
        for (int i = 0; i < train.length; i++)
        {
            x[i] = sparse(train[i]);
        }
        final Feature[][] t = new Feature[test.length][];
        for (int i = 0; i < test.length; i++)
        {
            t[i] = sparse(test[i]);
        }
        return fitAndTestLinear(x, train[0].length, trainLabels, t, testLabels, c);
    }

    /**
     * The linear SVM of {@link #fitAndTestLinear(double[][], int[], double[][], int[], double)} on rows already in
     * sparse form ({@link #sparse(double[])}), so that a caller never needs to hold every dense row.
     *
     * @param train       training rows, sparse.
     * @param features    number of features.
     * @param trainLabels their labels.
     * @param test        test rows, sparse.
     * @param testLabels  their labels.
     * @param c           the SVM's C.
     * @return the accuracies.
     */
    public static Result fitAndTestLinear(final Feature[][] train, final int features, final int[] trainLabels,
        final Feature[][] test, final int[] testLabels, final double c)
    {
        if (train.length == 0)
        {
            throw new IllegalArgumentException("no training features");
        }
        Linear.disableDebugOutput();
        final Problem prob = new Problem();
        prob.l = train.length;
        prob.n = features;
        prob.x = train;
        prob.y = new double[train.length];
        for (int i = 0; i < train.length; i++)
        {
            prob.y[i] = trainLabels[i];
        }
        // The primal solver (trust-region Newton) of the same objective converges in a few passes when there are
        // more samples than features, as scikit-learn's LinearSVC(dual='auto') chooses.
        final SolverType solver = train.length > prob.n ? SolverType.L2R_L2LOSS_SVC : SolverType.L2R_L2LOSS_SVC_DUAL;
        final Model model = Linear.train(prob, new Parameter(solver, c, solver == SolverType.L2R_L2LOSS_SVC ? 0.01
            : 0.1));
        int correct = 0;
        for (int i = 0; i < train.length; i++)
        {
            if ((int)Linear.predict(model, prob.x[i]) == trainLabels[i])
            {
                correct++;
            }
        }
        final double trainAcc = (double)correct / train.length;
        final int[] pred = new int[test.length];
        correct = 0;
        for (int i = 0; i < test.length; i++)
        {
            pred[i] = (int)Linear.predict(model, test[i]);
            if (pred[i] == testLabels[i])
            {
                correct++;
            }
        }
        return new Result(trainAcc, test.length == 0 ? Double.NaN : (double)correct / test.length, pred);
    }

    /**
     * The non-zero entries of a row as LIBLINEAR's sparse nodes (1-based feature indices).
     *
     * @param row a dense row.
     * @return its sparse form.
     */
    public static Feature[] sparse(final double[] row)
    {
        int n = 0;
        for (final double v : row)
        {
            if (v != 0)
            {
                n++;
            }
        }
        final Feature[] x = new Feature[n];
        int k = 0;
        for (int f = 0; f < row.length; f++)
        {
            if (row[f] != 0)
            {
                x[k++] = new FeatureNode(f + 1, row[f]);
            }
        }
        return x;
    }

    /** {mean, standard deviation + 1e-5} per feature of these rows. */
    private static double[][] scale(final double[][] rows)
    {
        final int n = rows[0].length;
        final double[] mean = new double[n];
        final double[] std = new double[n];
        for (final double[] row : rows)
        {
            for (int f = 0; f < n; f++)
            {
                mean[f] += row[f];
            }
        }
        for (int f = 0; f < n; f++)
        {
            mean[f] /= rows.length;
        }
        for (final double[] row : rows)
        {
            for (int f = 0; f < n; f++)
            {
                std[f] += (row[f] - mean[f]) * (row[f] - mean[f]);
            }
        }
        for (int f = 0; f < n; f++)
        {
            std[f] = Math.sqrt(std[f] / rows.length) + 1e-5;
        }
        return new double[][] {mean, std};
    }

    private static svm_problem problem(final double[][] rows, final int[] labels, final double[] mean,
        final double[] std)
    {
        svm.svm_set_print_string_function(s -> { });
        final svm_problem prob = new svm_problem();
        prob.l = rows.length;
        prob.y = new double[rows.length];
        prob.x = new svm_node[rows.length][];
        for (int i = 0; i < rows.length; i++)
        {
            prob.y[i] = labels[i];
            prob.x[i] = nodes(rows[i], mean, std);
        }
        return prob;
    }

    private static svm_parameter parameter(final double c, final double gamma)
    {
        final svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.C = c;
        p.cache_size = 100;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }

    private static svm_node[] nodes(final double[] row, final double[] mean, final double[] std)
    {
        final svm_node[] x = new svm_node[row.length];
        for (int f = 0; f < row.length; f++)
        {
            x[f] = new svm_node();
            x[f].index = f + 1;
            x[f].value = (row[f] - mean[f]) / std[f];
        }
        return x;
    }
}
