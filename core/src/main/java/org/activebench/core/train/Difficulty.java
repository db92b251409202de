package org.activebench.core.train;

import java.util.List;
import java.util.Set;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * The seed's rule, a smaller step for hard rows so that the model does not overfit them: a row's weight shrinks with
 * its difficulty, the log-loss ℓ_i = −ln p_i of its label under {@code source} (the teacher, or the previous
 * model): w_i = max(floor, e^{−ℓ_i}) = max(floor, p_i). The floor keeps a hard row in the training set. Before the
 * first fit the previous model does not exist, and every row weighs 1.
 */
public final class Difficulty implements WeightingProvider {
    static final ParamSpec<String> SOURCE = ParamSpec.choice("source", "model", List.of("model", "teacher"),
            "whose loss measures difficulty: the previous model's or the teacher's");
    static final ParamSpec<Double> FLOOR = ParamSpec.real("floor", 0.1, 0, 1, "the least weight a row gets");

    @Override
    public String name() {
        return "difficulty";
    }

    @Override
    public String description() {
        return "max(floor, p) of the label's probability p under the previous model or the teacher: hard rows count less";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(SOURCE, FLOOR);
    }

    @Override
    public Set<Capability> capabilities(Parameters params) {
        return params.get(SOURCE).equals("teacher") ? Set.of(Capability.NEEDS_TEACHER) : Set.of();
    }

    @Override
    public Weighting create(Parameters params) {
        boolean teacher = params.get(SOURCE).equals("teacher");
        double floor = params.get(FLOOR);
        return context -> {
            float[] source = teacher ? context.requireTeacher("difficulty") : context.model();
            double[] w = new double[context.set().rows().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = source == null ? 1 : Math.max(floor, context.labelProbability(source, i));
            }
            return w;
        };
    }
}
