package org.activebench.core.annotate;

import java.util.stream.IntStream;
import org.activebench.core.spi.Parameters;

/**
 * The first two annotators (cheap ones) label every row; where they give the same class it is taken, otherwise
 * (a disagreement or an abstention) the third (the expert) labels the row.
 */
public final class Agreement implements RoutingProvider {
    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public String description() {
        return "the first two annotators label every row; their common answer is taken, the rest go to the third";
    }

    @Override
    public Routing create(Parameters params) {
        return Routing.between(3, (rows, annotators, context) -> {
            Annotator.Answers a = annotators.get(0).annotate(rows, context);
            Annotator.Answers b = annotators.get(1).annotate(rows, context);
            Routing.Routed routed = Routing.Routed.all(a, 0);
            for (int i = 0; i < rows.length; i++) {
                routed.costs()[i] += b.costs()[i];
            }
            int[] disputed = IntStream.range(0, rows.length).filter(i -> a.classes()[i] == Annotator.ABSTAIN
                    || a.classes()[i] != b.classes()[i]).toArray();
            return disputed.length == 0 ? routed
                    : routed.override(disputed, annotators.get(2).annotate(Routing.at(rows, disputed), context), 2);
        });
    }
}
