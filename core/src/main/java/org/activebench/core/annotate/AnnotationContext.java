package org.activebench.core.annotate;

/**
 * What annotators may read when asked: the true class of every row (for simulated annotators), the number of
 * classes, a teacher's probabilities (n x k row-major, or null) and a seed for this request's draws.
 */
public record AnnotationContext(int[] truth, int k, float[] teacher, long seed) {
}
