package org.activebench.core.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import org.activebench.core.spi.Parameters;
import org.junit.jupiter.api.Test;

class AnnotationTest {
    private static final AnnotationContext CONTEXT = new AnnotationContext(new int[] {2, 0, 1, 1, 0}, 3, null, 7);

    @Test
    void truthAnswersTheTrueClassAtItsCost() {
        Annotator truth = new Truth().create(Parameters.resolve(new Truth().params(), Map.of("cost", 2.5), "a"));
        Annotator.Answers answers = truth.annotate(new int[] {4, 0, 2}, CONTEXT);
        assertArrayEquals(new int[] {0, 2, 1}, answers.classes());
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, answers.costs());
    }

    @Test
    void fixedRoutesEveryRowToTheFirstAnnotator() {
        Annotator first = (rows, context) -> new Annotator.Answers(new int[] {1, Annotator.ABSTAIN}, new double[] {0.01, 0.01});
        Annotator second = (rows, context) -> {
            throw new AssertionError("never asked");
        };
        Routing.Routed routed = new Fixed().create(Parameters.resolve(List.of(), null, "r"))
                .route(new int[] {3, 4}, List.of(first, second), CONTEXT);
        assertArrayEquals(new int[] {1, Annotator.ABSTAIN}, routed.classes(), "an abstention stays one");
        assertArrayEquals(new int[] {0, 0}, routed.by());
        assertArrayEquals(new double[] {0.01, 0.01}, routed.costs());
    }
}
