package org.activebench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.ClassDescriptions;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.MissingValues;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Learners;
import org.activebench.core.split.Standardizer;
import org.activebench.core.text.EmbeddingCache;
import org.activebench.core.text.Embeddings;
import org.activebench.core.text.TextEmbedder;
import org.activebench.core.text.TextEmbedders;
import org.activebench.core.text.ZeroShot;
import org.activebench.experiment.AtomicFiles;
import org.activebench.experiment.DatasetSource;
import org.activebench.experiment.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code activebench teacher}: a stand-in for an external large model's predictions, made offline. A learner is fitted
 * either on a separate labelled file (the teacher never saw the data set) or, per fold, on the other folds of the
 * data set itself (each row predicted by a model that never saw that row), and its probabilities are written in the
 * teacher format a config's "teacher" reads.
 */
@Command(name = "teacher", mixinStandardHelpOptions = true,
        description = {"Write a teacher file (class probabilities per row, header = class names) for a data set, from a "
                + "learner fitted on --train (a disjoint labelled file), out-of-fold on the data set itself (--folds), "
                + "or zero-shot from class descriptions (--zero-shot, with --embed)."})
final class TeacherCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data set the predictions are for.")
    Path data;

    @Option(names = "--train", paramLabel = "FILE", description = "Labelled data the teacher learns from instead (same "
            + "features and classes); without it, out-of-fold predictions.")
    Path train;

    @Option(names = "--folds", paramLabel = "K", description = "Folds for out-of-fold predictions (default 5).")
    int folds = 5;

    @Option(names = "--embed", paramLabel = "MODEL", description = "Embed the texts of both files with this model first.")
    String embed;

    @Option(names = "--zero-shot", paramLabel = "CLASSES.csv", description = "No learner, no labels: score each text "
            + "against a description of each class (a CSV class,description) by cosine similarity of their --embed "
            + "embeddings, softmax at --temperature.")
    Path zeroShot;

    @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature of --zero-shot (default "
            + ZeroShot.TEMPERATURE + "; the ranking, hence the accuracy, does not depend on it).")
    double temperature = ZeroShot.TEMPERATURE;

    @Option(names = "--learner", paramLabel = "NAME", description = "The teacher's learner (default logistic).")
    String learner = "logistic";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the folds and the learner (default 1).")
    long seed = 1;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The teacher CSV to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (zeroShot != null && (embed == null || train != null)) {
            throw new ActiveBenchException("--zero-shot: needs --embed MODEL (the texts and the descriptions are embedded"
                    + " with it) and no --train");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new ActiveBenchException("--temperature: must be a positive number, got " + temperature);
        }
        Dataset target = load(data, "--data");
        Learner model = Learners.create(learner, Map.of(), "--learner");
        int k = target.classCount();
        float[] p = new float[target.size() * k];
        if (zeroShot != null) {
            List<String> descriptions = ClassDescriptions.read(zeroShot, target.classNames());
            TextEmbedder embedder = TextEmbedders.byName(embed, "--embed");
            float[] classes = Embeddings.of(zeroShot.toString(), descriptions, embedder, EmbeddingCache.standard(),
                    Runtime.getRuntime().availableProcessors(), done -> { });
            p = ZeroShot.probabilities(target.x(), target.size(), target.dimension(), classes, k, temperature);
        } else if (train != null) {
            Dataset source = load(train, "--train");
            if (!source.classNames().equals(target.classNames()) || source.dimension() != target.dimension()) {
                throw new ActiveBenchException("--train: " + train + " has classes " + source.classNames() + " and "
                        + source.dimension() + " features; --data has " + target.classNames() + " and " + target.dimension());
            }
            predict(model, source, IntStream.range(0, source.size()).toArray(), target,
                    IntStream.range(0, target.size()).toArray(), p);
        } else {
            if (folds < 2 || folds > target.size()) {
                throw new ActiveBenchException("--folds: " + folds + " outside [2, " + target.size() + "]");
            }
            int[] fold = new int[target.size()];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < fold.length; i++) {
                fold[i] = random.nextInt(folds);
            }
            for (int f = 0; f < folds; f++) {
                int current = f;
                predict(model, target, IntStream.range(0, fold.length).filter(i -> fold[i] != current).toArray(), target,
                        IntStream.range(0, fold.length).filter(i -> fold[i] == current).toArray(), p);
            }
        }
        StringBuilder csv = new StringBuilder(String.join(",", target.classNames().stream().map(CsvField::of).toList()));
        csv.append('\n');
        for (int i = 0; i < target.size(); i++) {
            for (int c = 0; c < k; c++) {
                csv.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7g", p[i * k + c]));
            }
            csv.append('\n');
        }
        AtomicFiles.write(out, csv.toString().getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().println(target.size() + " rows x " + k + " classes (" + (zeroShot != null
                ? "zero-shot, " + embed + ", temperature " + temperature : learner + (train != null ? " fitted on " + train
                : ", " + folds + "-fold out-of-fold")) + ") -> " + out + String.format(Locale.ROOT,
                "; accuracy against the data set's labels %.4f", accuracy(p, target)));
        return 0;
    }

    /** The share of rows whose most probable class (first of equals) is their label. */
    private static double accuracy(float[] p, Dataset data) {
        int k = data.classCount();
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = p[i * k + c] > p[i * k + best] ? c : best;
            }
            right += best == data.y()[i] ? 1 : 0;
        }
        return right / (double) data.size();
    }

    /** Fits on {@code fitRows} of {@code source} (features standardised on them) and predicts {@code rows} of target. */
    private void predict(Learner model, Dataset source, int[] fitRows, Dataset target, int[] rows, float[] p) {
        int d = source.dimension();
        int k = target.classCount();
        float[] both = new float[(source.size() + target.size()) * d];
        System.arraycopy(source.x(), 0, both, 0, source.x().length);
        System.arraycopy(target.x(), 0, both, source.x().length, target.x().length);
        float[] x = Standardizer.standardize(both, d, fitRows);
        int[] labels = IntStream.of(fitRows).map(i -> source.y()[i]).toArray();
        int[] shifted = IntStream.of(rows).map(i -> i + source.size()).toArray();
        float[] out = new float[rows.length * k];
        model.fit(x, d, fitRows, labels, k, seed).predictProba(x, d, shifted, out);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(out, i * k, p, rows[i] * k, k);
        }
    }

    private Dataset load(Path file, String key) {
        ExperimentConfig.FeaturesSpec features = embed == null ? null : new ExperimentConfig.FeaturesSpec(embed, null);
        return DatasetSource.load(new ExperimentConfig.DatasetSpec(file.getFileName().toString(), file.toString(), null,
                null, null, null, null, features, null), Path.of(""), key, MissingValues.ERROR);
    }
}
