package org.activebench.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.annotate.AnnotationContext;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.Routing;
import org.activebench.core.learn.RoundView;
import org.activebench.core.split.Seeds;

/**
 * A trial's labelling: queried rows go through the routing to the annotators, and the answers are counted into the
 * ledger (cost, labels by annotator, abstentions, labels that differ from the truth, which only the ledger sees).
 */
final class Labelling {
    private final Annotation annotation;
    private final List<Annotator> annotators;
    private final AnnotationContext context;
    private final Map<String, Integer> labelsBy = new LinkedHashMap<>();
    private final Map<String, Double> costBy = new LinkedHashMap<>();
    private double cost;
    private int abstained;
    private int wrong;

    Labelling(Annotation annotation, AnnotationContext context) {
        this.annotation = annotation;
        this.annotators = java.util.stream.IntStream.range(0, annotation.annotators().size())
                .mapToObj(i -> paid(annotation.names().get(i), annotation.annotators().get(i).instance())).toList();
        this.context = context;
        annotation.names().forEach(name -> labelsBy.put(name, 0));
        if (annotation.initial() != null) {
            labelsBy.put(annotation.initialName(), 0);
        }
        labelsBy.keySet().forEach(label -> costBy.put(label, 0.0));
    }

    /** {@code annotator}, with what its answers cost added to its account in the ledger. */
    private Annotator paid(String label, Annotator annotator) {
        return (rows, ctx) -> {
            Annotator.Answers answers = annotator.annotate(rows, ctx);
            costBy.merge(label, java.util.Arrays.stream(answers.costs()).sum(), Double::sum);
            return answers;
        };
    }

    /** A trial's labelling: annotation draws seeded by the trial's seed and the row. */
    static Labelling of(Annotation annotation, PreparedData prepared, long seed) {
        return new Labelling(annotation, new AnnotationContext(prepared.data().y(), prepared.data().classCount(),
                prepared.teacher(), prepared.replayed(), Seeds.derive(seed, "annotate")));
    }

    /** The initial set's classes: from {@code initial.annotator} when the study names one, else through the routing. */
    int[] labelInitial(int[] rows) {
        if (annotation.initial() == null) {
            return label(rows, null);
        }
        Annotator.Answers answers = paid(annotation.initialName(), annotation.initial().instance()).annotate(rows, context);
        return count(rows, Routing.Routed.all(answers, 0), "initial.annotator " + annotation.initialName(),
                List.of(annotation.initialName()));
    }

    /**
     * The classes the routing gives {@code rows} (ABSTAIN where no annotator labelled one), counted.
     *
     * @param round the round they were queried in, which the routing may read; null for the initial set
     */
    int[] label(int[] rows, RoundView round) {
        return count(rows, annotation.routing().instance().route(rows, annotators, context.at(round)),
                "routing " + annotation.label(), annotation.names());
    }

    private int[] count(int[] rows, Routing.Routed routed, String who, List<String> byLabel) {
        if (routed.classes().length != rows.length || routed.by().length != rows.length || routed.costs().length != rows.length) {
            throw new IllegalStateException(who + " answered " + routed.classes().length + " of " + rows.length + " rows");
        }
        for (int i = 0; i < rows.length; i++) {
            double c = routed.costs()[i];
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalStateException(who + ": the cost of row " + rows[i] + " is " + c
                        + ", not a finite number >= 0");
            }
        }
        for (int i = 0; i < rows.length; i++) {
            cost += routed.costs()[i];
            if (routed.classes()[i] == Annotator.ABSTAIN) {
                abstained++;
            } else {
                labelsBy.merge(byLabel.get(routed.by()[i]), 1, Integer::sum);
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
        return new TrialResult.Ledger(cost, costBy, labelsBy, abstained, wrong);
    }
}
