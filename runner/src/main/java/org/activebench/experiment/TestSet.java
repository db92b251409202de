package org.activebench.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Model;
import org.activebench.core.metrics.Metric;

/** The held-out test rows of one split and the metrics measured on them; its buffers serve one thread. */
final class TestSet {
    private final PreparedData data;
    private final List<Metric> metrics;
    private final ScoreKernels kernels;
    private final int[] rows;
    private final int[] labels;
    private final float[] probabilities;
    private final int[] predicted;

    TestSet(PreparedData data, List<Metric> metrics, ScoreKernels kernels) {
        this.data = data;
        this.metrics = metrics;
        this.kernels = kernels;
        this.rows = data.split().test();
        int[] y = data.data().y();
        this.labels = Arrays.stream(rows).map(row -> y[row]).toArray();
        this.probabilities = new float[rows.length * data.data().classCount()];
        this.predicted = new int[rows.length];
    }

    /** Every configured metric of the model's predictions, keyed as in the config. */
    Map<String, Double> measure(Model model) {
        int k = data.data().classCount();
        model.predictProba(data.x(), data.data().dimension(), rows, probabilities);
        kernels.argmax(probabilities, rows.length, k, predicted);
        long[][] confusion = Metric.confusion(labels, predicted, k);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            values.put(m.key(), m.compute(confusion));
        }
        return values;
    }

    /** The predicted class of every test row at the last {@link #measure}, a copy. */
    int[] predicted() {
        return predicted.clone();
    }
}
