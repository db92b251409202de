package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import org.activebench.experiment.TrialResult;
import org.activebench.reports.stats.MeanInterval;

/**
 * One strategy's learning curve of one metric over seeds: at each number of labels, the mean and its 95%
 * Student-t interval over the seeds whose trial reached that point (a trial stopped by a target ends early).
 *
 * @param seeds how many seeds contribute at each point; the band is NaN where that is one
 */
public record Curve(double[] labels, double[] mean, double[] lower, double[] upper, int[] seeds) {

    static Curve of(List<TrialResult> trials, Metric metric) {
        TreeMap<Integer, DoubleStream.Builder> byLabels = new TreeMap<>();
        for (TrialResult t : trials) {
            for (TrialResult.Round r : t.rounds()) {
                byLabels.computeIfAbsent(r.labelled(), l -> DoubleStream.builder()).add(r.metric(metric));
            }
        }
        int n = byLabels.size();
        double[] labels = new double[n];
        double[] mean = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        int[] seeds = new int[n];
        int i = 0;
        for (var point : byLabels.entrySet()) {
            MeanInterval m = MeanInterval.of95(point.getValue().build().toArray());
            labels[i] = point.getKey();
            mean[i] = m.mean();
            lower[i] = m.mean() - m.halfWidth();
            upper[i] = m.mean() + m.halfWidth();
            seeds[i] = m.n();
            i++;
        }
        return new Curve(labels, mean, lower, upper, seeds);
    }

    /** Whether a confidence band exists at every point (at least two seeds everywhere). */
    public boolean hasBand() {
        for (int s : seeds) {
            if (s < 2) {
                return false;
            }
        }
        return seeds.length > 0;
    }
}
