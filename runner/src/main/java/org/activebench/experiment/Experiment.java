package org.activebench.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.Version;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.data.Dataset;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.TrainingSet;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Component;
import org.activebench.strategies.QueryStrategy;

/**
 * Runs every trial of a config (data sets x learners x strategies x seeds) into a results directory: the config
 * becomes a {@link StudyPlan} of cells, which an executor runs on a thread pool.
 * All input is loaded and checked before anything is written, so bad input leaves no partial result; trials
 * already completed in the directory are reused (resume); output files do not depend on the thread count.
 * Components are resolved by name through a {@link Catalog}: built-ins, plugins and components given in code alike.
 */
public final class Experiment {
    private final ExperimentConfig config;
    private final String source;
    private final StudyPlanner planner;
    private final ScoreKernels kernels;

    /**
     * What a run produced, and where its time went: {@code results} holds every trial run or reused, in plan
     * order; {@code elsewhere} counts the cells a shard left to the live processes that held them.
     */
    public record Result(Path out, int trials, int resumed, int elsewhere, TimeSplit time, List<TrialResult> results) {
    }

    /**
     * @param source  where the config came from, for messages and the manifest
     * @param baseDir directory that relative data paths in the config are resolved against
     * @param catalog the components the config may name; its {@code plugins} are added to it
     * @param given   data sets given in memory, by name; a config entry with that name and no path uses them
     */
    public Experiment(ExperimentConfig config, String source, Path baseDir, ScoreKernels kernels, Catalog catalog,
                      Map<String, Dataset> given) {
        this.config = config.validate();
        this.source = source;
        this.kernels = kernels;
        Catalog all = config.plugins() == null ? catalog : catalog.plus(config.pluginJars(baseDir), "plugins");
        String learnerKey = config.learners() == null ? "learner" : "learners";
        List<Component<Learner>> learners = resolve(config.learnerSpecs(), learnerKey, config.learners() == null,
                (spec, key) -> all.learner(spec, key));
        List<Component<QueryStrategy>> strategies = resolve(config.strategies(), "strategies", false,
                (spec, key) -> all.strategy(spec, key));
        List<Component<Annotator>> annotators = resolve(config.annotatorSpecs(), "annotators", false,
                (spec, key) -> all.component(ComponentKind.ANNOTATORS, spec, key));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < annotators.size(); i++) {
            String label = config.annotatorSpecs().get(i).label();
            names.add(label != null ? label : annotators.get(i).label());
        }
        FileNames.requireDistinct(names, IntStream.range(0, names.size()).mapToObj(i -> "annotators[" + i + "]").toList());
        List<ComponentSpec> routingSpecs = config.routingSpecs();
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < routingSpecs.size(); i++) {
            String key = routingSpecs.size() == 1 ? "routing" : "routing[" + i + "]";
            annotations.add(Annotation.of(annotators, names, all.component(ComponentKind.ROUTING, routingSpecs.get(i), key),
                    routingSpecs.get(i).annotators(), config.initialAnnotator(), key));
        }
        FileNames.requireDistinct(annotations.stream().map(Annotation::label).toList(),
                IntStream.range(0, annotations.size()).mapToObj(i -> "routing[" + i + "]").toList());
        requireTeachers(strategies, "strategies", false);
        requireTeachers(annotators, "annotators", false);
        List<Levers> settings = new ArrayList<>();
        List<ExperimentConfig.LeverSpec> leverSpecs = config.leverSpecs();
        for (int i = 0; i < leverSpecs.size(); i++) {
            String at = config.levers() == null ? "" : "levers[" + i + "].";
            ExperimentConfig.LeverSpec spec = leverSpecs.get(i);
            Levers levers = new Levers(spec.weighting() == null ? null
                    : all.component(ComponentKind.WEIGHTING, spec.weighting(), at + "weighting"),
                    spec.augment() == null ? null : all.component(ComponentKind.AUGMENTERS, spec.augment(), at + "augment"));
            if (levers.weighting() != null) {
                requireTeachers(List.of(levers.weighting()), at + "weighting", true);
                requireHonoured(learners, learnerKey, TrainingSet.Feature.WEIGHTS, at + "weighting");
            }
            if (levers.augmenter() != null) {
                requireHonoured(learners, learnerKey, TrainingSet.Feature.EXTRA_ROWS, at + "augment");
                requireParaphrases(levers.augmenter(), at + "augment");
            }
            settings.add(levers);
        }
        FileNames.requireDistinct(settings.stream().map(Levers::label).toList(),
                IntStream.range(0, settings.size()).mapToObj(i -> "levers[" + i + "]").toList());
        this.planner = new StudyPlanner(this.config, baseDir, Map.copyOf(given), learners, strategies,
                resolve(config.stopSpecs(), "stop", false, (spec, key) -> all.stopping(spec, key)), List.copyOf(annotations), List.copyOf(settings));
    }

    /** A component that reads paraphrases needs them in every data set of the study. */
    private void requireParaphrases(Component<?> component, String key) {
        if (!component.capabilities().contains(Capability.NEEDS_PARAPHRASES)) {
            return;
        }
        for (int i = 0; i < config.datasets().size(); i++) {
            ExperimentConfig.FeaturesSpec features = config.datasets().get(i).features();
            if (features == null || features.paraphrase() == null) {
                throw new ActiveBenchException(key + ": " + component.label() + " reads a paraphrase of every text, but"
                        + " datasets[" + i + "] ('" + config.datasets().get(i).name() + "') has no \"features\":"
                        + " {\"paraphrase\": COLUMN}");
            }
        }
    }

    /** A lever that needs {@code feature} of the training set needs every learner to honour it; one line names both. */
    private static void requireHonoured(List<Component<Learner>> learners, String learnerKey, TrainingSet.Feature feature,
                                        String lever) {
        for (int i = 0; i < learners.size(); i++) {
            Component<Learner> learner = learners.get(i);
            if (!learner.instance().honours().contains(feature)) {
                throw new ActiveBenchException(lever + ": learner '" + learner.label() + "' (" + (learners.size() == 1
                        ? learnerKey : learnerKey + "[" + i + "]") + ") cannot honour " + feature.toString()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " in its training set; use one that does"
                        + " (README, Training levers)");
            }
        }
    }

    /**
     * Components that read a teacher's predictions need one for every data set of the study.
     *
     * @param single whether {@code key} names one component (then it is not indexed), not a list
     */
    private void requireTeachers(List<? extends Component<?>> components, String key, boolean single) {
        for (int c = 0; c < components.size(); c++) {
            if (!components.get(c).capabilities().contains(Capability.NEEDS_TEACHER)) {
                continue;
            }
            for (int i = 0; i < config.datasets().size(); i++) {
                if (config.datasets().get(i).teacher() == null) {
                    throw new ActiveBenchException((single ? key : key + "[" + c + "]") + ": "
                            + components.get(c).label() + " reads a"
                            + " teacher's predictions, but datasets[" + i + "] ('" + config.datasets().get(i).name()
                            + "') has no \"teacher\"");
                }
            }
        }
    }

    /** An experiment over the built-in components and those of the config's {@code plugins}. */
    public Experiment(ExperimentConfig config, String source, Path baseDir, ScoreKernels kernels) {
        this(config, source, baseDir, kernels, Catalog.builtIn(), Map.of());
    }

    /** Resolves a list of components; their labels name results, so two must not share one. */
    private static <T> List<Component<T>> resolve(List<ComponentSpec> specs, String key, boolean single,
                                                  java.util.function.BiFunction<ComponentSpec, String, Component<T>> create) {
        List<Component<T>> list = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String at = single ? key : key + "[" + i + "]";
            Component<T> c = create.apply(specs.get(i), at);
            if (!labels.add(c.label())) {
                throw new ActiveBenchException(at + ": '" + c.label() + "' appears twice");
            }
            list.add(c);
            keys.add(at);
        }
        FileNames.requireDistinct(list.stream().map(Component::label).toList(), keys);
        return List.copyOf(list);
    }

    /** The config's name, used for the default results directory. */
    public String name() {
        return config.nameOrDefault();
    }

    /** The version stamped into the build. */
    public static String version() {
        return Version.get();
    }

    /** @param plugins jars named on the command line, in addition to the config's {@code plugins} */
    public static Experiment fromFile(Path configFile, List<Path> plugins) {
        Path parent = configFile.toAbsolutePath().getParent();
        return new Experiment(ConfigReader.read(configFile), configFile.toString(), parent, KernelProvider.get(),
                Catalog.load(plugins, "--plugin"), Map.of());
    }

    /** Runs every cell of the study into {@code out}, holding the directory's lock throughout. */
    public Result run(Path out, int threads, Progress progress) {
        return run(out, null, threads, progress, Claim.DEFAULT_TIMEOUT);
    }

    /**
     * Runs the cells of {@code shard} (every cell when null) into {@code out}. A shard shares the directory with the
     * study's other shards, on this host or others: it writes {@code study.json} or checks it is the same study and
     * ActiveBench, skips cells done, claims each cell it computes ({@link CellClaims}) and skips one held by a live
     * process; {@code merge} writes {@code results.csv} and the manifest once all are done.
     *
     * @param claimTimeout how old a heartbeat makes a claim stale (an owner on another host that died)
     */
    public Result run(Path out, Shard shard, int threads, Progress progress, Duration claimTimeout) {
        if (threads < 1) {
            throw new ActiveBenchException("--threads: must be at least 1, got " + threads);
        }
        if (claimTimeout.compareTo(Claim.HEARTBEAT.multipliedBy(3)) < 0) {
            throw new ActiveBenchException("--claim-timeout: at least " + Claim.HEARTBEAT.multipliedBy(3).toSeconds()
                    + " s (three heartbeats), got " + claimTimeout.toSeconds());
        }
        long start = System.nanoTime();
        Map<String, List<PreparedData>> prepared = planner.prepareAll();
        double setupMs = TimeSplit.millisSince(start);
        StudyPlan plan = planner.plan(prepared);
        ResultStore store = new ResultStore(out);
        plan.cells().forEach(cell -> store.requireStorable(cell.key()));
        Map<String, Object> manifest = Manifest.of(config, ResultStore.JSON.valueToTree(config), source, threads,
                kernels.name(), planner.learners(), planner.strategies(), planner.stops(), planner.annotations(),
                planner.levers());
        StudyRecord study = StudyRecord.of(name(), plan, manifest);
        if (shard != null) {
            store.join(claimTimeout);
        }
        try (Claim _ = shard == null ? store.lock() : null) {
            CellClaims claims = shard == null ? null : new CellClaims(out, works(shard), claimTimeout);
            if (shard == null) {
                CellClaims.requireNoShards(out, claimTimeout);
            }
            DoubleAdder referenceMs = new DoubleAdder();
            int trials = 0;
            List<TrialResult> results = new ArrayList<>();
            Finished finished = new Finished(results, new ArrayList<>());
            List<Pending> pending = new ArrayList<>();
            long totalRounds = 0;
            int resumed = 0;
            Optional<ReferenceCache> cache = ReferenceCache.standard();
            Map<TrialKey, PoolReference> fromCache = new LinkedHashMap<>(); // saved once every cell is checked
            for (StudyPlan.Cell cell : shard == null ? plan.cells() : plan.shard(shard)) {
                if (cell.isReference()) {
                    if (store.completedReference(cell.key(), cell.fingerprint()).isPresent()) {
                        continue;
                    }
                    Optional<PoolReference> cached = cache.flatMap(c -> c.read(cell.key(), cell.fingerprint()));
                    if (cached.isPresent()) {
                        fromCache.put(cell.key(), cached.get());
                        continue;
                    }
                    pending.add(new Pending(cell, 0, referenceWork(cell, cache, referenceMs, store)));
                    continue;
                }
                trials++;
                var done = store.completed(cell.key(), cell.fingerprint());
                results.add(done.orElse(null));
                if (done.isPresent()) {
                    resumed++;
                    continue;
                }
                long rounds = planner.expectedRounds(cell.data().split());
                totalRounds += rounds;
                pending.add(new Pending(cell, cell.strategy().instance().extraFitsPerQuery(),
                        trialWork(cell, rounds, progress, store, finished, results.size() - 1)));
            }
            // Every stored result is this study's (a refused run has changed nothing): now the directory is ours.
            if (shard == null) {
                study.write(out);
            } else {
                study.createOrCheck(out);
            }
            fromCache.forEach(store::saveReference);
            if (shard == null) {
                AtomicFiles.write(out.resolve("manifest.json"), ResultStore.json(manifest));
            }
            progress.start(totalRounds, trials, resumed);
            LongAdder elsewhere = new LongAdder();
            List<Runnable> tasks = new ArrayList<>();
            for (Pending p : pending) {
                tasks.add(shard == null ? () -> p.work().run(() -> true) : () -> {
                    if (!claimed(p.cell(), p.work(), claims, store, claimTimeout)) {
                        elsewhere.increment();
                    }
                });
            }
            List<TrialFailure> failures = runAll(tasks, pending.stream().map(Pending::cost).toList(), threads);
            progress.close();
            if (!failures.isEmpty()) {
                throw failures.getFirst().withOthers(failures.size() - 1,
                        shard == null ? store.saveFailures(failures) : claims.directory());
            }
            if (shard == null) {
                store.clearFailures(); // an earlier run's; every trial is done now
                AtomicFiles.write(out.resolve("results.csv"), TidyCsv.of(results));
            }
            return new Result(out, trials, resumed, elsewhere.intValue(), TimeSplit.of(finished.timings(), referenceMs.sum(),
                    setupMs, TimeSplit.millisSince(start)), results.stream().filter(Objects::nonNull).toList());
        }
    }

    /** A full-pool reference to fit: its time counts as the references'; the cache and then the store keep it. */
    private CellWork referenceWork(StudyPlan.Cell cell, Optional<ReferenceCache> cache, DoubleAdder referenceMs,
                                   ResultStore store) {
        return keep -> {
            long began = System.nanoTime();
            PoolReference reference = Trial.fullPool(config, cell.data(), cell.learner(), cell.key().seed(), kernels,
                    cell.fingerprint());
            referenceMs.add(TimeSplit.millisSince(began));
            cache.ifPresent(c -> c.write(reference));
            if (!keep.getAsBoolean()) {
                return false;
            }
            store.saveReference(cell.key(), reference);
            return true;
        };
    }

    /** A trial to run: its rounds advance the progress bar (all {@code rounds}, also when it stops early). */
    private CellWork trialWork(StudyPlan.Cell cell, long rounds, Progress progress, ResultStore store, Finished finished,
                               int slot) {
        return keep -> {
            long[] seen = {0};
            Trial trial = new Trial(config, cell.data(), cell.learner(), cell.strategy(), planner.stops(),
                    cell.annotation(), cell.levers(), cell.key().seed(), kernels);
            Trial.Outcome outcome = trial.run(cell.fingerprint(), () -> {
                seen[0]++;
                progress.advance(1);
            });
            progress.advance(Math.max(0, rounds - seen[0]));
            if (!keep.getAsBoolean()) {
                return false;
            }
            store.save(cell.key(), outcome);
            finished.put(slot, outcome);
            return true;
        };
    }

    /** The trials' results in plan order (resumed ones included) and the timings of those run now, filled by threads. */
    private record Finished(List<TrialResult> results, List<TrialTimings> timings) {
        synchronized void put(int slot, Trial.Outcome outcome) {
            results.set(slot, outcome.result());
            timings.add(outcome.timings());
        }
    }

    /**
     * A cell still to compute: its work, and its relative cost (extra fits per query), by which the costliest cells
     * start first.
     */
    private record Pending(StudyPlan.Cell cell, int cost, CellWork work) {
    }

    /** A cell's computation; it saves its result only while {@code keep} says the cell is still ours. */
    private interface CellWork {
        /** @return whether the result was saved */
        boolean run(BooleanSupplier keep);
    }

    /**
     * Computes a cell of a shard under its claim: false if a live process holds it. Once claimed, a cell found
     * done meanwhile, or a whole-study run found started meanwhile, is left alone.
     */
    private static boolean claimed(StudyPlan.Cell cell, CellWork work, CellClaims claims, ResultStore store,
                                   Duration claimTimeout) {
        Optional<Claim> claim = claims.take(cell);
        if (claim.isEmpty()) {
            return false;
        }
        try (Claim held = claim.get()) {
            boolean done = cell.isReference() ? store.completedReference(cell.key(), cell.fingerprint()).isPresent()
                    : store.completed(cell.key(), cell.fingerprint()).isPresent();
            if (done) {
                return true;
            }
            store.requireUnlocked(claimTimeout);
            if (work.run(held::held)) {
                claims.computed(cell);
            }
            return true;
        } catch (TrialFailure failure) {
            claims.failed(cell, failure);
            throw failure;
        }
    }

    /** Who a shard's claims are for: the shard, and the Slurm array task where there is one. */
    private static String works(Shard shard) {
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        String task = System.getenv("SLURM_ARRAY_TASK_ID");
        return "shard " + shard + (job == null ? "" : ", slurm job " + job + "_" + task);
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
}
