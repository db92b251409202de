package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.ScalarKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards of one study into one directory, then merge: the same trials and results.csv as one run. */
class ShardTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            {"name": "sharded",
             "datasets": [{"name": "iris"}, {"name": "wine"}],
             "learner": "naive_bayes",
             "strategies": ["random", "margin", {"name": "qbc", "params": {"committee": 3}}],
             "seeds": [1, 2, 3],
             "initial": {"size": 6},
             "batch": 5,
             "budget": {"rounds": 2}}
            """;

    private Experiment experiment(String json) {
        return new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels());
    }

    private Experiment.Result shard(String json, Path out, Shard shard) {
        return experiment(json).run(out, shard, 1, Progress.NONE, Claim.DEFAULT_TIMEOUT);
    }

    private static Map<String, String> files(Path root, String... areas) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String area : areas) {
            try (Stream<Path> walk = Files.walk(root.resolve(area))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return files;
    }

    @Test
    void shardsCoverEveryCellOnceAndMergeToWhatOneRunWrites() throws IOException {
        Path whole = dir.resolve("whole");
        experiment(CONFIG).run(whole, 2, Progress.NONE);
        Path sharded = dir.resolve("sharded");
        int trials = 0;
        for (int i = 3; i >= 0; i--) { // in any order
            trials += shard(CONFIG, sharded, new Shard(i, 4)).trials();
        }
        assertEquals(18, trials, "every trial in exactly one shard");
        assertTrue(Files.notExists(sharded.resolve("results.csv")), "no results.csv before the merge");
        StudyMerge.Merged merged = StudyMerge.merge(sharded);
        assertEquals(24, merged.cells());
        assertEquals(files(whole, "trials", "reference"), files(sharded, "trials", "reference"));
        assertEquals(Files.readString(whole.resolve("results.csv")), Files.readString(sharded.resolve("results.csv")));

        List<String> computed = new ArrayList<>();
        for (String line : CellClaims.journals(sharded)) {
            String[] f = line.split("\t");
            if (f[1].equals("computed")) {
                computed.add(f[2]);
            }
        }
        assertEquals(24, computed.size());
        assertEquals(24, computed.stream().distinct().count(), "no cell computed twice");
        StudyStatus status = StudyStatus.of(sharded, Claim.DEFAULT_TIMEOUT);
        assertEquals(24, status.total(StudyStatus.Row::done));
        assertEquals(0, status.total(StudyStatus.Row::missing));
        assertEquals(0, shard(CONFIG, sharded, new Shard(1, 4)).trials() - shard(CONFIG, sharded, new Shard(1, 4)).resumed(),
                "a shard run again computes nothing");
    }

    @Test
    void theAssignmentIsBalancedByCost() {
        Experiment e = experiment(CONFIG);
        Path out = dir.resolve("o");
        int[] qbc = new int[2];
        for (int i = 0; i < 2; i++) {
            for (TrialResult r : shard(CONFIG, out, new Shard(i, 2)).results()) {
                if (r.strategy().startsWith("qbc")) {
                    qbc[i]++;
                }
            }
        }
        assertEquals(3, qbc[0], "committees (three times the fits) spread evenly");
        assertEquals(3, qbc[1]);
        assertTrue(e.name().equals("sharded"));
    }

    @Test
    void aShardOfAnotherStudyRefusesAndMergeRefusesMissingCellsAndMixedStudies() throws IOException {
        Path out = dir.resolve("o");
        shard(CONFIG, out, new Shard(0, 2));
        String other = CONFIG.replace("[1, 2, 3]", "[1, 2]");
        String refused = assertThrows(ActiveBenchException.class, () -> shard(other, out, new Shard(1, 2))).getMessage();
        assertTrue(refused.contains("holds study 'sharded' (24 cells") && refused.contains("16 cells"), refused);
        String missing = assertThrows(ActiveBenchException.class, () -> StudyMerge.merge(out)).getMessage();
        assertTrue(missing.contains(" of 24 cells are not done (0 failed)"), missing);
        StudyStatus status = StudyStatus.of(out, Claim.DEFAULT_TIMEOUT);
        assertEquals(24, status.total(StudyStatus.Row::done) + status.total(StudyStatus.Row::missing));

        shard(CONFIG, out, new Shard(1, 2));
        Path stray = out.resolve("trials/iris/naive_bayes/entropy/seed-1.json");
        Files.createDirectories(stray.getParent());
        Files.copy(out.resolve("trials/iris/naive_bayes/margin/seed-1.json"), stray);
        String mixed = assertThrows(ActiveBenchException.class, () -> StudyMerge.merge(out)).getMessage();
        assertTrue(mixed.contains("mixes studies: " + stray + " is no cell of study 'sharded'"), mixed);
        Files.delete(stray);
        assertEquals(18, StudyMerge.merge(out).trials());
    }

    @Test
    void aClaimHeldByALiveProcessIsSkippedAndOneWithAnOldHeartbeatIsTakenOver() throws IOException {
        Path out = dir.resolve("o");
        Path file = CellClaims.claimFile(out, "trials/iris/naive_bayes/margin/seed-1");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"host\": \"node-17\", \"pid\": 1, \"started\": \"\", \"since\":"
                + " \"2026-01-01T00:00:00Z\", \"token\": \"remote\", \"works\": \"shard 0/1\"}");
        Experiment.Result first = shard(CONFIG, out, new Shard(0, 1));
        assertEquals(1, first.elsewhere(), "held by a live process elsewhere: left to it");
        StudyStatus status = StudyStatus.of(out, Claim.DEFAULT_TIMEOUT);
        assertEquals(1, status.total(StudyStatus.Row::running));
        assertTrue(status.describe().contains("trials/iris/naive_bayes/margin/seed-1: process 1 on node-17 (shard 0/1)"),
                status.describe());

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(6))));
        assertEquals(1, StudyStatus.of(out, Claim.DEFAULT_TIMEOUT).stale().size());
        Experiment.Result second = shard(CONFIG, out, new Shard(0, 1));
        assertEquals(0, second.elsewhere(), "a heartbeat older than the timeout: taken over");
        assertEquals(17, second.resumed());
        assertTrue(Files.notExists(file), "released");
        assertEquals(18, StudyMerge.merge(out).trials());
    }

    @Test
    void anEmptyOrGarbageClaimIsSkippedWhileFreshAndTakenOverOnceStale() throws IOException {
        Path out = dir.resolve("o");
        Path empty = CellClaims.claimFile(out, "trials/iris/naive_bayes/margin/seed-1");
        Path garbage = CellClaims.claimFile(out, "trials/wine/naive_bayes/random/seed-2");
        Files.createDirectories(empty.getParent());
        Files.createDirectories(garbage.getParent());
        Files.write(empty, new byte[0]);
        Files.writeString(garbage, "{\"host\": \"node-1\", \"pid\": [oops\n\u0000\u0000");
        Experiment.Result first = shard(CONFIG, out, new Shard(0, 1));
        assertEquals(2, first.elsewhere(), "fresh: perhaps a claim being written; skipped, the others computed");
        assertEquals(16, first.trials() - first.resumed() - first.elsewhere());
        StudyStatus status = StudyStatus.of(out, Claim.DEFAULT_TIMEOUT);
        assertEquals(2, status.total(StudyStatus.Row::running));
        assertTrue(status.describe().contains("trials/iris/naive_bayes/margin/seed-1: an unreadable claim file (empty, or"
                + " not written by ActiveBench) touched "), status.describe());

        for (Path file : List.of(empty, garbage)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(6))));
        }
        Experiment.Result second = shard(CONFIG, out, new Shard(0, 1));
        assertEquals(0, second.elsewhere(), "a heartbeat older than the timeout: taken over");
        assertEquals(16, second.resumed());
        assertTrue(Files.notExists(empty) && Files.notExists(garbage), "released");
        assertEquals(18, StudyMerge.merge(out).trials());
    }

    @Test
    void aGarbageLockIsOneLineWhileFreshAndTakenOverOnceStale() throws IOException {
        Path out = dir.resolve("o");
        Files.createDirectories(out);
        Path lock = out.resolve(Claim.LOCK_FILE);
        Files.writeString(lock, "{\"host\": \"node-1\",\n\"pid\": [oops");
        String message = assertThrows(ActiveBenchException.class, () -> experiment(CONFIG).run(out, 1, Progress.NONE)).getMessage();
        assertTrue(message.matches(".* is in use by an unreadable claim file \\(empty, or not written by ActiveBench\\) touched"
                + " \\d+ s ago; wait for it to finish, or, if it is gone, delete .*"), message);
        assertEquals(1, message.lines().count());
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(6))));
        assertEquals(18, experiment(CONFIG).run(out, 1, Progress.NONE).trials());
        assertTrue(Files.notExists(lock));
    }

    @Test
    void aRunRefusedForResultsOfAnotherConfigurationChangesNothing() throws IOException {
        Path data = Files.writeString(dir.resolve("d.csv"), "a,b,label\n" + String.join("\n", java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> (i % 7) + "," + (i % 5 + (i % 3 == 0 ? 4 : 0)) + "," + (i % 3 == 0 ? "x" : "y")).toList()) + "\n");
        String config = """
                {"name": "s", "datasets": [{"name": "d", "path": "d.csv"}], "learner": "naive_bayes",
                 "strategies": ["random", "margin"], "seeds": [1, 2], "initial": {"size": 4}, "batch": 2,
                 "budget": {"rounds": 2}}
                """;
        Path out = dir.resolve("o");
        experiment(config).run(out, 1, Progress.NONE);
        Map<String, String> before = files(out, ".");
        Files.writeString(data, Files.readString(data).replace("\n1,", "\n2,")); // the data changed since
        String refused = assertThrows(ActiveBenchException.class, () -> experiment(config).run(out, 1, Progress.NONE)).getMessage();
        assertTrue(refused.contains("holds a result of a different configuration"), refused);
        assertEquals(before, files(out, "."), "study.json, trials, results: as they were");
        assertThrows(ActiveBenchException.class, () -> shard(config, out, new Shard(0, 2)));
        assertEquals(before, files(out, "."), "a refused shard changes nothing either");
        assertEquals(4 + 2, StudyStatus.of(out, Claim.DEFAULT_TIMEOUT).total(StudyStatus.Row::done), "trials and references");
        assertEquals(4, StudyMerge.merge(out).trials(), "the old study, still whole");
    }
}
