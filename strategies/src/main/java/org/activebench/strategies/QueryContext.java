package org.activebench.strategies;

import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.learn.RoundView;
import org.activebench.core.split.Seeds;

/**
 * What a strategy may see in one round: the trial's fixed state, the labelled set, the unlabelled pool (ascending
 * row indices), the current model, and a seed for the round. Never the test set, and the pool's labels only for a
 * skyline strategy. The model's (and the teacher's) probabilities on the pool are computed at most once per round,
 * into buffers the trial reuses from round to round; the loop hands the same context to the round's stopping
 * criteria and routing as their {@link RoundView}.
 */
public final class QueryContext implements RoundView {
    private final TrialState trial;
    private final int[] labelled;
    private final int[] labels;
    private final int[] unlabelled;
    private final Model model;
    private final long seed;
    private float[] probabilities;
    private float[] teacherProbabilities;
    private long predictNanos;

    public QueryContext(TrialState trial, int[] labelled, int[] labels, int[] unlabelled, Model model, long seed) {
        this.trial = trial;
        this.labelled = labelled;
        this.labels = labels;
        this.unlabelled = unlabelled;
        this.model = model;
        this.seed = seed;
    }

    public TrialState trial() {
        return trial;
    }

    public float[] x() {
        return trial.x();
    }

    public int d() {
        return trial.d();
    }

    /** Number of classes of the data set. */
    @Override
    public int k() {
        return trial.k();
    }

    /** Labelled rows, parallel to {@link #labels()}. */
    public int[] labelled() {
        return labelled;
    }

    public int[] labels() {
        return labels;
    }

    /** The unlabelled pool, ascending row indices: position i in every score array is row unlabelled()[i]. */
    @Override
    public int[] unlabelled() {
        return unlabelled;
    }

    public Learner learner() {
        return trial.learner();
    }

    public ScoreKernels kernels() {
        return trial.kernels();
    }

    /** Seed of this round's random draws, derived from the trial seed, the strategy and the round. */
    public long seed() {
        return seed;
    }

    /** How rows tied at the batch boundary are chosen: the trial's rule, a seed per {@code group}. */
    Selection.TieBreak tieBreak(int group) {
        return tieBreak(group, position -> unlabelled[position]);
    }

    /** The same for positions that {@code rowOf} maps to rows. */
    Selection.TieBreak tieBreak(int group, Ties.RowOf rowOf) {
        return new Selection.TieBreak(trial.ties(), rowOf, Seeds.derive(seed, "ties", group));
    }

    /** The current model, for strategies that rescore near-ties from its double-precision output. */
    Model model() {
        return model;
    }

    /**
     * The current model's probabilities for the unlabelled pool: the first unlabelled().length x k values, row-major
     * (the array may be longer; it is the trial's buffer, overwritten next round).
     */
    @Override
    public float[] probabilities() {
        if (probabilities == null) {
            long start = System.nanoTime();
            probabilities = trial.buffer("pool-probabilities", unlabelled.length * k());
            model.predictProba(x(), d(), unlabelled, probabilities);
            predictNanos = System.nanoTime() - start;
        }
        return probabilities;
    }

    /** Time spent on {@link #probabilities()}, so that the loop can tell prediction from the strategy's own work. */
    public long predictNanos() {
        return predictNanos;
    }

    /** The teacher's probabilities for the unlabelled pool, laid out like {@link #probabilities()}. */
    public float[] teacherProbabilities() {
        float[] teacher = trial.teacher();
        if (teacher == null) {
            throw new ActiveBenchException("this strategy needs a teacher's predictions: give the data set a \"teacher\"");
        }
        if (teacherProbabilities == null) {
            int k = k();
            teacherProbabilities = trial.buffer("teacher-probabilities", unlabelled.length * k);
            for (int i = 0; i < unlabelled.length; i++) {
                System.arraycopy(teacher, unlabelled[i] * k, teacherProbabilities, i * k, k);
            }
        }
        return teacherProbabilities;
    }

    /** The true label of a pool row: for skyline strategies, which are handed the labels explicitly. */
    public int trueLabel(int row) {
        int[] y = trial.trueLabels();
        if (y == null) {
            throw new IllegalStateException("true labels are hidden from real strategies");
        }
        return y[row];
    }

    /**
     * The rows of the {@code batch} largest {@code scores}, best first: for strategies of one score per row.
     * Rows tied exactly at the boundary are chosen by the study's {@code ties} rule, so picks depend only on the seed.
     *
     * @param scores one per unlabelled row, in {@link #unlabelled()} order
     */
    public int[] top(double[] scores, int batch) {
        int n = unlabelled.length;
        if (scores.length != n || batch < 1 || batch > n) {
            throw new IllegalArgumentException("top: " + scores.length + " scores for " + n + " unlabelled rows, batch " + batch);
        }
        float[] approximate = new float[n];
        for (int i = 0; i < n; i++) {
            approximate[i] = (float) scores[i];
        }
        return rowsAt(Selection.top(kernels(), approximate, n, batch, true, (positions, out) -> {
            for (int j = 0; j < positions.length; j++) {
                out[j] = scores[positions[j]];
            }
        }, tieBreak(0)));
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
