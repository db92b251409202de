package org.activebench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.strategies.QueryStrategy;

/**
 * A study built in Java: the same experiment a JSON config describes, from names, parameters or objects, run into a
 * results directory (resumable, with manifest and tidy CSV, ready for {@code activebench report}) and returned in
 * memory. The CLI's {@code run} is this with the config read from a file.
 * <pre>{@code
 * Experiment.Result r = Study.named("hybrid")
 *         .dataset("iris")
 *         .learner("logistic")
 *         .strategies("random", "margin")
 *         .strategy("my_margin", (context, batch) -> ...)   // a lambda is a strategy
 *         .seeds(1, 2, 3).initial(10).batch(5).rounds(20)
 *         .run(Path.of("results/hybrid"));
 * }</pre>
 * Components given as objects take their label from the name given; everything else resolves through the
 * {@link Catalog} (built-ins, the class path's plugins, {@link #plugin} jars), with the config's checks and messages.
 */
public final class Study {
    private final String name;
    private final List<ExperimentConfig.DatasetSpec> datasets = new ArrayList<>();
    private final Map<String, Dataset> given = new LinkedHashMap<>();
    private final List<ComponentSpec> learners = new ArrayList<>();
    private final List<ComponentSpec> strategies = new ArrayList<>();
    private final List<ComponentSpec> stops = new ArrayList<>();
    private final List<String> plugins = new ArrayList<>();
    private final List<ComponentSpec> annotators = new ArrayList<>();
    private final List<ComponentSpec> routings = new ArrayList<>();
    private ComponentSpec weighting;
    private ComponentSpec augment;
    private Catalog catalog = Catalog.builtIn();
    private List<Long> seeds = List.of(1L);
    private Double testFraction;
    private int initial = 20;
    private String initialMode;
    private Integer batch;
    private ExperimentConfig.BudgetSpec budget = new ExperimentConfig.BudgetSpec(10, null);
    private List<String> metrics;
    private String ties;
    private Boolean reference;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ScoreKernels kernels;
    private Progress progress = Progress.NONE;

    private Study(String name) {
        this.name = name;
    }

    /** {@code value}, or an error naming the method and the argument that is null (not a bare NullPointerException). */
    static <T> T given(String method, String argument, T value) {
        if (value == null) {
            throw new ActiveBenchException(method + ": the " + argument + " is null");
        }
        return value;
    }

    /** A study whose results go by {@code name} (the config's {@code name}). */
    public static Study named(String name) {
        return new Study(given("Study.named", "name", name));
    }

    /** A bundled data set: iris, wine, breast_cancer or digits. */
    public Study dataset(String bundled) {
        given("dataset", "name", bundled);
        datasets.add(new ExperimentConfig.DatasetSpec(bundled, null));
        return this;
    }

    /** A CSV, ARFF or LIBSVM file (format from its name, label the last column or class attribute). */
    public Study dataset(String name, Path file) {
        given("dataset", "name", name);
        given("dataset", "file", file);
        datasets.add(new ExperimentConfig.DatasetSpec(name, file.toAbsolutePath().toString()));
        return this;
    }

    /** A data set made in Java; it is named by {@link Dataset#name()}. */
    public Study dataset(Dataset data) {
        datasets.add(new ExperimentConfig.DatasetSpec(data.name(), null));
        given.put(data.name(), data);
        return this;
    }

    /** A learner by name, with parameters (see {@code activebench list learners}); call again for several. */
    public Study learner(String name, Map<String, ?> params) {
        given("learner", "name", name);
        learners.add(new ComponentSpec(name, params == null ? null : new LinkedHashMap<>(params)));
        return this;
    }

    public Study learner(String name) {
        return learner(name, (Map<String, ?>) null);
    }

    /** A learner object, labelled {@code name} in results. */
    public Study learner(String name, Learner learner) {
        catalog = catalog.withLearner(given("learner", "name", name), given("learner", "learner object", learner));
        return learner(name);
    }

    /** A strategy by name, with parameters (see {@code activebench list strategies}). */
    public Study strategy(String name, Map<String, ?> params) {
        given("strategy", "name", name);
        strategies.add(new ComponentSpec(name, params == null ? null : new LinkedHashMap<>(params)));
        return this;
    }

    public Study strategy(String name) {
        return strategy(name, (Map<String, ?>) null);
    }

    /** Strategies by name, with their defaults. */
    public Study strategies(String... names) {
        Arrays.stream(names).forEach(this::strategy);
        return this;
    }

    /** A strategy object (a lambda will do), labelled {@code name} in results. */
    public Study strategy(String name, QueryStrategy strategy) {
        catalog = catalog.withStrategy(given("strategy", "name", name), given("strategy", "strategy object", strategy));
        return strategy(name);
    }

    /** The built-in skyline (reads the true labels; reports draw it apart): the config's {@code "skyline": true}. */
    public Study skyline() {
        strategies.add(new ComponentSpec("oracle_skyline", null, true, false));
        return this;
    }

    /** A stopping criterion by name, with parameters (see {@code activebench list stopping}). */
    public Study stop(String name, Map<String, ?> params) {
        given("stop", "name", name);
        stops.add(new ComponentSpec(name, params == null ? null : new LinkedHashMap<>(params)));
        return this;
    }

    public Study stop(String name) {
        return stop(name, (Map<String, ?>) null);
    }

    /** A stopping criterion object (a lambda will do), labelled {@code name}. */
    public Study stop(String name, StoppingCriterion criterion) {
        catalog = catalog.withStopping(given("stop", "name", name), given("stop", "criterion object", criterion));
        return stop(name);
    }

    /** An annotator by name, with parameters (see {@code activebench list annotators}); call again for several. */
    public Study annotator(String name, Map<String, ?> params) {
        annotators.add(new ComponentSpec(given("annotator", "name", name), params == null ? null : new LinkedHashMap<>(params)));
        return this;
    }

    /**
     * A routing policy by name, with parameters (see {@code activebench list routing}), between the annotators at
     * {@code annotators} (positions in the order they were added; none: all, in order). Call again for several: each
     * is one more trial per strategy and seed.
     */
    public Study routing(String name, Map<String, ?> params, int... annotators) {
        routings.add(new ComponentSpec(given("routing", "name", name), params == null ? null : new LinkedHashMap<>(params),
                null, false, annotators.length == 0 ? null : java.util.Arrays.stream(annotators).boxed().toList(), null));
        return this;
    }

    /** The budget in labelling cost, the initial set's included. */
    public Study cost(double budget) {
        this.budget = new ExperimentConfig.BudgetSpec(null, null, budget);
        return this;
    }

    /** A plugin jar of providers (as {@code --plugin}). */
    public Study plugin(Path jar) {
        plugins.add(jar.toAbsolutePath().toString());
        return this;
    }

    public Study seeds(long... values) {
        seeds = Arrays.stream(values).boxed().toList();
        return this;
    }

    public Study testFraction(double fraction) {
        testFraction = fraction;
        return this;
    }

    /** Initially labelled rows, drawn uniformly ({@code initial.mode} random). */
    public Study initial(int size) {
        initial = size;
        return this;
    }

    /** Initially labelled rows, drawn proportionally to the class sizes. */
    public Study initialStratified(int size) {
        initial = size;
        initialMode = "stratified";
        return this;
    }

    public Study batch(int rows) {
        batch = rows;
        return this;
    }

    /** The budget in query rounds. */
    public Study rounds(int rounds) {
        budget = new ExperimentConfig.BudgetSpec(rounds, null);
        return this;
    }

    /** The budget in labels, the initial set included. */
    public Study labels(int labels) {
        budget = new ExperimentConfig.BudgetSpec(null, labels);
        return this;
    }

    /** Metrics besides accuracy: {@code macro_f1}, {@code balanced_accuracy}. */
    public Study metrics(String... keys) {
        metrics = List.of(keys);
        return this;
    }

    /** The tie rule: random, index or pool_order. */
    public Study ties(String rule) {
        ties = rule;
        return this;
    }

    /** Trials run in parallel (results do not depend on it); all cores by default. */
    public Study threads(int count) {
        threads = count;
        return this;
    }

    /** Whether to fit each learner on the whole pool per seed (default true): the report's "labels to X%" need it. */
    public Study reference(boolean fit) {
        reference = fit;
        return this;
    }

    /** The scoring kernels; by default the fastest that passes its self-check. */
    public Study kernels(ScoreKernels backend) {
        kernels = backend;
        return this;
    }

    public Study progress(Progress bar) {
        progress = bar;
        return this;
    }

    /** The study as a config: what {@code manifest.json} records and a JSON config would say. */
    public ExperimentConfig config() {
        return new ExperimentConfig(name, List.copyOf(datasets), learners.size() == 1 ? learners.getFirst() : null,
                learners.size() == 1 ? null : List.copyOf(learners), List.copyOf(strategies), seeds, testFraction,
                new ExperimentConfig.InitialSpec(initial, initialMode, null), batch, budget,
                stops.isEmpty() ? null : List.copyOf(stops), metrics, ties, reference,
                plugins.isEmpty() ? null : List.copyOf(plugins), annotators.isEmpty() ? null : List.copyOf(annotators),
                routings.isEmpty() ? null : List.copyOf(routings), weighting, augment, null);
    }

    /** The augmenter by name, with parameters (see {@code activebench list augmenters}): extra rows before each fit. */
    public Study augment(String name, Map<String, ?> params) {
        augment = new ComponentSpec(given("augment", "name", name), params == null ? null : new LinkedHashMap<>(params));
        return this;
    }

    /** The weighting scheme by name, with parameters (see {@code activebench list weighting}): rows weighed before each fit. */
    public Study weighting(String name, Map<String, ?> params) {
        weighting = new ComponentSpec(given("weighting", "name", name), params == null ? null : new LinkedHashMap<>(params));
        return this;
    }

    /** Validates everything, loads the data and builds every component: bad input fails here, before any output. */
    public Experiment experiment() {
        return new Experiment(config(), "java: Study " + name, Path.of("."),
                kernels == null ? KernelProvider.get() : kernels, catalog, given);
    }

    /** Runs every trial into {@code out} (reusing those already there) and returns them. */
    public Experiment.Result run(Path out) {
        return experiment().run(out, threads, progress);
    }
}
