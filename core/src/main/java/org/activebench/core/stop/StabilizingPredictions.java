package org.activebench.core.stop;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Stabilizing predictions (Bloodgood and Vijay-Shanker, "A method for stopping active learning based on
 * stabilizing predictions and the need for user-adjustable stopping", CoNLL 2009): stop once the mean of Cohen's
 * kappa between the predictions of consecutive models on an unlabelled stop set, over the last {@code window}
 * pairs, is at least {@code kappa} (their defaults: 0.99 and 3). The stop set is the test rows' features, their
 * labels unread. (small-text's {@code KappaAverage} is a variant: it thresholds the mean change of kappa.)
 */
public final class StabilizingPredictions implements StoppingProvider {
    static final ParamSpec<Double> KAPPA = ParamSpec.real("kappa", 0.99, -1, 1,
            "mean agreement (Cohen's kappa) of consecutive models needed");
    static final ParamSpec<Integer> WINDOW = ParamSpec.integer("window", 3, 1, 1000,
            "consecutive model pairs averaged");

    @Override
    public String name() {
        return "stabilizing_predictions";
    }

    @Override
    public String description() {
        return "stop once consecutive models agree (Cohen's kappa) on the test rows used as an unlabelled stop set (Bloodgood & Vijay-Shanker 2009)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(KAPPA, WINDOW);
    }

    @Override
    public StoppingCriterion create(Parameters p) {
        double kappa = p.get(KAPPA);
        int window = p.get(WINDOW);
        return context -> {
            List<int[]> predictions = context.predictions();
            if (predictions.size() <= window) {
                return false;
            }
            double sum = 0;
            for (int r = predictions.size() - window; r < predictions.size(); r++) {
                sum += kappa(predictions.get(r - 1), predictions.get(r));
            }
            return sum / window >= kappa;
        };
    }

    /** Cohen's kappa of two labelings: (p_o - p_e) / (1 - p_e); 1 when both give every row one and the same class. */
    static double kappa(int[] a, int[] b) {
        int n = a.length;
        int k = 1;
        for (int i = 0; i < n; i++) {
            k = Math.max(k, Math.max(a[i], b[i]) + 1);
        }
        long[] countA = new long[k];
        long[] countB = new long[k];
        long agree = 0;
        for (int i = 0; i < n; i++) {
            countA[a[i]]++;
            countB[b[i]]++;
            agree += a[i] == b[i] ? 1 : 0;
        }
        double observed = (double) agree / n;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            expected += (double) countA[c] * countB[c] / ((double) n * n);
        }
        return expected == 1 ? 1 : (observed - expected) / (1 - expected);
    }
}
