package org.activebench.experiment;

import java.util.List;

/** Measured wall times of a trial's rounds, in milliseconds: honest numbers, but not reproducible ones. */
public record TrialTimings(List<RoundTiming> rounds) {

    /** @param queryMs strategy time including the model's predictions on the pool; 0 in round 0 */
    public record RoundTiming(int round, double fitMs, double queryMs) {
    }

    public double meanFitMs() {
        return rounds.stream().mapToDouble(RoundTiming::fitMs).average().orElse(0);
    }

    /** Mean over query rounds only. */
    public double meanQueryMs() {
        return rounds.stream().filter(r -> r.round() > 0).mapToDouble(RoundTiming::queryMs).average().orElse(0);
    }
}
