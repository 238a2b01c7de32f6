package org.spikeprune.cli.experiment;

import java.util.List;

/**
 * Paper A's published numbers (Guo, Fouda, Eltawil, Salama, Front. Neurosci. 14:598876, 2020), as collected in
 * MODEL-REFERENCE §2.5–2.6, for the reports to set beside ours.
 */
final class PaperA
{
    private PaperA()
    {
    }

    /**
     * One row of Table 2 or 3: fractions for 100 and 800 neurons.
     *
     * @param method       our method's command-line name.
     * @param label        the paper's row label.
     * @param loss         accuracy loss, 100 / 800 neurons.
     * @param trainRed     training SOP reduction, 100 / 800.
     * @param inferRed     inference SOP reduction, 100 / 800.
     */
    record TableRow(String method, String label, double[] loss, double[] trainRed, double[] inferRed)
    {
        double loss(final int neurons)
        {
            return loss[column(neurons)];
        }

        double trainReduction(final int neurons)
        {
            return trainRed[column(neurons)];
        }

        double inferReduction(final int neurons)
        {
            return inferRed[column(neurons)];
        }
    }

    /** Table 2: MNIST, 10% connectivity. */
    static final List<TableRow> TABLE_2 = List.of(
        new TableRow("neuron", "Online adaptive neuron pruning (Guo 2020)", d(0.3864, 0.3885), d(0.33, 0.48),
            d(0.90, 0.90)),
        new TableRow("post-training", "Post-training weight pruning (Rathi 2019)", d(0.0943, 0.0921), d(0, 0),
            d(0.70, 0.71)),
        new TableRow("soft", "Online soft weight pruning (Shi 2019)", d(0.1245, 0.0594), d(0.25, 0.24), d(0, 0)),
        new TableRow("constant", "Online constant weight pruning (Shi 2019)", d(0.1323, 0.0673), d(0.46, 0.46),
            d(0.70, 0.69)),
        new TableRow("aptn", "Online adaptive weight pruning (APTN)", d(0.0673, 0.0387), d(0.30, 0.36),
            d(0.69, 0.68)));

    /** Table 3: Fashion-MNIST, 10% connectivity. */
    static final List<TableRow> TABLE_3 = List.of(
        new TableRow("neuron", "Online adaptive neuron pruning (Guo 2020)", d(0.4214, 0.4088), d(0.23, 0.39),
            d(0.90, 0.90)),
        new TableRow("post-training", "Post-training weight pruning (Rathi 2019)", d(0.1635, 0.1998), d(0, 0),
            d(0.82, 0.85)),
        new TableRow("soft", "Online soft weight pruning (Shi 2019)", d(0.1223, 0.0963), d(0.27, 0.29), d(0, 0)),
        new TableRow("constant", "Online constant weight pruning (Shi 2019)", d(0.2043, 0.1924), d(0.45, 0.49),
            d(0.88, 0.87)),
        new TableRow("aptn", "Online adaptive weight pruning (APTN)", d(0.1409, 0.1367), d(0.28, 0.31),
            d(0.85, 0.84)));

    /**
     * Unpruned accuracy (paper A, "Network Models and Architecture").
     *
     * @param dataSet {@code mnist} or {@code fashion-mnist}.
     * @param neurons 100 or 800.
     * @return the accuracy, a fraction.
     */
    static double unprunedAccuracy(final String dataSet, final int neurons)
    {
        final boolean mnist = dataSet.equals("mnist");
        return neurons >= 400 ? (mnist ? 0.9040 : 0.6921) : (mnist ? 0.8578 : 0.6457);
    }

    /** FOM-best connectivity (Fig. 12B): 14.5% for 100 neurons, 17% for 800. */
    static double fomBestConnectivity(final int neurons)
    {
        return neurons >= 400 ? 0.17 : 0.145;
    }

    /** Training SOP reduction at the FOM-best connectivity: 27% / 30%. */
    static double fomBestTrainReduction(final int neurons)
    {
        return neurons >= 400 ? 0.30 : 0.27;
    }

    /** Inference SOP reduction at the FOM-best connectivity: 60% / 55%. */
    static double fomBestInferReduction(final int neurons)
    {
        return neurons >= 400 ? 0.55 : 0.60;
    }

    /** Accuracy loss at the FOM-best connectivity: 2.85% / 0.44%. */
    static double fomBestLoss(final int neurons)
    {
        return neurons >= 400 ? 0.0044 : 0.0285;
    }

    /**
     * The table of a data set.
     *
     * @param dataSet {@code mnist} (Table 2) or {@code fashion-mnist} (Table 3).
     * @return its rows.
     */
    static List<TableRow> table(final String dataSet)
    {
        return dataSet.equals("mnist") ? TABLE_2 : TABLE_3;
    }

    private static int column(final int neurons)
    {
        return neurons >= 400 ? 1 : 0;
    }

    private static double[] d(final double a, final double b)
    {
        return new double[] {a, b};
    }
}
