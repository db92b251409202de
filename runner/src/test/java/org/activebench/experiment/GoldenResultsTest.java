package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.activebench.core.kernels.ScalarKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study that names no annotator writes exactly what ActiveBench wrote before annotators existed: golden/sha256.txt
 * holds the SHA-256 of every trial, reference and results.csv of golden/config.json as written by commit 1f58045
 * (before issue 31; its native kernels, one thread), and this run (scalar kernels, two threads) must match every
 * byte of every file.
 */
class GoldenResultsTest {
    @TempDir
    Path dir;

    @Test
    void resultsOfAStudyWithoutAnnotatorsAreThoseOfTheVersionBeforeAnnotators() throws Exception {
        String config = resource("golden/config.json");
        Path out = dir.resolve("out");
        new Experiment(ConfigReader.parse(config, "golden/config.json"), "golden/config.json", dir, new ScalarKernels())
                .run(out, 2, Progress.NONE);
        List<String> expected = resource("golden/sha256.txt").lines().toList();
        List<String> actual;
        try (Stream<Path> files = Stream.concat(Stream.concat(Files.walk(out.resolve("trials")),
                Files.walk(out.resolve("reference"))), Stream.of(out.resolve("results.csv")))) {
            actual = files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString().replace('\\', '/'))
                    .sorted().map(name -> sha256(out.resolve(name)) + "  " + name).toList();
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenResultsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
