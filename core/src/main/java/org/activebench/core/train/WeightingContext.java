package org.activebench.core.train;

import java.util.List;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.learn.TrainingSet;

/**
 * What a weighting scheme may read before a fit.
 *
 * @param set      the labelled rows and the labels as annotated (no weights yet)
 * @param round    fits so far, 0 for the initial fit
 * @param model    the previous model's class probabilities for the set's rows, rows x k row-major; null before the
 *                 first fit
 * @param teacher  the teacher's probabilities for the set's rows, laid out alike; null without a teacher
 * @param history  per row of the set, the probability of its label under each earlier model, from the one in place
 *                 when it was labelled, oldest first (empty before the first fit); only for schemes that
 *                 {@link Weighting#readsHistory read it}, else null
 */
public record WeightingContext(TrainingSet set, int round, float[] model, float[] teacher, List<double[]> history) {

    /** The probability that {@code probabilities} (rows x k) give row i's label. */
    public double labelProbability(float[] probabilities, int i) {
        return probabilities[i * set.k() + set.labels()[i]];
    }

    /** The teacher's probabilities; an error naming the scheme when the data set has none. */
    public float[] requireTeacher(String scheme) {
        if (teacher == null) {
            throw new ActiveBenchException("weighting " + scheme + " reads a teacher's predictions: give the data set a"
                    + " \"teacher\"");
        }
        return teacher;
    }
}
