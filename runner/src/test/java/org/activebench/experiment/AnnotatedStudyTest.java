package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.kernels.ScalarKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies that say who labels: the ledger, replayed labels, routing, a cost budget, and their bad input. */
class AnnotatedStudyTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            {"name": "who", "datasets": [{"name": "iris", "path": "iris.csv"%s}], "learner": "logistic",
             "strategies": ["margin"], "seeds": [1], "initial": {"size": 6}, "batch": 5, %s, "reference": false%s}
            """;

    private List<TrialResult> run(String datasetExtra, String budget, String extra) {
        String json = BASE.formatted(datasetExtra, budget, extra);
        return new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("out-" + Integer.toHexString(json.hashCode())), 1, Progress.NONE).results();
    }

    private String refused(String datasetExtra, String budget, String extra) {
        return assertThrows(ActiveBenchException.class, () -> run(datasetExtra, budget, extra)).getMessage();
    }

    /** iris, and a replayed label per row in llm.csv: row r's is wrong when r % 10 == 3, empty when r % 10 == 7. */
    private void files() throws IOException {
        var iris = DatasetLoader.bundled("iris");
        StringBuilder data = new StringBuilder("a,b,c,d,label\n");
        StringBuilder llm = new StringBuilder("id,llm\n");
        for (int r = 0; r < iris.size(); r++) {
            for (int j = 0; j < 4; j++) {
                data.append(iris.x()[r * 4 + j]).append(',');
            }
            String truth = iris.classNames().get(iris.y()[r]);
            data.append(truth).append('\n');
            llm.append(r).append(',').append(r % 10 == 3 ? iris.classNames().get((iris.y()[r] + 1) % 3) : r % 10 == 7 ? "" : truth).append('\n');
        }
        Files.writeString(dir.resolve("iris.csv"), data);
        Files.writeString(dir.resolve("llm.csv"), llm);
    }

    @Test
    void theTruthNamedAsAnnotatorGivesTheSameCurvesWithALedger() throws IOException {
        files();
        String plain = BASE.formatted("", "\"budget\": {\"rounds\": 3}", "");
        TrialResult oracle = new Experiment(ConfigReader.parse(plain, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("plain"), 1, Progress.NONE).results().getFirst();
        TrialResult named = new Experiment(ConfigReader.parse(plain.replace("\"reference\": false", "\"reference\": false,"
                + " \"annotators\": [{\"name\": \"truth\", \"params\": {\"cost\": 2}}]"), "c.json"), "c.json", dir,
                new ScalarKernels()).run(dir.resolve("named"), 1, Progress.NONE).results().getFirst();
        assertEquals(oracle.rounds().stream().map(TrialResult.Round::metrics).toList(),
                named.rounds().stream().map(TrialResult.Round::metrics).toList());
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(oracle.rounds().get(r).picked(), named.rounds().get(r).picked());
            assertNull(oracle.rounds().get(r).ledger(), "no ledger where the study names no annotator");
            TrialResult.Ledger ledger = named.rounds().get(r).ledger();
            assertEquals(2.0 * (6 + 5 * r), ledger.cost());
            assertEquals(Map.of("truth[cost=2]", 6 + 5 * r), ledger.labelsBy());
            assertEquals(0, ledger.wrong());
        }
        assertTrue(Files.readString(dir.resolve("named/trials/iris/logistic/margin/seed-1.json")).contains("\"ledger\""));
        assertTrue(!Files.readString(dir.resolve("plain/trials/iris/logistic/margin/seed-1.json")).contains("ledger"));
        assertTrue(!oracle.fingerprint().equals(named.fingerprint()));
        List<String> csv = Files.readAllLines(dir.resolve("named/results.csv"));
        assertTrue(csv.contains("iris,logistic,margin,1,2,16,cost,32.0"), csv.toString());
        assertTrue(csv.contains("iris,logistic,margin,1,2,16,label_error_rate,0.0"), csv.toString());
        assertTrue(csv.contains("iris,logistic,margin,1,2,16,labels_by[truth[cost=2]],16.0"), csv.toString());
        assertTrue(Files.readAllLines(dir.resolve("plain/results.csv")).stream().noneMatch(l -> l.contains(",cost,")));
    }

    @Test
    void replayedLabelsWithFallbackToTheExpertCountWhoLabelledAndWhatIsWrong() throws IOException {
        files();
        List<TrialResult> results = run(", \"labels\": {\"gpt\": {\"path\": \"llm.csv\", \"column\": \"llm\"}}",
                "\"budget\": {\"rounds\": 4}",
                ", \"annotators\": [{\"name\": \"replay\", \"params\": {\"labels\": \"gpt\", \"cost\": 0.01}}, \"truth\"],"
                        + " \"routing\": \"fallback\"");
        TrialResult trial = results.getFirst();
        for (TrialResult.Round round : trial.rounds()) {
            TrialResult.Ledger ledger = round.ledger();
            List<Integer> asked = new java.util.ArrayList<>();
            // every row asked so far: the initial set (round 0's labelled rows) and every pick
            int expertRows = 0;
            int wrongRows = 0;
            int total = 0;
            for (TrialResult.Round earlier : trial.rounds().subList(1, round.round() + 1)) {
                for (int row : earlier.picked()) {
                    asked.add(row);
                }
            }
            for (int row : asked) {
                expertRows += row % 10 == 7 ? 1 : 0;
                wrongRows += row % 10 == 3 ? 1 : 0;
                total++;
            }
            int initialExpert = ledger.labelsBy().get("truth") - expertRows;
            int initialWrong = ledger.wrong() - wrongRows;
            assertTrue(initialExpert >= 0 && initialWrong >= 0, ledger.toString());
            assertEquals(6 + total, ledger.labelsBy().values().stream().mapToInt(Integer::intValue).sum(), "fallback: nobody abstains");
            assertEquals(0, ledger.abstained());
            assertEquals(0.01 * (6 + total) + initialExpert + expertRows, ledger.cost(), 1e-9);
        }
    }

    @Test
    void aCostBudgetStopsOnceSpent() throws IOException {
        files();
        TrialResult trial = run("", "\"budget\": {\"cost\": 20}", "").getFirst();
        assertEquals(List.of(6, 11, 16, 21), trial.rounds().stream().map(TrialResult.Round::labelled).toList(),
                "a round is queried while less than the budget is spent; the last may overshoot by one batch");
        assertEquals("budget", trial.stopReason());
    }

    @Test
    void badAnnotationInputIsOneLineNamingTheKeyOrTheFileAndLine() throws IOException {
        files();
        String rounds = "\"budget\": {\"rounds\": 1}";
        assertTrue(refused("", rounds, ", \"annotators\": [\"oracle\"]").startsWith("annotators[0].name: unknown annotator 'oracle'"));
        assertEquals("routing: agreement routes between 3 annotators, but the study names 1 (\"annotators\")",
                refused("", rounds, ", \"routing\": \"agreement\""));
        assertTrue(refused("", rounds, ", \"annotators\": [{\"name\": \"truth\", \"params\": {\"cost\": -1}}]")
                .startsWith("annotators[0].params.cost: -1 outside [0, "));
        assertEquals("annotators[0]: model reads a teacher's predictions, but datasets[0] ('iris') has no \"teacher\"",
                refused("", rounds, ", \"annotators\": [\"model\"]"));
        assertEquals("c.json: budget.cost: must be a positive number, got -3.0", assertThrows(ActiveBenchException.class,
                () -> ConfigReader.parse(BASE.formatted("", "\"budget\": {\"cost\": -3}", ""), "c.json")).getMessage());
        assertEquals("c.json: budget: give exactly one of \"rounds\", \"labels\" or \"cost\"",
                assertThrows(ActiveBenchException.class, () -> ConfigReader.parse(BASE.formatted("",
                        "\"budget\": {\"rounds\": 2, \"cost\": 3}", ""), "c.json")).getMessage());
        assertEquals("budget.cost: 5.5 is spent by the initial set alone (6 rows cost 6 for iris, seed 1); raise it or make"
                + " initial.size smaller", refused("", "\"budget\": {\"cost\": 5.5}", ""));
        Files.writeString(dir.resolve("bad.csv"), "llm\nsetosa\nrose\n");
        assertEquals(dir.resolve("bad.csv") + ":3: column 'llm' holds 'rose', not a class of 'iris' (setosa, versicolor,"
                + " virginica; empty = abstained)", refused(", \"labels\": {\"gpt\": {\"path\": \"bad.csv\", \"column\": \"llm\"}}",
                rounds, ""));
        Files.writeString(dir.resolve("short.csv"), "llm\nsetosa\n");
        assertEquals(dir.resolve("short.csv") + ": 1 rows, but data set 'iris' has 150", refused(
                ", \"labels\": {\"gpt\": {\"path\": \"short.csv\", \"column\": \"llm\"}}", rounds, ""));
        assertTrue(refused(", \"labels\": {\"gpt\": {\"path\": \"llm.csv\", \"column\": \"gpt4\"}}", rounds, "")
                .endsWith("llm.csv:1: no column 'gpt4' (columns: id, llm)"));
        assertTrue(assertThrows(ActiveBenchException.class, () -> ConfigReader.parse(BASE.formatted(
                ", \"labels\": {\"gpt\": {\"column\": \"llm\"}}", rounds, ""), "c.json")).getMessage()
                .startsWith("c.json: datasets[0].labels.gpt.path: required unless the data set's features are embedded"));
        assertTrue(Files.notExists(dir.resolve("out")));
    }
}
