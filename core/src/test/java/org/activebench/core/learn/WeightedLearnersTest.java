package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;

/** Row weights in naive Bayes, kNN and the random forest, on fixtures with known answers. */
class WeightedLearnersTest {

    private static float[] gaussian(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static double[] proba(Model m, float[] x, int d, int n, int k) {
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        double[] out = new double[n * k];
        float[] p = new float[n * k];
        m.predictProba(x, d, all, p);
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i];
        }
        return out;
    }

    @Test
    void naiveBayesWeightsAreReplicatedRows() {
        int n = 12;
        int d = 3;
        float[] x = gaussian(n, d, 3);
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 1};
        int[] counts = {1, 2, 3, 1, 1, 2, 4, 1, 1, 2, 1, 3};
        Learner nb = new GaussianNaiveBayesLearner(1e-9);
        Model weighted = nb.fit(TrainingSet.of(x, d, rows, y, 3).withWeights(
                java.util.Arrays.stream(counts).asDoubleStream().toArray()), 1, null);
        List<Integer> r = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < counts[i]; c++) {
                r.add(i);
                l.add(y[i]);
            }
        }
        Model replicated = nb.fit(x, d, r.stream().mapToInt(Integer::intValue).toArray(),
                l.stream().mapToInt(Integer::intValue).toArray(), 3, 1);
        assertArrayEquals(proba(replicated, x, d, n, 3), proba(weighted, x, d, n, 3), 1e-6);
    }

    @Test
    void knnVotesWeighByTheirRowsWeightAndUnweightedIsSmilesKnn() {
        float[] x = {0, 1, 2, 10};
        int[] rows = {0, 1, 2, 3};
        int[] y = {0, 1, 1, 0};
        Learner knn = new KnnLearner(3);
        Model weighted = knn.fit(TrainingSet.of(x, 1, rows, y, 2).withWeights(new double[] {3, 1, 1, 1}), 1, null);
        float[] query = {0.5f};
        float[] p = new float[2];
        weighted.predictProba(query, 1, new int[] {0}, p);
        assertArrayEquals(new float[] {3 / 5f, 2 / 5f}, p, 1e-7f, "neighbours 0, 1, 2 of 0.5: weight 3 for class 0, 2 for 1");
        knn.fit(TrainingSet.of(x, 1, rows, y, 2), 1, null).predictProba(query, 1, new int[] {0}, p);
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f}, p, 1e-7f);
        for (int d : new int[] {3, 12}) { // a k-d tree below 10 features, a cover tree from 10: as Smile's KNN.fit
            float[] xs = gaussian(40, d, d);
            int[] all = java.util.stream.IntStream.range(0, 30).toArray();
            int[] labels = java.util.stream.IntStream.range(0, 30).map(i -> i % 3).toArray();
            double[][] asDoubles = new double[30][];
            for (int i = 0; i < 30; i++) {
                asDoubles[i] = SmileLearner.toDoubles(xs, i, d, new double[d]);
            }
            smile.classification.KNN<double[]> reference = smile.classification.KNN.fit(asDoubles, labels, 5);
            Model ours = new KnnLearner(5).fit(xs, d, all, labels, 3, 1);
            float[] mine = new float[40 * 3];
            ours.predictProba(xs, d, java.util.stream.IntStream.range(0, 40).toArray(), mine);
            for (int i = 0; i < 40; i++) {
                double[] posterior = new double[3];
                reference.predict(SmileLearner.toDoubles(xs, i, d, new double[d]), posterior);
                for (int c = 0; c < 3; c++) {
                    assertEquals((float) posterior[c], mine[i * 3 + c], 0, "d = " + d + ", row " + i);
                }
            }
        }
    }

    @Test
    void aForestNeverDrawsARowOfWeightZero() {
        int n = 30;
        float[] x = gaussian(n, 2, 9);
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        int[] y = java.util.stream.IntStream.range(0, n).map(i -> i % 2).toArray();
        double[] w = java.util.stream.IntStream.range(0, n).mapToDouble(i -> i % 2 == 0 ? 1 : 0).toArray();
        w[1] = 1e-300; // one row of class 1 keeps a weight too small ever to be drawn in 10 x 30 draws
        Model forest = new RandomForestLearner(10, 0, 20, 1).fit(TrainingSet.of(x, 2, rows, y, 2).withWeights(w), 4, null);
        double[] p = proba(forest, x, 2, n, 2);
        for (int i = 0; i < n; i++) { // every tree a single pure leaf of 30 class-0 draws: CART's (30 + 1) / (30 + 2)
            assertEquals(31 / 32.0, p[i * 2], 1e-6, "row " + i + ": no tree saw class 1");
        }
    }

    @Test
    void theWeightedBootstrapDrawsRowIWithProbabilityWiOverTheSum() {
        double[] cumulative = RandomForestLearner.cumulative(new double[] {0, 2, 0, 1, 1});
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0.75, 1}, cumulative);
        assertEquals(1, RandomForestLearner.drawn(cumulative, 0.0), "a row of weight 0 is never drawn");
        assertEquals(1, RandomForestLearner.drawn(cumulative, 0.4999));
        assertEquals(3, RandomForestLearner.drawn(cumulative, 0.5));
        assertEquals(3, RandomForestLearner.drawn(cumulative, 0.7499));
        assertEquals(4, RandomForestLearner.drawn(cumulative, 0.75));
        assertEquals(4, RandomForestLearner.drawn(cumulative, Math.nextDown(1.0)));
    }

    @Test
    void learnersWithoutWeightsRefuseAWeightedSet() {
        float[] x = gaussian(6, 2, 1);
        TrainingSet set = TrainingSet.of(x, 2, new int[] {0, 1, 2, 3}, new int[] {0, 1, 0, 1}, 2)
                .withWeights(new double[] {1, 2, 1, 1});
        assertEquals("learner SvmLearner cannot honour [weights] in its training set", assertThrows(
                ActiveBenchException.class, () -> new SvmLearner(1, 0, 1e-3, 1).fit(set, 1, null)).getMessage());
    }
}
