package org.activebench.core.annotate;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * The first annotator labels every row; a seeded share of its answers (each row drawn with probability
 * {@code share}, by the trial's seed and the row) and every abstention are labelled again by the second, whose
 * answer is taken: an audit of cheap labels by the expert.
 */
public final class Recheck implements RoutingProvider {
    static final ParamSpec<Double> SHARE = ParamSpec.real("share", 0.1, 0, 1, "share of the first annotator's labels re-labelled");

    @Override
    public String name() {
        return "recheck";
    }

    @Override
    public String description() {
        return "the first annotator labels every row; a seeded share of them, and its abstentions, go to the second";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(SHARE);
    }

    @Override
    public Routing create(Parameters params) {
        double share = params.get(SHARE);
        return Routing.between(2, (rows, annotators, context) ->
                Routing.escalating(rows, annotators, context, (first, i) -> first.classes()[i] == Annotator.ABSTAIN
                        || new SplittableRandom(context.rowSeed("recheck", rows[i])).nextDouble() < share));
    }
}
