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
     * @param classes one per row: a class in [0, k) or {@link #ABSTAIN}
     * @param costs   one per row: what its answer cost (finite, at least 0), abstentions included
     */
    record Answers(int[] classes, double[] costs) {
        public Answers {
            if (classes.length != costs.length) {
                throw new IllegalArgumentException(classes.length + " classes but " + costs.length + " costs");
            }
        }
    }
}
