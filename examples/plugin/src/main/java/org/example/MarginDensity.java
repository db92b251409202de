package org.example;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import org.activebench.strategies.QueryContext;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.StrategyProvider;

/**
 * A margin/density hybrid: (1 - (p1 - p2)) x density^beta, density the mean cosine similarity of a row to the
 * unlabelled pool mapped to [0, 1], (1 + u_i . mean(u)) / 2 with u the rows scaled to unit length: uncertain rows
 * in dense regions first, so that the picks are not outliers.
 */
public final class MarginDensity implements StrategyProvider {
    static final ParamSpec<Double> BETA = ParamSpec.real("beta", 1, 0, 10, "weight of the density (0: plain margin)");

    @Override
    public String name() {
        return "margin_density";
    }

    @Override
    public String description() {
        return "margin x density^beta: uncertain rows in dense regions of the pool";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(BETA);
    }

    @Override
    public QueryStrategy create(Parameters params) {
        double beta = params.get(BETA);
        return (context, batch) -> context.top(scores(context, beta), batch);
    }

    static double[] scores(QueryContext context, double beta) {
        int[] rows = context.unlabelled();
        int n = rows.length;
        int k = context.k();
        int d = context.d();
        float[] x = context.x();
        float[] p = context.probabilities();
        double[] mean = new double[d];
        double[][] unit = new double[n][d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) x[rows[i] * d + j] * x[rows[i] * d + j];
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            for (int j = 0; j < d; j++) {
                unit[i][j] = x[rows[i] * d + j] / norm;
                mean[j] += unit[i][j] / n;
            }
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double first = 0;
            double second = 0;
            for (int c = 0; c < k; c++) {
                double v = p[i * k + c];
                if (v > first) {
                    second = first;
                    first = v;
                } else if (v > second) {
                    second = v;
                }
            }
            double similarity = 0;
            for (int j = 0; j < d; j++) {
                similarity += unit[i][j] * mean[j];
            }
            scores[i] = (1 - (first - second)) * Math.pow((1 + similarity) / 2, beta);
        }
        return scores;
    }
}
