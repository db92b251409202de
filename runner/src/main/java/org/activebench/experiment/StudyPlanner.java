package org.activebench.experiment;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.ReplayedLabels;
import org.activebench.core.data.TeacherPredictions;
import org.activebench.core.learn.Learner;
import org.activebench.core.spi.Component;
import org.activebench.core.split.Split;
import org.activebench.core.split.SplitFile;
import org.activebench.core.split.Splitter;
import org.activebench.core.split.Standardizer;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.Ties;

/**
 * Plans a study: loads every data set and makes every seed's split (bad input fails here, before anything is
 * written), then lists the study's cells (full-pool references and trials) with their keys, fingerprints and
 * estimated costs. {@link Experiment} executes the plan.
 */
record StudyPlanner(ExperimentConfig config, Path baseDir, Map<String, Dataset> given, List<Component<Learner>> learners,
                    List<Component<QueryStrategy>> strategies, List<Component<StoppingCriterion>> stops,
                    List<Annotation> annotations, List<Levers> levers) {
    /**
     * The study's cells in config order: per data set and learner, each seed's full-pool reference (unless the
     * config says {@code "reference": false}), then every routing x lever setting x strategy x seed trial, each with
     * its key and fingerprint.
     */
    StudyPlan plan(Map<String, List<PreparedData>> prepared) {
        List<StudyPlan.Cell> cells = new ArrayList<>();
        for (ExperimentConfig.DatasetSpec spec : config.datasets()) {
            List<PreparedData> perSeed = prepared.get(spec.name());
            for (Component<Learner> learner : learners) {
                for (int seedIndex = 0; seedIndex < config.seeds().size() && config.referenceOrDefault(); seedIndex++) {
                    long seed = config.seeds().get(seedIndex);
                    PreparedData data = perSeed.get(seedIndex);
                    cells.add(new StudyPlan.Cell(new TrialKey(spec.name(), learner.label(), null, seed),
                            fingerprint(spec, data, learner, null, null, Levers.NONE), data, learner, null, null, null,
                            cost(data, null)));
                }
                for (Annotation annotation : annotations) {
                    for (Levers setting : levers) {
                        for (Component<QueryStrategy> strategy : strategies) {
                            for (int seedIndex = 0; seedIndex < config.seeds().size(); seedIndex++) {
                                long seed = config.seeds().get(seedIndex);
                                PreparedData data = perSeed.get(seedIndex);
                                TrialKey key = new TrialKey(spec.name(), learner.label(),
                                        config.annotated() ? annotation.label() : null,
                                        config.levers() != null ? setting.label() : null, strategy.label(), seed);
                                cells.add(new StudyPlan.Cell(key, fingerprint(spec, data, learner, strategy, annotation,
                                        setting), data, learner, strategy, annotation, setting, cost(data, strategy)));
                            }
                        }
                    }
                }
            }
        }
        return new StudyPlan(List.copyOf(cells));
    }

    /** Loads every data set and makes every seed's split up front: bad input fails before anything is written. */
    Map<String, List<PreparedData>> prepareAll() {
        Splitter splitter = new Splitter(config.testFractionOrDefault(), config.initialSize(), config.initialMode(),
                config.atLeastOnePerClass());
        Map<String, List<PreparedData>> prepared = new LinkedHashMap<>();
        for (int i = 0; i < config.datasets().size(); i++) {
            ExperimentConfig.DatasetSpec spec = config.datasets().get(i);
            String key = "datasets[" + i + "]";
            boolean loaded = !(spec.path() == null && given.containsKey(spec.name()));
            Dataset data = (loaded ? DatasetSource.load(spec, baseDir, key, config.missing(spec, i))
                    : given.get(spec.name())).requireTwoClasses();
            int featureHash = Arrays.hashCode(data.x());
            float[] teacher = spec.teacher() == null ? null : TeacherPredictions.read(baseDir.resolve(spec.teacher().path()),
                    TeacherPredictions.Kind.parse(spec.teacher().kind(), key + ".teacher.kind"), data);
            Map<Long, Split> fixed = spec.split() == null ? null : SplitFile.read(baseDir.resolve(spec.split()), data.size());
            Map<String, int[]> replayed = new java.util.TreeMap<>();
            if (spec.labels() != null) {
                for (Map.Entry<String, ExperimentConfig.LabelsSpec> e : spec.labels().entrySet()) {
                    String file = e.getValue().path() != null ? e.getValue().path() : spec.path();
                    replayed.put(e.getKey(), ReplayedLabels.read(baseDir.resolve(file), e.getValue().column(), data));
                }
            }
            for (int s = 0; s < levers.size(); s++) {
                if (levers.get(s).augmenter() != null) {
                    levers.get(s).augments().check(data.dimension(), data.name(),
                            (config.levers() == null ? "" : "levers[" + s + "].") + "augment");
                }
            }
            float[] paraphrases = spec.features() == null || spec.features().paraphrase() == null ? null
                    : DatasetSource.paraphrases(spec, baseDir, key);
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
                Standardizer.Stats stats = Standardizer.fit(data.x(), data.dimension(), split.pool());
                float[] seedParaphrases = paraphrases == null ? null : stats.apply(paraphrases, new float[paraphrases.length]);
                // a data set loaded here is ours: its last seed standardizes its features in place, one copy fewer
                boolean last = perSeed.size() == config.seeds().size() - 1;
                float[] x = stats.apply(data.x(), last && loaded ? data.x() : new float[data.x().length]);
                perSeed.add(new PreparedData(data, split, x, stats, teacher, featureHash, replayed, seedParaphrases));
            }
            prepared.put(spec.name(), perSeed);
        }
        requireBudgetAboveInitialCost(prepared);
        return prepared;
    }

    private static String plain(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * A cost budget that the initial set's labelling (deterministic, so it is known before any trial runs) already
     * spends leaves no query to make: refused, naming the routing, data set and seed.
     */
    private void requireBudgetAboveInitialCost(Map<String, List<PreparedData>> prepared) {
        if (config.budget().cost() == null) {
            return;
        }
        for (Annotation annotation : annotations) {
            for (List<PreparedData> perSeed : prepared.values()) {
                for (int i = 0; i < perSeed.size(); i++) {
                    PreparedData data = perSeed.get(i);
                    long seed = config.seeds().get(i);
                    Labelling labelling = Labelling.of(annotation, data, seed);
                    labelling.labelInitial(data.split().initial());
                    if (labelling.cost() >= config.maxCost()) {
                        throw new ActiveBenchException(String.format(java.util.Locale.ROOT, "budget.cost: %s is spent by"
                                + " the initial set alone (%d rows cost %s through %s for %s, seed %d); raise it or make"
                                + " initial.size smaller", plain(config.maxCost()), data.split().initial().length,
                                plain(labelling.cost()), annotation.label(), data.data().name(), seed));
                    }
                }
            }
        }
    }

    /**
     * A cell's estimated cost, to balance shards: the pool's rows x features for every pass over it, which is
     * each round's prediction (and each committee member's fit), or, for a full-pool reference, about ten.
     */
    private double cost(PreparedData data, Component<QueryStrategy> strategy) {
        double pass = (double) data.split().pool().length * data.data().dimension();
        return strategy == null ? 10 * pass : pass * expectedRounds(data.split()) * (1 + strategy.instance().extraFitsPerQuery());
    }

    /** Rounds (initial fit included) a trial runs unless it stops early: for the progress bar. */
    long expectedRounds(Split split) {
        long labels = Math.min((long) config.maxLabels(), split.pool().length);
        long byLabels = (labels - split.initial().length + config.batchOrDefault() - 1) / config.batchOrDefault();
        return 1 + Math.min(config.maxRounds(), byLabels);
    }

    /**
     * A hash of everything a trial's result depends on besides its seed: the data, the learner, the strategy (each
     * with every parameter and, for a plugin, its jar's checksum), the stopping criteria and the protocol.
     */
    private String fingerprint(ExperimentConfig.DatasetSpec spec, PreparedData prepared, Component<Learner> learner,
                               Component<QueryStrategy> strategy, Annotation annotation, Levers setting) {
        Dataset data = prepared.data();
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("format", 3); // 3: components as provider name + every parameter value; older trials differ
        parts.put("dataset", spec);
        parts.put("data", List.of(data.size(), data.dimension(), data.classNames(), prepared.featureHash(),
                Arrays.hashCode(data.y()), prepared.split().hashCode(), Arrays.hashCode(prepared.teacher())));
        if (prepared.paraphrases() != null) { // absent without paraphrases, as in earlier formats
            parts.put("paraphrases", Arrays.hashCode(prepared.paraphrases()));
        }
        parts.put("learner", learner.ref());
        parts.put("strategy", strategy == null ? null : strategy.ref());
        parts.put("stop", stops.stream().map(Component::ref).toList());
        parts.put("protocol", List.of(config.testFractionOrDefault(), config.initialSize(), config.initialMode().name(),
                config.atLeastOnePerClass(), config.batchOrDefault(), config.maxRounds(), config.maxLabels(),
                config.metricList().toString()));
        if (config.annotated() && annotation != null) { // absent for the simulated oracle, as in earlier formats
            Map<String, Object> who = annotation.ref();
            who.put("cost", config.budget().cost());
            who.put("replayed", prepared.replayed().entrySet().stream().map(e -> e.getKey() + ":"
                    + Arrays.hashCode(e.getValue())).toList());
            parts.put("annotation", who);
        }
        parts.putAll(setting.ref()); // absent without levers, as in earlier formats
        if (config.tieRule() != Ties.Rule.RANDOM) { // absent for the default, as in earlier formats
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
