package org.activebench.core.annotate;

import java.util.stream.IntStream;
import org.activebench.core.spi.Parameters;

/** Every row to the first annotator; a row it abstains on to the next, and so on; every answer asked for is paid. */
public final class Fallback implements RoutingProvider {
    @Override
    public String name() {
        return "fallback";
    }

    @Override
    public String description() {
        return "every row to the first annotator, an abstention to the next, and so on";
    }

    @Override
    public Routing create(Parameters params) {
        return Routing.between(2, (rows, annotators, context) -> {
            Routing.Routed routed = Routing.Routed.all(annotators.getFirst().annotate(rows, context), 0);
            for (int a = 1; a < annotators.size(); a++) {
                int[] open = IntStream.range(0, rows.length).filter(i -> routed.classes()[i] == Annotator.ABSTAIN).toArray();
                if (open.length > 0) {
                    routed.override(open, annotators.get(a).annotate(Routing.at(rows, open), context), a);
                }
            }
            return routed;
        });
    }
}
