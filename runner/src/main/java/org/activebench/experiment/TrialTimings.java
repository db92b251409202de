package org.activebench.experiment;

import java.util.List;

/**
 * Measured wall times of a trial, in milliseconds: honest numbers, but not reproducible ones.
 *
 * @param wallMs the whole trial, so that the loop's own overhead is {@code wallMs} minus the rounds' parts
 */
public record TrialTimings(List<RoundTiming> rounds, double wallMs) {

    /**
     * @param fitMs     the round's model fit
     * @param predictMs the round's test-set predictions and metrics, plus the pool predictions of the query that
     *                  led to the round
     * @param queryMs   that query's own work (committee fits and predictions included); 0 in round 0
     */
    public record RoundTiming(int round, double fitMs, double predictMs, double queryMs) {
    }

    public double meanFitMs() {
        return rounds.stream().mapToDouble(RoundTiming::fitMs).average().orElse(0);
    }

    public double meanPredictMs() {
        return rounds.stream().mapToDouble(RoundTiming::predictMs).average().orElse(0);
    }

    /** Mean over query rounds only. */
    public double meanQueryMs() {
        return rounds.stream().filter(r -> r.round() > 0).mapToDouble(RoundTiming::queryMs).average().orElse(0);
    }
}
