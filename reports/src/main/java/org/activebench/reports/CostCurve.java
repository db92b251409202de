package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import org.activebench.experiment.TrialResult;

/**
 * A trial's metric as a function of the labelling cost spent: a step function, since a model is bought whole. At
 * cost c it is the metric of the last model whose labels (the initial set's included) cost at most c; before the
 * first model it is undefined. Defined on trials of studies that name their annotators (their rounds carry a ledger).
 */
final class CostCurve {
    /** Costs equal up to this relative tolerance count as equal: sums of 0.01 are not exact. */
    private static final double SLACK = 1e-9;

    private CostCurve() {
    }

    /** The metric at cost {@code c}; NaN before the first model. */
    static double at(TrialResult trial, Metric metric, double c) {
        double value = Double.NaN;
        for (TrialResult.Round r : trial.rounds()) {
            if (r.ledger().cost() > c * (1 + SLACK)) {
                break;
            }
            value = r.metric(metric);
        }
        return value;
    }

    /**
     * The AUBC over the cost axis: (1/B) ∫_0^B a(c) dc for the step function a above, with a = 0 before the first
     * model (its initial set is paid for like every label), the last model held to the budget B.
     */
    static double aubc(TrialResult trial, Metric metric, double budget) {
        double area = 0;
        var rounds = trial.rounds();
        for (int i = 0; i < rounds.size(); i++) {
            double from = rounds.get(i).ledger().cost();
            if (from > budget * (1 + SLACK)) {
                break;
            }
            double to = i + 1 < rounds.size() ? Math.min(rounds.get(i + 1).ledger().cost(), budget) : budget;
            area += rounds.get(i).metric(metric) * Math.max(0, to - from);
        }
        return area / budget;
    }
}
