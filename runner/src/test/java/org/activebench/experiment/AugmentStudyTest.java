package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** An augmenter in a study: the extra rows every strategy's learner gets, the results, and what is refused. */
class AugmentStudyTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            {"name": "a", "datasets": [{"name": "iris"}], "learner": "%s", "strategies": ["random", "margin"],
             "seeds": [1], "initial": {"size": 6}, "batch": 5, "budget": {"rounds": 2}, "reference": false%s}
            """;

    private List<TrialResult> run(String learner, String extra, Catalog catalog, String out) {
        return new Experiment(ConfigReader.parse(CONFIG.formatted(learner, extra), "c.json"), "c.json", dir,
                new ScalarKernels(), catalog, Map.of()).run(dir.resolve(out), 1, Progress.NONE).results();
    }

    @Test
    void everyStrategyIncludingRandomGetsTheSameAugmentationOfTheSameRows() {
        List<TrainingSet> seen = new ArrayList<>();
        Learner recording = new RecordingLearner(seen, java.util.EnumSet.allOf(TrainingSet.Feature.class));
        run("recording", ", \"augment\": {\"name\": \"noise\", \"params\": {\"copies\": 3}}",
                Catalog.builtIn().withLearner("recording", recording), "noise");
        assertEquals(6, seen.size(), "2 strategies x 3 fits");
        for (TrainingSet set : seen) {
            assertEquals(3 * set.rows().length, set.extraLabels().length);
            for (int e = 0; e < set.extraLabels().length; e++) {
                assertEquals(set.labels()[e / 3], set.extraLabels()[e], "a copy keeps its row's label");
            }
        }
        TrainingSet randomInitial = seen.get(0);
        TrainingSet marginInitial = seen.get(3);
        assertArrayEquals(randomInitial.rows(), marginInitial.rows());
        assertArrayEquals(randomInitial.extraX(), marginInitial.extraX(), "the control gets the same copies");
    }

    @Test
    void augmentationChangesTheCurveAndTheFingerprintAndIsRefusedForALearnerWithoutExtraRows() {
        Catalog catalog = Catalog.builtIn();
        TrialResult plain = run("logistic", "", catalog, "plain").getFirst();
        TrialResult mixed = run("logistic", ", \"augment\": \"mixup\"", catalog, "mixup").getFirst();
        assertNotEquals(plain.fingerprint(), mixed.fingerprint());
        assertNotEquals(plain.rounds().getFirst().metrics(), mixed.rounds().getFirst().metrics());
        Learner plainOnly = (x, d, rows, labels, k, seed) -> Catalog.builtIn().learner(ComponentSpec.of("logistic"),
                "learner").instance().fit(x, d, rows, labels, k, seed);
        assertEquals("augment: learner 'old' (learner) cannot honour extra rows in its training set; use one that does"
                + " (README, Training levers)", assertThrows(ActiveBenchException.class, () -> run("old",
                ", \"augment\": \"noise\"", Catalog.builtIn().withLearner("old", plainOnly), "out")).getMessage());
        assertEquals("augment: paraphrase reads a paraphrase of every text, but datasets[0] ('iris') has no \"features\":"
                + " {\"paraphrase\": COLUMN}", assertThrows(ActiveBenchException.class, () -> run("logistic",
                ", \"augment\": \"paraphrase\"", catalog, "out")).getMessage());
        assertEquals(false, java.nio.file.Files.exists(dir.resolve("out")));
    }
}
