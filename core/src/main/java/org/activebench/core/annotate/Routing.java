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
        public static Routed all(Annotator.Answers answers, int annotator) {
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

    /** {@code route} as a policy between {@code count} annotators. */
    static Routing between(int count, Routing route) {
        return new Routing() {
            @Override
            public Routed route(int[] rows, List<Annotator> annotators, AnnotationContext context) {
                return route.route(rows, annotators, context);
            }

            @Override
            public int annotators() {
                return count;
            }
        };
    }

    /**
     * The first annotator labels every row; the rows that {@code escalate} picks (by position, from the first's
     * answers) are labelled again by the second, whose answer is taken and whose cost is added.
     */
    static Routed escalating(int[] rows, List<Annotator> annotators, AnnotationContext context,
                             java.util.function.BiPredicate<Annotator.Answers, Integer> escalate) {
        Annotator.Answers first = annotators.getFirst().annotate(rows, context);
        int[] again = java.util.stream.IntStream.range(0, rows.length).filter(i -> escalate.test(first, i)).toArray();
        Routed routed = Routed.all(first, 0);
        return again.length == 0 ? routed : routed.override(again, annotators.get(1).annotate(at(rows, again), context), 1);
    }

    /** The rows at {@code positions}. */
    static int[] at(int[] rows, int[] positions) {
        return java.util.Arrays.stream(positions).map(p -> rows[p]).toArray();
    }
}
