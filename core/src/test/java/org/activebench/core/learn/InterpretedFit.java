package org.activebench.core.learn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.split.Standardizer;

/**
 * Fits logistic on the first 60 digits (softmax) and on the 0s and 1s among them (sigmoid), predicts every digit, and
 * prints a hash of the bits of weights and probabilities: run in a child JVM by the tests.
 */
public final class InterpretedFit {
    private InterpretedFit() {
    }

    static long fit() {
        return hash(model(10).w());
    }

    /** The probabilities of both models on every digit. */
    static long predict() {
        Dataset digits = DatasetLoader.bundled("digits");
        int[] all = IntStream.range(0, digits.size()).toArray();
        long h = 17;
        for (int classes : new int[] {10, 2}) {
            double[] p = new double[all.length * 10];
            model(classes).predictProba(standardized(), digits.dimension(), all, p);
            h = 31 * h + hash(p);
        }
        return h;
    }

    private static float[] standardized() {
        Dataset digits = DatasetLoader.bundled("digits");
        return Standardizer.standardize(digits.x(), digits.dimension(), IntStream.range(0, digits.size()).toArray());
    }

    private static long hash(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToLongBits).reduce(17, (a, b) -> 31 * a + b);
    }

    private static LogisticModel model(int classes) {
        Dataset digits = DatasetLoader.bundled("digits");
        int[] rows = IntStream.range(0, digits.size()).filter(r -> digits.y()[r] < classes).limit(60).toArray();
        int[] labels = Arrays.stream(rows).map(r -> digits.y()[r]).toArray();
        return (LogisticModel) new L2LogisticLearner(1.0, 1e-8, 100).fit(standardized(), digits.dimension(), rows,
                labels, 10, 1);
    }

    public static void main(String[] args) {
        System.out.println("weights " + fit());
        System.out.println("probabilities " + predict());
    }
}
