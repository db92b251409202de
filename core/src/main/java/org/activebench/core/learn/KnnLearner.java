package org.activebench.core.learn;

import smile.classification.Classifier;
import smile.classification.KNN;

/** k nearest neighbours (Euclidean); the probability of a class is its share of the k votes. */
final class KnnLearner extends SmileLearner {
    private final int neighbours;

    KnnLearner(int neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    public String name() {
        return "knn";
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, long seed) {
        // Early rounds may have fewer labelled rows than k.
        return KNN.fit(x, y, Math.min(neighbours, x.length));
    }
}
