package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.split.Split;
import org.activebench.core.split.Splitter;
import org.activebench.core.split.Standardizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LearnersTest {
    private static final Dataset WINE = DatasetLoader.bundled("wine");
    private static final Split SPLIT = new Splitter(0.3, 30, Splitter.InitialMode.RANDOM, true).split(WINE, 11);
    private static final float[] X = Standardizer.standardize(WINE.x(), WINE.dimension(), SPLIT.pool());

    private static Model fit(Learner learner, int[] rows, long seed) {
        int[] labels = Arrays.stream(rows).map(r -> WINE.y()[r]).toArray();
        return learner.fit(X, WINE.dimension(), rows, labels, WINE.classCount(), seed);
    }

    private static float[] predict(Model model, int[] rows) {
        float[] p = new float[rows.length * WINE.classCount()];
        model.predictProba(X, WINE.dimension(), rows, p);
        return p;
    }

    private static double accuracy(float[] p, int[] rows) {
        int k = WINE.classCount();
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[i * k + c] > p[i * k + best]) {
                    best = c;
                }
            }
            correct += best == WINE.y()[rows[i]] ? 1 : 0;
        }
        return (double) correct / rows.length;
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "smile_logistic", "random_forest", "knn", "naive_bayes", "svm"})
    void learnsWineWithProperProbabilities(String name) {
        Learner learner = Learners.create(name, Map.of(), "learner");
        float[] p = predict(fit(learner, SPLIT.pool(), 3), SPLIT.test());
        for (int i = 0; i < SPLIT.test().length; i++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                float v = p[i * 3 + c];
                assertTrue(v >= 0 && v <= 1, name + " probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5, name + " row " + i);
        }
        assertTrue(accuracy(p, SPLIT.test()) > 0.85, name + " accuracy " + accuracy(p, SPLIT.test()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "smile_logistic", "random_forest", "knn", "naive_bayes", "svm"})
    void absentClassGetsProbabilityZeroAndOneClassIsCertain(String name) {
        Learner learner = Learners.create(name, Map.of(), "learner");
        int[] withoutClass1 = Arrays.stream(SPLIT.pool()).filter(r -> WINE.y()[r] != 1).toArray();
        float[] p = predict(fit(learner, withoutClass1, 5), SPLIT.test());
        for (int i = 0; i < SPLIT.test().length; i++) {
            assertEquals(0f, p[i * 3 + 1], name + " row " + i);
        }
        int[] onlyClass2 = Arrays.stream(SPLIT.pool()).filter(r -> WINE.y()[r] == 2).limit(4).toArray();
        float[] certain = predict(fit(learner, onlyClass2, 5), SPLIT.test());
        for (int i = 0; i < SPLIT.test().length; i++) {
            assertArrayEquals(new float[] {0, 0, 1}, Arrays.copyOfRange(certain, i * 3, i * 3 + 3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random_forest", "svm"})
    void randomisedLearnersAreFixedByTheSeed(String name) {
        Learner learner = Learners.create(name, Map.of(), "learner");
        int[] rows = IntStream.range(0, 60).map(i -> SPLIT.pool()[i]).toArray();
        float[] a = predict(fit(learner, rows, 42), SPLIT.test());
        float[] b = predict(fit(learner, rows, 42), SPLIT.test());
        assertArrayEquals(a, b);
    }

    @Test
    void forestDependsOnTheSeed() {
        Learner forest = Learners.create("random_forest", Map.of("trees", 10), "learner");
        int[] rows = IntStream.range(0, 60).map(i -> SPLIT.pool()[i]).toArray();
        assertTrue(!Arrays.equals(predict(fit(forest, rows, 1), SPLIT.test()), predict(fit(forest, rows, 2), SPLIT.test())));
    }

    @Test
    void binarySvmProbabilityFollowsTheDecisionSide() {
        Dataset cancer = DatasetLoader.bundled("breast_cancer");
        Split split = new Splitter(0.3, 20, Splitter.InitialMode.RANDOM, true).split(cancer, 1);
        float[] x = Standardizer.standardize(cancer.x(), cancer.dimension(), split.pool());
        int[] labels = Arrays.stream(split.pool()).map(r -> cancer.y()[r]).toArray();
        Model model = Learners.create("svm", Map.of(), "learner").fit(x, cancer.dimension(), split.pool(), labels, 2, 1);
        float[] p = new float[split.test().length * 2];
        model.predictProba(x, cancer.dimension(), split.test(), p);
        int correct = 0;
        for (int i = 0; i < split.test().length; i++) {
            correct += (p[2 * i + 1] > 0.5 ? 1 : 0) == cancer.y()[split.test()[i]] ? 1 : 0;
        }
        assertTrue(correct > 0.93 * split.test().length, "binary SVM accuracy " + correct);
    }

    @Test
    void unknownLearnerAndParametersAreNamed() {
        assertEquals("learner.name: unknown learner 'random_forrest' (did you mean \"random_forest\"?) (valid: knn, logistic, naive_bayes, random_forest,"
                + " smile_logistic, svm; a plugin jar may be missing)",
                assertThrows(ActiveBenchException.class, () -> Learners.create("random_forrest", Map.of(), "learner")).getMessage());
        assertEquals("learner.params.C: unknown parameter (valid: lambda, maxIterations, tolerance)",
                assertThrows(ActiveBenchException.class,
                        () -> Learners.create("smile_logistic", Map.of("C", 1.0), "learner")).getMessage());
        assertEquals("learner.params.lambda: unknown parameter (valid: C, maxIterations, tolerance)",
                assertThrows(ActiveBenchException.class,
                        () -> Learners.create("logistic", Map.of("lambda", 1.0), "learner")).getMessage());
        assertEquals("learner.params.k: 0 outside [1, 100000]",
                assertThrows(ActiveBenchException.class, () -> Learners.create("knn", Map.of("k", 0), "learner")).getMessage());
        assertEquals("learner.params.C: a finite number is required, got \"strong\"",
                assertThrows(ActiveBenchException.class,
                        () -> Learners.create("logistic", Map.of("C", "strong"), "learner")).getMessage());
    }
}
