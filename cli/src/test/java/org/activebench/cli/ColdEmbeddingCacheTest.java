package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text embeddings from an empty cache, in a JVM laid out as the launcher lays it out: the embedding stack is not on
 * the class path but named in {@code activebench.embeddings.path} and loaded on demand. (With the stack on the class
 * path, as in this suite's own JVM, the model is always found: that hid a broken cold path.) {@code .ci/run} does
 * the same through the launcher script itself.
 */
class ColdEmbeddingCacheTest {
    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-minilm-l6-v2", "bge-small-en-v1.5"})
    void embedAndRunFromAnEmptyCacheWithTheStackLoadedOnDemand(String model) throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("text,label\n");
        String[] good = {"a wonderful film", "great acting", "I loved it", "brilliant and moving", "a joy to watch", "superb"};
        String[] bad = {"a dull film", "terrible acting", "I hated it", "boring and long", "a waste of time", "awful"};
        for (int i = 0; i < good.length; i++) {
            csv.append('"').append(good[i]).append("\",pos\n\"").append(bad[i]).append("\",neg\n");
        }
        Path texts = Files.writeString(dir.resolve("reviews.csv"), csv.toString());
        Path cache = Files.createDirectories(dir.resolve("cache"));

        Run embed = launch(cache, "embed", texts.toString(), "--out", dir.resolve("e.csv").toString(), "--model", model);
        assertEquals(0, embed.code(), embed.out());
        assertEquals(13, Files.readAllLines(dir.resolve("e.csv")).size(), embed.out());

        Path config = Files.writeString(dir.resolve("text.json"), """
                {"name": "cold", "datasets": [{"name": "reviews", "path": "reviews.csv", "features": {"embed": "%s"}}],
                 "learner": "logistic", "strategies": ["random", "margin"], "seeds": [1], "testFraction": 0.25,
                 "initial": {"size": 2}, "batch": 1, "budget": {"rounds": 2}, "reference": false}
                """.formatted(model));
        Files.walk(cache).sorted((a, b) -> b.compareTo(a)).filter(p -> !p.equals(cache)).forEach(p -> p.toFile().delete());
        Run run = launch(cache, "run", config.toString(), "--out", dir.resolve("results").toString(), "--no-progress");
        assertEquals(0, run.code(), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("results/results.csv")), run.out());
        assertFalse(run.out().contains("Exception"), run.out());
    }

    /** The CLI in a child JVM whose class path lacks the embedding stack, which the property names instead. */
    private Run launch(Path cache, String... args) throws IOException, InterruptedException {
        Path embeddings = Path.of("..", "embeddings", "target").toAbsolutePath().normalize();
        Set<String> stack;
        try (Stream<Path> jars = Files.list(embeddings.resolve("lib"))) {
            stack = jars.map(p -> p.getFileName().toString()) // the stack's own jars; libraries the CLI shares stay
                    .filter(name -> name.matches("(langchain4j|onnxruntime|tokenizers|api-).*")).collect(Collectors.toSet());
        }
        ProcessBuilder builder = ChildCli.of(dir,
                entry -> !stack.contains(Path.of(entry).getFileName().toString()) && !entry.contains("embeddings"),
                List.of("-Dactivebench.embeddings.path=" + embeddings.resolve("activebench-embeddings.jar") + File.pathSeparator
                        + embeddings.resolve("lib")), args);
        builder.environment().put("ACTIVEBENCH_CACHE", cache.toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
