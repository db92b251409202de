package org.activebench.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.annotate.AnnotationContext;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.Routing;
import org.activebench.core.split.Seeds;

/**
 * A trial's labelling: queried rows go through the routing to the annotators, and the answers are counted into the
 * ledger (cost, labels by annotator, abstentions, labels that differ from the truth, which only the ledger sees).
 */
final class Labelling {
    private final Annotation annotation;
    private final List<Annotator> annotators;
    private final AnnotationContext context;
    private final int[] labelsBy;
    private double cost;
    private int abstained;
    private int wrong;

    Labelling(Annotation annotation, AnnotationContext context) {
        this.annotation = annotation;
        this.annotators = annotation.instances();
        this.context = context;
        this.labelsBy = new int[annotators.size()];
    }

    /** A trial's labelling: annotation draws seeded by the trial's seed and the row. */
    static Labelling of(Annotation annotation, PreparedData prepared, long seed) {
        return new Labelling(annotation, new AnnotationContext(prepared.data().y(), prepared.data().classCount(),
                prepared.teacher(), prepared.replayed(), Seeds.derive(seed, "annotate")));
    }

    /** The classes the routing gives {@code rows} (ABSTAIN where no annotator labelled one), counted. */
    int[] label(int[] rows) {
        Routing.Routed routed = annotation.routing().instance().route(rows, annotators, context);
        if (routed.classes().length != rows.length || routed.by().length != rows.length || routed.costs().length != rows.length) {
            throw new IllegalStateException("routing " + annotation.routing().label() + " answered " + routed.classes().length
                    + " of " + rows.length + " rows");
        }
        for (int i = 0; i < rows.length; i++) {
            double c = routed.costs()[i];
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalStateException("routing " + annotation.routing().label() + ": the cost of row " + rows[i]
                        + " is " + c + ", not a finite number >= 0");
            }
            cost += c;
            if (routed.classes()[i] == Annotator.ABSTAIN) {
                abstained++;
            } else {
                labelsBy[routed.by()[i]]++;
                wrong += routed.classes()[i] != context.truth()[rows[i]] ? 1 : 0;
            }
        }
        return routed.classes();
    }

    double cost() {
        return cost;
    }

    /** The ledger so far. */
    TrialResult.Ledger ledger() {
        Map<String, Integer> by = new LinkedHashMap<>();
        for (int a = 0; a < labelsBy.length; a++) {
            by.put(annotation.annotators().get(a).label(), labelsBy[a]);
        }
        return new TrialResult.Ledger(cost, by, abstained, wrong);
    }
}
