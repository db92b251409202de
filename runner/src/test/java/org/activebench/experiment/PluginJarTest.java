package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.spi.Provider;
import org.activebench.core.spi.Registry;
import org.activebench.strategies.StrategyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A strategy compiled and jarred here, as a third party would ship it, registers through the SPI and runs in a study. */
class PluginJarTest {
    @TempDir
    Path dir;

    /** Scores the unlabelled rows by minus their index, the first {@code skip} positions last: its picks are known. */
    private static final String LOWEST_ROWS = """
            package org.example;

            import java.util.List;
            import org.activebench.core.spi.ParamSpec;
            import org.activebench.core.spi.Parameters;
            import org.activebench.strategies.QueryStrategy;
            import org.activebench.strategies.StrategyProvider;

            public final class LowestRows implements StrategyProvider {
                static final ParamSpec<Integer> SKIP = ParamSpec.integer("skip", 0, 0, 1000, "positions passed over");

                public String name() { return "%s"; }
                public String description() { return "the unlabelled rows of lowest index%s"; }
                public List<ParamSpec<?>> params() { return List.of(SKIP); }

                public QueryStrategy create(Parameters p) {
                    int skip = p.get(SKIP);
                    return (context, batch) -> {
                        int[] rows = context.unlabelled();
                        double[] scores = new double[rows.length];
                        for (int i = 0; i < rows.length; i++) {
                            scores[i] = i < skip ? -1e9 : -rows[i];
                        }
                        return context.top(scores, batch);
                    };
                }
            }
            """;

    /** Compiles {@code source} (class org.example.LowestRows) into a jar listing {@code services} as its providers. */
    private Path jar(String file, String source, String services, String version) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(dir.resolve("src-" + file + "/org/example")).resolve("LowestRows.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes-" + file));
        String classPath = Stream.of(Provider.class, StrategyProvider.class).map(c -> {
            try {
                return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath, src.toString()));
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve(file);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + StrategyProvider.class.getName()));
            out.write(services.getBytes(StandardCharsets.UTF_8));
            List<Path> compiled;
            try (Stream<Path> walk = Files.walk(classes)) {
                compiled = walk.filter(Files::isRegularFile).toList();
            }
            for (Path c : compiled) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
            }
        }
        return jar;
    }

    private Path plugin(String file, String name, String description, String version) throws Exception {
        return jar(file, LOWEST_ROWS.formatted(name, description), "org.example.LowestRows\n", version);
    }

    /** Iris with a fixed split: the test set every third row, one initial row per class. */
    private void split() throws IOException {
        String pool = IntStream.range(0, 150).filter(r -> r % 3 != 0).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String test = IntStream.range(0, 150).filter(r -> r % 3 == 0).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Files.writeString(dir.resolve("split.json"), "{\"splits\": [{\"seed\": 1, \"pool\": [" + pool + "], \"test\": ["
                + test + "], \"initial\": [1, 52, 101]}]}");
    }

    private static final String CONFIG = """
            {"name": "plugin",
             "datasets": [{"name": "iris", "split": "split.json"}],
             "learner": "logistic",
             "strategies": ["margin", {"name": "lowest_rows", "params": {"skip": 2}}],
             "seeds": [1], "initial": {"size": 3}, "batch": 5, "budget": {"rounds": 2},
             "plugins": ["lowest.jar"]}
            """;

    private Experiment.Result run(String out) {
        return new Experiment(ConfigReader.parse(CONFIG, "c.json"), "c.json", dir, new ScalarKernels(), Catalog.builtIn(),
                Map.of()).run(dir.resolve(out), 1, Progress.NONE);
    }

    @Test
    void aStrategyFromAJarRunsBesideTheBuiltInsAndItsResultsNameTheJar() throws Exception {
        Path jar = plugin("lowest.jar", "lowest_rows", "", "1.2.3");
        split();
        Experiment.Result result = run("out");
        assertEquals(2, result.trials());
        Path trial = dir.resolve("out/trials/iris/logistic/lowest_rows[skip=2]/seed-1.json");
        JsonNode rounds = ResultStore.JSON.readTree(trial.toFile()).get("rounds");
        // unlabelled at round 0: the pool (rows not divisible by 3) without 1, 52, 101; rows 2 and 4 are skipped
        assertArrayEquals(new int[] {5, 7, 8, 10, 11}, ints(rounds.get(1).get("picked")));
        assertArrayEquals(new int[] {13, 14, 16, 17, 19}, ints(rounds.get(2).get("picked")));

        JsonNode manifest = ResultStore.JSON.readTree(dir.resolve("out/manifest.json").toFile());
        JsonNode plugin = manifest.get("strategies").get(1);
        assertEquals("lowest_rows[skip=2]", plugin.get("label").asText());
        assertEquals("lowest.jar", plugin.get("source").asText());
        assertEquals("1.2.3", plugin.get("version").asText());
        assertEquals(Registry.sha256(jar), plugin.get("sha256").asText());
        assertEquals("activebench", manifest.get("strategies").get(0).get("source").asText());

        assertEquals(2, run("out").resumed(), "the same jar: both trials reused");
        plugin("lowest.jar", "lowest_rows", ", rebuilt", "1.2.3");
        String rebuilt = rejected(() -> run("out"));
        assertTrue(rebuilt.startsWith(trial + ": holds a result of a different configuration"),
                "a rebuilt jar changes the plugin trial's fingerprint: " + rebuilt);
        assertEquals(2, run("fresh").trials());
    }

    private static int[] ints(JsonNode array) {
        List<Integer> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asInt()));
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String rejected(Runnable r) {
        return assertThrows(ActiveBenchException.class, r::run).getMessage();
    }

    @Test
    void aBrokenPluginIsOneClearError() throws Exception {
        Path missing = jar("missing.jar", LOWEST_ROWS.formatted("lowest_rows", ""), "org.example.Gone\n", "1");
        String gone = rejected(() -> Catalog.load(List.of(missing), "--plugin"));
        assertTrue(gone.startsWith("plugin: broken StrategyProvider declaration: ") && gone.contains("org.example.Gone"), gone);

        Path twin = plugin("twin.jar", "margin", "", "1");
        assertEquals("two strategy providers are named 'margin': org.activebench.strategies.UncertaintySampling$Margin"
                + " (activebench) and org.example.LowestRows (twin.jar)", rejected(() -> Catalog.load(List.of(twin), "--plugin")));

        Path badName = plugin("bad.jar", "Lowest-Rows", "", "1");
        assertTrue(rejected(() -> Catalog.load(List.of(badName), "--plugin"))
                .endsWith("invalid name 'Lowest-Rows' (lower-case letters, digits and _, starting with a letter, at most 64)"));

        assertEquals("--plugin: " + dir.resolve("nope.jar") + ": no such plugin jar",
                rejected(() -> Catalog.load(List.of(dir.resolve("nope.jar")), "--plugin")));
        split();
        assertEquals("plugins: " + dir.resolve("lowest.jar") + ": no such plugin jar", rejected(() -> run("out")));
        assertTrue(rejected(() -> new Experiment(ConfigReader.parse(CONFIG.replace(",\n \"plugins\": [\"lowest.jar\"]", ""),
                "c.json"), "c.json", dir, new ScalarKernels())).startsWith("strategies[1].name: unknown strategy 'lowest_rows'"));
    }

    @Test
    void aJarThatIsNoJarOrDeclaresNothingIsNamedWithTheReason() throws Exception {
        Path text = Files.writeString(dir.resolve("text.jar"), "not a zip at all");
        String notZip = rejected(() -> Catalog.load(List.of(text), "--plugin"));
        assertTrue(notZip.startsWith("--plugin: " + text + ": not a readable jar (") && notZip.endsWith("is it truncated, or not a jar?"),
                notZip);
        Path good = plugin("lowest.jar", "lowest_rows", "", "1");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(rejected(() -> Catalog.load(List.of(truncated), "--plugin")).startsWith("--plugin: " + truncated
                + ": not a readable jar ("));
        Path empty = jar("empty.jar", LOWEST_ROWS.formatted("lowest_rows", ""), "# nothing here\n\n", "1");
        assertEquals("--plugin: " + empty + ": declares no provider: none of META-INF/services/"
                + "org.activebench.strategies.StrategyProvider, META-INF/services/org.activebench.core.learn.LearnerProvider,"
                + " META-INF/services/org.activebench.core.stop.StoppingProvider, META-INF/services/"
                + "org.activebench.core.annotate.AnnotatorProvider, META-INF/services/org.activebench.core.annotate.RoutingProvider,"
                + " META-INF/services/org.activebench.core.train.WeightingProvider, META-INF/services/"
                + "org.activebench.core.train.AugmenterProvider lists a class",
                rejected(() -> Catalog.load(List.of(empty), "--plugin")));
    }

    @Test
    void aProviderThatThrowsInCreateIsOneLineNamingTheJarTheComponentAndItsParameters() throws Exception {
        Path crashing = jar("crash.jar", LOWEST_ROWS.formatted("lowest_rows", "").replace("int skip = p.get(SKIP);",
                "int skip = p.get(SKIP); if (skip > 1) throw new IllegalStateException(\"cannot skip\\n\" + skip);"),
                "org.example.LowestRows\n", "1");
        Files.move(crashing, dir.resolve("lowest.jar"));
        split();
        String message = rejected(() -> run("out"));
        assertEquals("strategies[1]: strategy 'lowest_rows' of lowest.jar failed to create itself with parameters {skip=2}: "
                + "java.lang.IllegalStateException: cannot skip 2", message);
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    /** A lambda strategy in a class directory (as in an IDE or a test), its one constant {@code %d}. */
    private static final String IN_CODE = """
            package org.example;

            import org.activebench.strategies.QueryStrategy;

            public final class Mine {
                public static QueryStrategy strategy() {
                    int committee = %d;
                    return (context, batch) -> {
                        double[] scores = new double[context.unlabelled().length];
                        for (int i = 0; i < scores.length; i++) {
                            scores[i] = (context.unlabelled()[i] * 31L) %% committee;
                        }
                        return context.top(scores, batch);
                    };
                }
            }
            """;

    private org.activebench.strategies.QueryStrategy inCode(int committee, String build) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src-" + build + "/org/example")).resolve("Mine.java");
        Files.writeString(src, IN_CODE.formatted(committee));
        Path classes = Files.createDirectories(dir.resolve("classes-" + build));
        String classPath = Path.of(org.activebench.strategies.QueryStrategy.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()) + java.io.File.pathSeparator + Path.of(org.activebench.core.learn.RoundView.class
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", classPath,
                src.toString()));
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return (org.activebench.strategies.QueryStrategy) loader.loadClass("org.example.Mine").getMethod("strategy").invoke(null);
    }

    private Experiment.Result lambdaStudy(org.activebench.strategies.QueryStrategy strategy) {
        return Study.named("lambda").dataset("iris").learner("logistic").strategy("mine", strategy).seeds(1).initial(6)
                .batch(3).rounds(2).reference(false).threads(1).run(dir.resolve("out"));
    }

    @Test
    void aLambdaWhoseCodeChangedIsADifferentConfiguration() throws Exception {
        assertEquals(1, lambdaStudy(inCode(10, "first")).trials());
        assertEquals(1, lambdaStudy(inCode(10, "same")).resumed(), "the same code, compiled again: reused");
        String edited = rejected(() -> {
            try {
                lambdaStudy(inCode(30, "edited"));
            } catch (ActiveBenchException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(edited.contains("holds a result of a different configuration"), edited);
    }
}
