package org.activebench.experiment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.MissingValues;
import org.activebench.core.data.TeacherPredictions;
import org.activebench.core.metrics.Metric;
import org.activebench.core.split.Splitter;
import org.activebench.strategies.Ties;

/**
 * An experiment as written in its JSON config; every key is documented in the README's config reference.
 * Absent optional keys are null here and take their defaults through the accessors below.
 */
public record ExperimentConfig(
        String name,
        List<DatasetSpec> datasets,
        ComponentSpec learner,
        List<ComponentSpec> learners,
        List<ComponentSpec> strategies,
        List<Long> seeds,
        Double testFraction,
        InitialSpec initial,
        Integer batch,
        BudgetSpec budget,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<ComponentSpec> stop,
        List<String> metrics,
        String ties,
        Boolean reference,
        List<String> plugins,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ComponentSpec> annotators,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<ComponentSpec> routing,
        @JsonInclude(JsonInclude.Include.NON_NULL) ComponentSpec weighting,
        @JsonInclude(JsonInclude.Include.NON_NULL) ComponentSpec augment,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LeverSpec> levers) {

    /**
     * One setting of the training levers: a weighting, an augmenter, both or neither ({@code {}}: the control).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeverSpec(ComponentSpec weighting, ComponentSpec augment) {
    }

    /**
     * The settings of the training levers: {@code levers} (a grid axis, one trial per setting, strategy and seed), or
     * the one setting of {@code weighting} and {@code augment}.
     */
    public List<LeverSpec> leverSpecs() {
        return levers != null ? levers : List.of(new LeverSpec(weighting, augment));
    }

    /**
     * A data set: bundled by name, or loaded from {@code path} (relative to the config file); optionally with a
     * teacher's predictions, and with features computed from a text column.
     */
    public record DatasetSpec(String name, String path, String format, String label, String missing, String split,
                              TeacherSpec teacher, FeaturesSpec features,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, LabelsSpec> labels) {
        /** A data set by name and path, as most configs give it. */
        public DatasetSpec(String name, String path) {
            this(name, path, null, null, null, null, null, null, null);
        }
    }

    /**
     * A recorded label per row for replay annotators: column {@code column} of {@code path} (relative to the config
     * file; default, for a text data set: its own file), class names of the data set, empty where the annotator abstained.
     */
    public record LabelsSpec(String path, String column) {
    }

    /** A large model's per-sample predictions for a data set (see {@code TeacherPredictions}). */
    public record TeacherSpec(String path, String kind) {
    }

    /**
     * Features made from text: {@code embed} names the sentence-embedding model, {@code text} the text column, and
     * {@code paraphrase} optionally a column of the same file with a paraphrase of each text, embedded alike (for
     * the {@code paraphrase} augmenter).
     */
    public record FeaturesSpec(String embed, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String paraphrase) {
        public FeaturesSpec(String embed, String text) {
            this(embed, text, null);
        }
    }

    /**
     * The initially labelled set.
     *
     * @param annotator the position in {@code annotators} of the one annotator that labels the initial set; null: it is
     *                  labelled through each trial's routing, like every queried row
     */
    public record InitialSpec(Integer size, String mode, Boolean atLeastOnePerClass,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer annotator) {
        public InitialSpec(Integer size, String mode, Boolean atLeastOnePerClass) {
            this(size, mode, atLeastOnePerClass, null);
        }
    }

    /** How many labels may be bought: a number of query rounds, or a total number of labels. */
    public record BudgetSpec(Integer rounds, Integer labels, @JsonInclude(JsonInclude.Include.NON_NULL) Double cost) {
        public BudgetSpec(Integer rounds, Integer labels) {
            this(rounds, labels, null);
        }
    }

    /** Whether each learner is also fitted on the whole pool per seed: the ceiling the report's "labels to X%" read. */
    public boolean referenceOrDefault() {
        return reference == null || reference;
    }

    public String nameOrDefault() {
        return name == null ? "experiment" : name;
    }

    public double testFractionOrDefault() {
        return testFraction == null ? 0.3 : testFraction;
    }

    public int batchOrDefault() {
        return batch == null ? 10 : batch;
    }

    public int initialSize() {
        return initial == null || initial.size() == null ? 20 : initial.size();
    }

    public Splitter.InitialMode initialMode() {
        String mode = initial == null || initial.mode() == null ? "random" : initial.mode();
        return switch (mode) {
            case "random" -> Splitter.InitialMode.RANDOM;
            case "stratified" -> Splitter.InitialMode.STRATIFIED;
            default -> throw new ActiveBenchException("initial.mode: unknown mode '" + mode + "' (valid: random, stratified)");
        };
    }

    public boolean atLeastOnePerClass() {
        return initial == null || initial.atLeastOnePerClass() == null || initial.atLeastOnePerClass();
    }

    /** Query rounds allowed, or {@link Integer#MAX_VALUE} if the budget is in labels. */
    public int maxRounds() {
        return budget.rounds() != null ? budget.rounds() : Integer.MAX_VALUE;
    }

    /** Total labels allowed (initial set included), or {@link Integer#MAX_VALUE} if the budget is not in labels. */
    public int maxLabels() {
        return budget.labels() != null ? budget.labels() : Integer.MAX_VALUE;
    }

    /** The labelling cost allowed (the initial set's included), or infinity if the budget is not in cost. */
    public double maxCost() {
        return budget.cost() != null ? budget.cost() : Double.POSITIVE_INFINITY;
    }

    /** Who labels: {@code annotators}, or the true labels at cost 1 (the simulated oracle of every benchmark). */
    public List<ComponentSpec> annotatorSpecs() {
        return annotators != null ? annotators : List.of(new ComponentSpec("truth", null));
    }

    /**
     * Which annotator labels which row: the policies of {@code routing} (one or a list: a grid axis, one trial per
     * routing, strategy and seed), or every row to the first annotator.
     */
    public List<ComponentSpec> routingSpecs() {
        return routing != null ? routing : List.of(new ComponentSpec("fixed", null));
    }

    /** Who labels the initial set: a position in {@code annotators}, or null (each trial's routing). */
    public Integer initialAnnotator() {
        return initial == null ? null : initial.annotator();
    }

    /** Whether the study says who labels (otherwise results are written exactly as before annotators existed). */
    public boolean annotated() {
        return annotators != null || routing != null || budget.cost() != null || initialAnnotator() != null;
    }

    /** The study's learners: {@code learners}, or the one {@code learner}. */
    public List<ComponentSpec> learnerSpecs() {
        return learners != null ? learners : learner == null ? List.of() : List.of(learner);
    }

    /**
     * The stopping criteria (a trial stops when any says so), in addition to the budget. The form of earlier
     * versions, {@code {"targetAccuracy": A}}, reads as {@code target_accuracy} with {@code accuracy} A.
     */
    public List<ComponentSpec> stopSpecs() {
        if (stop == null) {
            return List.of();
        }
        return stop.stream().map(s -> s.name() == null && s.params() != null && s.params().keySet().equals(Set.of("targetAccuracy"))
                ? new ComponentSpec("target_accuracy", Map.of("accuracy", s.params().get("targetAccuracy")), null, true) : s).toList();
    }

    /** Plugin jars, resolved against the directory of the config file. */
    public List<Path> pluginJars(Path baseDir) {
        return plugins == null ? List.of() : plugins.stream().map(baseDir::resolve).toList();
    }

    /** The metrics to record; accuracy is always among them (AUBC and the target stop are defined on it). */
    public List<Metric> metricList() {
        List<String> keys = metrics == null ? List.of("accuracy", "macro_f1", "balanced_accuracy") : metrics;
        List<Metric> list = new ArrayList<>();
        list.add(Metric.ACCURACY);
        for (String key : keys) {
            Metric m = Metric.parse(key, "metrics");
            if (!list.contains(m)) {
                list.add(m);
            }
        }
        return List.copyOf(list);
    }

    /** How rows tied at a batch boundary are chosen (README, "Ties"); random by default. */
    public Ties.Rule tieRule() {
        return Ties.Rule.parse(ties, "ties");
    }

    public MissingValues missing(DatasetSpec spec, int index) {
        return spec.missing() == null ? MissingValues.ERROR
                : MissingValues.parse(spec.missing(), "datasets[" + index + "].missing");
    }

    /** Checks everything that can be checked without loading data; the message names the offending key. */
    public ExperimentConfig validate() {
        if (name != null) {
            FileNames.requireDirectoryName(name, "name");
        }
        require(datasets != null && !datasets.isEmpty(), "datasets", "at least one data set is required");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < datasets.size(); i++) {
            DatasetSpec d = datasets.get(i);
            require(d != null && d.name() != null && !d.name().isBlank(), "datasets[" + i + "].name", "required");
            require(names.add(d.name()), "datasets[" + i + "].name", "'" + d.name() + "' appears twice");
            missing(d, i);
            require(d.teacher() == null || d.teacher().path() != null, "datasets[" + i + "].teacher.path", "required");
            if (d.teacher() != null) {
                TeacherPredictions.Kind.parse(d.teacher().kind(), "datasets[" + i + "].teacher.kind");
            }
            require(d.features() == null || d.features().embed() != null, "datasets[" + i + "].features.embed",
                    "required (a sentence-embedding model, e.g. all-minilm-l6-v2)");
            require(d.features() == null || d.path() != null, "datasets[" + i + "].features",
                    "text features need a \"path\" to the texts");
        }
        FileNames.requireDistinct(datasets.stream().map(DatasetSpec::name).toList(),
                IntStream.range(0, datasets.size()).mapToObj(i -> "datasets[" + i + "].name").toList());
        require((learner == null) != (learners == null), "learner", "give exactly one of \"learner\" or \"learners\"");
        require(learners == null || !learners.isEmpty(), "learners", "at least one learner is required");
        List<ComponentSpec> all = learnerSpecs();
        for (int i = 0; i < all.size(); i++) {
            require(all.get(i) != null && all.get(i).name() != null, (learners == null ? "learner" : "learners[" + i + "]")
                    + ".name", "required");
        }
        require(strategies != null && !strategies.isEmpty(), "strategies", "at least one strategy is required");
        for (int i = 0; i < strategies.size(); i++) {
            require(strategies.get(i) != null && strategies.get(i).name() != null, "strategies[" + i + "].name", "required");
        }
        List<ComponentSpec> stops = stopSpecs();
        for (int i = 0; i < stops.size(); i++) {
            require(stops.get(i) != null && stops.get(i).name() != null, "stop[" + i + "].name", "required");
        }
        require(seeds != null && !seeds.isEmpty(), "seeds", "at least one seed is required");
        require(new HashSet<>(seeds).size() == seeds.size(), "seeds", "a seed appears twice");
        double fraction = testFractionOrDefault();
        require(fraction > 0 && fraction < 1, "testFraction", "must be in (0, 1), got " + fraction);
        require(batchOrDefault() >= 1, "batch", "must be at least 1, got " + batchOrDefault());
        require(initialSize() >= 1, "initial.size", "must be at least 1, got " + initialSize());
        initialMode();
        require(budget != null && (budget.rounds() != null ? 1 : 0) + (budget.labels() != null ? 1 : 0)
                + (budget.cost() != null ? 1 : 0) == 1, "budget", "give exactly one of \"rounds\", \"labels\" or \"cost\"");
        require(budget.cost() == null || Double.isFinite(budget.cost()) && budget.cost() > 0, "budget.cost",
                "must be a positive number, got " + budget.cost());
        require(annotators == null || !annotators.isEmpty(), "annotators", "at least one annotator is required");
        for (int i = 0; annotators != null && i < annotators.size(); i++) {
            require(annotators.get(i) != null && annotators.get(i).name() != null, "annotators[" + i + "].name", "required");
        }
        require(routing == null || !routing.isEmpty(), "routing", "at least one routing is required");
        int annotatorCount = annotatorSpecs().size();
        for (int i = 0; routing != null && i < routing.size(); i++) {
            String key = routing.size() == 1 ? "routing" : "routing[" + i + "]";
            require(routing.get(i) != null && routing.get(i).name() != null, key + ".name", "required");
            List<Integer> positions = routing.get(i).annotators();
            for (int p = 0; positions != null && p < positions.size(); p++) {
                require(positions.get(p) >= 0 && positions.get(p) < annotatorCount, key + ".annotators[" + p + "]",
                        positions.get(p) + " is not a position in \"annotators\" (0 to " + (annotatorCount - 1) + ")");
                require(positions.indexOf(positions.get(p)) == p, key + ".annotators[" + p + "]",
                        "annotator " + positions.get(p) + " appears twice");
            }
        }
        require(levers == null || weighting == null && augment == null, "levers",
                "give the settings in \"levers\" or one \"weighting\" and \"augment\", not both");
        require(levers == null || !levers.isEmpty(), "levers", "at least one setting is required ({} is the control)");
        List<LeverSpec> settings = leverSpecs();
        for (int i = 0; i < settings.size(); i++) {
            require(settings.get(i) != null, "levers[" + i + "]", "a setting {\"weighting\": ..., \"augment\": ...} is required");
            for (String lever : List.of("weighting", "augment")) {
                ComponentSpec spec = lever.equals("weighting") ? settings.get(i).weighting() : settings.get(i).augment();
                String key = (levers == null ? "" : "levers[" + i + "].") + lever;
                require(spec == null || spec.name() != null, key + ".name", "required");
                require(spec == null || spec.annotators() == null && spec.label() == null && spec.skyline() == null, key,
                        "only \"name\" and \"params\"");
            }
        }
        for (String component : List.of("strategies", "learners", "stop", "annotators", "routing")) {
            List<ComponentSpec> specs = switch (component) {
                case "strategies" -> strategies;
                case "learners" -> learnerSpecs();
                case "stop" -> stopSpecs();
                case "annotators" -> annotators;
                default -> routing;
            };
            for (int i = 0; specs != null && i < specs.size(); i++) {
                ComponentSpec spec = specs.get(i);
                require(spec == null || spec.annotators() == null || component.equals("routing"),
                        component + "[" + i + "].annotators", "only a routing names annotators");
                require(spec == null || spec.label() == null || component.equals("annotators"), component + "[" + i
                        + "].label", "only an annotator is given a label (the others are named by their parameters)");
                require(spec == null || spec.label() == null || spec.label().matches("[A-Za-z0-9_.-]{1,60}"),
                        component + "[" + i + "].label", "'" + (spec == null ? "" : spec.label()) + "': 1 to 60 letters,"
                        + " digits and _ . - are required");
            }
        }
        Integer first = initialAnnotator();
        require(first == null || first >= 0 && first < annotatorCount, "initial.annotator",
                first + " is not a position in \"annotators\" (0 to " + (annotatorCount - 1) + ")");
        for (int i = 0; i < datasets.size(); i++) {
            Map<String, LabelsSpec> labels = datasets.get(i).labels();
            for (Map.Entry<String, LabelsSpec> e : labels == null ? Map.<String, LabelsSpec>of().entrySet() : labels.entrySet()) {
                String key = "datasets[" + i + "].labels." + e.getKey();
                require(e.getKey().matches("[A-Za-z0-9_.-]{1,200}"), key, "a name of letters, digits and _ . - is required");
                require(e.getValue() != null && e.getValue().column() != null, key + ".column", "required");
                require(e.getValue().path() != null || datasets.get(i).features() != null, key + ".path",
                        "required unless the data set's features are embedded from its texts (then its file's other"
                        + " columns are free; in a numeric file every column besides the label is a feature)");
            }
        }
        require(budget.rounds() == null || budget.rounds() >= 0, "budget.rounds", "must be >= 0");
        require(budget.labels() == null || budget.labels() >= initialSize(), "budget.labels",
                "must be at least initial.size (" + initialSize() + ")");
        metricList();
        if (tieRule() == Ties.Rule.POOL_ORDER) {
            for (int i = 0; i < datasets.size(); i++) {
                require(datasets.get(i).split() != null, "ties", "pool_order follows the pool as a split file lists it, but"
                        + " datasets[" + i + "] ('" + datasets.get(i).name() + "') has no \"split\"");
            }
        }
        return this;
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new ActiveBenchException(key + ": " + message);
        }
    }
}
