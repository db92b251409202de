package org.activebench.core.learn;

import java.util.SplittableRandom;
import smile.classification.Classifier;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;

/**
 * Smile's random forest (Gini splits, bootstrap samples); probabilities are the trees' averaged leaf
 * posteriors. Each tree gets a seed derived from the fit's seed, so a forest is reproducible whatever the
 * number of threads Smile trains it on.
 */
final class RandomForestLearner extends SmileLearner {
    private static final String LABEL = "label";
    private final int trees;
    private final int mtry;
    private final int maxDepth;
    private final int nodeSize;

    /** @param mtry features tried per split; 0 for floor(sqrt(d)) */
    RandomForestLearner(int trees, int mtry, int maxDepth, int nodeSize) {
        this.trees = trees;
        this.mtry = mtry;
        this.maxDepth = maxDepth;
        this.nodeSize = nodeSize;
    }

    @Override
    public String name() {
        return "random_forest";
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, long seed) {
        int d = x[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            seeds[t] = random.nextLong();
        }
        int tried = mtry > 0 ? Math.min(mtry, d) : Math.max(1, (int) Math.floor(Math.sqrt(d)));
        var options = new RandomForest.Options(trees, tried, SplitRule.GINI, maxDepth, Math.max(2, x.length),
                nodeSize, 1.0, null, seeds, null);
        DataFrame features = DataFrame.of(x, featureNames(d));
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), features.add(new IntVector(LABEL, y)), options);
        return new TupleClassifier(forest, features.schema(), forest.classes());
    }

    private static String[] featureNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "x" + j;
        }
        return names;
    }

    /** Presents a forest fitted on a data frame as a classifier of plain rows. */
    private static final class TupleClassifier extends PosteriorClassifier {
        private final RandomForest forest;
        private final StructType schema;

        TupleClassifier(RandomForest forest, StructType schema, int[] classes) {
            super(classes);
            this.forest = forest;
            this.schema = schema;
        }

        @Override
        void posterior(double[] x, double[] posterior) {
            forest.predict(Tuple.of(schema, x), posterior);
        }
    }
}
