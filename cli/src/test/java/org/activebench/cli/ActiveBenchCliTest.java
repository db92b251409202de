package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.data.MissingValues;
import org.activebench.core.data.TeacherPredictions;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.experiment.ConfigReader;
import org.activebench.experiment.Experiment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class ActiveBenchCliTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ActiveBenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpEverywhere() {
        assertTrue(cli("--help").out().contains("run"));
        assertTrue(cli("run", "--help").out().contains("--threads"));
        assertTrue(cli("demo", "--help").out().contains("--out"));
        assertEquals(0, cli("demo", "--help").code());
        // picocli formats descriptions with String.format: a bare % makes it warn on stderr and print the raw text
        CommandLine root = new CommandLine(new ActiveBenchCli());
        for (CommandLine command : Stream.concat(Stream.of(root), root.getSubcommands().values().stream()).toList()) {
            for (String line : command.getCommandSpec().usageMessage().description()) {
                assertDoesNotThrow(() -> String.format(line), command.getCommandName() + ": " + line);
            }
            command.getCommandSpec().options().forEach(option -> Arrays.stream(option.description())
                    .forEach(line -> assertDoesNotThrow(() -> String.format(line), option.longestName() + ": " + line)));
        }
    }

    @Test
    void shardsThenStatusThenMergeGiveWhatOneRunWrites() throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("c.json"), """
                {"name": "s", "datasets": [{"name": "iris"}, {"name": "wine"}], "learner": "naive_bayes",
                 "strategies": ["random", "margin"], "seeds": [1, 2], "initial": {"size": 6}, "batch": 5,
                 "budget": {"rounds": 2}}
                """);
        String out = dir.resolve("sharded").toString();
        Outcome first = cli("run", config.toString(), "--shard", "1/2", "--out", out, "--threads", "1");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("shard 1/2: 4 trials, 0 done before, 0 cells left"), first.out());
        Outcome status = cli("status", out);
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().matches("(?s)study 's' \\([0-9a-f]{32}\\): 12 cells, 6 done, 0 running, 0 failed, 6 missing\n.*"),
                status.out());
        Outcome early = cli("merge", out);
        assertEquals(2, early.code());
        assertTrue(early.err().startsWith("error: " + out + ": 6 of 12 cells are not done (0 failed)"), early.err());
        assertEquals(0, cli("run", config.toString(), "--shard", "0/2", "--out", out, "--threads", "1").code());
        Outcome merged = cli("merge", out);
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("merged 12 cells (8 trials)"), merged.out());
        String whole = dir.resolve("whole").toString();
        assertEquals(0, cli("run", config.toString(), "--out", whole, "--no-progress").code());
        assertEquals(Files.readString(Path.of(whole, "results.csv")), Files.readString(Path.of(out, "results.csv")));
        assertTrue(Files.exists(Path.of(out, "report", "report.html")));
        assertEquals("error: --shard: expected I/N (shard I of N, I from 0), got '2'",
                cli("run", config.toString(), "--shard", "2", "--out", out).err().strip());
        assertEquals(2, cli("status", dir.toString()).code(), "no study.json");

        Outcome dry = cli("slurm", config.toString(), "--array", "3", "--out", out, "--mem", "4G", "--partition", "p",
                "--time", "1:00:00", "--cpus", "2", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        for (String line : List.of("#SBATCH --array=0-2", "#SBATCH --cpus-per-task=2", "#SBATCH --mem=4G",
                "#SBATCH --partition=p", "#SBATCH --time=1:00:00", "-Xmx3072m", "--shard \"$SLURM_ARRAY_TASK_ID/3\" --threads 2",
                " merge " + out, "sbatch --parsable --dependency=afterany:JOB " + out + "/slurm/merge.sbatch")) {
            assertTrue(dry.out().contains(line), line + " in\n" + dry.out());
        }
        assertFalse(Files.exists(Path.of(out, "slurm")), "a dry run writes nothing");

        // a task's JVM gets --mem's heap although this JVM, whose command line it is, has -Xmx4g
        String export = dry.out().lines().filter(l -> l.startsWith("export ACTIVEBENCH_JAVA_OPTS=")).findFirst().orElseThrow();
        Process task = new ProcessBuilder("bash", "-c", export + "; ACTIVEBENCH_JAVA_OPTS+=' -XshowSettings:vm'; "
                + SlurmCommand.launcher() + " --version").redirectErrorStream(true).start();
        String settings = new String(task.getInputStream().readAllBytes());
        assertEquals(0, task.waitFor(), settings);
        assertTrue(settings.contains("Max. Heap Size: 3.00G"), settings);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Outcome missing = cli("run", dir.resolve("nope.json").toString(), "--no-progress");
        assertEquals(2, missing.code());
        assertEquals("error: " + dir.resolve("nope.json") + ": no such file\n", missing.err());

        Path config = Files.writeString(dir.resolve("c.json"), """
                {"datasets": [{"name": "iris"}], "learner": {"name": "logistic"}, "strategies": ["uncertainty"],
                 "seeds": [1], "budget": {"rounds": 2}}""");
        Outcome unknown = cli("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        assertEquals(2, unknown.code());
        assertEquals("error: strategies[0].name: unknown strategy 'uncertainty' (valid: badge, class_balanced_entropy,"
                + " consistency, density_entropy, entropy, k_center, least_confidence, margin, oracle_skyline, qbc, random,"
                + " student_teacher_kl, teacher_entropy; a plugin jar may be missing)\n", unknown.err());
        assertFalse(Files.exists(dir.resolve("out")));

        Path unconverged = Files.writeString(dir.resolve("u.json"), """
                {"datasets": [{"name": "iris"}], "learner": {"name": "logistic", "params": {"maxIterations": 1}},
                 "strategies": ["margin"], "seeds": [1], "budget": {"rounds": 2}}""");
        Outcome failed = cli("run", unconverged.toString(), "--out", dir.resolve("u").toString(), "--no-progress");
        assertEquals(2, failed.code(), "a trial that fails on a learner parameter is bad input");
        assertEquals(1, failed.err().lines().count(), failed.err());
        assertTrue(failed.err().startsWith("error: iris / logistic[maxIterations=1] / full-pool reference / seed 1 failed in its fit: "
                + "learner.params.maxIterations: "), failed.err());

        Path escaping = Files.writeString(dir.resolve("e.json"), """
                {"name": "../../../x", "datasets": [{"name": "iris"}], "learner": "logistic", "strategies": ["margin"],
                 "seeds": [1], "budget": {"rounds": 2}}""");
        Outcome outside = cli("run", escaping.toString(), "--no-progress");
        assertEquals(2, outside.code());
        assertEquals("error: " + escaping + ": name: '../../../x' cannot name a results directory: use letters, digits"
                + " and - _ . [ ] = , (not starting with '.', at most 200 characters)\n", outside.err());
    }

    @Test
    void kernelsListsBackendsAndSelfChecksTheChosenOne() {
        Outcome kernels = cli("kernels");
        assertEquals(0, kernels.code(), kernels.out());
        assertTrue(kernels.out().contains("panama   available, "), kernels.out());
        String ranked = KernelProvider.ranking(1).stream().filter(name -> KernelProvider.unavailable(name) == null)
                .findFirst().orElseThrow();
        assertTrue(kernels.out().contains("chosen:   " + ranked + " (automatic)"), kernels.out());
        for (String backend : List.of("panama", "native")) {
            if (KernelProvider.unavailable(backend) == null) {
                assertTrue(kernels.out().contains("self-check of " + backend + " against"), kernels.out());
            }
        }
        assertTrue(kernels.out().contains("entropy              ok"), kernels.out());
        assertTrue(kernels.out().endsWith("all operations agree with the reference\n"), kernels.out());
    }

    @Test
    void runWritesTheReportAndPrintsItsSummary() throws IOException {
        Path config = Files.writeString(dir.resolve("c.json"), """
                {"name": "tiny", "datasets": [{"name": "iris"}], "learner": {"name": "knn"},
                 "strategies": ["random", "entropy"], "seeds": [1, 2], "initial": {"size": 5}, "batch": 5,
                 "budget": {"rounds": 3}}""");
        Outcome run = cli("run", config.toString(), "--out", dir.resolve("out").toString(), "--threads", "2", "--no-progress");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("## iris · knn"), run.out());
        assertTrue(run.out().contains("\n| entropy | 2 | "), run.out());
        assertTrue(run.out().contains("4 trials (0 reused"), run.out());
        Path html = dir.resolve("out/report/report.html");
        assertTrue(run.out().contains("report:  " + html), run.out());
        assertTrue(Files.readString(html).contains("<h2 id=\"d0\">iris · knn</h2>"));
        Outcome again = cli("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        assertTrue(again.out().contains("4 trials (4 reused"), again.out());

        Outcome report = cli("report", dir.resolve("out").toString(), "--out", dir.resolve("elsewhere").toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere/charts/d1-iris-knn-curve-accuracy.svg")));
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere/summary.md")));
    }

    @Test
    void reportOfSomethingElseIsOneLineAndExitCodeTwo() throws IOException {
        Outcome report = cli("report", dir.toString());
        assertEquals(2, report.code());
        assertEquals("error: " + dir + ": not a results directory (no manifest.json); `activebench run CONFIG --out DIR` "
                + "writes one\n", report.err());
        Files.writeString(dir.resolve("manifest.json"), "{}");
        Outcome empty = cli("report", dir.toString());
        assertEquals(2, empty.code());
        assertEquals("error: " + dir.resolve("trials") + ": no completed trial to report on\n", empty.err());
    }

    @Test
    void theDemoConfigIsValidAndMatchesItsDescription() {
        var config = ConfigReader.parse(DemoCommand.config(), "demo");
        assertEquals(5, config.seeds().size());
        assertEquals(20, config.initialSize());
        assertEquals(10, config.batchOrDefault());
        assertEquals(50, config.maxRounds());
        assertEquals("digits", config.datasets().getFirst().name());
        assertEquals(5, config.strategies().size());
        assertTrue(cli("demo", "--print-config").out().contains("\"qbc\""));
    }

    @Test
    void embedAndTeacherWriteFilesAConfigCanRead() throws IOException {
        Path texts = Files.writeString(dir.resolve("texts.csv"), """
                text,label
                "Wheat exports rose after the harvest.",grain
                "Corn prices fell, traders said.",grain
                "The striker scored twice in the final.",sport
                "A late goal won the cup.",sport
                "Barley shipments to Asia increased.",grain
                "The keeper saved a penalty.",sport
                """);
        Path embedded = dir.resolve("emb.csv");
        Outcome embed = cli("embed", texts.toString(), "--out", embedded.toString());
        assertEquals(0, embed.code(), embed.err());
        List<String> lines = Files.readAllLines(embedded);
        assertEquals(7, lines.size());
        assertEquals(385, lines.get(1).split(",").length);
        assertTrue(lines.get(0).startsWith("all-minilm-l6-v2_0,") && lines.get(0).endsWith(",label"));

        Path teacher = dir.resolve("teacher.csv");
        Outcome made = cli("teacher", "--data", embedded.toString(), "--folds", "2", "--out", teacher.toString());
        assertEquals(0, made.code(), made.err());
        Dataset data = DatasetLoader.load("t", embedded, null, null, MissingValues.ERROR);
        float[] p = TeacherPredictions.read(teacher, TeacherPredictions.Kind.PROBABILITIES, data);
        assertEquals(12, p.length);

        Outcome bad = cli("embed", texts.toString(), "--model", "gpt", "--out", embedded.toString());
        assertEquals(2, bad.code());
        assertEquals("error: --model: unknown embedding model 'gpt' (available: all-minilm-l6-v2, bge-small-en-v1.5)\n",
                bad.err());
    }

    @Test
    void theExampleConfigsAreValidAndTheirTeachersExist() throws IOException {
        Path examples = Path.of("..", "examples");
        try (var files = Files.list(examples)) {
            List<Path> configs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertEquals(7, configs.size(), configs.toString());
            for (Path config : configs) {
                var parsed = ConfigReader.read(config).validate();
                Experiment.fromFile(config, List.of()); // its learner and strategies, with their parameters, are built
                for (var dataset : parsed.datasets()) {
                    if (dataset.teacher() != null) {
                        assertTrue(Files.isRegularFile(examples.resolve(dataset.teacher().path())), dataset.teacher().path());
                    }
                }
            }
        }
    }
}
