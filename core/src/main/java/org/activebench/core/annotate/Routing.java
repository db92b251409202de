package org.activebench.core.annotate;

import java.util.List;

/**
 * Decides which annotator labels which queried row: all to one, to the next when one abstains, by a model's
 * confidence, ... A row that no annotator labelled comes back {@link Annotator#ABSTAIN}; the cost of every answer
 * asked for counts.
 */
@FunctionalInterface
public interface Routing {
    /**
     * @param annotators the study's annotators, in config order
     */
    Routed route(int[] rows, List<Annotator> annotators, AnnotationContext context);

    /** How many annotators the policy routes between; a study with fewer is refused when it is planned. */
    default int annotators() {
        return 1;
    }

    /**
     * @param classes one per row: the class it was given, or {@link Annotator#ABSTAIN}
     * @param by      one per row: the index of the annotator whose answer was taken (of the last asked, if none)
     * @param costs   one per row: the cost of every answer asked for it
     */
    record Routed(int[] classes, int[] by, double[] costs) {
        /** Every row to one annotator, as it answered. */
        static Routed all(Annotator.Answers answers, int annotator) {
            int[] by = new int[answers.classes().length];
            java.util.Arrays.fill(by, annotator);
            return new Routed(answers.classes().clone(), by, answers.costs().clone());
        }

        /** This routing with the rows at {@code positions} answered again by {@code annotator}, its costs added. */
        Routed override(int[] positions, Annotator.Answers answers, int annotator) {
            for (int j = 0; j < positions.length; j++) {
                classes[positions[j]] = answers.classes()[j];
                by[positions[j]] = annotator;
                costs[positions[j]] += answers.costs()[j];
            }
            return this;
        }
    }

    /** The rows at {@code positions}. */
    static int[] at(int[] rows, int[] positions) {
        return java.util.Arrays.stream(positions).map(p -> rows[p]).toArray();
    }
}
