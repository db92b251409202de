package org.activebench.core.learn;

import java.util.Arrays;
import org.activebench.core.ActiveBenchException;

/**
 * What a learner fits on: rows of a row-major feature matrix with the labels as the annotators gave them (not
 * necessarily the truth), a weight per row (1 unless a weighting scheme says otherwise), and extra rows that are
 * no rows of the matrix (augmented copies of labelled rows), with their own features, labels and weights.
 *
 * @param weights      one per row, or null for all 1
 * @param extraX       extra rows' features, row-major extraLabels.length x d (empty when there are none)
 * @param extraWeights one per extra row, or null for all 1
 */
public record TrainingSet(float[] x, int d, int[] rows, int[] labels, int k, double[] weights, float[] extraX,
                          int[] extraLabels, double[] extraWeights) {
    private static final float[] NO_FEATURES = new float[0];
    private static final int[] NO_LABELS = new int[0];

    /** What a learner must be able to honour beyond plain rows. */
    public enum Feature {
        /** per-row weights other than 1 */
        WEIGHTS,
        /** rows that are not rows of the feature matrix */
        EXTRA_ROWS
    }

    public TrainingSet {
        if (rows.length != labels.length || weights != null && weights.length != rows.length
                || extraX.length != (long) extraLabels.length * d || extraWeights != null && extraWeights.length != extraLabels.length) {
            throw new IllegalArgumentException("training set: " + rows.length + " rows, " + labels.length + " labels, "
                    + (weights == null ? "unit" : weights.length) + " weights, " + extraLabels.length + " extra rows");
        }
    }

    /** Labelled rows, each of weight 1, nothing extra: what every learner can fit. */
    public static TrainingSet of(float[] x, int d, int[] rows, int[] labels, int k) {
        return new TrainingSet(x, d, rows, labels, k, null, NO_FEATURES, NO_LABELS, null);
    }

    public TrainingSet withWeights(double[] perRow) {
        return new TrainingSet(x, d, rows, labels, k, perRow, extraX, extraLabels, extraWeights);
    }

    public TrainingSet withExtraRows(float[] features, int[] classes, double[] perRow) {
        return new TrainingSet(x, d, rows, labels, k, weights, features, classes, perRow);
    }

    /**
     * This set without its rows of weight 0: they add nothing to a weighted objective, and a class whose every row
     * weighs 0 would be a class without data (an unbounded intercept, an empty mean).
     */
    public TrainingSet withoutZeroWeights() {
        int[] keep = java.util.stream.IntStream.range(0, rows.length).filter(i -> weight(i) != 0).toArray();
        int[] keepExtra = java.util.stream.IntStream.range(0, extraLabels.length)
                .filter(e -> extraWeights == null || extraWeights[e] != 0).toArray();
        if (keep.length == rows.length && keepExtra.length == extraLabels.length) {
            return this;
        }
        float[] features = new float[keepExtra.length * d];
        for (int e = 0; e < keepExtra.length; e++) {
            System.arraycopy(extraX, keepExtra[e] * d, features, e * d, d);
        }
        return new TrainingSet(x, d, Arrays.stream(keep).map(i -> rows[i]).toArray(),
                Arrays.stream(keep).map(i -> labels[i]).toArray(), k,
                weights == null ? null : Arrays.stream(keep).mapToDouble(i -> weights[i]).toArray(), features,
                Arrays.stream(keepExtra).map(e -> extraLabels[e]).toArray(),
                extraWeights == null ? null : Arrays.stream(keepExtra).mapToDouble(e -> extraWeights[e]).toArray());
    }

    /** Every row's label: the matrix rows', then the extra rows'. */
    public int[] allLabels() {
        int[] all = Arrays.copyOf(labels, labels.length + extraLabels.length);
        System.arraycopy(extraLabels, 0, all, labels.length, extraLabels.length);
        return all;
    }

    /** Every row's weight in the order of {@link #allLabels}, or null when all are 1. */
    public double[] allWeights() {
        if (unit(weights) && unit(extraWeights)) {
            return null;
        }
        double[] all = new double[labels.length + extraLabels.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i < labels.length ? weight(i) : extraWeights == null ? 1 : extraWeights[i - labels.length];
        }
        return all;
    }

    /** Row i's weight (of the matrix rows). */
    public double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    /** The features of extra row e, a copy. */
    public float[] extraRow(int e) {
        return Arrays.copyOfRange(extraX, e * d, (e + 1) * d);
    }

    /** What this set needs of a learner beyond plain rows. */
    public java.util.Set<Feature> needs() {
        java.util.EnumSet<Feature> needs = java.util.EnumSet.noneOf(Feature.class);
        if (!unit(weights) || !unit(extraWeights)) {
            needs.add(Feature.WEIGHTS);
        }
        if (extraLabels.length > 0) {
            needs.add(Feature.EXTRA_ROWS);
        }
        return needs;
    }

    /**
     * @throws ActiveBenchException naming {@code learner} when this set needs what it cannot honour
     */
    public void requireHonouredBy(java.util.Set<Feature> honoured, String learner) {
        java.util.Set<Feature> missing = java.util.EnumSet.noneOf(Feature.class);
        missing.addAll(needs());
        missing.removeAll(honoured);
        if (!missing.isEmpty()) {
            throw new ActiveBenchException(learner + " cannot honour " + missing.toString().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " in its training set");
        }
    }

    private static boolean unit(double[] values) {
        return values == null || Arrays.stream(values).allMatch(w -> w == 1);
    }
}
