package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;

class TrainingSetTest {
    private final float[] x = {0, 1, 2, 3, 4, 5};
    private final Model constant = new ConstantModel(1, 2);

    @Test
    void aLearnerOfTheOldSignatureFitsThePlainRowsOfASet() {
        int[][] seen = new int[2][];
        Learner old = (features, d, rows, labels, k, seed) -> {
            seen[0] = rows;
            seen[1] = labels;
            assertSame(x, features);
            assertEquals(2, d);
            assertEquals(2, k);
            assertEquals(7, seed);
            return constant;
        };
        assertSame(constant, old.fit(TrainingSet.of(x, 2, new int[] {2, 0}, new int[] {1, 0}, 2), 7, null));
        assertArrayEquals(new int[] {2, 0}, seen[0]);
        assertArrayEquals(new int[] {1, 0}, seen[1]);
        assertSame(constant, old.fit(TrainingSet.of(x, 2, new int[] {1}, new int[] {1}, 2).withWeights(new double[] {1}), 7, null),
                "unit weights are plain rows");
    }

    @Test
    void weightsOrExtraRowsThatTheLearnerCannotHonourAreRefusedByName() {
        Learner old = (features, d, rows, labels, k, seed) -> constant;
        TrainingSet weighted = TrainingSet.of(x, 2, new int[] {0, 1}, new int[] {0, 1}, 2).withWeights(new double[] {1, 0.5});
        assertEquals(Set.of(TrainingSet.Feature.WEIGHTS), weighted.needs());
        String message = assertThrows(ActiveBenchException.class, () -> old.fit(weighted, 1, null)).getMessage();
        assertEquals("learner " + old.getClass().getSimpleName() + " cannot honour [weights] in its training set", message);
        TrainingSet augmented = TrainingSet.of(x, 2, new int[] {0}, new int[] {0}, 2)
                .withExtraRows(new float[] {9, 9}, new int[] {0}, null);
        assertEquals(Set.of(TrainingSet.Feature.EXTRA_ROWS), augmented.needs());
        assertThrows(ActiveBenchException.class, () -> old.fit(augmented, 1, null));
        Learner honouring = new Learner() {
            @Override
            public Model fit(float[] features, int d, int[] rows, int[] labels, int k, long seed) {
                return constant;
            }

            @Override
            public Set<TrainingSet.Feature> honours() {
                return Set.of(TrainingSet.Feature.EXTRA_ROWS);
            }
        };
        assertSame(constant, honouring.fit(augmented, 1, null));
        assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(x, 2, new int[] {0, 1}, new int[] {0}, 2));
    }
}
