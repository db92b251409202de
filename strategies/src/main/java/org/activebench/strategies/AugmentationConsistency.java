package org.activebench.strategies;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import org.activebench.core.split.Seeds;
import org.activebench.core.split.Standardizer;

/**
 * Consistency under augmentation (as in Gao et al., ECCV 2020, "Consistency-based semi-supervised active
 * learning"): the current model predicts K augmented copies of every pool row, x + σ·s ⊙ ε with s the features'
 * standard deviations over the unlabelled pool and ε ~ N(0, I) drawn per round, copy and row; the rows whose copies
 * the model answers least consistently are queried. Disagreement over the copies is measured as a committee's is
 * (vote entropy or KL to the consensus), in the same kernels; no learner is fitted.
 */
record AugmentationConsistency(int copies, double sigma, QueryByCommittee.Disagreement disagreement) implements QueryStrategy {

    @Override
    public int[] select(QueryContext context, int batch) {
        int[] unlabelled = context.unlabelled();
        int n = unlabelled.length;
        int d = context.d();
        int k = context.k();
        double[] std = Standardizer.deviations(context.x(), d, unlabelled);
        int[] positions = IntStream.range(0, n).toArray();
        float[][] predictions = new float[copies][];
        // copies are independent (each row's draws have their own seed), so they are predicted in parallel
        IntStream.range(0, copies).parallel().forEach(c -> {
            float[] copy = new float[n * d];
            for (int i = 0; i < n; i++) {
                SplittableRandom random = new SplittableRandom(Seeds.derive(context.seed(), "copy", c, unlabelled[i]));
                for (int j = 0; j < d; j++) {
                    copy[i * d + j] = (float) (context.x()[unlabelled[i] * d + j] + sigma * std[j] * random.nextGaussian());
                }
            }
            float[] p = context.trial().buffer("consistency-copy-" + c, n * k);
            context.model().predictProba(copy, d, positions, p);
            predictions[c] = p;
        });
        float[] scores = new float[n];
        disagreement.score(context.kernels(), predictions, n, k, scores);
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, true, Selection.reference((reference, at, out) -> {
            float[][] candidates = new float[copies][];
            for (int c = 0; c < copies; c++) {
                candidates[c] = Selection.rows(predictions[c], k, at);
            }
            disagreement.score(reference, candidates, at.length, k, out);
        }), context.tieBreak(0)));
    }

    /** Declares {@code consistency}. */
    public static final class Provider implements StrategyProvider {
        static final ParamSpec<Integer> COPIES = ParamSpec.integer("copies", 5, 2, 1000, "augmented copies K of each pool row");
        static final ParamSpec<Double> SIGMA = ParamSpec.realAbove("sigma", 0.1, 0, 10, "noise in units of each feature's standard deviation");
        static final ParamSpec<String> DISAGREEMENT = ParamSpec.choice("disagreement", "vote_entropy", List.of("vote_entropy", "kl_mean"), "vote entropy of the copies' hard votes, or mean KL to their consensus");

        @Override
        public String name() {
            return "consistency";
        }

        @Override
        public String description() {
            return "the rows whose K noisy copies the model answers least consistently (vote entropy or KL over the copies)";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(COPIES, SIGMA, DISAGREEMENT);
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new AugmentationConsistency(p.get(COPIES), p.get(SIGMA),
                    QueryByCommittee.Disagreement.valueOf(p.get(DISAGREEMENT).toUpperCase(Locale.ROOT)));
        }
    }
}
