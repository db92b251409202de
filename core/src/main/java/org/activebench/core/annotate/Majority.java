package org.activebench.core.annotate;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * {@code votes} independent annotators, each wrong with probability {@code rate} (symmetric), and their majority
 * vote (a tie goes to a seeded draw among the tied classes); one label costs {@code votes} x {@code cost}.
 */
public final class Majority implements AnnotatorProvider {
    static final ParamSpec<Integer> VOTES = ParamSpec.integer("votes", 3, 1, 99, "independent labels per row");

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public String description() {
        return "the majority of `votes` independent labels, each wrong with probability `rate`; costs votes x cost";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(VOTES, Noisy.RATE, Truth.COST);
    }

    @Override
    public Annotator create(Parameters params) {
        int votes = params.get(VOTES);
        double rate = params.get(Noisy.RATE);
        double cost = params.get(Truth.COST);
        return (rows, context) -> {
            int k = context.k();
            int[] classes = new int[rows.length];
            double[] confidences = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                SplittableRandom random = new SplittableRandom(context.rowSeed("majority", rows[i]));
                int truth = context.truth()[rows[i]];
                int[] count = new int[k];
                for (int v = 0; v < votes; v++) {
                    count[random.nextDouble() < rate ? Noisy.other(truth, k, random) : truth]++;
                }
                int most = java.util.Arrays.stream(count).max().orElse(0);
                int[] tied = java.util.stream.IntStream.range(0, k).filter(c -> count[c] == most).toArray();
                classes[i] = tied[tied.length == 1 ? 0 : random.nextInt(tied.length)];
                confidences[i] = most / (double) votes;
            }
            double[] costs = new double[rows.length];
            java.util.Arrays.fill(costs, votes * cost);
            return new Annotator.Answers(classes, costs, confidences);
        };
    }
}
