package org.activebench.benchmarks;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.kernels.KernelProvider;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./activebench bench [--quick | --gpu] [--out DIR] [--only REGEX]} runs the kernel benchmarks over their
 * size grids (or, with {@code --gpu}, CUDA against Panama where a GPU pays), then the roofline read at every size that occurred, all with {@code -prof gc}; writes JMH's JSON and log
 * and prints the table. {@code --table FILE.json} prints the table of a saved run.
 */
public final class BenchMain {
    /** One JMH invocation: a benchmark class and the cross product of its parameter values. */
    record Plan(Class<?> benchmark, Map<String, String[]> params) {
        static Plan of(Class<?> benchmark, String... nameValues) {
            Map<String, String[]> params = new LinkedHashMap<>();
            for (int i = 0; i < nameValues.length; i += 2) {
                params.put(nameValues[i], nameValues[i + 1].split(","));
            }
            return new Plan(benchmark, params);
        }
    }

    /** n x k up to 1e8 floats (400 MB): 1e7 x 100 would need 4 GB arrays and add nothing past the memory wall. */
    static final List<Plan> FULL = List.of(
            Plan.of(UncertaintyBenchmark.class, "n", "100000,1000000,1000003", "k", "2,10,100"),
            Plan.of(UncertaintyBenchmark.class, "n", "10000000", "k", "2,10"),
            Plan.of(UncertaintyBenchmark.class, "backend", "panama", "n", "10000000", "k", "10", "threads", "2"),
            Plan.of(LayoutBenchmark.class, "n", "1000000", "k", "2,10"),
            Plan.of(CommitteeBenchmark.class, "n", "100000,1000003", "k", "2,10"),
            Plan.of(CommitteeBenchmark.class, "n", "100000", "k", "100"),
            Plan.of(TopBBenchmark.class, "n", "100000,1000000,1000003,10000000", "b", "10,1000"),
            Plan.of(FeatureBenchmark.class, "n", "100000", "d", "384,1024"),
            Plan.of(KCenterBenchmark.class, "n", "100000", "picks", "100"));

    static final List<Plan> QUICK = List.of(
            Plan.of(UncertaintyBenchmark.class, "n", "1000003", "k", "2,10,100"),
            Plan.of(LayoutBenchmark.class, "n", "1000000", "k", "10"),
            Plan.of(CommitteeBenchmark.class, "n", "100000", "k", "10"),
            Plan.of(TopBBenchmark.class, "n", "10000000", "b", "10,1000"),
            Plan.of(FeatureBenchmark.class, "n", "100000", "d", "384"),
            Plan.of(KCenterBenchmark.class, "n", "100000", "picks", "20"));

    /**
     * Where a GPU pays, CUDA against Panama: whole k-center searches (issue 4's target) and very large pools. Panama
     * runs on every core as well as on one; its one-thread 1e6-row search (about 2 minutes per call) is left out.
     */
    static final List<Plan> GPU = List.of(
            Plan.of(KCenterBenchmark.class, "backend", "cuda", "n", "100000,1000000", "d", "384", "picks", "1000"),
            Plan.of(KCenterBenchmark.class, "backend", "panama", "n", "100000,1000000", "d", "384", "picks", "1000",
                    "threads", String.valueOf(Runtime.getRuntime().availableProcessors())),
            Plan.of(KCenterBenchmark.class, "backend", "panama", "n", "100000", "d", "384", "picks", "1000"),
            Plan.of(UncertaintyBenchmark.class, "backend", "panama,cuda", "n", "10000000", "k", "10"),
            Plan.of(UncertaintyBenchmark.class, "backend", "panama", "n", "10000000", "k", "10",
                    "threads", String.valueOf(Runtime.getRuntime().availableProcessors())),
            Plan.of(TopBBenchmark.class, "backend", "panama,cuda", "n", "10000000", "b", "10,1000"));

    private BenchMain() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (NoSuchFileException | FileNotFoundException e) {
            fail("no such file: " + e.getMessage());
        } catch (IOException e) {
            fail(e.getMessage());
        } catch (RunnerException e) {
            fail("JMH failed (see the JMH log): " + e.getMessage());
        }
    }

    private static void run(String[] args) throws IOException, RunnerException {
        boolean quick = false;
        boolean gpu = false;
        Path out = Path.of("benchmarks", "results");
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--gpu" -> gpu = true;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--only" -> only = value(args, ++i, "--only");
                case "--table" -> {
                    System.out.print(ResultsTable.format(ResultsTable.read(Path.of(value(args, ++i, "--table")))));
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println("usage: activebench bench [--quick | --gpu] [--out DIR] [--only CLASS_REGEX] | --table FILE.json");
                    return;
                }
                default -> fail("unknown option '" + args[i] + "' (see --help)");
            }
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path log = out.resolve("jmh-" + stamp + ".log");
        List<Plan> plans = new ArrayList<>();
        if (gpu && KernelProvider.unavailable("cuda") != null) {
            fail("--gpu: backend 'cuda' is unavailable: " + KernelProvider.unavailable("cuda"));
        }
        for (Plan plan : gpu ? GPU : quick ? QUICK : FULL) {
            if (only == null || plan.benchmark().getSimpleName().matches(only)) {
                plans.add(plan);
            }
        }
        if (plans.isEmpty()) {
            fail("--only " + only + " matches no benchmark");
        }
        Files.createDirectories(out);
        List<RunResult> results = new ArrayList<>();
        int step = 0;
        for (Plan plan : plans) {
            System.out.printf("[%d/%d] %s %s%n", ++step, plans.size() + 1, plan.benchmark().getSimpleName(),
                    describe(plan.params()));
            results.addAll(run(plan, quick, log, step));
        }
        Path json = out.resolve("jmh-" + stamp + ".json");
        write(json, results);
        String sizes = String.join(",", ResultsTable.rooflineSizes(ResultsTable.read(json)).stream().map(String::valueOf).toList());
        Plan roofline = Plan.of(RooflineBenchmark.class, "floats", sizes);
        System.out.printf("[%d/%d] RooflineBenchmark %s%n", plans.size() + 1, plans.size() + 1, describe(roofline.params()));
        results.addAll(run(roofline, quick, log, plans.size() + 1));
        write(json, results);
        String table = ResultsTable.format(ResultsTable.read(json));
        Path markdown = out.resolve("jmh-" + stamp + ".md");
        Path temp = markdown.resolveSibling(markdown.getFileName() + ".partial");
        Files.writeString(temp, table, StandardCharsets.UTF_8);
        Files.move(temp, markdown, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("JMH JSON: " + json + "\ntable:    " + markdown + "\nJMH logs: " + log + ".1 .. " + (plans.size() + 1));
    }

    /** Runs one plan; JMH truncates its output file, so each plan logs to its own {@code LOG.N}. */
    private static Collection<RunResult> run(Plan plan, boolean quick, Path log, int step) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + plan.benchmark().getName().replace(".", "\\.") + "\\.")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(log + "." + step);
        plan.params().forEach(options::param);
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        return new Runner(options.build()).run();
    }

    /** Writes JMH's JSON for all results so far, atomically (a crash leaves the previous complete file). */
    private static void write(Path json, List<RunResult> results) throws IOException {
        Path temp = json.resolveSibling(json.getFileName() + ".partial");
        try (PrintStream stream = new PrintStream(Files.newOutputStream(temp), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        }
        Files.move(temp, json, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String describe(Map<String, String[]> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((name, values) -> text.append(name).append('=').append(String.join(",", values)).append(' '));
        return text.toString().strip();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("bench: " + message);
        System.exit(2);
    }
}
