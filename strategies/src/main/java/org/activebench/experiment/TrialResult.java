package org.activebench.experiment;

import java.util.List;
import java.util.Map;

/**
 * Everything a trial (data set x learner x strategy x seed) produced that is fixed by the seed: byte-identical
 * JSON on every rerun, whatever the thread count. Measured times live apart, in {@link TrialTimings}.
 *
 * @param fingerprint hash of every setting the trial depends on; a resumed run only reuses matching trials
 * @param stopReason  budget, target or pool_exhausted
 * @param aubc        per metric, both AUBC definitions
 * @param rounds      round 0 is the initial model; round r > 0 follows the r-th query
 */
public record TrialResult(String dataset, String learner, String strategy, long seed, String fingerprint,
                          int poolSize, int testSize, int initialSize, String stopReason,
                          Map<String, AubcValues> aubc, Map<String, Double> finalMetrics, List<Round> rounds) {

    /** @param picked rows (0-based data-file order) queried before this round's fit; empty in round 0 */
    public record Round(int round, int labelled, Map<String, Double> metrics, int[] picked) {
    }

    /** @param trapezoid normalised trapezoid area; meanOverQueries: Zhan/Lu style mean, initial point excluded */
    public record AubcValues(double trapezoid, double meanOverQueries) {
    }
}
