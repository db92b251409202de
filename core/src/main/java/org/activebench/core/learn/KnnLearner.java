package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import smile.classification.Classifier;
import smile.math.MathEx;
import smile.neighbor.CoverTree;
import smile.neighbor.KDTree;
import smile.neighbor.KNNSearch;
import smile.neighbor.Neighbor;

/**
 * k nearest neighbours (Euclidean); the probability of a class is its share of the k neighbours' weight (of the k
 * votes without weights). The neighbours are searched as Smile's {@code KNN.fit} searches them (a k-d tree below 10
 * features, a cover tree from 10), so that unweighted fits give Smile's posteriors bit for bit.
 */
final class KnnLearner extends SmileLearner {
    private final int neighbours;

    KnnLearner(int neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, double[] w, long seed) {
        KNNSearch<double[], double[]> search = x[0].length < 10 ? KDTree.of(x) : CoverTree.of(x, MathEx::distance);
        // Early rounds may have fewer labelled rows than k.
        return new Votes(search, y, w, Math.min(neighbours, x.length));
    }

    /** The weighted votes of the k nearest rows. */
    private static final class Votes extends PosteriorClassifier {
        private final KNNSearch<double[], double[]> search;
        private final int[] y;
        private final double[] w;
        private final int k;

        Votes(KNNSearch<double[], double[]> search, int[] y, double[] w, int k) {
            super(java.util.Arrays.stream(y).distinct().sorted().toArray());
            this.search = search;
            this.y = y;
            this.w = w;
            this.k = k;
        }

        @Override
        void posterior(double[] x, double[] posterior) {
            java.util.Arrays.fill(posterior, 0);
            double total = 0;
            for (Neighbor<double[], double[]> neighbour : search.search(x, k)) {
                double weight = w == null ? 1 : w[neighbour.index()];
                posterior[java.util.Arrays.binarySearch(classes(), y[neighbour.index()])] += weight;
                total += weight;
            }
            for (int c = 0; c < posterior.length; c++) {
                posterior[c] /= total;
            }
        }
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
            return "k nearest neighbours (Euclidean), probability = share of the k votes (weighted: of their weight)";
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
