package org.spikeprune.core.conv;

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
 * the reference implementation's {@code SVC(C=1.0, gamma='auto')}).
 */
public final class SvmReadout
{
    private SvmReadout()
    {
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
        final double[] mean = new double[n];
        final double[] std = new double[n];
        for (final double[] row : train)
        {
            for (int f = 0; f < n; f++)
            {
                mean[f] += row[f];
            }
        }
        for (int f = 0; f < n; f++)
        {
            mean[f] /= train.length;
        }
        for (final double[] row : train)
        {
            for (int f = 0; f < n; f++)
            {
                std[f] += (row[f] - mean[f]) * (row[f] - mean[f]);
            }
        }
        for (int f = 0; f < n; f++)
        {
            std[f] = Math.sqrt(std[f] / train.length) + 1e-5;
        }
        svm.svm_set_print_string_function(s -> { });
        final svm_problem prob = new svm_problem();
        prob.l = train.length;
        prob.y = new double[train.length];
        prob.x = new svm_node[train.length][];
        for (int i = 0; i < train.length; i++)
        {
            prob.y[i] = trainLabels[i];
            prob.x[i] = nodes(train[i], mean, std);
        }
        final svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma > 0 ? gamma : 1.0 / n;
        p.C = c;
        p.cache_size = 100;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
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
        Linear.disableDebugOutput();
        final Problem prob = new Problem();
        prob.l = train.length;
        prob.n = train[0].length;
        prob.x = new Feature[train.length][];
        prob.y = new double[train.length];
        for (int i = 0; i < train.length; i++)
        {
            prob.x[i] = sparse(train[i]);
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
            pred[i] = (int)Linear.predict(model, sparse(test[i]));
            if (pred[i] == testLabels[i])
            {
                correct++;
            }
        }
        return new Result(trainAcc, test.length == 0 ? Double.NaN : (double)correct / test.length, pred);
    }

    private static Feature[] sparse(final double[] row)
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
