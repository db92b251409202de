package org.activebench.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activebench.core.metrics.Aubc;
import org.activebench.core.metrics.Metric;

/**
 * Everything a trial (data set x learner x strategy x seed) produced that is fixed by the seed: byte-identical
 * JSON on every rerun, whatever the thread count. Measured times live apart, in {@link TrialTimings}.
 *
 * @param routing     the label of the trial's routing in studies that name their annotators; absent otherwise
 * @param levers      the label of the trial's setting of the training levers in studies with a levers axis; absent
 *                    otherwise
 * @param fingerprint hash of every setting the trial depends on; a resumed run only reuses matching trials
 * @param stopReason  budget, pool_exhausted, or the label of the stopping criterion that ended the trial
 * @param aubc        per metric, every AUBC definition, computed from {@code rounds} ({@link #of})
 * @param rounds      round 0 is the initial model; round r > 0 follows the r-th query
 * Every map is keyed in alphabetical order, whether just computed or read back from a file, so that the CSV and
 * the report of a resumed run are byte for byte those of an uninterrupted one.
 */
public record TrialResult(String dataset, String learner, @JsonInclude(JsonInclude.Include.NON_NULL) String routing,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String levers, String strategy, long seed,
                          String fingerprint,
                          int poolSize, int testSize, int initialSize, String stopReason,
                          Map<String, AubcValues> aubc, Map<String, Double> finalMetrics, List<Round> rounds) {

    public TrialResult {
        aubc = sorted(aubc);
        finalMetrics = sorted(finalMetrics);
    }

    /**
     * @param picked rows (0-based data-file order) queried before this round's fit; empty in round 0
     * @param ledger who labelled so far and at what cost; only in studies that name their annotators (absent otherwise,
     *               so that results of the simulated oracle read exactly as before)
     */
    public record Round(int round, int labelled, Map<String, Double> metrics, int[] picked,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Ledger ledger) {
        public Round {
            metrics = sorted(metrics);
        }

        public Round(int round, int labelled, Map<String, Double> metrics, int[] picked) {
            this(round, labelled, metrics, picked, null);
        }

        /** The value of {@code metric} after this round's fit. */
        public double metric(Metric metric) {
            return metrics.get(metric.key());
        }
    }

    /**
     * The labelling so far, the initial set included (cumulative at each round).
     *
     * @param cost      every answer paid for, abstentions and answers overruled by the routing included
     * @param costBy    per annotator label, what its answers cost (they add up to {@code cost})
     * @param labelsBy  per annotator label, the labels in the labelled set that its answer gave
     * @param abstained queried rows that no annotator labelled (they leave the pool unlabelled)
     * @param wrong     labels in the labelled set that differ from the truth (which the learner never sees)
     */
    public record Ledger(double cost, Map<String, Double> costBy, Map<String, Integer> labelsBy, int abstained, int wrong) {
        public Ledger {
            costBy = sorted(costBy);
            labelsBy = sorted(labelsBy);
        }

        /** The share of the labelled set that is wrong, NaN when it is empty. */
        public double errorRate() {
            int labelled = labelsBy.values().stream().mapToInt(Integer::intValue).sum();
            return labelled == 0 ? Double.NaN : wrong / (double) labelled;
        }
    }

    /** The metrics this trial recorded, in the order of their keys; a key no metric has is an error naming it. */
    public List<Metric> metrics() {
        return aubc.keySet().stream().map(key -> Metric.parse(key, dataset + " / " + learner + " / " + strategy
                + " / seed " + seed)).toList();
    }

    /** Every AUBC definition of {@code metric}'s curve. */
    public AubcValues aubc(Metric metric) {
        return aubc.get(metric.key());
    }

    /** The value of {@code metric} at the end of the trial. */
    public double finalMetric(Metric metric) {
        return finalMetrics.get(metric.key());
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /**
     * The AUBC of one metric's curve under each definition of {@link Aubc}.
     *
     * @param lu2023 null when undefined (a trial that stopped before its first query)
     */
    // Files written before lu2023 existed carry "meanOverQueries", a definition no peer uses; it is ignored and reports
    // recompute every value from the stored curve (withAubcFromCurve), so an old number is never shown under a new name.
    @JsonIgnoreProperties("meanOverQueries")
    public record AubcValues(double trapezoid, Double lu2023) {
        static AubcValues of(int[] labels, double[] curve) {
            double lu = Aubc.lu2023(labels, curve);
            return new AubcValues(Aubc.trapezoid(labels, curve), Double.isNaN(lu) ? null : lu);
        }

        /** lu2023 as a number, NaN when undefined. */
        public double lu2023OrNaN() {
            return lu2023 == null ? Double.NaN : lu2023;
        }
    }

    /** A trial's result with its AUBCs and final metrics derived from its rounds. */
    static TrialResult of(TrialKey key, String fingerprint, int poolSize, int testSize, int initialSize, String stopReason,
                          List<Round> rounds) {
        return new TrialResult(key.dataset(), key.learner(), key.routing(), key.levers(), key.strategy(), key.seed(),
                fingerprint,
                poolSize, testSize, initialSize,
                stopReason, aubcOf(rounds), rounds.getLast().metrics(), rounds);
    }

    /** This result with every AUBC recomputed from its curve: what results of older versions are read as. */
    public TrialResult withAubcFromCurve() {
        return new TrialResult(dataset, learner, routing, levers, strategy, seed, fingerprint, poolSize, testSize, initialSize,
                stopReason, aubcOf(rounds), finalMetrics, rounds);
    }

    private static Map<String, AubcValues> aubcOf(List<Round> rounds) {
        int[] labels = rounds.stream().mapToInt(Round::labelled).toArray();
        Map<String, AubcValues> aubc = new LinkedHashMap<>();
        for (String metric : rounds.getFirst().metrics().keySet()) {
            double[] curve = rounds.stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
            aubc.put(metric, AubcValues.of(labels, curve));
        }
        return aubc;
    }
}
