package org.activebench.core.annotate;

import java.util.Arrays;
import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/** Recorded answers, replayed: a label set of the data set (e.g. a large model's label for every row; empty = abstain). */
public final class Replay implements AnnotatorProvider {
    static final ParamSpec<String> LABELS = ParamSpec.text("labels", "", "the data set's replayed label set (its \"labels\" key)");

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String description() {
        return "a recorded answer per row (a large model's, a crowd's), from the data set's \"labels\"; empty = abstain";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(LABELS, Truth.COST);
    }

    @Override
    public Annotator create(Parameters params) {
        String labels = params.get(LABELS);
        double cost = params.get(Truth.COST);
        return (rows, context) -> {
            int[] recorded = context.replayed(labels);
            return Annotator.Answers.at(Arrays.stream(rows).map(row -> recorded[row]).toArray(), cost);
        };
    }
}
