package org.activebench.reports;

import org.activebench.reports.stats.MeanInterval;

/**
 * Labels a strategy needed to reach a fraction of the full-pool accuracy (the learner fitted on every pool row,
 * same seed and test set). Seeds whose curve never reaches it within the budget are counted, not averaged in.
 *
 * @param labels        over the seeds that reached it
 * @param savingVsRandom 1 - labels / random's labels, when both reached it in every seed; else null
 */
public record Reach(double fraction, int reached, int seeds, MeanInterval labels, Double savingVsRandom) {

    public boolean reachedEverywhere() {
        return reached == seeds && seeds > 0;
    }

    Reach withSaving(Reach random) {
        Double saving = reachedEverywhere() && random != null && random.reachedEverywhere()
                ? 1 - labels.mean() / random.labels.mean() : null;
        return new Reach(fraction, reached, seeds, labels, saving);
    }
}
