package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.ScalarKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a careless user or a hostile config can do to a results directory (issue 17): write outside it, overwrite
 * trials through colliding names or symbolic links, run twice into it at once, or get a resumed run that differs from
 * an uninterrupted one. Each case is refused before anything is written, or comes out byte for byte right.
 */
class HardeningTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            {"name": "hard",
             "datasets": [{"name": "iris"}],
             "learner": "naive_bayes",
             "strategies": ["random", "margin"],
             "seeds": [1, 2],
             "initial": {"size": 6},
             "batch": 5,
             "budget": {"rounds": 2},
             "metrics": ["macro_f1", "accuracy"]}
            """;

    private static String withDatasets(String datasets) {
        return CONFIG.replace("[{\"name\": \"iris\"}]", datasets);
    }

    private Experiment.Result run(String json, Path out) {
        return new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels()).run(out, 2,
                Progress.NONE);
    }

    private String refused(String json, Path out) {
        return assertThrows(ActiveBenchException.class, () -> run(json, out)).getMessage();
    }

    /** Every file under {@code root} but timings, the manifest and study.json (which record when and how fast), by path. */
    private static Map<String, byte[]> outputFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString();
                if (!name.startsWith("timings/") && !name.equals("manifest.json") && !name.equals(StudyRecord.FILE)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertEquals(new String(bytes), new String(actual.get(name)), name));
    }

    private static String key(TrialResult r) {
        return r.dataset() + "/" + r.learner() + "/" + r.strategy() + "/" + r.seed();
    }

    @Test
    void anExperimentNameThatIsNotOnePlainDirectoryNameIsRefused() {
        for (String name : List.of("../../../x", "..", ".", "", "a/b", "/tmp/x", ".hidden", "x".repeat(201), "a\u0000b")) {
            String json = CONFIG.replace("\"hard\"", "\"" + name.replace("\u0000", "\\u0000") + "\"");
            String message = assertThrows(ActiveBenchException.class, () -> ConfigReader.parse(json, "c.json")).getMessage();
            assertTrue(message.startsWith("c.json: name: '" + name + "' cannot name a results directory: use letters,"
                    + " digits and - _ . [ ] = , (not starting with '.', at most 200 characters)"), name + ": " + message);
        }
        assertEquals("x".repeat(200), ConfigReader.parse(CONFIG.replace("\"hard\"", "\"" + "x".repeat(200) + "\""), "c.json")
                .nameOrDefault());
    }

    @Test
    void namesThatShareAFileNameAreRefusedBeforeAnythingIsWritten() throws IOException {
        Files.writeString(dir.resolve("two.csv"), "a,label\n" + "1,x\n2,y\n".repeat(30));
        Path out = dir.resolve("out");
        String pair = "[{\"name\": \"%s\", \"path\": \"two.csv\"}, {\"name\": \"%s\", \"path\": \"two.csv\"}]";
        assertEquals("c.json: datasets[1].name: 'a_b' and datasets[0].name 'a/b' would share the file name 'a_b'; rename one",
                refused(withDatasets(pair.formatted("a/b", "a_b")), out));
        assertEquals("c.json: datasets[1].name: 'iris*' and datasets[0].name 'iris?' would share the file name 'iris_';"
                + " rename one", refused(withDatasets(pair.formatted("iris?", "iris*")), out));
        assertEquals("c.json: datasets[1].name: 'Two' and datasets[0].name 'two' would share the file name 'Two'; rename"
                + " one", refused(withDatasets(pair.formatted("two", "Two")), out), "case-insensitive file systems merge them");
        assertFalse(Files.exists(out));
    }

    @Test
    void tooLongNamesAndPathsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Files.writeString(dir.resolve("two.csv"), "a,label\n" + "1,x\n2,y\n".repeat(30));
        Path out = dir.resolve("out");
        String name = "n".repeat(300);
        assertEquals("c.json: datasets[0].name: '" + "n".repeat(40) + "..." + "n".repeat(15) + "' is 300 characters long;"
                + " names become file names, at most 200",
                refused(withDatasets("[{\"name\": \"" + name + "\", \"path\": \"two.csv\"}]"), out));
        assertFalse(Files.exists(out));

        Path deep = dir;
        for (int i = 0; i < 17; i++) {
            deep = deep.resolve("d".repeat(240));
        }
        String message = refused(CONFIG, deep);
        assertTrue(message.matches(".*: the path is \\d+ bytes long, more than 4000; choose a shorter --out or shorter"
                + " names"), message);
        assertFalse(Files.exists(dir.resolve("d".repeat(240))), "not even the first directory");
    }

    @Test
    void symbolicLinksInsideTheResultsDirectoryAreRefusedWhenRunningAndReading() throws IOException {
        Path out = dir.resolve("out");
        run(CONFIG, out);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(out.resolve("trials"), elsewhere.resolve("trials"));
        Files.createSymbolicLink(out.resolve("trials"), elsewhere.resolve("trials"));
        String expected = out.resolve("trials") + ": a symbolic link inside a results directory; ActiveBench reads and"
                + " writes only real files and directories under " + out + " (replace the link by what it points to, or"
                + " give that as the directory)";
        assertEquals(expected, refused(CONFIG, out));
        assertEquals(expected, assertThrows(ActiveBenchException.class, () -> ResultsDirectory.read(out)).getMessage());
        assertFalse(Files.exists(out.resolve(Claim.LOCK_FILE)), "refused before locking");
        Files.delete(out.resolve("trials"));
        Files.move(elsewhere.resolve("trials"), out.resolve("trials"));
        Files.createSymbolicLink(out.resolve("data"), elsewhere);
        assertEquals(4, run(CONFIG, out).resumed(), "a link outside the results layout is not ActiveBench's business");

        Path file = Files.writeString(dir.resolve("a-file"), "mine");
        assertEquals(file + ": exists and is not a directory; a results directory is needed here", refused(CONFIG, file));

        Path linked = Files.createSymbolicLink(dir.resolve("linked"), Files.createDirectories(dir.resolve("real")));
        assertEquals(4, run(CONFIG, linked).trials(), "the results directory itself may be a link");
        assertTrue(Files.exists(dir.resolve("real/results.csv")));
    }

    @Test
    void aSecondRunIntoALockedDirectoryFailsAtOnceAndLeavesTheFirstRunsFilesAlone() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path partial = Files.writeString(out.resolve("results.csv.123.45" + AtomicFiles.TEMP_SUFFIX), "being written");
        Path notOurs = Files.writeString(out.resolve("download.1.2" + AtomicFiles.TEMP_SUFFIX), "a browser's");
        try (Claim first = Claim.take(out.resolve(Claim.LOCK_FILE), out.toString())) {
            String message = refused(CONFIG, out);
            assertTrue(message.matches("\\Q" + out + "\\E is in use by process " + ProcessHandle.current().pid()
                    + " on \\S+ \\(since [0-9T:.Z-]+\\); wait for it to finish, or, if it is gone, delete \\Q"
                    + out.resolve(Claim.LOCK_FILE) + "\\E"), message);
            assertTrue(Files.exists(partial), "the other run's temporary file is not touched");
            assertFalse(Files.exists(out.resolve("manifest.json")));
        }
        assertFalse(Files.exists(out.resolve(Claim.LOCK_FILE)), "released");
        run(CONFIG, out);
        assertFalse(Files.exists(partial), "our own lock: leftovers are removed");
        assertTrue(Files.exists(notOurs), "a file outside the results layout is not ours to remove");
        assertFalse(Files.exists(out.resolve(Claim.LOCK_FILE)), "released after the run");
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOverAndOneOfAnotherHostIsNamed() throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Claim.Owner self = Claim.Owner.current();
        Path lock = out.resolve(Claim.LOCK_FILE);
        Files.writeString(lock, "{\"host\": \"" + self.host() + "\", \"pid\": " + gone.pid() + ", \"started\": \"\","
                + " \"since\": \"2026-01-01T00:00:00Z\", \"token\": \"old\"}");
        assertEquals(4, run(CONFIG, out).trials());
        assertFalse(Files.exists(lock));

        Files.writeString(lock, "{\"host\": \"" + self.host() + "\", \"pid\": " + self.pid() + ", \"started\":"
                + " \"1970-01-01T00:00:00Z\", \"since\": \"2026-01-01T00:00:00Z\", \"token\": \"reused\"}");
        assertEquals(4, run(CONFIG, out).resumed(), "a live pid with another start time is another process");

        Files.writeString(lock, "{\"host\": \"node-17\", \"pid\": 1, \"started\": \"\", \"since\":"
                + " \"2026-01-01T00:00:00Z\", \"token\": \"remote\"}");
        assertEquals(out + " is in use by process 1 on node-17 (since 2026-01-01T00:00:00Z); wait for it to finish, or,"
                + " if it is gone, delete " + lock, refused(CONFIG, out));
        Files.writeString(lock, "garbage");
        assertTrue(refused(CONFIG, out).startsWith(out + " is in use by an unreadable claim file (empty, or not written by"
                + " ActiveBench) touched "), "fresh: perhaps being written");
    }

    @Test
    void aResumedRunIsByteForByteAnUninterruptedOne() throws IOException {
        Path whole = dir.resolve("whole");
        run(CONFIG, whole);
        Path resumed = dir.resolve("resumed");
        run(CONFIG, resumed);
        Files.delete(resumed.resolve("trials/iris/naive_bayes/margin/seed-2.json"));
        Files.delete(resumed.resolve("trials/iris/naive_bayes/random/seed-1.json"));
        Files.delete(resumed.resolve("reference/iris/naive_bayes/seed-1.json"));
        Files.delete(resumed.resolve("results.csv"));
        assertEquals(2, run(CONFIG, resumed).resumed());
        assertSameFiles(outputFiles(whole), outputFiles(resumed));
        assertTrue(Files.readString(whole.resolve("results.csv")).contains(",0,6,accuracy,"), "metrics in one order");
    }

    @Test
    void theReportDescribesExactlyTheTrialsOfTheConfigInTheManifest() throws IOException {
        Path out = dir.resolve("out");
        run(CONFIG.replace("\"strategies\": [\"random\", \"margin\"]", "\"strategies\": [\"random\", \"margin\", \"entropy\"]")
                .replace("[1, 2]", "[1, 2, 3]"), out);
        Experiment.Result smaller = run(CONFIG, out);
        assertEquals(4, smaller.resumed());
        ResultsDirectory read = ResultsDirectory.read(out);
        assertEquals(smaller.results().stream().map(HardeningTest::key).toList(),
                read.trials().stream().map(t -> key(t.result())).toList());
        assertEquals(9 - 4, read.leftOut(), "entropy x 3 seeds, random and margin with seed 3");
        assertEquals(2, read.references().size(), "seeds 1 and 2");
        long csvTrials = Files.readAllLines(out.resolve("results.csv")).stream().skip(1)
                .map(l -> String.join(",", List.of(l.split(",")).subList(0, 4))).distinct().count();
        assertEquals(read.trials().size(), csvTrials, "results.csv and the report agree");
    }
}
