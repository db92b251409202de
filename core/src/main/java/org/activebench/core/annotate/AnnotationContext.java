package org.activebench.core.annotate;

import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.learn.RoundView;
import org.activebench.core.split.Seeds;

/**
 * What annotators may read when asked: the true class of every row (for simulated annotators only), the number of
 * classes, a teacher's probabilities (n x k row-major, or null), the replayed label sets of the data set (by name,
 * a class or {@link Annotator#ABSTAIN} per row) and the seed of this request's draws; a routing may also read the
 * current round ({@code pool}: the model's probabilities for the unlabelled pool, shared with the strategy and the
 * stopping criteria; null for the initial set, which no model has seen).
 */
public record AnnotationContext(int[] truth, int k, float[] teacher, Map<String, int[]> replayed, long seed,
                                RoundView pool) {

    /** A context without a current round. */
    public AnnotationContext(int[] truth, int k, float[] teacher, Map<String, int[]> replayed, long seed) {
        this(truth, k, teacher, replayed, seed, null);
    }

    /** This context at the round {@code pool} describes. */
    public AnnotationContext at(RoundView pool) {
        return new AnnotationContext(truth, k, teacher, replayed, seed, pool);
    }

    /** The replayed label set {@code name}; an error naming the ones there are. */
    public int[] replayed(String name) {
        int[] labels = replayed.get(name);
        if (labels == null) {
            throw new ActiveBenchException("annotator: no replayed label set '" + name + "' in this data set (it has: "
                    + (replayed.isEmpty() ? "none; give the data set \"labels\"" : String.join(", ", replayed.keySet())) + ")");
        }
        return labels;
    }

    /** The teacher's probabilities; an error if the data set has none. */
    public float[] requireTeacher() {
        if (teacher == null) {
            throw new ActiveBenchException("annotator: needs a teacher's predictions: give the data set a \"teacher\"");
        }
        return teacher;
    }

    /** A seed for draws of {@code what} about {@code row}: the same row gets the same draw whenever it is asked. */
    public long rowSeed(String what, int row) {
        return Seeds.derive(seed, what, row);
    }
}
