package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.data.MissingValues;
import org.activebench.core.split.Standardizer;
import org.junit.jupiter.api.Test;

/**
 * Active learning starts from a handful of labels: every learner fits from one labelled row per class, and from a
 * labelled set that misses classes, for k = 2..26, and its probabilities are then a distribution over all k
 * classes with 0 for every class it never saw.
 */
class ColdStartSweepTest {
    private static final Path SHARED = Path.of("..", "..", "shared", "data", "tabular");

    private static List<Dataset> datasets() {
        List<Dataset> sets = new ArrayList<>(List.of(DatasetLoader.bundled("iris"), DatasetLoader.bundled("wine"),
                DatasetLoader.bundled("breast_cancer"), DatasetLoader.bundled("digits")));
        for (String name : new String[] {"glass", "satellite", "letter"}) { // 6 and 26 classes; skipped without shared/
            Path file = SHARED.resolve(name + ".csv");
            if (Files.exists(file)) {
                sets.add(DatasetLoader.load(name, file, null, null, MissingValues.ERROR));
            }
        }
        return sets;
    }

    /** The first row of each of the first {@code classes} classes (every class: k; fewer: a set missing classes). */
    private static int[] onePerClass(Dataset data, int classes) {
        int[] rows = new int[classes];
        for (int c = 0; c < classes; c++) {
            int label = c;
            rows[c] = IntStream.range(0, data.size()).filter(i -> data.y()[i] == label).findFirst().orElseThrow();
        }
        return rows;
    }

    @Test
    void everyLearnerFitsFromOneRowPerClassAndFromSetsMissingClasses() {
        List<Dataset> sets = datasets();
        assertTrue(sets.stream().anyMatch(d -> d.classCount() == 2) && sets.stream().anyMatch(d -> d.classCount() == 10));
        for (Dataset data : sets) {
            int k = data.classCount();
            int d = data.dimension();
            float[] x = Standardizer.standardize(data.x(), d, IntStream.range(0, data.size()).toArray());
            int[] probe = IntStream.range(0, Math.min(50, data.size())).toArray();
            for (var entry : Learners.registry(Learners.class.getClassLoader()).entries()) {
                String name = entry.provider().name();
                Learner learner = Learners.create(name, null, "learner");
                for (int classes : new int[] {k, Math.max(1, k - 1), Math.min(2, k), 1}) {
                    for (int copies : new int[] {1, 3}) { // one row per class, and three (a committee's bootstrap repeats)
                        int[] base = onePerClass(data, classes);
                        int[] rows = IntStream.range(0, base.length * copies).map(i -> base[i % base.length]).toArray();
                        int[] labels = Arrays.stream(rows).map(r -> data.y()[r]).toArray();
                        String what = name + " on " + data.name() + " (k = " + k + ") with " + classes + " classes x " + copies;
                        Model model = learner.fit(x, d, rows, labels, k, 7);
                        float[] p = new float[probe.length * k];
                        model.predictProba(x, d, probe, p);
                        for (int i = 0; i < probe.length; i++) {
                            double sum = 0;
                            for (int c = 0; c < k; c++) {
                                float v = p[i * k + c];
                                assertTrue(v >= 0 && v <= 1, what + ": p = " + v);
                                if (c >= classes) {
                                    assertEquals(0f, v, 0f, what + ": unseen class " + c + " has p = " + v);
                                }
                                sum += v;
                            }
                            assertEquals(1, sum, 1e-4, what + ": row " + i);
                        }
                    }
                }
            }
        }
    }
}
