package org.activebench.core.learn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.split.Standardizer;

/** Fits logistic on the first 60 digits and prints a hash of the weights' bits: run in a child JVM by the tests. */
public final class InterpretedFit {
    private InterpretedFit() {
    }

    static long fit() {
        Dataset digits = DatasetLoader.bundled("digits");
        int d = digits.dimension();
        float[] x = Standardizer.standardize(digits.x(), d, IntStream.range(0, digits.size()).toArray());
        int[] rows = IntStream.range(0, 60).toArray();
        int[] labels = Arrays.stream(rows).map(r -> digits.y()[r]).toArray();
        LogisticModel model = (LogisticModel) new L2LogisticLearner(1.0, 1e-8, 100).fit(x, d, rows, labels, 10, 1);
        return Arrays.stream(model.w()).mapToLong(Double::doubleToLongBits).reduce(17, (a, b) -> 31 * a + b);
    }

    public static void main(String[] args) {
        System.out.println("weights " + fit());
    }
}
