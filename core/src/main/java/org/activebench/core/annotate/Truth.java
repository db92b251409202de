package org.activebench.core.annotate;

import java.util.Arrays;
import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/** The simulated oracle of every benchmark: each row's true class, at a fixed cost per label. */
public final class Truth implements AnnotatorProvider {
    static final ParamSpec<Double> COST = ParamSpec.real("cost", 1, 0, 1e9, "cost of one label");

    @Override
    public String name() {
        return "truth";
    }

    @Override
    public String description() {
        return "the true class of every row (the simulated expert; the default)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(COST);
    }

    @Override
    public Annotator create(Parameters params) {
        double cost = params.get(COST);
        return (rows, context) -> {
            double[] costs = new double[rows.length];
            Arrays.fill(costs, cost);
            return new Annotator.Answers(Arrays.stream(rows).map(row -> context.truth()[row]).toArray(), costs);
        };
    }
}
