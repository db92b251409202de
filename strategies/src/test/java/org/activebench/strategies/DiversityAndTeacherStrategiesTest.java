package org.activebench.strategies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.spi.Capability;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Model;
import org.junit.jupiter.api.Test;

/** k-center, BADGE, density, class balance, the skyline and the teacher strategies against brute-force references. */
class DiversityAndTeacherStrategiesTest {
    private static final int N = 60;
    private static final int D = 5;
    private static final int K = 3;

    /** Random features with a few exact duplicates (ties), probabilities from a softmax of two feature mixes. */
    private static final float[] X = new float[N * D];
    private static final float[] P = new float[N * K];
    private static final int[] Y = new int[N];

    static {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < X.length; i++) {
            X[i] = (float) random.nextGaussian();
        }
        System.arraycopy(X, 3 * D, X, 40 * D, D);
        System.arraycopy(X, 5 * D, X, 41 * D, D);
        for (int i = 0; i < N; i++) {
            double[] logits = {X[i * D], X[i * D + 1] - X[i * D + 2], 0.5 * X[i * D + 3]};
            double max = Arrays.stream(logits).max().orElseThrow();
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - max);
            }
            for (int c = 0; c < K; c++) {
                P[i * K + c] = (float) (Math.exp(logits[c] - max) / sum);
            }
            Y[i] = random.nextInt(K);
        }
    }

    private record FixedModel() implements Model {
        @Override
        public void predictProba(float[] x, int d, int[] rows, float[] out) {
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(P, rows[i] * K, out, i * K, K);
            }
        }
    }

    private static final int[] POOL = IntStream.range(0, 50).toArray();   // rows 50..59 are a test set

    private static TrialState trial(ScoreKernels kernels, float[] teacher, int[] labels) {
        return new TrialState(X, D, K, POOL, null, kernels, teacher, labels, Ties.RANDOM);
    }

    private static QueryContext context(TrialState trial, int[] labelled, long seed) {
        int[] unlabelled = Arrays.stream(POOL).filter(r -> Arrays.stream(labelled).noneMatch(l -> l == r)).toArray();
        int[] labels = Arrays.stream(labelled).map(r -> Y[r]).toArray();
        return new QueryContext(trial, labelled, labels, unlabelled, new FixedModel(), seed);
    }

    private static double squaredDistance(int a, int b) {
        double sum = 0;
        for (int j = 0; j < D; j++) {
            double diff = (double) X[a * D + j] - X[b * D + j];
            sum += diff * diff;
        }
        return sum;
    }

    /** Farthest-first over the pool, brute force: every pick measured against every center; ties to the lower row. */
    private static int[] bruteForceKCenter(int[] labelled, int batch) {
        int[] centers = Arrays.copyOf(labelled, labelled.length + batch);
        int count = labelled.length;
        int[] picks = new int[batch];
        for (int j = 0; j < batch; j++) {
            int best = -1;
            double bestDistance = -1;
            for (int row : POOL) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < count; c++) {
                    nearest = Math.min(nearest, squaredDistance(row, centers[c]));
                }
                boolean isCenter = Arrays.stream(centers, 0, count).anyMatch(c -> c == row);
                if (!isCenter && nearest > bestDistance) {
                    bestDistance = nearest;
                    best = row;
                }
            }
            picks[j] = best;
            centers[count++] = best;
        }
        return picks;
    }

    @Test
    void kCenterMatchesBruteForceOnEveryBackendAndAcrossRounds() {
        int[] labelled = {3, 17, 29};
        int[] expected = bruteForceKCenter(labelled, 12);
        for (ScoreKernels kernels : new ScoreKernels[] {new ScalarKernels(), KernelProvider.byName("panama", 1)}) {
            try (TrialState trial = trial(kernels, null, null)) {
                QueryStrategy strategy = Strategies.create("k_center", null, "s");
                int[] first = strategy.select(context(trial, labelled, 1), 5);
                int[] grown = IntStream.concat(Arrays.stream(labelled), Arrays.stream(first)).toArray();
                int[] second = strategy.select(context(trial, grown, 2), 7);
                assertArrayEquals(expected, IntStream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(),
                        kernels.name());
            }
        }
    }

    @Test
    void kCenterBreaksExactTiesByTheTrialsRuleAndNeverPicksALabelledDuplicate() {
        // Row 40 duplicates the labelled row 3 and row 41 duplicates row 5: 5 and 41 tie wherever they are farthest,
        // and the one left over lies at distance 0 with 40 at the end.
        int[] labelled = {3};
        Ties index = new Ties(Ties.Rule.INDEX, null);
        try (TrialState trial = new TrialState(X, D, K, POOL, null, new ScalarKernels(), null, null, index)) {
            int[] picks = Strategies.create("k_center", null, "s").select(context(trial, labelled, 1), 49);
            assertArrayEquals(new int[] {40, 41}, Arrays.copyOfRange(picks, 47, 49), "index: the lower row first");
            assertEquals(49, Arrays.stream(picks).distinct().count());
            assertArrayEquals(bruteForceKCenter(labelled, 49), picks);
        }
        java.util.Set<Integer> early = new java.util.HashSet<>();
        for (long seed = 1; seed <= 8; seed++) {
            try (TrialState trial = trial(new ScalarKernels(), null, null)) {
                int[] picks = Strategies.create("k_center", null, "s").select(context(trial, labelled, seed), 49);
                assertEquals(49, Arrays.stream(picks).distinct().count());
                int first = Arrays.stream(picks).filter(r -> r == 5 || r == 41).findFirst().orElseThrow();
                early.add(first);
                assertEquals(java.util.Set.of(40, first == 5 ? 41 : 5), java.util.Set.of(picks[47], picks[48]));
            }
        }
        assertEquals(java.util.Set.of(5, 41), early, "random: either twin goes first, by the seed");
    }

    @Test
    void badgeMatchesAMaterialisedGradientEmbedding() {
        int[] labelled = {0, 1, 2, 3};
        QueryContext context = context(trial(new ScalarKernels(), null, null), labelled, 11);
        int[] unlabelled = context.unlabelled();
        int n = unlabelled.length;
        // g_i = (p_i - onehot(argmax p_i)) ⊗ x_i, built explicitly: n x (K·D).
        double[][] g = new double[n][K * D];
        for (int i = 0; i < n; i++) {
            int row = unlabelled[i];
            int top = 0;
            for (int c = 1; c < K; c++) {
                top = P[row * K + c] > P[row * K + top] ? c : top;
            }
            for (int c = 0; c < K; c++) {
                double a = P[row * K + c] - (c == top ? 1 : 0);
                for (int j = 0; j < D; j++) {
                    g[i][c * D + j] = a * X[row * D + j];
                }
            }
        }
        int batch = 8;
        int[] expected = new int[batch];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] chosen = new boolean[n];
        SplittableRandom random = new SplittableRandom(11);
        int pick = 0;
        for (int i = 1; i < n; i++) {
            pick = dot(g[i], g[i]) > dot(g[pick], g[pick]) ? i : pick;
        }
        for (int j = 0; j < batch; j++) {
            expected[j] = unlabelled[pick];
            chosen[pick] = true;
            for (int i = 0; i < n; i++) {
                double distance = 0;
                for (int f = 0; f < K * D; f++) {
                    distance += (g[i][f] - g[pick][f]) * (g[i][f] - g[pick][f]);
                }
                nearest[i] = chosen[i] ? 0 : Math.min(nearest[i], distance);
            }
            double total = Arrays.stream(nearest).sum();
            double target = random.nextDouble() * total;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += nearest[i];
                if (nearest[i] > 0 && sum > target) {
                    pick = i;
                    break;
                }
            }
        }
        assertArrayEquals(expected, Strategies.create("badge", null, "s").select(context, batch));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void densityEqualsTheMeanPairwiseSimilarityAndWeighsEntropy() {
        float[] x = Arrays.copyOf(X, 20 * D);
        Arrays.fill(x, 4 * D, 5 * D, 0f); // a zero row: similarity 1/2 to everything
        float[] density = DensityWeighted.density(x, 20, D, 1);
        for (int i = 0; i < 20; i++) {
            double mean = 0;
            for (int j = 0; j < 20; j++) {
                double dot = 0;
                double ni = 0;
                double nj = 0;
                for (int f = 0; f < D; f++) {
                    dot += (double) x[i * D + f] * x[j * D + f];
                    ni += (double) x[i * D + f] * x[i * D + f];
                    nj += (double) x[j * D + f] * x[j * D + f];
                }
                double cosine = ni == 0 || nj == 0 ? 0 : dot / Math.sqrt(ni * nj);
                mean += (1 + cosine) / 2 / 20;
            }
            assertEquals(mean, density[i], 1e-6, "row " + i);
        }
        // The strategy's first pick maximises entropy x density over the pool.
        QueryContext context = context(trial(new ScalarKernels(), null, null), new int[] {0}, 1);
        int[] unlabelled = context.unlabelled();
        float[] weights = DensityWeighted.density(context.trial().featuresOf(unlabelled), unlabelled.length, D, 1);
        float[] entropy = new float[unlabelled.length];
        new ScalarKernels().entropy(context.probabilities(), unlabelled.length, K, entropy);
        int best = 0;
        for (int i = 1; i < unlabelled.length; i++) {
            best = entropy[i] * weights[i] > entropy[best] * weights[best] ? i : best;
        }
        assertEquals(unlabelled[best], Strategies.create("density_entropy", null, "s").select(context, 1)[0]);
    }

    @Test
    void classBalanceFillsTheRarestClassesFirstWithinWhatIsAvailable() {
        assertArrayEquals(new int[] {0, 4, 2}, ClassBalanced.quotas(new int[] {10, 0, 2}, new int[] {5, 5, 5}, 6));
        assertArrayEquals(new int[] {0, 1, 5}, ClassBalanced.quotas(new int[] {10, 0, 2}, new int[] {5, 1, 5}, 6));
        QueryContext context = context(trial(new ScalarKernels(), null, null), new int[] {0, 1, 2}, 1);
        int[] picks = Strategies.create("class_balanced_entropy", null, "s").select(context, 9);
        assertEquals(9, Arrays.stream(picks).distinct().count());
    }

    @Test
    void theSkylinePicksTheModelsWorstMistakes() {
        var skyline = Strategies.registry(getClass().getClassLoader()).create("oracle_skyline", null, "s");
        assertEquals(Set.of(Capability.READS_TRUE_LABELS), skyline.capabilities());
        QueryContext context = context(trial(new ScalarKernels(), null, Y), new int[] {0}, 1);
        int[] unlabelled = context.unlabelled();
        Integer[] order = Arrays.stream(unlabelled).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Float.compare(P[a * K + Y[a]], P[b * K + Y[b]]));
        assertArrayEquals(new int[] {order[0], order[1], order[2]}, skyline.instance().select(context, 3));
        // A real strategy's trial carries no labels: a skyline there fails instead of cheating silently.
        assertThrows(IllegalStateException.class,
                () -> skyline.instance().select(context(trial(new ScalarKernels(), null, null), new int[] {0}, 1), 3));
    }

    @Test
    void teacherStrategiesReadTheTeachersPredictions() {
        float[] teacher = new float[N * K];
        for (int i = 0; i < N; i++) {
            teacher[i * K + Y[i]] = 1f; // a confident teacher...
        }
        teacher[7 * K] = teacher[7 * K + 1] = teacher[7 * K + 2] = 1f / 3; // ...except on rows 7 and 12
        teacher[12 * K] = 0.5f;
        teacher[12 * K + 1] = 0.5f;
        teacher[12 * K + 2] = 0f;
        QueryContext context = context(trial(new ScalarKernels(), teacher, null), new int[] {0}, 1);
        assertArrayEquals(new int[] {7, 12}, Strategies.create("teacher_entropy", null, "s").select(context, 2));

        int[] unlabelled = context.unlabelled();
        int best = 0;
        for (int i = 1; i < unlabelled.length; i++) {
            if (StudentTeacherDisagreement.divergence(context.teacherProbabilities(), context.probabilities(), i * K, K)
                    > StudentTeacherDisagreement.divergence(context.teacherProbabilities(), context.probabilities(), best * K, K)) {
                best = i;
            }
        }
        assertEquals(unlabelled[best], Strategies.create("student_teacher_kl", null, "s").select(context, 1)[0]);
        assertEquals(0, StudentTeacherDisagreement.divergence(new float[] {0.2f, 0.8f}, new float[] {0.2f, 0.8f}, 0, 2), 1e-7);
        assertEquals(Math.log(1 / 1e-6), StudentTeacherDisagreement.divergence(new float[] {1, 0}, new float[] {0, 1}, 0, 2), 1e-3);

        ActiveBenchException e = assertThrows(ActiveBenchException.class, () -> Strategies.create(
                "teacher_entropy", null, "s").select(context(trial(new ScalarKernels(), null, null), new int[] {0}, 1), 1));
        assertTrue(e.getMessage().contains("give the data set a \"teacher\""), e.getMessage());
        var withTeacher = Strategies.registry(getClass().getClassLoader()).create("qbc", Map.of("committee", 3, "teacher", true), "s");
        assertEquals("qbc[committee=3,teacher=true]", withTeacher.label());
        assertEquals(Set.of(Capability.NEEDS_TEACHER), withTeacher.capabilities());
    }
}
