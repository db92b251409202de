package org.activebench.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.Routing;
import org.activebench.core.data.Dataset;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.metrics.Metric;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Component;
import org.activebench.core.split.Split;
import org.activebench.core.split.Splitter;
import org.activebench.core.split.Standardizer;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.Ties;

/**
 * One active-learning loop, step by step, for exploration in JShell or a notebook: the model is fitted on the
 * initial set; {@link #query} asks the strategy for a batch, {@link #reveal} labels it from the data set (the
 * simulated oracle) or {@link #label} with an annotator's labels, and refits; {@link #metrics} measures on the
 * held-out test set. Split, seeds and fits are those of a study's trial with the same seed, so a loop replays it.
 * <pre>{@code
 * var loop = ActiveLoop.on(DatasetLoader.bundled("iris")).learner("logistic").strategy("margin").seed(1).start();
 * loop.metrics();                 // {accuracy=..., macro_f1=..., balanced_accuracy=...}
 * int[] rows = loop.query(5);     // the 5 rows margin wants labelled
 * loop.reveal(rows);              // the oracle answers, the model refits; returns the new metrics
 * }</pre>
 */
public final class ActiveLoop implements AutoCloseable {
    private final PreparedData prepared;
    private final LoopEngine engine;
    private final Labelling labelling;
    private final List<Map<String, Double>> history = new ArrayList<>();

    /** How a loop is set up; {@link #start} fits the first model. */
    public static final class Builder {
        private final Dataset data;
        private Catalog catalog = Catalog.builtIn();
        private Learner learner;
        private QueryStrategy strategy;
        private boolean skyline;
        private long seed = 1;
        private double testFraction = 0.3;
        private int initial = 20;
        private float[] teacher;
        private ScoreKernels kernels;
        private final List<Component<Annotator>> annotators = new ArrayList<>();
        private Component<Routing> routing;
        private final Map<String, int[]> replayed = new java.util.TreeMap<>();

        private Builder(Dataset data) {
            this.data = data.requireTwoClasses();
        }

        /** A learner by name and parameters, as in a config. */
        public Builder learner(String name, Map<String, ?> params) {
            Study.given("learner", "name", name);
            learner = catalog.learners().create(name, params, "learner").instance();
            return this;
        }

        public Builder learner(String name) {
            return learner(name, (Map<String, ?>) null);
        }

        public Builder learner(Learner object) {
            learner = Study.given("learner", "learner object", object);
            return this;
        }

        /** A strategy by name and parameters, as in a config. */
        public Builder strategy(String name, Map<String, ?> params) {
            Study.given("strategy", "name", name);
            Component<QueryStrategy> c = catalog.strategies().create(name, params, "strategy");
            strategy = c.instance();
            skyline = c.capabilities().contains(Capability.READS_TRUE_LABELS);
            return this;
        }

        public Builder strategy(String name) {
            return strategy(name, (Map<String, ?>) null);
        }

        /** A strategy object; a lambda {@code (context, batch) -> rows} will do. */
        public Builder strategy(QueryStrategy object) {
            strategy = Study.given("strategy", "strategy object", object);
            skyline = false;
            return this;
        }

        /** Where names are looked up: {@link Catalog#builtIn()} unless plugins are wanted. Call before naming. */
        public Builder catalog(Catalog components) {
            catalog = Study.given("catalog", "catalog", components);
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder testFraction(double fraction) {
            testFraction = fraction;
            return this;
        }

        /** Initially labelled rows (at least one per class), as the config's {@code initial.size}. */
        public Builder initial(int size) {
            initial = size;
            return this;
        }

        /** A teacher's probabilities, row-major over all rows, for the strategies that read one. */
        public Builder teacher(float[] probabilities) {
            teacher = probabilities;
            return this;
        }

        public Builder kernels(ScoreKernels backend) {
            kernels = backend;
            return this;
        }

        /**
         * An annotator by name and parameters, as in a config's {@code annotators} (call again for several); rows are
         * then labelled with {@link #ask}. Without any, the loop's labels are the truth, as a study's by default.
         */
        public Builder annotator(String name, Map<String, ?> params) {
            ComponentSpec spec = new ComponentSpec(Study.given("annotator", "name", name),
                    params == null ? null : new java.util.LinkedHashMap<>(params));
            annotators.add(catalog.component(ComponentKind.ANNOTATORS, spec, "annotators[" + annotators.size() + "]"));
            return this;
        }

        /** The routing policy between the annotators, as a config's {@code routing} (default {@code fixed}). */
        public Builder routing(String name, Map<String, ?> params) {
            routing = catalog.component(ComponentKind.ROUTING, new ComponentSpec(Study.given("routing", "name", name),
                    params == null ? null : new java.util.LinkedHashMap<>(params)), "routing");
            return this;
        }

        /** A recorded label set for {@code replay} annotators: per row a class or {@code Annotator.ABSTAIN}. */
        public Builder replayed(String name, int[] labels) {
            replayed.put(Study.given("replayed", "name", name), Study.given("replayed", "labels", labels).clone());
            return this;
        }

        public ActiveLoop start() {
            if (learner == null || strategy == null) {
                throw new ActiveBenchException("ActiveLoop: give a learner and a strategy before start()");
            }
            Split split = new Splitter(testFraction, initial, Splitter.InitialMode.RANDOM, true).split(data, seed);
            Standardizer.Stats stats = Standardizer.fit(data.x(), data.dimension(), split.pool());
            PreparedData prepared = new PreparedData(data, split, stats.apply(data.x(), new float[data.x().length]), stats,
                    teacher, Arrays.hashCode(data.x()), Map.copyOf(replayed), null);
            List<Component<Annotator>> who = annotators.isEmpty() ? List.of(catalog.component(ComponentKind.ANNOTATORS,
                    new ComponentSpec("truth", null), "annotators[0]")) : List.copyOf(annotators);
            Annotation annotation = annotators.isEmpty() && routing == null ? null : Annotation.of(who,
                    who.stream().map(Component::label).toList(), routing != null ? routing
                    : catalog.component(ComponentKind.ROUTING, new ComponentSpec("fixed", null), "routing"), null, null,
                    "routing");
            return new ActiveLoop(prepared, learner, strategy, skyline, seed, kernels == null ? KernelProvider.get() : kernels,
                    annotation);
        }
    }

    /** A loop over {@code data}; name a learner and a strategy, then {@link Builder#start}. */
    public static Builder on(Dataset data) {
        return new Builder(Study.given("ActiveLoop.on", "data set", data));
    }

    /** @param annotation who labels through {@link #ask}; null: the truth, through {@link #reveal} */
    private ActiveLoop(PreparedData prepared, Learner learner, QueryStrategy strategy, boolean skyline, long seed,
                       ScoreKernels kernels, Annotation annotation) {
        this.prepared = prepared;
        this.labelling = annotation == null ? null : Labelling.of(annotation, prepared, seed);
        this.engine = new LoopEngine(prepared, learner, strategy, skyline, seed, kernels, Ties.RANDOM,
                List.of(Metric.values()), labelling == null ? LoopEngine.truthOfInitial(prepared)
                : labelling.labelInitial(prepared.split().initial()), null, null);
        history.add(engine.fit());
    }

    /** The {@code batch} rows the strategy picks from the unlabelled pool now, best first. */
    public int[] query(int batch) {
        return engine.query(batch);
    }

    /** Labels {@code rows} with their true classes (the simulated oracle), refits, and returns the new metrics. */
    public Map<String, Double> reveal(int... rows) {
        engine.checkRows("reveal", rows);
        int[] y = prepared.data().y();
        return label("reveal", rows, Arrays.stream(rows).map(r -> y[r]).toArray(), false);
    }

    /**
     * Labels {@code rows} with an annotator's classes (a person, a large model: possibly wrong), refits, and returns
     * the new metrics. The test set keeps its true labels. Every argument is checked before anything changes: a
     * refused call, or a fit that fails, leaves the loop as it was.
     */
    public Map<String, Double> label(int[] rows, int[] classes) {
        return label("label", rows, classes, false);
    }

    /**
     * Asks the loop's annotators, through its routing, to label {@code rows} (rows that none labels leave the pool),
     * refits, and returns the new metrics; what it cost is in {@link #ledger}. As a study's trial labels its queries.
     */
    public Map<String, Double> ask(int... rows) {
        if (labelling == null) {
            throw new ActiveBenchException("ask: this loop has no annotators (name them with annotator(...)); reveal"
                    + " gives the true labels");
        }
        engine.checkRows("ask", rows);
        return label("ask", rows, labelling.label(rows, engine.view()), true);
    }

    /** Who labelled so far and at what cost, the initial set included; null for a loop without annotators. */
    public TrialResult.Ledger ledger() {
        return labelling == null ? null : labelling.ledger();
    }

    private Map<String, Double> label(String method, int[] rows, int[] classes, boolean abstentions) {
        Model before = engine.model();
        engine.label(method, rows, classes, abstentions);
        try {
            history.add(engine.fit());
        } catch (RuntimeException e) {
            engine.undo(rows, before);
            throw e;
        }
        return metrics();
    }

    /** Every metric of the current model on the test set. */
    public Map<String, Double> metrics() {
        return history.getLast();
    }

    /** The metrics after every fit, the initial one first. */
    public List<Map<String, Double>> history() {
        return List.copyOf(history);
    }

    /** The labelled rows, in the order they were labelled. */
    public int[] labelledRows() {
        return engine.labelledRows();
    }

    /** The pool rows not labelled yet, ascending. */
    public int[] unlabelled() {
        return engine.unlabelled();
    }

    /** Fits so far, the initial one being 0. */
    public int round() {
        return engine.round();
    }

    public Model model() {
        return engine.model();
    }

    public Dataset data() {
        return prepared.data();
    }

    public Split split() {
        return prepared.split();
    }

    @Override
    public String toString() {
        return "ActiveLoop[" + prepared.data().name() + ", round " + round() + ", " + labelledRows().length + " labelled, "
                + unlabelled().length + " unlabelled, accuracy " + metrics().get(Metric.ACCURACY.key()) + "]";
    }

    @Override
    public void close() {
        engine.close();
    }
}
