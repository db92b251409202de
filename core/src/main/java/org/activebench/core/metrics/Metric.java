package org.activebench.core.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/** Test-set metrics of a learning curve, computed from the confusion matrix of true vs predicted classes. */
public enum Metric {
    /** Fraction of test rows predicted correctly. */
    ACCURACY,
    /** Unweighted mean over classes present in the test set or in the predictions of per-class F1. */
    MACRO_F1,
    /** Unweighted mean over classes present in the test set of per-class recall. */
    BALANCED_ACCURACY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Metric parse(String text, String where) {
        for (Metric m : values()) {
            if (m.key().equals(text)) {
                return m;
            }
        }
        throw new ActiveBenchException(where + ": unknown metric '" + text + "' (valid: "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")) + ")");
    }

    /** @param confusion k x k counts, row = true class, column = predicted class */
    public double compute(long[][] confusion) {
        int k = confusion.length;
        long total = 0;
        long correct = 0;
        long[] actual = new long[k];
        long[] predicted = new long[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                total += confusion[t][p];
                actual[t] += confusion[t][p];
                predicted[p] += confusion[t][p];
            }
            correct += confusion[t][t];
        }
        return switch (this) {
            case ACCURACY -> (double) correct / total;
            case BALANCED_ACCURACY -> {
                double sum = 0;
                int classes = 0;
                for (int c = 0; c < k; c++) {
                    if (actual[c] > 0) {
                        sum += (double) confusion[c][c] / actual[c];
                        classes++;
                    }
                }
                yield sum / classes;
            }
            case MACRO_F1 -> {
                double sum = 0;
                int classes = 0;
                for (int c = 0; c < k; c++) {
                    if (actual[c] + predicted[c] > 0) {
                        sum += 2.0 * confusion[c][c] / (actual[c] + predicted[c]);
                        classes++;
                    }
                }
                yield sum / classes;
            }
        };
    }

    /** The confusion matrix of {@code predicted} against {@code truth}. */
    public static long[][] confusion(int[] truth, int[] predicted, int k) {
        long[][] m = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return m;
    }
}
