package org.spikeprune.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spikeprune.core.data.CachedDataset;
import org.spikeprune.core.data.DataCache;
import org.spikeprune.core.data.MnistFiles;
import org.spikeprune.core.dc.DcTrainer;
import org.spikeprune.core.dc.PixelPrototypes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spikeprune baseline}: non-spiking reference classifiers on the raw pixels, read out as the spiking network
 * is (each prototype labelled from the training images it wins, an image classified by its nearest prototype):
 * the class means, and k-means prototypes as many as a layer has neurons.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Non-spiking reference classifiers on the raw pixels, read out as the spiking network is (each "
        + "prototype labelled with the class whose training images it wins most often, an image classified by its "
        + "nearest prototype): the class means, and K k-means prototypes (Lloyd's algorithm from K training images "
        + "drawn with the seed, and MacQueen's online k-means: one pass, each image moving its nearest prototype, as "
        + "a winner-take-all layer learns) for each K of --prototypes, e.g. 100 and 800 as the layers of paper A "
        + "have neurons. "
        + "They tell what K prototypes of the same pixels can reach.")
public final class BaselineCommand implements Callable<Integer>
{
    @Option(names = "--dataset", defaultValue = "mnist",
        description = "mnist or fashion-mnist (default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--prototypes", split = ",", defaultValue = "100",
        description = "Numbers of k-means prototypes, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> prototypes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial prototypes (default "
        + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", defaultValue = "100",
        description = "At most this many Lloyd iterations; they stop earlier when no image changes prototype "
            + "(default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--online-similarity", defaultValue = "euclidean",
        description = "How online k-means matches an image to a prototype, while learning and when classifying: "
            + "euclidean (nearest), cosine, or dot-l1 (the largest dot product with the prototype scaled to a fixed "
            + "sum, as the spiking layer's input drive with normalised weights) (default ${DEFAULT-VALUE}).")
    String onlineSimilarity;

    @Option(names = "--online-rate", defaultValue = "0",
        description = "A constant learning rate for online k-means, in (0, 1]: the winner moves by rate · (image − "
            + "prototype); 0 for the running mean of the images it has won (default ${DEFAULT-VALUE}).")
    double onlineRate;

    @Option(names = "--train-images", description = "Training images (default: all).")
    Integer trainImages;

    @Option(names = "--test-images", description = "Test images (default: all).")
    Integer testImages;

    @Option(names = "--validation-images", paramLabel = "N",
        description = "Test on the last N training images instead of the test set; the prototypes and labels "
            + "come from the training images before them (as train --validation-images).")
    Integer validationImages;

    @Option(names = "--threads", defaultValue = "2",
        description = "Threads for the nearest-prototype search; the result does not depend on it (default "
            + "${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", description = "Folder holding the IDX files (default: the data cache).")
    Path data;

    @Option(names = "--cache", description = "Data cache folder (default: $SPIKEPRUNE_CACHE or ~/.cache/spikeprune).")
    Path cache;

    @Option(names = "--out", description = "Folder for baseline.json and the k-means prototypes drawn as kmeans-K.png (default: print "
        + "only).")
    Path out;

    @Override
    public Integer call()
    {
        if (!dataset.equals("mnist") && !dataset.equals("fashion-mnist"))
        {
            throw new UsageException("--dataset=" + dataset + " is invalid: must be mnist or fashion-mnist");
        }
        for (final int k : prototypes)
        {
            if (k < 1)
            {
                throw new UsageException("--prototypes=" + k + " is invalid: must be >= 1");
            }
        }
        final PixelPrototypes.Similarity similarity = switch (onlineSimilarity)
        {
            case "euclidean" -> PixelPrototypes.Similarity.EUCLIDEAN;
            case "cosine" -> PixelPrototypes.Similarity.COSINE;
            case "dot-l1" -> PixelPrototypes.Similarity.DOT_L1;
            default -> throw new UsageException("--online-similarity=" + onlineSimilarity
                + " is invalid: must be euclidean, cosine or dot-l1");
        };
        if (!(onlineRate >= 0 && onlineRate <= 1))
        {
            throw new UsageException("--online-rate=" + onlineRate + " is invalid: must be in [0, 1] (0: running mean)");
        }
        if (iterations < 1 || threads < 1)
        {
            throw new UsageException("--iterations and --threads must be >= 1");
        }
        if ((trainImages != null && trainImages < 1) || (testImages != null && testImages < 0))
        {
            throw new UsageException("--train-images must be >= 1 and --test-images >= 0");
        }
        final MnistFiles files = data != null ? MnistFiles.load(data) : DataCache.resolve(cache).load(
            dataset.equals("mnist") ? CachedDataset.MNIST : CachedDataset.FASHION_MNIST);
        final DcTrainer.Data all = DcTrainer.Data.of(files);
        final DcTrainer.Data d = validationImages == null ? all : all.holdOut(validationImages);
        final int nTrain = Math.min(trainImages != null ? trainImages : d.trainCount(), d.trainCount());
        final int nTest = Math.min(testImages != null ? testImages : d.testCount(), d.testCount());
        for (final int k : prototypes)
        {
            if (k > nTrain)
            {
                throw new UsageException("--prototypes=" + k + " is invalid: more than the " + nTrain
                    + " training images");
            }
        }
        final int pixels = DcTrainer.Data.PIXELS;
        final String evaluated = validationImages == null ? "test" : "validation (held-out training images)";
        final PrintStream stdout = System.out;
        stdout.printf(Locale.ROOT, "spikeprune baseline: %s, %d training images, %d %s images, seed %d%n", dataset,
            nTrain, nTest, evaluated, seed);
        // the plots and baseline.json replace earlier ones together, once all are complete
        try (org.spikeprune.core.io.SafeFiles.Batch batch = new org.spikeprune.core.io.SafeFiles.Batch())
        {
            run(d, nTrain, nTest, evaluated, pixels, similarity, out == null ? null : new RunOutput(out).through(batch),
                stdout);
            batch.commit();
        }
        return 0;
    }

    private void run(final DcTrainer.Data d, final int nTrain, final int nTest, final String evaluated,
        final int pixels, final PixelPrototypes.Similarity similarity, final RunOutput output, final PrintStream stdout)
    {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final long t0 = System.nanoTime();
        final PixelPrototypes means = PixelPrototypes.classMeans(d.trainImages(), d.trainLabels(), nTrain, pixels,
            d.classes());
        rows.add(row("class-means", means, d, nTrain, nTest, (System.nanoTime() - t0) / 1e9));
        for (final int k : prototypes)
        {
            final long t = System.nanoTime();
            final PixelPrototypes km = PixelPrototypes.kMeans(d.trainImages(), d.trainLabels(), nTrain, pixels,
                d.classes(), k, iterations, seed, threads);
            rows.add(row("k-means", km, d, nTrain, nTest, (System.nanoTime() - t) / 1e9));
            final long t1 = System.nanoTime();
            final PixelPrototypes online = PixelPrototypes.onlineKMeans(d.trainImages(), d.trainLabels(), nTrain,
                pixels, d.classes(), k, seed, similarity, onlineRate);
            final String variant = (similarity == PixelPrototypes.Similarity.EUCLIDEAN ? "" : ", " + onlineSimilarity)
                + (onlineRate > 0 ? ", rate " + onlineRate : "");
            final Map<String, Object> r = row("online k-means, one pass" + variant, online, d, nTrain, nTest,
                (System.nanoTime() - t1) / 1e9);
            r.put("similarity", onlineSimilarity);
            r.put("rate", onlineRate);
            rows.add(r);
            if (output != null)
            {
                // the prototypes as the network's weight maps are drawn: one 28×28 tile each, 255 white
                output.write("kmeans-" + k + ".png", o -> WeightMaps.write(km.centres(), k, 255, o));
            }
        }
        stdout.println();
        stdout.println("| method | prototypes | unlabelled | iterations | training accuracy | " + evaluated
            + " accuracy | seconds |");
        stdout.println("|---|---:|---:|---:|---:|---:|---:|");
        for (final Map<String, Object> r : rows)
        {
            stdout.printf(Locale.ROOT, "| %s | %d | %d | %d%s | %.2f%% | %.2f%% | %.1f |%n", r.get("method"),
                r.get("prototypes"), r.get("unlabelled"), r.get("iterations"),
                (boolean)r.get("converged") ? "" : " (cap)", 100 * (double)r.get("train_accuracy"),
                100 * (double)r.get("accuracy"), (double)r.get("seconds"));
        }
        if (output != null)
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("dataset", dataset);
            json.put("seed", seed);
            json.put("train_images", nTrain);
            json.put("test_images", nTest);
            json.put("validation_images", validationImages == null ? 0 : validationImages);
            json.put("max_iterations", iterations);
            json.put("results", rows);
            output.writeJson("baseline.json", json);
            stdout.println("wrote " + out.resolve("baseline.json") + " and the k-means prototypes as kmeans-K.png");
        }
    }

    private static Map<String, Object> row(final String method, final PixelPrototypes pp, final DcTrainer.Data d,
        final int nTrain, final int nTest, final double seconds)
    {
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("prototypes", pp.size());
        r.put("unlabelled", pp.unlabelled());
        r.put("iterations", pp.iterations());
        r.put("converged", pp.converged());
        r.put("train_accuracy", pp.accuracy(d.trainImages(), d.trainLabels(), nTrain));
        r.put("accuracy", nTest == 0 ? Double.NaN : pp.accuracy(d.testImages(), d.testLabels(), nTest));
        r.put("seconds", seconds);
        return r;
    }
}
