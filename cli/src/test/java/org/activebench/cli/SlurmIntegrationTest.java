package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study on a real Slurm (the one-node cluster of {@code examples/slurm/one-node-cluster.sh}): a 4-task job array
 * and its merge job give byte for byte the {@code trials/} and {@code results.csv} of one process; after one task is
 * cancelled and another's JVM killed, submitting again completes the study, identical, with no cell computed twice.
 * Skips without a running Slurm, unless {@code ACTIVEBENCH_REQUIRE_SLURM} is set (CI sets it).
 */
class SlurmIntegrationTest {
    private static final Pattern SUBMITTED = Pattern.compile("submitted job array (\\d+) \\(4 shards\\) and merge job (\\d+);.*", Pattern.DOTALL);
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void slurmIsUp() throws IOException, InterruptedException {
        Run sinfo = shell("sinfo -h -o %t", 30);
        if (sinfo.out().lines().anyMatch(state -> state.matches("(idle|mix|alloc)\\W*"))) {
            return;
        }
        String reason = "no Slurm node is up here (sinfo: " + sinfo.out().strip() + "); examples/slurm/one-node-cluster.sh"
                + " start installs and starts one";
        if (System.getenv("ACTIVEBENCH_REQUIRE_SLURM") != null) {
            fail(reason + ", and ACTIVEBENCH_REQUIRE_SLURM is set");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    @Test
    void jobArrayAndMergeGiveOneProcessResultsAndSurviveCancelAndKill() throws Exception {
        Path config = Files.writeString(dir.resolve("study.json"), """
                {"name": "slurm-it", "datasets": [{"name": "iris"}, {"name": "wine"}, {"name": "breast_cancer"}],
                 "learner": "logistic", "strategies": ["random", "margin", "entropy", "qbc"], "seeds": [1, 2, 3, 4, 5, 6],
                 "initial": {"size": 10}, "batch": 5, "budget": {"rounds": 30}}
                """);
        Path single = dir.resolve("single");
        long start = System.nanoTime();
        Run one = shell(SlurmCommand.launcher() + " run " + config + " --out " + single + " --no-progress", 600);
        double singleSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, one.code(), one.out());

        Path clean = dir.resolve("clean");
        start = System.nanoTime();
        Jobs jobs = submit(config, clean);
        awaitEnd(jobs, 10 * MINUTE);
        double arraySeconds = (System.nanoTime() - start) / 1e9;
        assertTrue(Files.exists(clean.resolve("results.csv")), "the merge job wrote results.csv: " + logs(clean));
        assertSameResults(single, clean);
        System.out.printf("slurm: one process %.1f s; 4-task array + merge job %.1f s (submit to end, %d cpus)%n",
                singleSeconds, arraySeconds, Runtime.getRuntime().availableProcessors());

        Path faulty = dir.resolve("faulty");
        Jobs first = submit(config, faulty);
        long cancelledPid = computing(faulty, first.task(1), 5 * MINUTE);
        assertEquals(0, shell("scancel " + first.task(1), 30).code());
        long killedPid = computing(faulty, first.task(2), 5 * MINUTE);
        assertEquals(0, shell("kill -9 " + killedPid, 30).code());
        awaitEnd(first, 10 * MINUTE);
        assertFalse(Files.exists(faulty.resolve("results.csv")), "the first merge refuses a study with cells missing");
        assertTrue(Files.readString(faulty.resolve("slurm/logs/merge-" + first.merge() + ".out")).contains("cells are not done"),
                logs(faulty));

        Jobs again = submit(config, faulty);
        awaitEnd(again, 10 * MINUTE);
        assertTrue(Files.exists(faulty.resolve("results.csv")), "the second merge job wrote results.csv: " + logs(faulty));
        assertSameResults(single, faulty);

        Map<String, Integer> computed = new TreeMap<>();
        Map<String, Integer> recomputedByShard = new TreeMap<>();
        for (String line : journalLines(faulty)) {
            String[] field = line.split("\t");
            if (field[1].equals("computed")) {
                computed.merge(field[2], 1, Integer::sum);
                if (field[3].contains("slurm job " + again.array() + "_")) {
                    recomputedByShard.merge(field[3].substring(0, field[3].indexOf(',')), 1, Integer::sum);
                }
            }
        }
        computed.forEach((id, times) -> assertEquals(1, times, id + " computed " + times + " times"));
        // each fault can lose at most the journal line of a cell saved just before the process died
        int cells = cellFiles(single).size();
        assertTrue(computed.size() >= cells - 2 && computed.size() <= cells, computed.size() + " of " + cells + " cells journalled");
        assertEquals(List.of("shard 1/4", "shard 2/4"), List.copyOf(recomputedByShard.keySet()),
                "only the cancelled and the killed shard had cells left: " + recomputedByShard);
        System.out.printf("slurm faults: scancel of task 1 (pid %d) and kill -9 of task 2's JVM (pid %d) left %s cells;"
                + " the resubmitted array computed them, %d cells journalled once, none twice, results identical%n",
                cancelledPid, killedPid, recomputedByShard, computed.size());
    }

    private record Run(int code, String out) {
    }

    private record Jobs(String array, String merge) {
        String task(int i) {
            return array + "_" + i;
        }
    }

    /** Submits the study as 4 shards through the CLI, in this JVM, so the tasks run this build's launcher. */
    private static Jobs submit(Path config, Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = ActiveBenchCli.execute(new String[] {"slurm", config.toString(), "--array", "4", "--out", out.toString()},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, code, stderr.toString());
        Matcher m = SUBMITTED.matcher(stdout.toString());
        assertTrue(m.matches(), stdout.toString());
        return new Jobs(m.group(1), m.group(2));
    }

    /** Waits until neither the array's tasks nor the merge job are in Slurm's queue. */
    private static void awaitEnd(Jobs jobs, long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Run queue = shell("squeue -h -o %i", 30);
            assertEquals(0, queue.code(), queue.out());
            if (queue.out().lines().noneMatch(job -> job.equals(jobs.merge()) || job.startsWith(jobs.array() + "_")
                    || job.equals(jobs.array()))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("jobs " + jobs + " still queued after " + millis / 1000 + " s");
    }

    /** The pid of the process of array task {@code task} once it has computed a cell, from its journal's name. */
    private static long computing(Path results, String task, long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        Path journals = results.resolve("claims/journal");
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(journals)) {
                try (Stream<Path> files = Files.list(journals)) {
                    for (Path journal : files.toList()) {
                        if (Files.readString(journal).contains("\tcomputed\t") && Files.readString(journal).contains("slurm job " + task + "\n")) {
                            String[] name = journal.getFileName().toString().split("\\."); // HOST.PID.TOKEN.log
                            return Long.parseLong(name[name.length - 3]);
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        fail("task " + task + " computed no cell in " + millis / 1000 + " s: " + logs(results));
        return -1;
    }

    private static void assertSameResults(Path expected, Path actual) throws IOException {
        assertEquals(Files.readString(expected.resolve("results.csv")), Files.readString(actual.resolve("results.csv")));
        Map<String, String> want = cellFiles(expected);
        Map<String, String> got = cellFiles(actual);
        assertEquals(want.keySet(), got.keySet());
        want.forEach((file, text) -> assertEquals(text, got.get(file), file));
    }

    /** Every trial and reference file under {@code results}, by relative path. */
    private static Map<String, String> cellFiles(Path results) throws IOException {
        Map<String, String> files = new HashMap<>();
        for (String top : List.of("trials", "reference")) {
            try (Stream<Path> walk = Files.walk(results.resolve(top))) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(results.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    private static List<String> journalLines(Path results) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(results.resolve("claims/journal"))) {
            for (Path journal : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(journal));
            }
        }
        return lines;
    }

    private static String logs(Path results) throws IOException {
        Path dir = results.resolve("slurm/logs");
        if (!Files.isDirectory(dir)) {
            return "(no logs)";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.sorted().toList()) {
                text.append("\n== ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return text.toString();
    }

    private static Run shell(String command, int seconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("slurm-it", ".out");
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("`" + command + "` did not finish in " + seconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(output));
        } finally {
            Files.delete(output);
        }
    }
}
