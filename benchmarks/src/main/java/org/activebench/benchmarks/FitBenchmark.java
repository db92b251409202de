package org.activebench.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.data.MissingValues;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Learners;
import org.activebench.core.learn.Model;
import org.activebench.core.split.Standardizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One round's model fit, as the active-learning loop does it: standardised features, n rows labelled (the first n of
 * a seeded shuffle: mnist10k is sorted by class),
 * λ = 1 for Smile's LR and C = 1 for ours. {@code warm}: our fit starts from the solution on the first n - 10 rows
 * (the previous round); Smile has no warm start, so its warm and cold figures are the same fit. {@code tolerance}:
 * ours at its default or at a tighter one ("default" for Smile). mnist10k is read from ../shared/data; run from
 * the repository root.
 */
public class FitBenchmark extends KernelBenchmark {
    @Param({"smile_logistic", "logistic"})
    public String learner;
    @Param({"digits"})
    public String dataset;
    @Param({"500", "1000"})
    public int n;
    @Param({"false", "true"})
    public boolean warm;
    @Param({"default"})
    public String tolerance;

    private Learner fitter;
    private float[] x;
    private int d;
    private int k;
    private int[] rows;
    private int[] labels;
    private Model previous;

    @Setup
    public void setup() {
        Dataset data = dataset.equals("digits") ? DatasetLoader.bundled("digits")
                : DatasetLoader.load(dataset, Path.of("..", "shared", "data", "image", dataset + ".csv.gz"), null, null,
                        MissingValues.ERROR);
        d = data.dimension();
        k = data.classCount();
        x = Standardizer.standardize(data.x(), d, IntStream.range(0, data.size()).toArray());
        Map<String, Object> params = new HashMap<>(learner.equals("smile_logistic") ? Map.of("lambda", 1.0) : Map.of("C", 1.0));
        if (!tolerance.equals("default")) {
            params.put("tolerance", Double.parseDouble(tolerance));
        }
        fitter = Learners.create(learner, params, "learner");
        List<Integer> order = new ArrayList<>(IntStream.range(0, data.size()).boxed().toList());
        Collections.shuffle(order, new Random(7));
        rows = order.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
        labels = Arrays.stream(rows).map(r -> data.y()[r]).toArray();
        int[] before = Arrays.copyOf(rows, n - 10);
        previous = warm ? fitter.fit(x, d, before, Arrays.copyOf(labels, n - 10), k, 1) : null;
    }

    @Benchmark
    public Model fit() {
        return fitter.fit(x, d, rows, labels, k, 1, previous);
    }
}
