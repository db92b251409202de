package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study of many small trials killed with SIGKILL at about half way, then run again into the same directory: its
 * trials and results.csv are byte for byte those of an uninterrupted run (the smaller sibling of
 * {@code benchmarks/load/load.sh}, which does this with 2000 trials).
 */
class KilledStudyResumesTest {
    @TempDir
    Path dir;

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root.resolve("trials"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        files.put("results.csv", Files.readString(root.resolve("results.csv")));
        return files;
    }

    private static long trials(Path out) throws IOException {
        if (!Files.isDirectory(out.resolve("trials"))) {
            return 0;
        }
        for (;;) {
            try (Stream<Path> walk = Files.walk(out.resolve("trials"))) {
                return walk.filter(p -> p.getFileName().toString().matches("seed-\\d+\\.json")).count();
            } catch (java.io.UncheckedIOException e) {
                // a temporary file renamed away while listed: list again
            }
        }
    }

    private int run(Path config, Path out) throws IOException, InterruptedException {
        Process p = ChildCli.of(dir, entry -> true, List.of(), "run", config.toString(), "--out", out.toString(),
                "--no-progress", "--threads", "2").redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        return p.exitValue();
    }

    @Test
    void aStudyKilledAtHalfResumesToTheUninterruptedResults() throws IOException, InterruptedException {
        String seeds = LongStream.rangeClosed(1, 40).mapToObj(Long::toString).collect(Collectors.joining(", "));
        Path config = Files.writeString(dir.resolve("load.json"), """
                {"name": "load", "datasets": [{"name": "iris"}], "learner": "logistic",
                 "strategies": ["random", "least_confidence", "entropy", "margin", {"name": "qbc", "params": {"committee": 3}}],
                 "seeds": [%s], "initial": {"size": 6}, "batch": 3, "budget": {"rounds": 4}}
                """.formatted(seeds));
        Path whole = dir.resolve("whole");
        assertEquals(0, run(config, whole));
        assertEquals(200, trials(whole));

        Path killed = dir.resolve("killed");
        Process p = ChildCli.of(dir, entry -> true, List.of(), "run", config.toString(), "--out", killed.toString(),
                "--no-progress", "--threads", "2").redirectOutput(dir.resolve("killed.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (trials(killed) < 100 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long atKill = trials(killed);
        assertTrue(atKill >= 100 && atKill < 200, "killed part way: " + atKill + " of 200 trials written");

        assertEquals(0, run(config, killed));
        assertEquals(files(whole), files(killed));
    }
}
