package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.experiment.ActiveLoop;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.ResultsDirectory;
import org.activebench.experiment.Study;
import org.activebench.experiment.TrialResult;
import org.activebench.strategies.QueryStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API as a user outside ActiveBench's packages sees it: a study from objects, and the step-by-step loop. */
class JavaApiTest {
    @TempDir
    Path dir;

    /** The unlabelled rows of lowest index: picks a test can predict. */
    private static final QueryStrategy LOWEST = (context, batch) -> Arrays.copyOf(context.unlabelled(), batch);

    private Study study() {
        return Study.named("api").dataset(DatasetLoader.bundled("iris")).learner("logistic", Map.of("C", 2.0))
                .strategy("margin").strategy("lowest", LOWEST)
                .seeds(1, 2).initial(6).batch(5).rounds(3).metrics("macro_f1").threads(2).kernels(new ScalarKernels());
    }

    @Test
    void aStudyFromJavaObjectsReturnsWhatItWrites() throws IOException {
        Experiment.Result result = study().run(dir.resolve("out"));
        assertEquals(4, result.trials());
        List<TrialResult> files = ResultsDirectory.read(dir.resolve("out")).trials().stream()
                .map(ResultsDirectory.StoredTrial::result).toList();
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.valueToTree(files), json.valueToTree(result.results()), "in memory as on disk, in plan order");
        assertEquals(List.of("margin", "margin", "lowest", "lowest"), result.results().stream().map(TrialResult::strategy).toList());
        assertEquals("logistic[C=2]", result.results().getFirst().learner());
        TrialResult lowest = result.results().get(2);
        int[] first = lowest.rounds().get(1).picked();
        for (int i = 1; i < first.length; i++) {
            assertTrue(first[i - 1] < first[i], "the lambda's picks: lowest unlabelled rows, ascending");
        }

        JsonNode manifest = json.readTree(dir.resolve("out/manifest.json").toFile());
        assertEquals(JavaApiTest.class.getName(), manifest.get("strategies").get(1).get("source").asText(),
                "a lambda's origin is the class that wrote it");
        assertEquals(4, study().run(dir.resolve("out")).resumed(), "a rerun reuses every trial");
        assertThrows(ActiveBenchException.class, () -> study().strategy("margin").experiment(),
                "labels must be unique");
        assertEquals("strategies[0].params.comittee: unknown parameter (did you mean \"committee\"?) (valid: committee,"
                + " disagreement, teacher)", assertThrows(ActiveBenchException.class, () -> Study.named("bad").dataset("iris")
                .learner("logistic").strategy("qbc", Map.of("comittee", 3)).experiment()).getMessage());
    }

    @Test
    void theLoopReplaysAStudysTrialStepByStep() {
        TrialResult trial = Study.named("replay").dataset("iris").learner("logistic").strategies("margin").seeds(7)
                .initial(6).batch(5).rounds(3).kernels(new ScalarKernels()).threads(1).run(dir.resolve("replay"))
                .results().getFirst();
        try (ActiveLoop loop = ActiveLoop.on(DatasetLoader.bundled("iris")).learner("logistic").strategy("margin")
                .seed(7).initial(6).kernels(new ScalarKernels()).start()) {
            assertEquals(trial.rounds().getFirst().metrics().get("accuracy"), loop.metrics().get("accuracy"));
            for (int r = 1; r <= 3; r++) {
                int[] rows = loop.query(5);
                assertArrayEquals(trial.rounds().get(r).picked(), rows, "round " + r);
                Map<String, Double> metrics = loop.reveal(rows);
                assertEquals(trial.rounds().get(r).metrics().get("accuracy"), metrics.get("accuracy"), "round " + r);
            }
            assertEquals(6 + 15, loop.labelledRows().length);
            assertEquals(4, loop.history().size());
            int[] next = loop.query(2);
            loop.label(next, new int[] {0, 0}); // an annotator's answer, right or wrong
            assertEquals(6 + 17, loop.labelledRows().length);
            assertEquals("reveal: row " + next[0] + " is not in the unlabelled pool (labelled already)",
                    assertThrows(ActiveBenchException.class, () -> loop.reveal(next[0])).getMessage());
        }
    }

    @Test
    void theLoopReplaysAnAnnotatedTrialItsLabelsAndItsLedger() {
        Map<String, Object> noisy = Map.of("rate", 0.3);
        Map<String, Object> share = Map.of("share", 0.4);
        TrialResult trial = Study.named("who").dataset("wine").learner("logistic").strategies("margin").seeds(5)
                .annotator("noisy", noisy).annotator("truth", Map.of("cost", 5.0)).routing("recheck", share)
                .initial(6).batch(4).rounds(4).reference(false).kernels(new ScalarKernels()).threads(1)
                .run(dir.resolve("who")).results().getFirst();
        try (ActiveLoop loop = ActiveLoop.on(DatasetLoader.bundled("wine")).learner("logistic").strategy("margin")
                .annotator("noisy", noisy).annotator("truth", Map.of("cost", 5.0)).routing("recheck", share)
                .seed(5).initial(6).kernels(new ScalarKernels()).start()) {
            assertEquals(trial.rounds().getFirst().metrics().get("accuracy"), loop.metrics().get("accuracy"));
            assertEquals(trial.rounds().getFirst().ledger(), loop.ledger());
            for (int r = 1; r <= 4; r++) {
                int[] rows = loop.query(4);
                assertArrayEquals(trial.rounds().get(r).picked(), rows, "round " + r);
                assertEquals(trial.rounds().get(r).metrics().get("accuracy"), loop.ask(rows).get("accuracy"), "round " + r);
                assertEquals(trial.rounds().get(r).ledger(), loop.ledger(), "round " + r);
            }
            TrialResult.Ledger last = loop.ledger();
            assertTrue(last.wrong() > 0 && last.labelsBy().get("truth[cost=5]") > 0, last.toString());
        }
        try (ActiveLoop plain = ActiveLoop.on(DatasetLoader.bundled("wine")).learner("logistic").strategy("margin").start()) {
            assertEquals(null, plain.ledger());
            assertTrue(assertThrows(ActiveBenchException.class, () -> plain.ask(plain.query(1))).getMessage()
                    .startsWith("ask: this loop has no annotators"));
        }
    }

    @Test
    void aRefusedLabelChangesNothing() {
        try (ActiveLoop loop = ActiveLoop.on(DatasetLoader.bundled("iris")).learner("logistic").strategy("margin")
                .seed(3).initial(6).start()) {
            int[] rows = loop.query(3);
            loop.reveal(rows);
            int[] labelled = loop.labelledRows();
            var model = loop.model();
            var history = loop.history();
            int[] free = loop.query(2);
            int test = loop.split().test()[0];
            Map<String, Runnable> refused = new java.util.LinkedHashMap<>();
            refused.put("reveal: row -1 is not a row of the data set (150 rows)", () -> loop.reveal(-1));
            refused.put("reveal: row 999999 is not a row of the data set (150 rows)", () -> loop.reveal(free[0], 999999));
            refused.put("reveal: row " + free[0] + " is given twice", () -> loop.reveal(free[0], free[1], free[0]));
            refused.put("label: row " + free[1] + " is given twice", () -> loop.label(new int[] {free[1], free[1]}, new int[] {0, 1}));
            refused.put("label: class 3 of row " + free[1] + " is not in [0, 3)", () -> loop.label(new int[] {free[0], free[1]},
                    new int[] {0, 3}));
            refused.put("label: class -1 of row " + free[0] + " is not in [0, 3)", () -> loop.label(new int[] {free[0]}, new int[] {-1}));
            refused.put("reveal: row " + test + " is not in the unlabelled pool (a test row)", () -> loop.reveal(free[0], test));
            refused.put("reveal: row " + rows[0] + " is not in the unlabelled pool (labelled already)", () -> loop.reveal(free[1], rows[0]));
            refused.put("label: 2 rows but 1 classes", () -> loop.label(free, new int[] {0}));
            refused.put("reveal: rows is null", () -> loop.reveal((int[]) null));
            refused.forEach((message, call) -> {
                assertEquals(message, assertThrows(ActiveBenchException.class, call::run).getMessage());
                assertArrayEquals(labelled, loop.labelledRows(), message);
                assertEquals(model, loop.model(), message);
                assertEquals(history, loop.history(), message);
                assertEquals(1, loop.round(), message);
                assertArrayEquals(free, loop.query(2), message);
            });
        }
    }

    @Test
    void aNullNameIsNamed() {
        assertEquals("strategy: the name is null", assertThrows(ActiveBenchException.class,
                () -> Study.named("n").strategy((String) null)).getMessage());
        assertEquals("learner: the name is null", assertThrows(ActiveBenchException.class,
                () -> Study.named("n").learner((String) null)).getMessage());
        assertEquals("Study.named: the name is null", assertThrows(ActiveBenchException.class,
                () -> Study.named(null)).getMessage());
        assertEquals("strategy: the name is null", assertThrows(ActiveBenchException.class,
                () -> ActiveLoop.on(DatasetLoader.bundled("iris")).strategy((String) null)).getMessage());
        assertEquals("learner: the name is null", assertThrows(ActiveBenchException.class,
                () -> ActiveLoop.on(DatasetLoader.bundled("iris")).learner((String) null)).getMessage());
        assertEquals("dataset: the name is null", assertThrows(ActiveBenchException.class,
                () -> Study.named("n").dataset((String) null)).getMessage());
        assertEquals("strategy: the strategy object is null", assertThrows(ActiveBenchException.class,
                () -> Study.named("n").strategy("mine", (org.activebench.strategies.QueryStrategy) null)).getMessage());
    }
}
