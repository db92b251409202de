package org.activebench.core.train;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Within-class interpolation, SMOTE's rule (Chawla et al., JAIR 2002) applied to every labelled row: each copy of row i
 * is x_i + λ (x_j − x_i), λ ~ U(0, 1), x_j one of the {@code neighbours} nearest labelled rows of the same label
 * (Euclidean; ties to the earlier labelled), drawn uniformly; it keeps the label. A row alone in its class is copied
 * as it is.
 */
public final class Interpolation implements AugmenterProvider {
    static final ParamSpec<Integer> COPIES = ParamSpec.integer("copies", 1, 1, 100, "augmented copies per labelled row");
    static final ParamSpec<Integer> NEIGHBOURS = ParamSpec.integer("neighbours", 5, 1, 1000, "nearest same-label rows to interpolate towards");
    static final ParamSpec<Double> WEIGHT = ParamSpec.realAbove("weight", 1.0, 0, 1e6, "weight of each copy");

    @Override
    public String name() {
        return "interpolation";
    }

    @Override
    public String description() {
        return "copies x_i + λ (x_j − x_i), λ ~ U(0, 1), x_j among the nearest same-label rows (SMOTE's rule)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(COPIES, NEIGHBOURS, WEIGHT);
    }

    @Override
    public Augmenter create(Parameters params) {
        int copies = params.get(COPIES);
        int neighbours = params.get(NEIGHBOURS);
        double weight = params.get(WEIGHT);
        return context -> {
            int n = context.set().rows().length;
            int d = context.set().d();
            int[] y = context.set().labels();
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = context.row(i);
            }
            float[] x = new float[n * copies * d];
            int[] labels = new int[n * copies];
            double[] weights = new double[n * copies];
            for (int i = 0; i < n; i++) {
                int[] near = nearest(rows, y, i, neighbours);
                SplittableRandom random = new SplittableRandom(context.rowSeed(i));
                for (int c = 0; c < copies; c++) {
                    int e = i * copies + c;
                    float[] towards = near.length == 0 ? rows[i] : rows[near[random.nextInt(near.length)]];
                    double lambda = random.nextDouble();
                    for (int j = 0; j < d; j++) {
                        x[e * d + j] = (float) (rows[i][j] + lambda * (towards[j] - rows[i][j]));
                    }
                    labels[e] = y[i];
                    weights[e] = weight;
                }
            }
            return new Augmenter.Augmented(x, labels, weights);
        };
    }

    /** The up to {@code count} rows of i's label nearest to row i, nearest first (ties to the lower index). */
    static int[] nearest(float[][] rows, int[] y, int i, int count) {
        return java.util.stream.IntStream.range(0, rows.length).filter(j -> j != i && y[j] == y[i]).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer j) -> squaredDistance(rows[i], rows[j]))
                        .thenComparingInt(j -> j))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
