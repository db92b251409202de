package org.activebench.experiment;

import java.util.List;
import java.util.Locale;

/**
 * Where a run's time went, in milliseconds. The trial parts are summed over the trials run now (resumed ones cost
 * nothing), so with several threads they add up to more than the wall time; with one thread, wall time minus
 * every part is the framework's own overhead.
 *
 * @param loopMs      the trials' wall time that is not fit, predict or query: the active-learning loop itself
 * @param referenceMs the full-pool reference fits with their test-set measurement
 * @param setupMs     loading and splitting the data, before the first trial
 */
public record TimeSplit(double fitMs, double predictMs, double queryMs, double loopMs, double referenceMs,
                        double setupMs, double wallMs) {

    static TimeSplit of(List<TrialTimings> trials, double referenceMs, double setupMs, double wallMs) {
        double fit = 0;
        double predict = 0;
        double query = 0;
        double trialWall = 0;
        for (TrialTimings t : trials) {
            for (TrialTimings.RoundTiming r : t.rounds()) {
                fit += r.fitMs();
                predict += r.predictMs();
                query += r.queryMs();
            }
            trialWall += t.wallMs();
        }
        return new TimeSplit(fit, predict, query, trialWall - fit - predict - query, referenceMs, setupMs, wallMs);
    }

    /** Milliseconds since {@code nanoTime}, a value of {@link System#nanoTime()}. */
    static double millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e6;
    }

    /** One line for the console, in seconds. */
    public String describe(int threads) {
        return String.format(Locale.ROOT, "time: fit %.2f s, predict %.2f s, query %.2f s, loop %.2f s, references %.2f s"
                + " (summed over %d thread%s); setup %.2f s; run %.2f s wall", fitMs / 1e3, predictMs / 1e3, queryMs / 1e3,
                loopMs / 1e3, referenceMs / 1e3, threads, threads == 1 ? "" : "s", setupMs / 1e3, wallMs / 1e3);
    }
}
