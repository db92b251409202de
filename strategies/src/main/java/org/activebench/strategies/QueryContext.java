package org.activebench.strategies;

import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;

/**
 * What a strategy may see in one round: the features, the labelled set, the unlabelled pool (ascending row
 * indices), the learner and its current model, the kernels, and a seed for the round. Never the test set, never
 * the pool's labels. The model's probabilities on the pool are computed at most once per round.
 */
public final class QueryContext {
    private final float[] x;
    private final int d;
    private final int k;
    private final int[] labelled;
    private final int[] labels;
    private final int[] unlabelled;
    private final Learner learner;
    private final Model model;
    private final ScoreKernels kernels;
    private final long seed;
    private float[] probabilities;

    public QueryContext(float[] x, int d, int k, int[] labelled, int[] labels, int[] unlabelled, Learner learner,
                        Model model, ScoreKernels kernels, long seed) {
        this.x = x;
        this.d = d;
        this.k = k;
        this.labelled = labelled;
        this.labels = labels;
        this.unlabelled = unlabelled;
        this.learner = learner;
        this.model = model;
        this.kernels = kernels;
        this.seed = seed;
    }

    public float[] x() {
        return x;
    }

    public int d() {
        return d;
    }

    /** Number of classes of the data set. */
    public int k() {
        return k;
    }

    /** Labelled rows, parallel to {@link #labels()}. */
    public int[] labelled() {
        return labelled;
    }

    public int[] labels() {
        return labels;
    }

    /** The unlabelled pool, ascending row indices: position i in every score array is row unlabelled()[i]. */
    public int[] unlabelled() {
        return unlabelled;
    }

    public Learner learner() {
        return learner;
    }

    public ScoreKernels kernels() {
        return kernels;
    }

    /** Seed of this round's random draws, derived from the trial seed, the strategy and the round. */
    public long seed() {
        return seed;
    }

    /** The current model's probabilities for the unlabelled pool, row-major unlabelled().length x k. */
    public float[] probabilities() {
        if (probabilities == null) {
            probabilities = new float[unlabelled.length * k];
            model.predictProba(x, d, unlabelled, probabilities);
        }
        return probabilities;
    }

    /** The rows at the given positions of the unlabelled pool. */
    public int[] rowsAt(int[] positions) {
        int[] rows = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            rows[i] = unlabelled[positions[i]];
        }
        return rows;
    }
}
