package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weighting in a study: what reaches the learner, what changes in the results, and what is refused. */
class WeightingStudyTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            {"name": "w", "datasets": [{"name": "iris"}], "learner": "%s", "strategies": ["margin"], "seeds": [1],
             "initial": {"size": 6}, "batch": 5, "budget": {"rounds": 3}, "reference": false%s}
            """;

    private TrialResult run(String learner, String extra, Catalog catalog, String out) {
        return new Experiment(ConfigReader.parse(CONFIG.formatted(learner, extra), "c.json"), "c.json", dir,
                new ScalarKernels(), catalog, Map.of()).run(dir.resolve(out), 1, Progress.NONE).results().getFirst();
    }

    @Test
    void theLearnerGetsTheSchemesWeightsScaledToMeanOne() {
        List<TrainingSet> seen = new ArrayList<>();
        Learner recording = new RecordingLearner(seen, java.util.EnumSet.of(TrainingSet.Feature.WEIGHTS));
        Catalog catalog = Catalog.builtIn().withLearner("recording", recording);
        run("recording", ", \"weighting\": \"class_balanced\"", catalog, "balanced");
        assertEquals(4, seen.size());
        for (TrainingSet set : seen) {
            int[] count = new int[3];
            for (int label : set.labels()) {
                count[label]++;
            }
            long present = java.util.Arrays.stream(count).filter(c -> c > 0).count();
            double[] expected = new double[set.labels().length];
            for (int i = 0; i < expected.length; i++) { // n / (K n_y) has mean 1 already
                expected[i] = set.labels().length / (double) (present * count[set.labels()[i]]);
            }
            boolean balanced = java.util.Arrays.stream(count).filter(c -> c > 0).distinct().count() == 1;
            if (balanced) {
                assertNull(set.allWeights(), "equal classes: every weight 1, no weights at all");
            } else {
                assertArrayEquals(expected, set.weights(), 1e-12);
            }
        }
    }

    @Test
    void uniformWeightsChangeNoCurveButTheFingerprintAndOthersChangeTheCurve() {
        Catalog catalog = Catalog.builtIn();
        TrialResult plain = run("logistic", "", catalog, "plain");
        TrialResult uniform = run("logistic", ", \"weighting\": \"uniform\"", catalog, "uniform");
        TrialResult focal = run("logistic", ", \"weighting\": {\"name\": \"focal\", \"params\": {\"gamma\": 2}}", catalog, "focal");
        assertEquals(plain.rounds().stream().map(TrialResult.Round::metrics).toList(),
                uniform.rounds().stream().map(TrialResult.Round::metrics).toList());
        assertNotEquals(plain.fingerprint(), uniform.fingerprint());
        assertEquals(plain.rounds().getFirst().metrics(), focal.rounds().getFirst().metrics(), "no model to weigh by yet");
        assertNotEquals(plain.rounds().stream().map(TrialResult.Round::metrics).toList(),
                focal.rounds().stream().map(TrialResult.Round::metrics).toList());
    }

    @Test
    void aLearnerThatCannotTakeWeightsOrASchemeWithoutItsTeacherIsRefusedBeforeAnythingRuns() {
        Catalog catalog = Catalog.builtIn();
        assertEquals("weighting: learner 'svm' (learner) cannot honour weights in its training set; use one that does"
                        + " (README, Training levers)",
                assertThrows(ActiveBenchException.class, () -> run("svm", ", \"weighting\": \"focal\"", catalog, "out"))
                        .getMessage());
        assertEquals("weighting: difficulty[source=teacher] reads a teacher's predictions, but datasets[0] ('iris') has"
                + " no \"teacher\"", assertThrows(ActiveBenchException.class, () -> run("logistic", ", \"weighting\":"
                + " {\"name\": \"difficulty\", \"params\": {\"source\": \"teacher\"}}", catalog, "out")).getMessage());
        assertEquals(false, java.nio.file.Files.exists(dir.resolve("out")));
    }
}
