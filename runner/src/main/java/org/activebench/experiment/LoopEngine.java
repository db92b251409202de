package org.activebench.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.learn.RoundView;
import org.activebench.core.learn.TrainingSet;
import org.activebench.core.train.AugmentContext;
import org.activebench.core.train.Augmenter;
import org.activebench.core.train.Weighting;
import org.activebench.core.train.WeightingContext;
import org.activebench.core.metrics.Metric;
import org.activebench.core.split.Seeds;
import org.activebench.core.split.Standardizer;
import org.activebench.strategies.Picks;
import org.activebench.strategies.QueryContext;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.Ties;
import org.activebench.strategies.TrialState;

/**
 * The one active-learning loop: its state (the labels given so far, the current model, the round) and its three
 * steps: {@link #fit} the labelled set and measure on the test set, {@link #query} the strategy, {@link #label} the
 * rows an annotator answered. Each fit opens a round's {@link #view}, which the strategy, the stopping criteria and
 * the routing share, so that the pool is predicted at most once per round. A study's trial drives it round by round to a budget; {@link ActiveLoop} hands its
 * steps to a person in JShell. Fits are seeded by round, queries by round, so both give the same picks and curves.
 */
final class LoopEngine implements AutoCloseable {
    private final PreparedData prepared;
    private final Learner learner;
    private final QueryStrategy strategy;
    private final long seed;
    private final TrialState state;
    private final TestSet testSet;
    /** Per row: its given class, {@link #UNASKED}, or {@link #ASKED} (every annotator abstained on it). */
    private final int[] labelOf;
    private static final int UNASKED = -1;
    private static final int ASKED = -2;
    private final boolean[] inPool;
    private final List<Integer> labelled = new ArrayList<>();
    /** Weighs the labelled rows before each fit, or null (every row 1). */
    private final Weighting weighting;
    /** Adds rows made from the labelled ones before each fit, or null. */
    private final Augmenter augmenter;
    /** Per feature, its standard deviation over the pool (the augmenter's scale); null without an augmenter. */
    private final double[] featureStd;
    /** Per labelled row, the probability each model since its labelling gave its label: for weightings that read it. */
    private final Map<Integer, List<Double>> history = new HashMap<>();
    /** Pool rows not asked yet: counted, so that a round's budget checks need no pass over the pool. */
    private int unasked;
    private Model model;
    /** The round since the last fit: what the strategy, the stopping criteria and the routing read. */
    private QueryContext view;
    private int round;
    private double fitMs;
    private double measureMs;
    private double queryMs;
    private double poolPredictMs;

    /**
     * The initial set labelled; call {@link #fit} next.
     *
     * @param skyline        whether the strategy may read the pool's true labels
     * @param initialClasses per row of the split's initial set, the class it was given, or ABSTAIN (then it is no
     *                       labelled row, and leaves the pool)
     * @param weighting      weighs the labelled rows before each fit; null: every row 1
     * @param augmenter      adds extra rows made from the labelled ones before each fit; null: none
     */
    LoopEngine(PreparedData prepared, Learner learner, QueryStrategy strategy, boolean skyline, long seed,
               ScoreKernels kernels, Ties ties, List<Metric> metrics, int[] initialClasses, Weighting weighting,
               Augmenter augmenter) {
        this.weighting = weighting;
        this.augmenter = augmenter;
        this.featureStd = augmenter == null ? null
                : Standardizer.deviations(prepared.x(), prepared.data().dimension(), prepared.split().pool());
        this.prepared = prepared;
        this.learner = learner;
        this.strategy = strategy;
        this.seed = seed;
        int[] y = prepared.data().y();
        this.state = new TrialState(prepared.x(), prepared.data().dimension(), prepared.data().classCount(),
                prepared.split().pool(), learner, kernels, prepared.teacher(), skyline ? y : null, ties);
        this.testSet = new TestSet(prepared, metrics, kernels);
        this.labelOf = new int[y.length];
        Arrays.fill(labelOf, -1);
        this.inPool = new boolean[y.length];
        for (int row : prepared.split().pool()) {
            inPool[row] = true;
        }
        int[] initial = prepared.split().initial();
        unasked = prepared.split().pool().length - initial.length;
        for (int i = 0; i < initial.length; i++) {
            labelOf[initial[i]] = initialClasses[i] == Annotator.ABSTAIN ? ASKED : initialClasses[i];
            if (initialClasses[i] != Annotator.ABSTAIN) {
                labelled.add(initial[i]);
            }
        }
    }

    /** The initial set's true classes: the simulated oracle's answer. */
    static int[] truthOfInitial(PreparedData prepared) {
        int[] y = prepared.data().y();
        return Arrays.stream(prepared.split().initial()).map(row -> y[row]).toArray();
    }

    /** Fits the learner on the labelled set (warm from the last model) and returns the model's test metrics. */
    Map<String, Double> fit() {
        int[] rows = labelledRows();
        int[] labels = labelsOf(rows);
        long start = System.nanoTime();
        TrainingSet set = TrainingSet.of(prepared.x(), prepared.data().dimension(), rows, labels,
                prepared.data().classCount());
        if (augmenter != null) {
            set = augmented(set);
        }
        if (weighting != null) { // rows of weight 0 are left out: no learner needs to know a row it must ignore
            set = set.withWeights(weights(set)).withoutZeroWeights();
        }
        Model fitted = learner.fit(set, Seeds.derive(seed, "fit", round), model);
        fitMs = TimeSplit.millisSince(start);
        start = System.nanoTime();
        Map<String, Double> metrics = testSet.measure(fitted);
        measureMs = TimeSplit.millisSince(start);
        model = fitted;
        view = new QueryContext(state, rows, labels, unlabelled(), model, Seeds.derive(seed, "query", round));
        return metrics;
    }

    /** {@code set} with the augmenter's extra rows, checked: labels of the data set, finite features, weights >= 0. */
    private TrainingSet augmented(TrainingSet set) {
        Augmenter.Augmented extra = augmenter.augment(new AugmentContext(set, featureStd, round,
                Seeds.derive(seed, "augment"), prepared.paraphrases(), prepared.standardization()));
        int k = set.k();
        if (extra == null || extra.x().length != (long) extra.labels().length * set.d()) {
            throw new IllegalStateException("the augmenter returned " + (extra == null ? "null" : extra.x().length
                    + " feature values for " + extra.labels().length + " rows of " + set.d() + " features"));
        }
        for (int e = 0; e < extra.labels().length; e++) {
            if (extra.labels()[e] < 0 || extra.labels()[e] >= k || !(extra.weights()[e] >= 0)
                    || Double.isInfinite(extra.weights()[e])) {
                throw new IllegalStateException("the augmenter's row " + e + " has label " + extra.labels()[e]
                        + " (classes 0 to " + (k - 1) + ") and weight " + extra.weights()[e]);
            }
        }
        for (float v : extra.x()) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("the augmenter made a feature value " + v);
            }
        }
        return set.withExtraRows(extra.x(), extra.labels(), extra.weights());
    }

    /**
     * The weighting's weights for {@code set}, checked (one per row, finite, at least 0, not all 0) and scaled to mean
     * 1. It reads the previous model's probabilities for the set's rows, the teacher's, and, if it asks, each row's
     * history, to which the previous model's probability of the row's label is added first.
     */
    private double[] weights(TrainingSet set) {
        int[] rows = set.rows();
        int k = set.k();
        float[] previous = null;
        if (model != null) {
            previous = new float[rows.length * k];
            model.predictProba(prepared.x(), set.d(), rows, previous);
        }
        List<double[]> past = null;
        if (weighting.readsHistory()) {
            past = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                List<Double> h = history.computeIfAbsent(rows[i], row -> new ArrayList<>());
                if (previous != null) {
                    h.add((double) previous[i * k + set.labels()[i]]);
                }
                past.add(h.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        float[] teacher = null;
        if (prepared.teacher() != null) {
            teacher = new float[rows.length * k];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(prepared.teacher(), rows[i] * k, teacher, i * k, k);
            }
        }
        double[] w = weighting.weights(new WeightingContext(set, round, previous, teacher, past));
        if (w == null || w.length != rows.length) {
            throw new IllegalStateException("the weighting returned " + (w == null ? "null" : w.length + " weights")
                    + " for " + rows.length + " labelled rows");
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalStateException("the weighting gave row " + rows[i] + " the weight " + w[i]
                        + ", not a finite number >= 0");
            }
            sum += w[i];
        }
        if (sum == 0) {
            throw new IllegalStateException("the weighting gave every labelled row the weight 0");
        }
        double scale = rows.length / sum;
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        return w;
    }

    /** The round since the last fit, shared by the strategy, the stopping criteria and the routing. */
    RoundView view() {
        return view;
    }

    /** The {@code batch} rows the strategy picks from the unlabelled pool now, best first; checked (see Picks). */
    int[] query(int batch) {
        int[] unlabelled = view.unlabelled();
        if (batch < 1 || batch > unlabelled.length) {
            throw new ActiveBenchException("query: batch must be in [1, " + unlabelled.length + "], got " + batch);
        }
        long predictedBefore = view.predictNanos(); // a stopping criterion may have asked for the pool's probabilities
        long start = System.nanoTime();
        int[] picked = strategy.select(view, batch);
        poolPredictMs = view.predictNanos() / 1e6;
        queryMs = TimeSplit.millisSince(start) - (view.predictNanos() - predictedBefore) / 1e6;
        Picks.check(picked, batch, unlabelled, labelOf.length);
        return picked;
    }

    /**
     * Gives {@code rows} the classes an annotator answered and starts the next round (call {@link #fit}). Every
     * argument is checked before anything changes.
     *
     * @param method      the caller's name, for messages
     * @param abstentions whether a class may be ABSTAIN: the row then leaves the pool unlabelled
     */
    void label(String method, int[] rows, int[] classes, boolean abstentions) {
        checkRows(method, rows);
        if (classes == null || rows.length != classes.length) {
            throw new ActiveBenchException(method + ": " + rows.length + " rows but "
                    + (classes == null ? "no classes (null)" : classes.length + " classes"));
        }
        int k = prepared.data().classCount();
        for (int i = 0; i < rows.length; i++) {
            if ((classes[i] < 0 || classes[i] >= k) && !(classes[i] == Annotator.ABSTAIN && abstentions)) {
                throw new ActiveBenchException(method + ": class " + classes[i] + " of row " + rows[i] + " is not in [0, "
                        + k + ")");
            }
        }
        for (int i = 0; i < rows.length; i++) {
            labelOf[rows[i]] = classes[i] == Annotator.ABSTAIN ? ASKED : classes[i];
            if (classes[i] != Annotator.ABSTAIN) {
                labelled.add(rows[i]);
            }
        }
        unasked -= rows.length;
        round++;
    }

    /** Takes back the last {@link #label} and restores {@code previous} as the model: a refit that failed. */
    void undo(int[] rows, Model previous) {
        int given = 0;
        for (int row : rows) {
            given += labelOf[row] >= 0 ? 1 : 0;
            labelOf[row] = UNASKED;
        }
        labelled.subList(labelled.size() - given, labelled.size()).clear();
        unasked += rows.length;
        round--;
        model = previous;
    }

    /** Every row in range, in the unlabelled pool and given once; nothing is changed here. */
    void checkRows(String method, int[] rows) {
        if (rows == null) {
            throw new ActiveBenchException(method + ": rows is null");
        }
        Set<Integer> seen = new HashSet<>();
        for (int row : rows) {
            if (row < 0 || row >= labelOf.length) {
                throw new ActiveBenchException(method + ": row " + row + " is not a row of the data set (" + labelOf.length
                        + " rows)");
            }
            if (!inPool[row] || labelOf[row] != UNASKED) {
                throw new ActiveBenchException(method + ": row " + row + " is not in the unlabelled pool ("
                        + (labelOf[row] >= 0 ? "labelled already" : labelOf[row] == ASKED ? "asked already: no annotator"
                        + " labelled it" : "a test row") + ")");
            }
            if (!seen.add(row)) {
                throw new ActiveBenchException(method + ": row " + row + " is given twice");
            }
        }
    }

    /** The labelled rows, in the order they were labelled. */
    int[] labelledRows() {
        return labelled.stream().mapToInt(Integer::intValue).toArray();
    }

    int labelledCount() {
        return labelled.size();
    }

    int unaskedCount() {
        return unasked;
    }

    /** The classes given to {@code rows} (labelled rows). */
    int[] labelsOf(int[] rows) {
        return Arrays.stream(rows).map(row -> labelOf[row]).toArray();
    }

    /** The pool rows not asked yet, ascending. */
    int[] unlabelled() {
        return Arrays.stream(prepared.split().pool()).filter(row -> labelOf[row] == UNASKED).toArray();
    }

    /** The predicted class of every test row at the last fit. */
    int[] testPredictions() {
        return testSet.predicted();
    }

    Model model() {
        return model;
    }

    /** Fits so far, the initial one being 0. */
    int round() {
        return round;
    }

    /** Milliseconds of the last fit, of its test measurement, of the last query's own work and its pool prediction. */
    double fitMs() {
        return fitMs;
    }

    double measureMs() {
        return measureMs;
    }

    double queryMs() {
        return queryMs;
    }

    double poolPredictMs() {
        return poolPredictMs;
    }

    @Override
    public void close() {
        state.close();
    }
}
