package org.activebench.core.annotate;

import java.util.List;
import org.activebench.core.spi.Parameters;
import org.activebench.core.spi.ParamSpec;

/** A large model as annotator: the teacher's most probable class, its probability as the confidence. */
public final class LargeModel implements AnnotatorProvider {
    @Override
    public String name() {
        return "model";
    }

    @Override
    public String description() {
        return "the teacher's most probable class (first of equals), its probability as the confidence; needs a teacher";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(Truth.COST);
    }

    @Override
    public java.util.Set<org.activebench.core.spi.Capability> capabilities(Parameters params) {
        return java.util.Set.of(org.activebench.core.spi.Capability.NEEDS_TEACHER);
    }

    @Override
    public Annotator create(Parameters params) {
        double cost = params.get(Truth.COST);
        return (rows, context) -> {
            float[] p = context.requireTeacher();
            int k = context.k();
            int[] classes = new int[rows.length];
            double[] costs = new double[rows.length];
            double[] confidences = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (p[rows[i] * k + c] > p[rows[i] * k + best]) {
                        best = c;
                    }
                }
                classes[i] = best;
                costs[i] = cost;
                confidences[i] = p[rows[i] * k + best];
            }
            return new Annotator.Answers(classes, costs, confidences);
        };
    }
}
