package org.activebench.core.annotate;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * CoAnnotating (Li et al., EMNLP 2023): the first annotator (a large model) labels every row and keeps those it
 * answers with confidence at least {@code tau}; the others, abstentions and answers without a confidence included,
 * go to the second (the expert), whose answer is taken.
 */
public final class ConfidenceRouting implements RoutingProvider {
    static final ParamSpec<Double> TAU = ParamSpec.real("tau", 0.9, 0, 1, "confidence the first annotator's answer needs");

    @Override
    public String name() {
        return "confidence";
    }

    @Override
    public String description() {
        return "the first annotator keeps the rows it is at least tau sure of, the rest go to the second (CoAnnotating)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(TAU);
    }

    @Override
    public Routing create(Parameters params) {
        double tau = params.get(TAU);
        return Routing.between(2, (rows, annotators, context) ->
                Routing.escalating(rows, annotators, context, (first, i) -> first.classes()[i] == Annotator.ABSTAIN
                        || !(first.confidences()[i] >= tau)));
    }
}
