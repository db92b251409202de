package org.activebench.strategies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.split.Seeds;
import org.junit.jupiter.api.Test;

/** Each strategy on fixtures whose right pick is known. */
class StrategiesTest {
    private static final int K = 3;

    /** A model that reports a fixed probability row per data-set row. */
    private record TableModel(float[][] table) implements Model {
        @Override
        public void predictProba(float[] x, int d, int[] rows, float[] out) {
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(table[rows[i]], 0, out, i * K, K);
            }
        }
    }

    private static QueryContext context(float[][] table, int[] unlabelled, Learner learner, long seed) {
        int[] pool = java.util.stream.IntStream.range(0, table.length).toArray();
        TrialState trial = new TrialState(new float[table.length], 1, K, pool, learner, new ScalarKernels(), null, null, Ties.RANDOM);
        return new QueryContext(trial, new int[] {0}, new int[] {0}, unlabelled, new TableModel(table), seed);
    }

    private static int[] pick(String name, float[][] table, int[] unlabelled, int batch) {
        return Strategies.create(name, null, "s").select(context(table, unlabelled, null, 1), batch);
    }

    // Rows 1..5 are unlabelled. Row 2 and row 4 are identical (a tie), row 5 is certain.
    private static final float[][] POOL = {
        {1f, 0f, 0f},
        {0.5f, 0.49f, 0.01f},   // smallest margin
        {0.4f, 0.3f, 0.3f},     // least confident, highest entropy (tied with row 4)
        {0.9f, 0.05f, 0.05f},
        {0.4f, 0.3f, 0.3f},
        {1f, 0f, 0f}};
    private static final int[] UNLABELLED = {1, 2, 3, 4, 5};

    @Test
    void uncertaintyMeasuresPickWhatTheirDefinitionSays() {
        assertArrayEquals(new int[] {2, 4, 1}, pick("least_confidence", POOL, UNLABELLED, 3));
        assertArrayEquals(new int[] {2, 4, 1}, pick("entropy", POOL, UNLABELLED, 3));
        assertArrayEquals(new int[] {1, 2, 4}, pick("margin", POOL, UNLABELLED, 3));
        assertArrayEquals(new int[] {1, 2, 4, 3, 5}, pick("margin", POOL, UNLABELLED, 5));
    }

    @Test
    void randomIsSeededDistinctAndFromThePool() {
        int[] pool = java.util.stream.IntStream.range(0, 200).map(i -> 2 * i).toArray();
        float[][] table = new float[400][];
        RandomSampling random = new RandomSampling();
        int[] a = random.select(context(table, pool, null, 9), 50);
        int[] b = random.select(context(table, pool, null, 9), 50);
        int[] c = random.select(context(table, pool, null, 10), 50);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertEquals(50, Arrays.stream(a).distinct().count());
        assertEquals(true, Arrays.stream(a).allMatch(r -> r % 2 == 0 && r < 400));
    }

    /** Member m (recognised by its seed, since members are fitted in parallel) holds opinion m mod 2. */
    private record AlternatingLearner(long querySeed, float[][]... opinions) implements Learner {
        @Override
        public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed) {
            for (int m = 0; m < 100; m++) {
                if (Seeds.derive(querySeed, "member", m) == seed) {
                    return new TableModel(opinions[m % opinions.length]);
                }
            }
            throw new IllegalStateException("not a member's seed");
        }
    }

    @Test
    void committeeQueriesTheMostDisputedRows() {
        float[][] first = {{1, 0, 0}, {0.9f, 0.1f, 0}, {0.6f, 0.4f, 0}, {0.2f, 0.2f, 0.6f}, {0, 1, 0}};
        float[][] second = {{1, 0, 0}, {0.1f, 0.9f, 0}, {0.4f, 0.6f, 0}, {0.2f, 0.2f, 0.6f}, {0, 0, 1}};
        int[] unlabelled = {1, 2, 3, 4};
        // Vote entropy: rows 1, 2 and 4 split 1:1 (tie -> lower rows first); row 3 unanimous.
        assertArrayEquals(new int[] {1, 2, 4, 3}, qbc("vote_entropy", first, second, unlabelled));
        // KL: rows 4 (total disagreement) > 1 (0.9 vs 0.1) > 2 (0.6 vs 0.4) > 3 (identical).
        assertArrayEquals(new int[] {4, 1, 2, 3}, qbc("kl_mean", first, second, unlabelled));
        assertArrayEquals(new int[] {4, 1, 2, 3}, qbc("kl_max", first, second, unlabelled));
    }

    private static int[] qbc(String disagreement, float[][] first, float[][] second, int[] unlabelled) {
        QueryStrategy s = Strategies.create("qbc", Map.of("committee", 2, "disagreement", disagreement), "s");
        return s.select(context(first, unlabelled, new AlternatingLearner(3, first, second), 3), unlabelled.length);
    }

    @Test
    void badSpecsAreNamed() {
        assertEquals("strategies[2].name: unknown strategy 'coreset' (valid: badge, class_balanced_entropy, consistency, density_entropy, entropy,"
                + " k_center, least_confidence, margin, oracle_skyline, qbc, random, student_teacher_kl, teacher_entropy; a plugin"
                + " jar may be missing)",
                assertThrows(ActiveBenchException.class,
                        () -> Strategies.create("coreset", null, "strategies[2]")).getMessage());
        assertEquals("s.params.disagreement: unknown value \"sum\" (valid: vote_entropy, kl_mean, kl_max)",
                assertThrows(ActiveBenchException.class,
                        () -> Strategies.create("qbc", Map.of("disagreement", "sum"), "s")).getMessage());
        assertEquals("s.params.committee: 1 outside [2, 1000]", assertThrows(ActiveBenchException.class,
                () -> Strategies.create("qbc", Map.of("committee", 1), "s")).getMessage());
        assertEquals("s.params.comittee: unknown parameter (did you mean \"committee\"?) (valid: committee, disagreement,"
                + " teacher)", assertThrows(ActiveBenchException.class,
                () -> Strategies.create("qbc", Map.of("comittee", 3), "s")).getMessage());
        assertEquals("s.params.committee: unknown parameter (this component takes none)", assertThrows(ActiveBenchException.class,
                () -> Strategies.create("margin", Map.of("committee", 3), "s")).getMessage());
    }

    /** A binary model with fixed logits per row, whose double probabilities keep what float rounds away. */
    private record LogitModel(double[] logits) implements Model {
        @Override
        public void predictProba(float[] x, int d, int[] rows, float[] out) {
            double[] exact = new double[rows.length * 2];
            predictProba(x, d, rows, exact);
            for (int i = 0; i < exact.length; i++) {
                out[i] = (float) exact[i];
            }
        }

        @Override
        public void predictProba(float[] x, int d, int[] rows, double[] out) {
            for (int i = 0; i < rows.length; i++) {
                double z = logits[rows[i]];
                out[i * 2] = 1 / (1 + Math.exp(z));
                out[i * 2 + 1] = 1 / (1 + Math.exp(-z));
            }
        }
    }

    @Test
    void saturatedFloatMarginsAreRankedByTheModelsDoublePrecision() {
        // |logit| 18..25: every float margin is exactly 1, the double margins (1 - 2σ(-|z|)) still differ
        double[] logits = {0, 21, -19, 25, 18.5, -23, 20};
        int[] pool = java.util.stream.IntStream.range(0, logits.length).toArray();
        int[] unlabelled = {1, 2, 3, 4, 5, 6};
        for (String name : new String[] {"margin", "least_confidence", "entropy"}) {
            for (long seed = 1; seed <= 4; seed++) {
                TrialState trial = new TrialState(new float[logits.length], 1, 2, pool, null, new ScalarKernels(), null, null,
                        Ties.RANDOM);
                QueryContext context = new QueryContext(trial, new int[] {0}, new int[] {0}, unlabelled, new LogitModel(logits), seed);
                assertArrayEquals(new int[] {4, 2, 6}, Strategies.create(name, null, "s").select(context, 3),
                        name + ", seed " + seed + ": smallest |logit| first, not a draw among float ties");
            }
        }
    }
}
