package org.activebench.experiment;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.TeacherPredictions;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Learners;
import org.activebench.core.split.Split;
import org.activebench.core.split.SplitFile;
import org.activebench.core.split.Splitter;
import org.activebench.core.split.Standardizer;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.Strategies;
import org.activebench.strategies.StrategySpec;
import org.activebench.strategies.Ties;

/**
 * Runs every trial of a config (data sets x strategies x seeds, one learner) into a results directory: the config
 * becomes a {@link StudyPlan} of cells, which an executor runs on a thread pool.
 * All input is loaded and checked before anything is written, so bad input leaves no partial result; trials
 * already completed in the directory are reused (resume); output files do not depend on the thread count.
 */
public final class Experiment {
    private final ExperimentConfig config;
    private final String source;
    private final Path baseDir;
    private final Learner learner;
    private final List<QueryStrategy> strategies = new ArrayList<>();
    private final ScoreKernels kernels;

    /** What a run produced, and where its time went. */
    public record Result(Path out, int trials, int resumed, TimeSplit time) {
    }

    /**
     * @param source  where the config came from, for messages and the manifest
     * @param baseDir directory that relative data paths in the config are resolved against
     */
    public Experiment(ExperimentConfig config, String source, Path baseDir, ScoreKernels kernels) {
        this.config = config.validate();
        this.source = source;
        this.baseDir = baseDir;
        this.kernels = kernels;
        this.learner = Learners.create(config.learner().name(), config.learner().params(), "learner");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.strategies().size(); i++) {
            QueryStrategy s = Strategies.create(config.strategies().get(i), "strategies[" + i + "]");
            if (!names.add(s.name())) {
                throw new ActiveBenchException("strategies[" + i + "]: '" + s.name() + "' appears twice");
            }
            strategies.add(s);
        }
    }

    /** The config's name, used for the default results directory. */
    public String name() {
        return config.nameOrDefault();
    }

    /** The version stamped into the build. */
    public static String version() {
        return Manifest.version();
    }

    public static Experiment fromFile(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return new Experiment(ConfigReader.read(configFile), configFile.toString(), parent, KernelProvider.get());
    }

    public Result run(Path out, int threads, Progress progress) {
        if (threads < 1) {
            throw new ActiveBenchException("--threads: must be at least 1, got " + threads);
        }
        long start = System.nanoTime();
        Map<String, List<PreparedData>> prepared = prepareAll();
        double setupMs = TimeSplit.millisSince(start);
        List<TrialTimings> timings = new ArrayList<>();
        DoubleAdder referenceMs = new DoubleAdder();
        ResultStore store = new ResultStore(out);
        AtomicFiles.removeLeftovers(out);

        int trials = 0;
        List<TrialResult> results = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        List<Integer> pendingCost = new ArrayList<>();
        long totalRounds = 0;
        int resumed = 0;
        for (StudyPlan.Cell cell : plan(prepared).cells()) {
            if (cell.isReference()) {
                if (store.completedReference(cell.key(), cell.fingerprint()).isEmpty()) {
                    pendingCost.add(0);
                    pending.add(() -> {
                        long began = System.nanoTime();
                        PoolReference reference = Trial.fullPool(config, cell.data(), learner, cell.key().seed(), kernels,
                                cell.fingerprint());
                        referenceMs.add(TimeSplit.millisSince(began));
                        store.saveReference(cell.key(), reference);
                    });
                }
                continue;
            }
            trials++;
            var done = store.completed(cell.key(), cell.fingerprint());
            results.add(done.orElse(null));
            if (done.isPresent()) {
                resumed++;
                continue;
            }
            long rounds = expectedRounds(cell.data().split());
            totalRounds += rounds;
            int slot = results.size() - 1;
            pendingCost.add(cell.strategy().extraFitsPerQuery());
            pending.add(() -> {
                long[] seen = {0};
                Trial trial = new Trial(config, cell.data(), learner, cell.strategy(), cell.key().seed(), kernels);
                Trial.Outcome outcome = trial.run(cell.fingerprint(), () -> {
                    seen[0]++;
                    progress.advance(1);
                });
                progress.advance(Math.max(0, rounds - seen[0]));
                store.save(cell.key(), outcome);
                synchronized (results) {
                    results.set(slot, outcome.result());
                    timings.add(outcome.timings());
                }
            });
        }
        AtomicFiles.write(out.resolve("manifest.json"), ResultStore.json(Manifest.of(config,
                ResultStore.JSON.valueToTree(config), source, threads, kernels.name(), learner.name(),
                strategies.stream().map(QueryStrategy::name).toList())));
        progress.start(totalRounds, trials, resumed);
        List<TrialFailure> failures = runAll(pending, pendingCost, threads);
        progress.close();
        if (!failures.isEmpty()) {
            throw failures.getFirst().withOthers(failures.size() - 1, store.saveFailures(failures));
        }
        store.clearFailures(); // an earlier run's; every trial is done now

        AtomicFiles.write(out.resolve("results.csv"), TidyCsv.of(results));
        return new Result(out, trials, resumed, TimeSplit.of(timings, referenceMs.sum(), setupMs,
                TimeSplit.millisSince(start)));
    }

    /**
     * The study's cells in config order: per data set, each seed's full-pool reference, then every strategy x seed
     * trial, each with its key and fingerprint.
     */
    private StudyPlan plan(Map<String, List<PreparedData>> prepared) {
        List<StudyPlan.Cell> cells = new ArrayList<>();
        for (ExperimentConfig.DatasetSpec spec : config.datasets()) {
            List<PreparedData> perSeed = prepared.get(spec.name());
            for (int seedIndex = 0; seedIndex < config.seeds().size(); seedIndex++) {
                long seed = config.seeds().get(seedIndex);
                PreparedData data = perSeed.get(seedIndex);
                cells.add(new StudyPlan.Cell(new TrialKey(spec.name(), learner.name(), null, seed),
                        fingerprint(spec, data, null), data, null));
            }
            for (int si = 0; si < strategies.size(); si++) {
                for (int seedIndex = 0; seedIndex < config.seeds().size(); seedIndex++) {
                    long seed = config.seeds().get(seedIndex);
                    PreparedData data = perSeed.get(seedIndex);
                    QueryStrategy strategy = strategies.get(si);
                    cells.add(new StudyPlan.Cell(new TrialKey(spec.name(), learner.name(), strategy.name(), seed),
                            fingerprint(spec, data, config.strategies().get(si)), data, strategy));
                }
            }
        }
        return new StudyPlan(List.copyOf(cells));
    }

    /** Loads every data set and makes every seed's split up front: bad input fails before anything is written. */
    private Map<String, List<PreparedData>> prepareAll() {
        Splitter splitter = new Splitter(config.testFractionOrDefault(), config.initialSize(), config.initialMode(),
                config.atLeastOnePerClass());
        Map<String, List<PreparedData>> prepared = new LinkedHashMap<>();
        for (int i = 0; i < config.datasets().size(); i++) {
            ExperimentConfig.DatasetSpec spec = config.datasets().get(i);
            String key = "datasets[" + i + "]";
            Dataset data = DatasetSource.load(spec, baseDir, key, config.missing(spec, i)).requireTwoClasses();
            float[] teacher = spec.teacher() == null ? null : TeacherPredictions.read(baseDir.resolve(spec.teacher().path()),
                    TeacherPredictions.Kind.parse(spec.teacher().kind(), key + ".teacher.kind"), data);
            Map<Long, Split> fixed = spec.split() == null ? null : SplitFile.read(baseDir.resolve(spec.split()), data.size());
            List<PreparedData> perSeed = new ArrayList<>();
            for (long seed : config.seeds()) {
                Split split;
                if (fixed != null) {
                    split = fixed.get(seed);
                    if (split == null) {
                        throw new ActiveBenchException(key + ".split: " + spec.split() + " has no split for seed " + seed);
                    }
                } else {
                    split = splitter.split(data, seed);
                }
                int unlabelled = split.pool().length - split.initial().length;
                if (config.batchOrDefault() > unlabelled && config.maxRounds() > 0) {
                    throw new ActiveBenchException("batch: " + config.batchOrDefault() + " is larger than the unlabelled pool of "
                            + data.name() + " (" + unlabelled + " rows for seed " + seed + ")");
                }
                perSeed.add(new PreparedData(data, split, Standardizer.standardize(data.x(), data.dimension(), split.pool()),
                        teacher));
            }
            prepared.put(spec.name(), perSeed);
        }
        return prepared;
    }

    /** Rounds (initial fit included) a trial runs unless it stops early: for the progress bar. */
    private long expectedRounds(Split split) {
        long labels = Math.min((long) config.maxLabels(), split.pool().length);
        long byLabels = (labels - split.initial().length + config.batchOrDefault() - 1) / config.batchOrDefault();
        return 1 + Math.min(config.maxRounds(), byLabels);
    }

    /**
     * Runs every task, costly ones (committees) first, so that the last to finish are short ones: less idle time. A
     * trial that fails does not stop the others (their results are saved as they finish); the failures come back
     * in the order of {@code tasks} (the config's). Anything else escaping a task is a bug and ends the run.
     */
    private static List<TrialFailure> runAll(List<Runnable> tasks, List<Integer> cost, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "activebench-trial");
            t.setDaemon(true);
            return t;
        });
        List<TrialFailure> failures = new ArrayList<>();
        try {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Integer.compare(cost.get(b), cost.get(a)));
            Future<?>[] futures = new Future<?>[tasks.size()];
            for (int i : order) {
                futures[i] = pool.submit(tasks.get(i));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TrialFailure failure)) {
                        pool.shutdownNow();
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    failures.add(failure);
                }
            }
            return failures;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ActiveBenchException("interrupted; completed trials are saved and a rerun resumes", e);
        } finally {
            pool.shutdown();
        }
    }

    /** A hash of everything a trial's result depends on besides its seed: the data, the learner, the protocol. */
    private String fingerprint(ExperimentConfig.DatasetSpec spec, PreparedData prepared, StrategySpec strategy) {
        Dataset data = prepared.data();
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("format", 2); // 2: exact Newton-CG logistic fits and own random-forest bagging; older trials differ
        parts.put("dataset", spec);
        parts.put("data", List.of(data.size(), data.dimension(), data.classNames(), Arrays.hashCode(data.x()),
                Arrays.hashCode(data.y()), prepared.split().hashCode(), Arrays.hashCode(prepared.teacher())));
        parts.put("learner", config.learner());
        parts.put("strategy", strategy);
        parts.put("protocol", List.of(config.testFractionOrDefault(), config.initialSize(), config.initialMode().name(),
                config.atLeastOnePerClass(), config.batchOrDefault(), config.maxRounds(), config.maxLabels(),
                String.valueOf(config.targetAccuracy()), config.metricList().toString()));
        if (config.tieRule() != Ties.Rule.RANDOM) { // absent for the default, so that older results still resume
            parts.put("ties", config.tieRule().key());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ResultStore.json(parts));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
