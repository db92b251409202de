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
            assertEquals("label: row " + next[0] + " is not in the unlabelled pool",
                    assertThrows(ActiveBenchException.class, () -> loop.reveal(next[0])).getMessage());
        }
    }
}
