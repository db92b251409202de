package org.activebench.experiment;

import java.util.Map;
import org.activebench.core.metrics.Metric;

/**
 * The learner fitted on the whole pool (every label bought) for one data set and seed, measured on the same test
 * set as the trials: the ceiling the learning curves are compared with ("labels to reach 99% of full-pool accuracy").
 *
 * @param fingerprint as a trial's, without the strategy: a resumed run only reuses a matching reference
 */
public record PoolReference(String dataset, String learner, long seed, String fingerprint, int poolSize,
                            Map<String, Double> metrics) {
    /** The value of {@code metric}, or NaN when it was not recorded. */
    public double metric(Metric metric) {
        Double value = metrics.get(metric.key());
        return value == null ? Double.NaN : value;
    }
}
