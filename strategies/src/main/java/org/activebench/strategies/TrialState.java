package org.activebench.strategies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;

/**
 * What stays fixed for a whole trial: the features, the pool, the learner, the kernels, the teacher's predictions
 * (if the data set has them), the true labels (only for a skyline strategy), and a memory where an incremental
 * strategy keeps its state from round to round. Closing it releases that state (device memory too).
 */
public final class TrialState implements AutoCloseable {
    private final float[] x;
    private final int d;
    private final int k;
    private final int[] pool;
    private final Learner learner;
    private final ScoreKernels kernels;
    private final float[] teacher;
    private final int[] trueLabels;
    private final Ties ties;
    private final Map<String, Object> memory = new LinkedHashMap<>();

    /**
     * @param pool       every row the oracle may ever label (initial set included), ascending
     * @param teacher    a large model's probabilities, row-major over all rows of x, or null
     * @param trueLabels every row's true label, for skyline strategies only; null otherwise
     * @param ties       how rows tied at a batch boundary are chosen
     */
    public TrialState(float[] x, int d, int k, int[] pool, Learner learner, ScoreKernels kernels, float[] teacher,
                      int[] trueLabels, Ties ties) {
        this.x = x;
        this.d = d;
        this.k = k;
        this.pool = pool;
        this.learner = learner;
        this.kernels = kernels;
        this.teacher = teacher;
        this.trueLabels = trueLabels;
        this.ties = ties;
    }

    public Ties ties() {
        return ties;
    }

    public float[] x() {
        return x;
    }

    public int d() {
        return d;
    }

    public int k() {
        return k;
    }

    public int[] pool() {
        return pool;
    }

    public Learner learner() {
        return learner;
    }

    public ScoreKernels kernels() {
        return kernels;
    }

    /** The feature rows of {@code rows}, packed row-major rows.length x d. */
    public float[] featuresOf(int[] rows) {
        float[] packed = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, packed, i * d, d);
        }
        return packed;
    }

    float[] teacher() {
        return teacher;
    }

    int[] trueLabels() {
        return trueLabels;
    }

    /**
     * A float buffer of at least {@code size} values kept under {@code key} for the whole trial: the unlabelled
     * pool only shrinks, so a buffer sized in the first round serves every later one without allocating.
     */
    public synchronized float[] buffer(String key, int size) {
        float[] buffer = (float[]) memory.get(key);
        if (buffer == null || buffer.length < size) {
            buffer = new float[size];
            memory.put(key, buffer);
        }
        return buffer;
    }

    /** The value remembered under {@code key} in this trial, created on first use. */
    @SuppressWarnings("unchecked")
    synchronized <T> T remember(String key, Supplier<T> create) {
        return (T) memory.computeIfAbsent(key, ignored -> create.get());
    }

    @Override
    public synchronized void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Object value : memory.values()) {
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    failures.add(e instanceof RuntimeException r ? r : new IllegalStateException(e));
                }
            }
        }
        memory.clear();
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
