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

    /**
     * @param classes one per row: the class it was given, or {@link Annotator#ABSTAIN}
     * @param by      one per row: the index of the annotator whose answer was taken (of the last asked, if none)
     * @param costs   one per row: the cost of every answer asked for it
     */
    record Routed(int[] classes, int[] by, double[] costs) {
    }
}
