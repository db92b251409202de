package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of small configs: files, determinism, resume, stopping rules and bad input. */
class ExperimentTest {
    @TempDir
    Path dir;

    private static final String SMALL = """
            {"name": "small",
             "datasets": [{"name": "iris"}],
             "learner": {"name": "logistic", "params": {"C": 2.0}},
             "strategies": ["random", "margin", {"name": "qbc", "params": {"committee": 3, "disagreement": "kl_mean"}}],
             "seeds": [1, 2],
             "initial": {"size": 6},
             "batch": 5,
             "budget": {"rounds": 4},
             "metrics": ["accuracy", "macro_f1"]}
            """;

    private Experiment experiment(String json) {
        return experiment(json, new ScalarKernels());
    }

    private Experiment experiment(String json, ScoreKernels kernels) {
        return new Experiment(ConfigReader.parse(json, "test config"), "test config", dir, kernels);
    }

    private Experiment.Result run(String json, String out, int threads) {
        return experiment(json).run(dir.resolve(out), threads, Progress.NONE);
    }

    /** Every file under trials/ and reference/ plus results.csv, by relative path. */
    private Map<String, String> deterministicFiles(String out) throws IOException {
        Path root = dir.resolve(out);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Stream.concat(Files.walk(root.resolve("trials")), Files.walk(root.resolve("reference")))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        files.put("results.csv", Files.readString(root.resolve("results.csv")));
        return files;
    }

    @Test
    void resultsOfOlderVersionsAreReportedWithTodaysAubcRecomputedFromTheirCurves() throws IOException {
        run(SMALL, "out", 1);
        Path file = dir.resolve("out/trials/iris/logistic[C=2]/margin/seed-1.json");
        JsonNode trial = ResultStore.JSON.readTree(file.toFile());
        double[] acc = new double[trial.get("rounds").size()];
        int[] labels = new int[acc.length];
        for (int r = 0; r < acc.length; r++) {
            acc[r] = trial.get("rounds").get(r).get("metrics").get("accuracy").asDouble();
            labels[r] = trial.get("rounds").get(r).get("labelled").asInt();
        }
        // labels 6, 11, ..., 26: np.trapz(acc[1:], labels[1:]) / (26 - 6), written out by hand
        double expected = 5 * ((acc[1] + acc[2]) + (acc[2] + acc[3]) + (acc[3] + acc[4])) / 2 / 20;
        assertEquals(expected, trial.get("aubc").get("accuracy").get("lu2023").asDouble(), 1e-12);
        // as an older version wrote it: meanOverQueries, no lu2023, and a stale trapezoid
        String old = Files.readString(file).replaceAll("\"lu2023\" : [^,}\\s]+", "\"meanOverQueries\" : 0.999")
                .replaceAll("\"trapezoid\" : [^,}\\s]+", "\"trapezoid\" : 0.111");
        assertTrue(old.contains("meanOverQueries") && !old.contains("lu2023"), old);
        Files.writeString(file, old);

        TrialResult read = ResultsDirectory.read(dir.resolve("out")).trials().stream().map(ResultsDirectory.StoredTrial::result)
                .filter(r -> r.strategy().equals("margin") && r.seed() == 1).findFirst().orElseThrow();
        assertEquals(expected, read.aubc().get("accuracy").lu2023(), 1e-12);
        assertEquals(trial.get("aubc").get("accuracy").get("trapezoid").asDouble(), read.aubc().get("accuracy").trapezoid(), 0);
    }

    /** The scalar reference, except that margin scoring throws: a bug inside one strategy's trials. */
    private static ScoreKernels failingMargin() {
        ScoreKernels reference = new ScalarKernels();
        return (ScoreKernels) java.lang.reflect.Proxy.newProxyInstance(ScoreKernels.class.getClassLoader(),
                new Class<?>[] {ScoreKernels.class}, (proxy, method, args) -> {
                    if (method.getName().equals("margin")) {
                        throw new IllegalStateException("boom");
                    }
                    try {
                        return method.invoke(reference, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aFailingTrialIsOneLineTheOthersAreSavedAndARerunComputesOnlyIt() throws IOException {
        TrialFailure failure = assertThrows(TrialFailure.class,
                () -> experiment(SMALL, failingMargin()).run(dir.resolve("out"), 2, Progress.NONE));
        // the first failed trial in config order (data set, strategy, seed); its first query comes after round 0
        assertTrue(failure.getMessage().startsWith("iris / logistic[C=2] / margin / seed 1 failed in round 0: "
                + "java.lang.IllegalStateException: boom (and 1 more failed trial); completed trials are saved, a rerun"
                + " computes the rest; traces in "), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
        assertFalse(failure.badInput());
        Path out = dir.resolve("out");
        assertTrue(Files.readString(out.resolve("failures.txt")).contains("at org.activebench"), "the stack trace is kept");
        assertFalse(Files.exists(out.resolve("trials/iris/logistic[C=2]/margin/seed-1.json")));
        assertTrue(Files.exists(out.resolve("trials/iris/logistic[C=2]/random/seed-2.json")));
        assertTrue(Files.exists(out.resolve("trials/iris/logistic[C=2]/qbc[committee=3,disagreement=kl_mean]/seed-1.json")));

        Experiment.Result rerun = run(SMALL, "out", 2);
        assertEquals(4, rerun.resumed(), "random and qbc reused, the two margin trials computed");
        assertFalse(Files.exists(out.resolve("failures.txt")), "nothing failed any more");
        Map<String, String> resumed = deterministicFiles("out");
        run(SMALL, "fresh", 1);
        assertEquals(deterministicFiles("fresh"), resumed);
    }

    @Test
    void aTrialThatFailsOnTheUsersParametersSaysWhichAndIsBadInput() {
        String config = SMALL.replace("\"params\": {\"C\": 2.0}", "\"params\": {\"C\": 2.0, \"maxIterations\": 1}");
        TrialFailure failure = assertThrows(TrialFailure.class, () -> run(config, "out", 1));
        assertTrue(failure.badInput());
        assertTrue(failure.getMessage().matches("iris / logistic\\[C=2,maxIterations=1\\] / full-pool reference / seed 1 failed in its fit: "
                + "learner\\.params\\.maxIterations: logistic did not converge in 1 Newton iterations .*"), failure.getMessage());
    }

    /** A split file for iris whose pool is listed from the highest row to the lowest. */
    private Path reversedPoolSplit() throws IOException {
        StringBuilder pool = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (int row = 149; row >= 0; row--) {
            StringBuilder to = row % 5 == 0 ? test : pool;
            to.append(to.isEmpty() ? "" : ", ").append(row);
        }
        String entry = "{\"pool\": [" + pool + "], \"test\": [" + test + "], \"initial\": [1, 2, 51, 52, 101, 102]}";
        return Files.writeString(dir.resolve("splits.json"), "{\"splits\": [" + entry.replace("{", "{\"seed\": 1, ")
                + ", " + entry.replace("{", "{\"seed\": 2, ") + "]}");
    }

    @Test
    void theTieRuleIsAConfigKeyThatDecidesTiedPicksAndTheFingerprint() throws IOException {
        reversedPoolSplit();
        String qbc = SMALL.replace("[{\"name\": \"iris\"}]", "[{\"name\": \"iris\", \"split\": \"splits.json\"}]")
                .replace("\"strategies\": [\"random\", \"margin\", {\"name\": \"qbc\", \"params\": {\"committee\": 3, \"disagreement\": \"kl_mean\"}}]",
                        "\"strategies\": [{\"name\": \"qbc\", \"committee\": 3}]");
        run(qbc.replace("\"metrics\"", "\"ties\": \"index\", \"metrics\""), "index", 1);
        run(qbc.replace("\"metrics\"", "\"ties\": \"pool_order\", \"metrics\""), "pool", 1);
        run(qbc.replace("\"metrics\"", "\"ties\": \"pool_order\", \"metrics\""), "pool-again", 2);
        assertEquals(deterministicFiles("pool"), deterministicFiles("pool-again"));
        // a committee of three votes in few distinct ways: ties at the boundary are everywhere, and the pool is
        // listed from the highest row down, so pool_order takes the highest tied rows where index takes the lowest
        String byIndex = Files.readString(dir.resolve("index/trials/iris/logistic[C=2]/qbc[committee=3]/seed-1.json"));
        String byPool = Files.readString(dir.resolve("pool/trials/iris/logistic[C=2]/qbc[committee=3]/seed-1.json"));
        assertFalse(byIndex.equals(byPool), "the rule decided some pick");
        String mixed = assertThrows(ActiveBenchException.class,
                () -> run(qbc.replace("\"metrics\"", "\"ties\": \"index\", \"metrics\""), "pool", 1)).getMessage();
        assertTrue(mixed.contains("different configuration"), mixed);

        assertEquals("test config: ties: unknown rule 'sideways' (valid: random, index, pool_order)", assertThrows(ActiveBenchException.class,
                () -> run(SMALL.replace("\"metrics\"", "\"ties\": \"sideways\", \"metrics\""), "x", 1)).getMessage());
        assertEquals("test config: ties: pool_order follows the pool as a split file lists it, but datasets[0] ('iris') has no \"split\"",
                assertThrows(ActiveBenchException.class, () -> run(SMALL.replace("\"metrics\"",
                        "\"ties\": \"pool_order\", \"metrics\""), "x", 1)).getMessage());
    }

    @Test
    void writesTrialsReferencesManifestAndTidyCsvAndReadsThemBack() throws IOException {
        Experiment.Result result = run(SMALL, "out", 2);
        assertEquals(6, result.trials());
        assertEquals(0, result.resumed());
        Path out = dir.resolve("out");
        JsonNode trial = ResultStore.JSON.readTree(out.resolve("trials/iris/logistic[C=2]/margin/seed-1.json").toFile());
        assertEquals("budget", trial.get("stopReason").asText());
        assertEquals(5, trial.get("rounds").size(), "initial fit + 4 query rounds");
        assertEquals(26, trial.get("rounds").get(4).get("labelled").asInt());
        assertEquals(5, trial.get("rounds").get(4).get("picked").size());
        assertEquals(0, trial.get("rounds").get(0).get("picked").size());
        double aubc = trial.get("aubc").get("accuracy").get("trapezoid").asDouble();
        assertTrue(aubc > 0.3 && aubc <= 1, "AUBC " + aubc);
        assertTrue(Files.exists(out.resolve("timings/iris/logistic[C=2]/margin/seed-1.json")));

        JsonNode manifest = ResultStore.JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("scalar", manifest.get("kernelBackend").asText());
        assertEquals("[1,2]", manifest.get("seeds").toString());
        assertEquals("logistic", manifest.get("config").get("learner").get("name").asText());

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("dataset,learner,strategy,seed,round,labelled,metric,value", csv.getFirst());
        assertEquals(1 + 6 * 5 * 2, csv.size(), "6 trials x 5 rounds x 2 metrics");
        assertTrue(csv.get(1).startsWith("iris,logistic[C=2],random,1,0,6,accuracy,"), csv.get(1));

        assertEquals(List.of("random", "margin", "qbc[committee=3,disagreement=kl_mean]"),
                manifest.get("strategies").findValuesAsText("label"));
        assertEquals("activebench", manifest.get("learners").get(0).get("source").asText());
        assertEquals(2.0, manifest.get("learners").get(0).get("params").get("C").asDouble());

        JsonNode reference = ResultStore.JSON.readTree(out.resolve("reference/iris/logistic[C=2]/seed-1.json").toFile());
        assertEquals(105, reference.get("poolSize").asInt(), "70% of iris' 150 rows");
        assertTrue(reference.get("metrics").get("accuracy").asDouble() > 0.8, reference.toString());

        ResultsDirectory read = ResultsDirectory.read(out);
        assertEquals(List.of("random/1", "random/2", "margin/1", "margin/2", "qbc[committee=3,disagreement=kl_mean]/1", "qbc[committee=3,disagreement=kl_mean]/2"),
                read.trials().stream().map(t -> t.result().strategy() + "/" + t.result().seed()).toList(),
                "config order, then seeds");
        assertEquals(2, read.references().size());
        assertEquals(5, read.trials().getFirst().timings().rounds().size());
        try (Stream<Path> walk = Files.walk(out)) {
            assertFalse(walk.anyMatch(p -> p.toString().endsWith(AtomicFiles.TEMP_SUFFIX)));
        }
    }

    @Test
    void sameSeedSameBytesWhateverTheThreadCount() throws IOException {
        run(SMALL, "one", 1);
        run(SMALL, "two", 2);
        run(SMALL, "again", 2);
        Map<String, String> one = deterministicFiles("one");
        assertEquals(9, one.size(), "6 trials, 2 references, results.csv");
        assertEquals(one, deterministicFiles("two"));
        assertEquals(one, deterministicFiles("again"));
    }

    /** A teacher that is right with probability 0.6 on every row, its remaining mass spread over the other classes. */
    private void writeTeacher(String name) throws IOException {
        Dataset data = DatasetLoader.bundled(name);
        int k = data.classCount();
        StringBuilder csv = new StringBuilder(String.join(",", data.classNames())).append('\n');
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < k; c++) {
                csv.append(c == 0 ? "" : ",").append(c == data.y()[i] ? 0.6 : 0.4 / (k - 1));
            }
            csv.append('\n');
        }
        Files.writeString(dir.resolve(name + "-teacher.csv"), csv);
    }

    @Test
    void everyBackendGivesTheSamePicksAndCurves() throws IOException {
        // kNN probabilities are multiples of 1/5: exact ties everywhere, and entropies that differ in the last bits.
        String json = """
                {"name": "backends",
                 "datasets": [{"name": "wine", "teacher": {"path": "wine-teacher.csv"}},
                              {"name": "digits", "teacher": {"path": "digits-teacher.csv"}}],
                 "learner": {"name": "knn", "params": {"k": 5}},
                 "strategies": ["least_confidence", "entropy", "margin",
                                {"name": "qbc", "committee": 3, "disagreement": "vote_entropy"},
                                {"name": "qbc", "committee": 3, "disagreement": "kl_mean"},
                                {"name": "qbc", "committee": 4, "disagreement": "kl_max", "teacher": true},
                                "k_center", "badge", "density_entropy", "class_balanced_entropy",
                                "teacher_entropy", "student_teacher_kl", {"name": "oracle_skyline", "skyline": true}],
                 "seeds": [1, 2],
                 "initial": {"size": 10},
                 "batch": 7,
                 "budget": {"rounds": 6}}
                """;
        writeTeacher("wine");
        writeTeacher("digits");
        experiment(json, new ScalarKernels()).run(dir.resolve("scalar"), 2, Progress.NONE);
        List<ScoreKernels> backends = new ArrayList<>(List.of(KernelProvider.byName("panama", 1),
                KernelProvider.byName("panama", 2)));
        String nativeProblem = KernelProvider.unavailable("native");
        if (nativeProblem == null) {
            backends.add(KernelProvider.byName("native", 1));
        } else {
            System.out.println("everyBackendGivesTheSamePicksAndCurves: native left out: " + nativeProblem);
        }
        for (int b = 0; b < backends.size(); b++) {
            String out = backends.get(b).name() + "-" + b;
            experiment(json, backends.get(b)).run(dir.resolve(out), 2, Progress.NONE);
            assertEquals(deterministicFiles("scalar"), deterministicFiles(out), out);
            JsonNode manifest = ResultStore.JSON.readTree(dir.resolve(out).resolve("manifest.json").toFile());
            assertEquals(backends.get(b).name(), manifest.get("kernelBackend").asText());
        }
    }

    @Test
    void strategiesShareTheSplitAndInitialModelOfASeed() throws IOException {
        run(SMALL, "out", 2);
        Path trials = dir.resolve("out/trials/iris/logistic[C=2]");
        JsonNode random = ResultStore.JSON.readTree(trials.resolve("random/seed-2.json").toFile());
        JsonNode margin = ResultStore.JSON.readTree(trials.resolve("margin/seed-2.json").toFile());
        assertEquals(random.get("rounds").get(0), margin.get("rounds").get(0), "paired design: same round 0");
        assertFalse(random.get("rounds").get(1).get("picked").equals(margin.get("rounds").get(1).get("picked")));
    }

    @Test
    void resumeRerunsOnlyTheMissingTrial() throws IOException {
        run(SMALL, "out", 2);
        Map<String, String> before = deterministicFiles("out");
        Path deleted = dir.resolve("out/trials/iris/logistic[C=2]/qbc[committee=3,disagreement=kl_mean]/seed-2.json");
        Files.delete(deleted);
        Files.writeString(dir.resolve("out/trials/iris/logistic[C=2]/random/seed-1.json.77.1" + AtomicFiles.TEMP_SUFFIX), "{\"trunc");
        Experiment.Result resumed = run(SMALL, "out", 1);
        assertEquals(5, resumed.resumed());
        assertEquals(before, deterministicFiles("out"));
    }

    @Test
    void withoutReferencesNoFullPoolFitRunsAndTheTrialsAreTheSame() throws IOException {
        run(SMALL, "with", 2);
        Experiment.Result without = run(SMALL.replace("\"batch\": 5", "\"batch\": 5, \"reference\": false"), "without", 2);
        assertEquals(0, without.time().referenceMs());
        assertFalse(Files.exists(dir.resolve("without/reference")));
        Map<String, String> with = deterministicFiles("with");
        with.keySet().removeIf(name -> name.startsWith("reference"));
        Map<String, String> trials = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.resolve("without/trials"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                trials.put(dir.resolve("without").relativize(p).toString(), Files.readString(p));
            }
        }
        trials.put("results.csv", Files.readString(dir.resolve("without/results.csv")));
        assertEquals(with, trials);
        assertTrue(ResultsDirectory.read(dir.resolve("without")).references().isEmpty());
    }

    @Test
    void aWarmStartedReferenceOnALargePoolMatchesAColdFit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        int n = 15_000;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(3);
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) (random.nextGaussian() + (j == y[i] ? 1.5 : 0));
            }
        }
        Dataset blobs = new Dataset("blobs", x, y, List.of("a", "b", "c"), List.of("f0", "f1", "f2", "f3"));
        org.activebench.core.learn.Learner logistic = org.activebench.core.learn.Learners.create("logistic", Map.of(), "l");
        org.activebench.core.learn.Learner cold = logistic::fit; // the same fits, but it does not warm-start
        String json = """
                {"datasets": [{"name": "blobs"}], "learners": ["logistic", "cold_logistic"], "strategies": ["random"],
                 "seeds": [1], "initial": {"size": 30}, "batch": 10, "budget": {"rounds": 1}}""";
        Experiment experiment = new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels(),
                Catalog.builtIn().withLearner("cold_logistic", cold), Map.of("blobs", blobs));
        float[] given = x.clone();
        experiment.run(dir.resolve("out"), 2, Progress.NONE);
        assertArrayEquals(given, blobs.x(), "a data set given in memory is the caller's: never standardized in place");
        List<PoolReference> references = ResultsDirectory.read(dir.resolve("out")).references();
        assertEquals(2, references.size());
        assertEquals(10_500, references.getFirst().poolSize(), "large enough for one tenfold step");
        assertEquals(references.get(1).metrics(), references.get(0).metrics(), references.toString());
    }

    @Test
    void aCleanBuildReusesReferencesAcrossResultsDirectoriesAndAnUnknownOneDoesNot() throws IOException {
        String git = System.getProperty("activebench.git");
        String cache = System.getProperty("activebench.cache");
        System.setProperty("activebench.cache", dir.resolve("cache").toString());
        try {
            System.setProperty("activebench.git", "0123abc-dirty");
            run(SMALL, "dirty", 2);
            assertFalse(Files.exists(dir.resolve("cache/references")), "uncommitted code: no entry could say what made it");

            System.setProperty("activebench.git", "0123abc");
            run(SMALL, "first", 2);
            Experiment.Result second = run(SMALL.replace("\"random\", ", ""), "second", 2);
            assertEquals(0, second.time().referenceMs(), "both references come from the cache");
            for (long seed : new long[] {1, 2}) {
                String file = "reference/iris/logistic[C=2]/seed-" + seed + ".json";
                assertEquals(Files.readString(dir.resolve("first").resolve(file)), Files.readString(dir.resolve("second").resolve(file)));
            }
            System.setProperty("activebench.git", "4567def");
            assertTrue(run(SMALL, "other-commit", 2).time().referenceMs() > 0, "another commit fits them again");
        } finally {
            restore("activebench.git", git);
            restore("activebench.cache", cache);
        }
    }

    @Test
    void aTamperedReferenceCacheEntryIsOneWarningAndTheResultsAreThoseOfNoCache() throws IOException {
        String git = System.getProperty("activebench.git");
        String cache = System.getProperty("activebench.cache");
        try {
            System.setProperty("activebench.git", "0123abc-dirty"); // no cache at all: the yardstick
            run(SMALL, "none", 2);
            Map<String, String> expected = deterministicFiles("none");
            System.setProperty("activebench.git", "0123abc");
            System.setProperty("activebench.cache", dir.resolve("cache").toString());
            run(SMALL, "filled", 2);
            Path entries = dir.resolve("cache/references");
            List<Path> files;
            try (Stream<Path> list = Files.list(entries)) {
                files = list.sorted().toList();
            }
            assertEquals(2, files.size(), "one entry per seed");
            Path one = files.get(0);
            Path two = files.get(1);
            byte[] original = Files.readAllBytes(one);
            String json = new String(original, java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher digit = java.util.regex.Pattern.compile("\"accuracy\" : 0\\.(\\d)").matcher(json);
            assertTrue(digit.find(), json);
            String flipped = json.substring(0, digit.start(1)) + (char) ('0' + (json.charAt(digit.start(1)) - '0' + 1) % 10)
                    + json.substring(digit.start(1) + 1);
            Map<String, Runnable> tamper = new LinkedHashMap<>();
            tamper.put("another entry copied under its name", () -> copy(two, one));
            tamper.put("one digit of a metric changed", () -> write(one, flipped.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            tamper.put("truncated", () -> write(one, java.util.Arrays.copyOf(original, original.length / 2)));
            tamper.put("a link to another entry", () -> {
                try {
                    Files.delete(one);
                    Files.createSymbolicLink(one, two);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            int n = 0;
            for (Map.Entry<String, Runnable> c : tamper.entrySet()) {
                Files.deleteIfExists(one);
                Files.write(one, original);
                c.getValue().run();
                String out = "tampered-" + n++;
                List<String> warnings = org.activebench.core.Warnings.of(() -> run(SMALL, out, 2));
                assertEquals(1, warnings.size(), c.getKey() + ": " + warnings);
                assertTrue(warnings.getFirst().startsWith("reference cache: " + one + " is not usable ("), warnings.getFirst());
                assertEquals(expected, deterministicFiles(out), c.getKey());
            }
            System.setProperty("activebench.cache", Files.writeString(dir.resolve("not-a-dir"), "x").toString());
            List<String> unwritable = org.activebench.core.Warnings.of(() -> run(SMALL, "unwritable", 2));
            assertEquals(2, unwritable.size(), "one per reference it could not keep: " + unwritable);
            assertTrue(unwritable.getFirst().startsWith("reference cache: cannot write "), unwritable.getFirst());
            assertEquals(expected, deterministicFiles("unwritable"));
        } finally {
            restore("activebench.git", git);
            restore("activebench.cache", cache);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void aDamagedResultFileIsNamedWithItsLine() throws IOException {
        run(SMALL, "out", 2);
        Path broken = dir.resolve("out/trials/iris/logistic[C=2]/margin/seed-2.json");
        Files.writeString(broken, "{\n  \"dataset\": \"iris\",\n  \"seed\": oops\n}");
        ActiveBenchException e = assertThrows(ActiveBenchException.class, () -> ResultsDirectory.read(dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(broken + ":3: not a valid TrialResult file"), e.getMessage());
        ActiveBenchException none = assertThrows(ActiveBenchException.class, () -> ResultsDirectory.read(dir));
        assertTrue(none.getMessage().contains("not a results directory (no manifest.json)"), none.getMessage());
    }

    @Test
    void aChangedConfigIsNotMixedIntoOldResults() {
        run(SMALL, "out", 2);
        String changed = SMALL.replace("\"batch\": 5", "\"batch\": 4");
        String message = assertThrows(ActiveBenchException.class, () -> run(changed, "out", 2)).getMessage();
        assertTrue(message.endsWith("holds a result of a different configuration of this trial (or of an ActiveBench"
                + " whose results differ from this one's); write to another --out directory (or delete this one) to run"
                + " the changed config"), message);
    }

    @Test
    void labelBudgetAndTargetAccuracyStopEarly() throws IOException {
        String labels = SMALL.replace("\"budget\": {\"rounds\": 4}", "\"budget\": {\"labels\": 18}");
        run(labels, "labels", 1);
        JsonNode trial = ResultStore.JSON.readTree(dir.resolve("labels/trials/iris/logistic[C=2]/margin/seed-1.json").toFile());
        int[] counts = new int[trial.get("rounds").size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = trial.get("rounds").get(i).get("labelled").asInt();
        }
        assertArrayEquals(new int[] {6, 11, 16, 18}, counts, "the last batch is cut to the budget");

        String target = SMALL.replace("\"budget\": {\"rounds\": 4}", "\"budget\": {\"rounds\": 40}, \"stop\": {\"targetAccuracy\": 0.8}");
        run(target, "target", 1);
        JsonNode stopped = ResultStore.JSON.readTree(dir.resolve("target/trials/iris/logistic[C=2]/margin/seed-1.json").toFile());
        assertEquals("target_accuracy[accuracy=0.8]", stopped.get("stopReason").asText());
        assertTrue(stopped.get("finalMetrics").get("accuracy").asDouble() >= 0.8);
        assertTrue(stopped.get("rounds").size() < 41);
    }

    @Test
    void exhaustingThePoolStops() throws IOException {
        String all = SMALL.replace("\"budget\": {\"rounds\": 4}", "\"budget\": {\"rounds\": 1000}")
                .replace("\"batch\": 5", "\"batch\": 50").replace("\"seeds\": [1, 2]", "\"seeds\": [1]");
        run(all, "all", 2);
        JsonNode trial = ResultStore.JSON.readTree(dir.resolve("all/trials/iris/logistic[C=2]/random/seed-1.json").toFile());
        assertEquals("pool_exhausted", trial.get("stopReason").asText());
        assertEquals(105, trial.get("rounds").get(trial.get("rounds").size() - 1).get("labelled").asInt());
    }

    private void assertRejectedWithoutOutput(String json, String expected) {
        Path out = dir.resolve("rejected");
        String message = assertThrows(ActiveBenchException.class,
                () -> experiment(json).run(out, 2, Progress.NONE)).getMessage();
        assertEquals(expected, message);
        assertFalse(Files.exists(out), "no partial result");
    }

    @Test
    void badInputIsRejectedBeforeAnythingIsWritten() throws IOException {
        assertRejectedWithoutOutput(SMALL.replace("\"batch\": 5", "\"batch\": 100"),
                "batch: 100 is larger than the unlabelled pool of iris (99 rows for seed 1)");
        assertRejectedWithoutOutput(SMALL.replace("\"initial\": {\"size\": 6}", "\"initial\": {\"size\": 500}"),
                "initial.size: 500 is larger than the pool of iris (105 rows)");
        Files.writeString(dir.resolve("one.csv"), "a,label\n1,x\n2,x\n3,x\n");
        assertRejectedWithoutOutput(SMALL.replace("{\"name\": \"iris\"}", "{\"name\": \"one\", \"path\": \"one.csv\"}"),
                "dataset 'one' has 1 class(es); active learning needs at least 2");
        Files.writeString(dir.resolve("bad.csv"), "a,label\n1,x\n2\n");
        assertRejectedWithoutOutput(SMALL.replace("{\"name\": \"iris\"}", "{\"name\": \"bad\", \"path\": \"bad.csv\"}"),
                dir.resolve("bad.csv") + ":3: 1 fields, the header has 2");
        assertRejectedWithoutOutput(SMALL.replace("{\"name\": \"iris\"}", "{\"name\": \"gone\", \"path\": \"gone.csv\"}"),
                dir.resolve("gone.csv") + ": no such file");
    }

    @Test
    void severalLearnersRunEveryStrategyAndAreNamedByTheirChangedParameters() throws IOException {
        String two = SMALL.replace("\"learner\": {\"name\": \"logistic\", \"params\": {\"C\": 2.0}}",
                "\"learners\": [\"logistic\", {\"name\": \"knn\", \"params\": {\"k\": 3}}]");
        Experiment.Result result = run(two, "two", 2);
        assertEquals(2 * 3 * 2, result.trials());
        for (String learner : List.of("logistic", "knn[k=3]")) {
            assertTrue(Files.exists(dir.resolve("two/trials/iris/" + learner + "/qbc[committee=3,disagreement=kl_mean]/seed-2.json")));
            assertTrue(Files.exists(dir.resolve("two/reference/iris/" + learner + "/seed-1.json")));
        }
        assertEquals(List.of("logistic", "knn[k=3]"),
                ResultStore.JSON.readTree(dir.resolve("two/manifest.json").toFile()).get("learners").findValuesAsText("label"));
        // the plain form and the deprecated flat one name the same component
        String flat = two.replace("{\"name\": \"qbc\", \"params\": {\"committee\": 3, \"disagreement\": \"kl_mean\"}}",
                "{\"name\": \"qbc\", \"committee\": 3, \"disagreement\": \"kl_mean\"}");
        assertEquals(12, run(flat, "two", 1).resumed(), "same labels and fingerprints: everything reused");
        assertEquals("learners[1]: 'logistic' appears twice", assertThrows(ActiveBenchException.class,
                () -> experiment(two.replace("{\"name\": \"knn\", \"params\": {\"k\": 3}}",
                        "{\"name\": \"logistic\", \"params\": {\"C\": 1.0}}"))).getMessage());
        assertEquals("test config: learner: give exactly one of \"learner\" or \"learners\"", assertThrows(ActiveBenchException.class,
                () -> experiment(two.replace("\"learners\"", "\"learner\": \"knn\", \"learners\""))).getMessage());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertEquals("learner.name: unknown learner 'tree' (valid: knn, logistic, naive_bayes, random_forest, smile_logistic, svm; a plugin jar may be missing)",
                assertThrows(ActiveBenchException.class,
                        () -> experiment(SMALL.replace("\"name\": \"logistic\"", "\"name\": \"tree\""))).getMessage());
        assertEquals("strategies[1].name: unknown strategy 'bald' (valid: badge, class_balanced_entropy, consistency, density_entropy, entropy,"
                + " k_center, least_confidence, margin, oracle_skyline, qbc, random, student_teacher_kl, teacher_entropy;"
                + " a plugin jar may be missing)",
                assertThrows(ActiveBenchException.class,
                        () -> experiment(SMALL.replace("\"margin\"", "\"bald\""))).getMessage());
        assertEquals("strategies[1]: 'random' appears twice", assertThrows(ActiveBenchException.class,
                () -> experiment(SMALL.replace("\"margin\"", "\"random\""))).getMessage());
        assertEquals("strategies[1]: student_teacher_kl reads a teacher's predictions, but datasets[0] ('iris') has no"
                + " \"teacher\"", assertThrows(ActiveBenchException.class,
                () -> experiment(SMALL.replace("\"margin\"", "\"student_teacher_kl\""))).getMessage());
        assertTrue(assertThrows(ActiveBenchException.class,
                () -> experiment(SMALL.replace("\"margin\"", "\"oracle_skyline\""))).getMessage()
                .startsWith("strategies[1]: oracle_skyline reads the pool's true labels, an upper bound"));
    }
}
