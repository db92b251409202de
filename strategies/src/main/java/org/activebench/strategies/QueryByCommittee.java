package org.activebench.strategies;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Model;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import org.activebench.core.split.Seeds;

/**
 * Query by committee: C copies of the learner, each fitted on a bootstrap sample of the labelled set (seeded per
 * round and member), score every pool row by how much they disagree; the most disputed rows are queried. With
 * {@code teacher}, the teacher's imported predictions sit on the committee as one more member.
 */
record QueryByCommittee(int members, Disagreement disagreement, boolean teacher) implements QueryStrategy {
    /** How committee disagreement is measured (definitions in the README). */
    enum Disagreement {
        /** Entropy of the members' hard votes. */
        VOTE_ENTROPY,
        /** Mean over members of KL(member || consensus). */
        KL_MEAN,
        /** Maximum over members of KL(member || consensus). */
        KL_MAX;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        void score(ScoreKernels kernels, float[][] committee, int n, int k, float[] out) {
            switch (this) {
                case VOTE_ENTROPY -> kernels.voteEntropy(committee, n, k, out);
                case KL_MEAN -> kernels.klToConsensus(committee, n, k, false, out);
                case KL_MAX -> kernels.klToConsensus(committee, n, k, true, out);
            }
        }
    }

    @Override
    public int extraFitsPerQuery() {
        return members;
    }

    /**
     * Member m: the learner fitted on its seeded bootstrap of the labelled set, starting from the round's model
     * (fitted on the whole labelled set, so its optimum lies near every bootstrap's: a warm start where the learner
     * has one; measured on the demo's QBC, 42% less query time than starting from member m's previous round), and
     * its probabilities on the pool.
     */
    private static float[] member(QueryContext context, int m) {
        int[] labelled = context.labelled();
        int[] labels = context.labels();
        int[] rows = new int[labelled.length];
        int[] y = new int[labelled.length];
        SplittableRandom random = new SplittableRandom(Seeds.derive(context.seed(), "bootstrap", m));
        for (int i = 0; i < rows.length; i++) {
            int pick = random.nextInt(rows.length);
            rows[i] = labelled[pick];
            y[i] = labels[pick];
        }
        Model model = context.learner().fit(context.x(), context.d(), rows, y, context.k(),
                Seeds.derive(context.seed(), "member", m), context.model());
        float[] p = context.trial().buffer("qbc-member-" + m, context.unlabelled().length * context.k());
        model.predictProba(context.x(), context.d(), context.unlabelled(), p);
        return p;
    }

    @Override
    public int[] select(QueryContext context, int batch) {
        int[] unlabelled = context.unlabelled();
        int n = unlabelled.length;
        int k = context.k();
        int size = members + (teacher ? 1 : 0);
        float[][] committee = new float[size][];
        // Members are independent (each has its own seeds), so they are fitted in
        // parallel: same result on any thread count.
        IntStream.range(0, members).parallel().forEach(m -> committee[m] = member(context, m));
        if (teacher) {
            committee[members] = context.teacherProbabilities();
        }
        float[] scores = new float[n];
        disagreement.score(context.kernels(), committee, n, k, scores);
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, true, Selection.reference((reference, positions, out) -> {
            float[][] candidates = new float[size][];
            for (int m = 0; m < size; m++) {
                candidates[m] = Selection.rows(committee[m], k, positions);
            }
            disagreement.score(reference, candidates, positions.length, k, out);
        }), context.tieBreak(0)));
    }

    /** Declares {@code qbc}. */
    public static final class Provider implements StrategyProvider {
        static final ParamSpec<Integer> COMMITTEE = ParamSpec.integer("committee", 5, 2, 1000, "members, each fitted on a bootstrap of the labelled set");
        static final ParamSpec<String> DISAGREEMENT = ParamSpec.choice("disagreement", "vote_entropy", List.of("vote_entropy", "kl_mean", "kl_max"), "vote entropy of hard votes, or KL to the consensus (mean or max over members)");
        static final ParamSpec<Boolean> TEACHER = ParamSpec.flag("teacher", false, "the teacher's predictions sit on the committee as one more member");

        @Override
        public String name() {
            return "qbc";
        }

        @Override
        public String description() {
            return "query by committee: the rows C bootstrap copies of the learner dispute most";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(COMMITTEE, DISAGREEMENT, TEACHER);
        }

        @Override
        public Set<Capability> capabilities(Parameters p) {
            return p.get(TEACHER) ? Set.of(Capability.NEEDS_TEACHER) : Set.of();
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new QueryByCommittee(p.get(COMMITTEE), Disagreement.valueOf(p.get(DISAGREEMENT).toUpperCase(Locale.ROOT)), p.get(TEACHER));
        }
    }
}
