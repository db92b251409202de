package org.activebench.core.train;

import org.activebench.core.learn.TrainingSet;
import org.activebench.core.split.Seeds;
import org.activebench.core.split.Standardizer;

/**
 * What an augmenter may read before a fit.
 *
 * @param set         the labelled rows and their labels as annotated
 * @param featureStd  per feature, its standard deviation over the pool (the scale of noise)
 * @param round       fits so far, 0 for the initial fit
 * @param seed        the trial's seed for augmentation; {@link #rowSeed} derives a row's
 * @param paraphrases the features of a paraphrase of every row's text (n x d, standardised as the rows are), or
 *                    null when the data set has none
 * @param standardization how the features were standardised (the pool's statistics), for augmenters of raw values
 */
public record AugmentContext(TrainingSet set, double[] featureStd, int round, long seed, float[] paraphrases,
                             Standardizer.Stats standardization) {
    /** A context for features that are their own raw values (standardised with mean 0 and scale 1), without paraphrases. */
    public AugmentContext(TrainingSet set, double[] featureStd, int round, long seed) {
        this(set, featureStd, round, seed, null, new Standardizer.Stats(new double[set.d()], ones(set.d())));
    }

    private static float[] ones(int d) {
        float[] ones = new float[d];
        java.util.Arrays.fill(ones, 1f);
        return ones;
    }

    /** The seed of labelled row {@code i}'s draws in this round: the same row, round and trial seed, the same copies. */
    public long rowSeed(int i) {
        return Seeds.derive(seed, round, set.rows()[i]);
    }

    /** Labelled row i's features, a copy. */
    public float[] row(int i) {
        int d = set.d();
        float[] out = new float[d];
        System.arraycopy(set.x(), set.rows()[i] * d, out, 0, d);
        return out;
    }
}
