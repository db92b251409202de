package org.activebench.core.annotate;

/**
 * Labels rows of the pool, as a person or a large model would: for each row a class, or {@link #ABSTAIN}, and what
 * the answer cost. A simulated annotator derives its answers from the truth (which only it, the ledger and the test
 * metrics see); a replayed one reads recorded answers. Every random draw comes from the context's seed.
 */
@FunctionalInterface
public interface Annotator {
    /** The class of a row the annotator did not label. */
    int ABSTAIN = -1;

    /** The answers for {@code rows}, in their order. */
    Answers annotate(int[] rows, AnnotationContext context);

    /**
     * @param classes     one per row: a class in [0, k) or {@link #ABSTAIN}
     * @param costs       one per row: what its answer cost (finite, at least 0), abstentions included
     * @param confidences one per row: how sure the annotator says it is, in [0, 1], NaN where it does not say
     */
    record Answers(int[] classes, double[] costs, double[] confidences) {
        public Answers {
            if (classes.length != costs.length || classes.length != confidences.length) {
                throw new IllegalArgumentException(classes.length + " classes, " + costs.length + " costs, "
                        + confidences.length + " confidences");
            }
        }

        /** Answers without a confidence. */
        public Answers(int[] classes, double[] costs) {
            this(classes, costs, nan(classes.length));
        }

        /** Every row's answer at the same cost, without a confidence. */
        public static Answers at(int[] classes, double cost) {
            double[] costs = new double[classes.length];
            java.util.Arrays.fill(costs, cost);
            return new Answers(classes, costs);
        }

        private static double[] nan(int n) {
            double[] values = new double[n];
            java.util.Arrays.fill(values, Double.NaN);
            return values;
        }
    }
}
