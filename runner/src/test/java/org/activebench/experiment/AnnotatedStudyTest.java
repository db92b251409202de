package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.data.MissingValues;
import org.activebench.core.split.Splitter;
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
        assertTrue(Files.readString(dir.resolve("named/trials/iris/logistic/fixed/margin/seed-1.json")).contains("\"ledger\""));
        assertTrue(!Files.readString(dir.resolve("plain/trials/iris/logistic/margin/seed-1.json")).contains("ledger"));
        assertTrue(!oracle.fingerprint().equals(named.fingerprint()));
        List<String> csv = Files.readAllLines(dir.resolve("named/results.csv"));
        assertTrue(csv.contains("iris,logistic,fixed,margin,1,2,16,cost,32.0"), csv.toString());
        assertTrue(csv.contains("iris,logistic,fixed,margin,1,2,16,label_error_rate,0.0"), csv.toString());
        assertTrue(csv.contains("iris,logistic,fixed,margin,1,2,16,labels_by[truth[cost=2]],16.0"), csv.toString());
        assertTrue(csv.contains("iris,logistic,fixed,margin,1,2,16,cost_by[truth[cost=2]],32.0"), csv.toString());
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

    /** The rows asked in {@code trial}: the initial set (seed 1's split of iris.csv), then every pick. */
    private List<Integer> asked(TrialResult trial) {
        var data = DatasetLoader.load("iris", dir.resolve("iris.csv"), "csv", "label", MissingValues.ERROR);
        List<Integer> rows = new ArrayList<>();
        Arrays.stream(new Splitter(0.3, 6, Splitter.InitialMode.RANDOM, true).split(data, 1).initial()).forEach(rows::add);
        trial.rounds().forEach(r -> Arrays.stream(r.picked()).forEach(rows::add));
        return rows;
    }

    private static int count(List<Integer> rows, int remainder) {
        return (int) rows.stream().filter(r -> r % 10 == remainder).count();
    }

    @Test
    void routingIsAGridAxisWithAnnotatorsChosenByPosition() throws IOException {
        files();
        String json = BASE.formatted(GPT, "\"budget\": {\"rounds\": 2}", TWO_ANNOTATORS + ", \"routing\": [{\"name\":"
                + " \"fixed\", \"annotators\": [0]}, {\"name\": \"fixed\", \"annotators\": [1]}, {\"name\": \"fallback\","
                + " \"annotators\": [1, 0]}]");
        List<TrialResult> results = new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("axis"), 1, Progress.NONE).results();
        assertEquals(List.of("fixed(truth)", "fixed(" + REPLAY + ")", "fallback(" + REPLAY + ",truth)"),
                results.stream().map(TrialResult::routing).toList(), "one trial per routing, in config order");
        for (TrialResult r : results) {
            assertTrue(Files.exists(dir.resolve("axis/trials").resolve(new TrialKey("iris", "logistic", r.routing(), null,
                    "margin", 1).relativePath())), r.routing());
        }
        List<Integer> expertRows = asked(results.get(0));
        assertEquals(new TrialResult.Ledger(16, Map.of("truth", 16.0), Map.of("truth", 16), 0, 0), results.get(0).rounds().getLast().ledger());

        List<Integer> cheapRows = asked(results.get(1));
        int abstained = count(cheapRows, 7);
        assertEquals(new TrialResult.Ledger(0.16, Map.of(REPLAY, 0.16), Map.of(REPLAY, 16 - abstained), abstained, count(cheapRows, 3)),
                roundedCost(results.get(1).rounds().getLast().ledger()));
        assertEquals(16 - abstained, results.get(1).rounds().getLast().labelled(), "abstained rows leave the pool unlabelled");

        List<Integer> fallbackRows = asked(results.get(2));
        int toExpert = count(fallbackRows, 7);
        assertEquals(new TrialResult.Ledger(0.16 + toExpert, Map.of(REPLAY, 0.16, "truth", (double) toExpert),
                Map.of(REPLAY, 16 - toExpert, "truth", toExpert), 0,
                count(fallbackRows, 3)), roundedCost(results.get(2).rounds().getLast().ledger()));
        assertTrue(expertRows.size() == 16 && cheapRows.size() == 16 && fallbackRows.size() == 16);
        assertEquals("dataset,learner,routing,strategy,seed,round,labelled,metric,value",
                Files.readAllLines(dir.resolve("axis/results.csv")).getFirst());
    }

    @Test
    void annotatedResultsAreByteIdenticalAcrossThreadsAndKernelBackends() throws IOException {
        files();
        String json = BASE.formatted(GPT, "\"budget\": {\"cost\": 9}", ", \"annotators\": [\"truth\", {\"name\": \"noisy\","
                + " \"params\": {\"rate\": 0.3, \"cost\": 0.1}}, {\"name\": \"replay\", \"params\": {\"labels\": \"gpt\","
                + " \"cost\": 0.01}}], \"routing\": [{\"name\": \"recheck\", \"params\": {\"share\": 0.3}, \"annotators\":"
                + " [1, 0]}, {\"name\": \"agreement\", \"annotators\": [1, 2, 0]}]").replace("[\"margin\"]",
                "[\"margin\", \"random\", {\"name\": \"qbc\", \"params\": {\"committee\": 3}}]");
        new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("one"), 1, Progress.NONE);
        new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir,
                org.activebench.core.kernels.KernelProvider.get()).run(dir.resolve("two"), 2, Progress.NONE);
        List<Path> files;
        try (var walk = Files.walk(dir.resolve("one/trials"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(6, files.size(), "2 routings x 3 strategies");
        for (Path file : files) {
            Path other = dir.resolve("two").resolve(dir.resolve("one").relativize(file));
            assertEquals(Files.readString(file), Files.readString(other), file.toString());
            assertTrue(Files.readString(file).contains("\"costBy\""), file.toString());
        }
        assertEquals(Files.readString(dir.resolve("one/results.csv")), Files.readString(dir.resolve("two/results.csv")));
    }

    @Test
    void initialAnnotatorLabelsTheInitialSetAndTheRoutingTheRest() throws IOException {
        files();
        String json = BASE.formatted(GPT, "\"budget\": {\"rounds\": 2}", TWO_ANNOTATORS)
                .replace("\"initial\": {\"size\": 6}", "\"initial\": {\"size\": 6, \"annotator\": 1}");
        TrialResult trial = new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("initial"), 1, Progress.NONE).results().getFirst();
        List<Integer> initial = asked(trial).subList(0, 6);
        int abstained = count(initial, 7);
        for (TrialResult.Round round : trial.rounds()) {
            assertEquals(new TrialResult.Ledger(0.06 + 5 * round.round(), Map.of(REPLAY, 0.06, "truth",
                    5.0 * round.round()), Map.of(REPLAY, 6 - abstained, "truth",
                    5 * round.round()), abstained, count(initial, 3)), roundedCost(round.ledger()), "round " + round.round());
            assertEquals(6 - abstained + 5 * round.round(), round.labelled());
        }
        assertEquals("fixed", trial.routing());
    }

    /** The ledger with its costs rounded to 1e-9, as sums of 0.01 are not exact. */
    private static TrialResult.Ledger roundedCost(TrialResult.Ledger l) {
        Map<String, Double> costBy = l.costBy().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Math.round(e.getValue() * 1e9) / 1e9));
        return new TrialResult.Ledger(Math.round(l.cost() * 1e9) / 1e9, costBy, l.labelsBy(), l.abstained(), l.wrong());
    }

    private static final String GPT = ", \"labels\": {\"gpt\": {\"path\": \"llm.csv\", \"column\": \"llm\"}}";
    private static final String REPLAY = "replay[cost=0.01,labels=gpt]";
    private static final String TWO_ANNOTATORS = ", \"annotators\": [\"truth\", {\"name\": \"replay\", \"params\":"
            + " {\"labels\": \"gpt\", \"cost\": 0.01}}]";

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
        assertEquals("budget.cost: 5.5 is spent by the initial set alone (6 rows cost 6 through fixed for iris, seed 1); raise it or make"
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
        assertEquals("c.json: routing[1].annotators[0]: 2 is not a position in \"annotators\" (0 to 1)",
                assertThrows(ActiveBenchException.class, () -> ConfigReader.parse(BASE.formatted(GPT, rounds, TWO_ANNOTATORS
                        + ", \"routing\": [\"fixed\", {\"name\": \"fixed\", \"annotators\": [2]}]"), "c.json")).getMessage());
        assertEquals("c.json: routing.annotators[1]: annotator 0 appears twice", assertThrows(ActiveBenchException.class,
                () -> ConfigReader.parse(BASE.formatted(GPT, rounds, TWO_ANNOTATORS + ", \"routing\": {\"name\": \"fallback\","
                        + " \"annotators\": [0, 0]}"), "c.json")).getMessage());
        assertEquals("c.json: strategies[0].annotators: only a routing names annotators", assertThrows(
                ActiveBenchException.class, () -> ConfigReader.parse(BASE.formatted("", rounds, "").replace("[\"margin\"]",
                        "[{\"name\": \"margin\", \"annotators\": [0]}]"), "c.json")).getMessage());
        assertEquals("c.json: initial.annotator: 3 is not a position in \"annotators\" (0 to 1)", assertThrows(
                ActiveBenchException.class, () -> ConfigReader.parse(BASE.formatted(GPT, rounds, TWO_ANNOTATORS).replace(
                        "\"initial\": {\"size\": 6}", "\"initial\": {\"size\": 6, \"annotator\": 3}"), "c.json")).getMessage());
        assertEquals("routing: fallback routes between 2 annotators, but its \"annotators\" lists 1", refused(GPT, rounds,
                TWO_ANNOTATORS + ", \"routing\": {\"name\": \"fallback\", \"annotators\": [1]}"));
        assertTrue(refused(GPT, rounds, TWO_ANNOTATORS + ", \"routing\": [\"fixed\", \"fixed\"]")
                .startsWith("routing[1]: 'fixed' and routing[0] 'fixed' would share the file name"));
        assertTrue(Files.notExists(dir.resolve("out")));
    }
}
