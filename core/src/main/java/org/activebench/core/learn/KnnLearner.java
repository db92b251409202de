package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import smile.classification.Classifier;
import smile.classification.KNN;

/** k nearest neighbours (Euclidean); the probability of a class is its share of the k votes. */
final class KnnLearner extends SmileLearner {
    private final int neighbours;

    KnnLearner(int neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, long seed) {
        // Early rounds may have fewer labelled rows than k.
        return KNN.fit(x, y, Math.min(neighbours, x.length));
    }

    /** Declares {@code knn}. */
    public static final class Provider implements LearnerProvider {
        static final ParamSpec<Integer> K = ParamSpec.integer("k", 5, 1, 100_000, "neighbours (capped at the labelled count)");

        @Override
        public String name() {
            return "knn";
        }

        @Override
        public String description() {
            return "k nearest neighbours (Euclidean), probability = share of the k votes";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(K);
        }

        @Override
        public Learner create(Parameters p) {
            return new KnnLearner(p.get(K));
        }
    }
}
