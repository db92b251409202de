package org.activebench.core.learn;

import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.KernelProvider;

/** Creates learners by config name with validated parameters. */
public final class Learners {
    public static final List<String> NAMES = List.of("logistic", "smile_logistic", "random_forest", "knn",
            "naive_bayes", "svm");

    private Learners() {
    }

    /**
     * @param name   one of {@link #NAMES}
     * @param params the learner's parameters (see README), null for defaults
     * @param key    config path of the learner, for error messages
     */
    public static Learner create(String name, Map<String, ?> params, String key) {
        Params p = new Params(key + ".params", params);
        return switch (name) {
            case "logistic" -> {
                p.allow("C", "tolerance", "maxIterations");
                String noVectors = KernelProvider.panamaUnavailable();
                if (noVectors != null) {
                    throw new ActiveBenchException(key + ".name: learner 'logistic' runs on the Vector API, but " + noVectors);
                }
                yield new L2LogisticLearner(p.number("C", 1.0, 1e-12, 1e12), p.number("tolerance", 1e-8, 1e-15, 0.1),
                        p.integer("maxIterations", 100, 1, 100_000));
            }
            case "smile_logistic" -> {
                p.allow("lambda", "tolerance", "maxIterations");
                yield new LogisticLearner(p.number("lambda", 1.0, 0, 1e12), p.positive("tolerance", 1e-5),
                        p.integer("maxIterations", 500, 1, 1_000_000));
            }
            case "random_forest" -> {
                p.allow("trees", "mtry", "maxDepth", "nodeSize");
                yield new RandomForestLearner(p.integer("trees", 100, 1, 100_000), p.integer("mtry", 0, 0, 1_000_000),
                        p.integer("maxDepth", 20, 1, 1000), p.integer("nodeSize", 1, 1, 1_000_000));
            }
            case "knn" -> {
                p.allow("k");
                yield new KnnLearner(p.integer("k", 5, 1, 100_000));
            }
            case "naive_bayes" -> {
                p.allow("varSmoothing");
                yield new GaussianNaiveBayesLearner(p.number("varSmoothing", 1e-9, 0, 1));
            }
            case "svm" -> {
                p.allow("C", "gamma", "tolerance", "epochs");
                yield new SvmLearner(p.positive("C", 1.0), p.number("gamma", 0, 0, 1e12), p.positive("tolerance", 1e-3),
                        p.integer("epochs", 1, 1, 1000));
            }
            default -> throw new ActiveBenchException(key + ".name: unknown learner '" + name + "' (valid: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
