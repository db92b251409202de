package org.activebench.experiment;

import java.nio.file.Path;

/** Identifies a trial; its file names are derived from it. */
record TrialKey(String dataset, String learner, String strategy, long seed) {

    Path relativePath() {
        return Path.of(FileNames.segment(dataset), FileNames.segment(learner), FileNames.segment(strategy), "seed-" + seed + ".json");
    }

    /** Where the full-pool reference of this trial's data set, learner and seed lives: shared by all strategies. */
    Path referencePath() {
        return Path.of(FileNames.segment(dataset), FileNames.segment(learner), "seed-" + seed + ".json");
    }
}
