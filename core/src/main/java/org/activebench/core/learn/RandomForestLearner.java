package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.classification.Classifier;
import smile.classification.DecisionTree;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.math.MathEx;
import smile.model.cart.CART;
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

    /**
     * Breiman's forest from Smile's CART trees, bagged here rather than by {@code RandomForest.fit}: that one also
     * computes out-of-bag metrics per tree, which throw on small labelled sets (a binary metric on a tree whose
     * out-of-bag rows show another class) and weigh trees by out-of-bag accuracy, which is 0 for every tree of a
     * one-row-per-class set. Each tree: a bootstrap of the rows (seeded per tree; with weights, each of the n draws
     * takes row i with probability w_i / Σ w), ⌊√d⌋ (or mtry) features tried per
     * split, Smile's own generator seeded per tree as {@code RandomForest} does; trees fit in parallel, each
     * deterministic. The forest's posterior is the plain mean of its trees'.
     */
    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, double[] w, long seed) {
        int n = x.length;
        int d = x[0].length;
        int[] classes = Arrays.stream(y).distinct().sorted().toArray(); // CART codes the labels it saw as 0..k'-1
        int k = classes.length;
        int[] coded = Arrays.stream(y).map(label -> Arrays.binarySearch(classes, label)).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            seeds[t] = random.nextLong();
        }
        int tried = mtry > 0 ? Math.min(mtry, d) : Math.max(1, (int) Math.floor(Math.sqrt(d)));
        DataFrame features = DataFrame.of(x, featureNames(d));
        int[][] order = CART.order(features);
        StructField response = new StructField(LABEL, DataTypes.IntType);
        double[] cumulative = w == null ? null : cumulative(w);
        DecisionTree[] forest = new DecisionTree[trees];
        IntStream.range(0, trees).parallel().forEach(t -> {
            SplittableRandom draw = new SplittableRandom(seeds[t]);
            int[] samples = new int[n];
            for (int i = 0; i < n; i++) {
                samples[cumulative == null ? draw.nextInt(n) : drawn(cumulative, draw.nextDouble())]++;
            }
            MathEx.setSeed(seeds[t]); // the features CART tries at each split
            forest[t] = new DecisionTree(features, coded, response, k, SplitRule.GINI, maxDepth, Math.max(2, n), nodeSize,
                    tried, samples, order);
        });
        return new Forest(forest, features.schema(), classes);
    }

    /** The running sums of the weights, divided by their total: the bootstrap's distribution. */
    static double[] cumulative(double[] w) {
        double[] sums = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            sums[i] = sum;
        }
        for (int i = 0; i < w.length; i++) {
            sums[i] /= sum;
        }
        return sums;
    }

    /**
     * The first row whose running share exceeds u in [0, 1): row i with probability w_i / Σ w (a row of weight 0
     * never, as its running share equals the row before it). The last share is 1 exactly (Σ w / Σ w).
     */
    static int drawn(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static String[] featureNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "x" + j;
        }
        return names;
    }

    /** Presents the trees as a classifier of plain rows: the mean of their posteriors. */
    private static final class Forest extends PosteriorClassifier {
        private final DecisionTree[] trees;
        private final StructType schema;

        Forest(DecisionTree[] trees, StructType schema, int[] classes) {
            super(classes);
            this.trees = trees;
            this.schema = schema;
        }

        @Override
        void posterior(double[] x, double[] posterior) {
            Tuple row = Tuple.of(schema, x);
            double[] tree = new double[posterior.length];
            Arrays.fill(posterior, 0);
            for (DecisionTree t : trees) {
                t.predict(row, tree);
                for (int c = 0; c < posterior.length; c++) {
                    posterior[c] += tree[c];
                }
            }
            for (int c = 0; c < posterior.length; c++) {
                posterior[c] /= trees.length;
            }
        }
    }

    /** Declares {@code random_forest}. */
    public static final class Provider implements LearnerProvider {
        static final ParamSpec<Integer> TREES = ParamSpec.integer("trees", 100, 1, 100_000, "trees in the forest");
        static final ParamSpec<Integer> MTRY = ParamSpec.integer("mtry", 0, 0, 1_000_000, "features tried per split; 0 = floor(sqrt(d))");
        static final ParamSpec<Integer> MAX_DEPTH = ParamSpec.integer("maxDepth", 20, 1, 1000, "deepest a tree grows");
        static final ParamSpec<Integer> NODE_SIZE = ParamSpec.integer("nodeSize", 1, 1, 1_000_000, "fewest rows in a leaf");

        @Override
        public String name() {
            return "random_forest";
        }

        @Override
        public String description() {
            return "Breiman's random forest of Smile CART trees, seeded bagging, mean posterior";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(TREES, MTRY, MAX_DEPTH, NODE_SIZE);
        }

        @Override
        public Learner create(Parameters p) {
            return new RandomForestLearner(p.get(TREES), p.get(MTRY), p.get(MAX_DEPTH), p.get(NODE_SIZE));
        }
    }
}
