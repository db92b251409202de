package org.activebench.core.train;

import java.util.List;
import java.util.Set;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * A paraphrase of each labelled text, replayed offline (a large model's back-translation, say), embedded as the
 * texts are: one extra row per labelled row, at its paraphrase's features, with the row's label and {@code weight}.
 * A large model generating training samples, as the seed describes; the data set names the column
 * ({@code features.paraphrase}).
 */
public final class Paraphrase implements AugmenterProvider {
    static final ParamSpec<Double> WEIGHT = ParamSpec.realAbove("weight", 1.0, 0, 1e6, "weight of each paraphrase");

    @Override
    public String name() {
        return "paraphrase";
    }

    @Override
    public String description() {
        return "each labelled text's recorded paraphrase (e.g. an LLM back-translation), embedded, with its label";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(WEIGHT);
    }

    @Override
    public Set<Capability> capabilities(Parameters params) {
        return Set.of(Capability.NEEDS_PARAPHRASES);
    }

    @Override
    public Augmenter create(Parameters params) {
        double weight = params.get(WEIGHT);
        return context -> {
            int n = context.set().rows().length;
            int d = context.set().d();
            float[] x = new float[n * d];
            int[] labels = context.set().labels().clone();
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(context.paraphrases(), context.set().rows()[i] * d, x, i * d, d);
                weights[i] = weight;
            }
            return new Augmenter.Augmented(x, labels, weights);
        };
    }
}
