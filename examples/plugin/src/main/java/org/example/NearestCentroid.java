package org.example;

import java.util.List;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.LearnerProvider;
import org.activebench.core.learn.Model;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * A learner adapter: nearest class centroid, probabilities a softmax of -||x - centroid||^2 / temperature over the
 * classes seen in the labelled set (0 for the others). Any classifier is adapted the same way: fit on the labelled
 * rows, report probabilities for all k classes.
 */
public final class NearestCentroid implements LearnerProvider {
    static final ParamSpec<Double> TEMPERATURE = ParamSpec.realAbove("temperature", 1, 0, 1e6,
            "softmax temperature over squared distances");

    @Override
    public String name() {
        return "nearest_centroid";
    }

    @Override
    public String description() {
        return "nearest class centroid, softmax of -squared distance / temperature";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(TEMPERATURE);
    }

    @Override
    public Learner create(Parameters params) {
        double temperature = params.get(TEMPERATURE);
        return (x, d, rows, labels, k, seed) -> {
            double[][] centroid = new double[k][d];
            int[] count = new int[k];
            for (int i = 0; i < rows.length; i++) {
                count[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    centroid[labels[i]][j] += x[rows[i] * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d && count[c] > 0; j++) {
                    centroid[c][j] /= count[c];
                }
            }
            return (Model) (features, dim, at, out) -> {
                double[] logit = new double[k];
                for (int i = 0; i < at.length; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        double dist = 0;
                        for (int j = 0; j < dim; j++) {
                            double diff = features[at[i] * dim + j] - centroid[c][j];
                            dist += diff * diff;
                        }
                        logit[c] = count[c] == 0 ? Double.NEGATIVE_INFINITY : -dist / temperature;
                        max = Math.max(max, logit[c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        logit[c] = Math.exp(logit[c] - max);
                        sum += logit[c];
                    }
                    for (int c = 0; c < k; c++) {
                        out[i * k + c] = (float) (logit[c] / sum);
                    }
                }
            };
        };
    }
}
