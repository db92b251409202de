package org.activebench.experiment;

import java.nio.file.Path;

/**
 * Identifies a trial; its file names are derived from it.
 *
 * @param routing the label of the trial's routing in studies that name their annotators, else null (and no segment
 *                of the path, as before annotators existed)
 * @param levers  the label of the trial's setting of the training levers in studies with a {@code levers} axis, else
 *                null (no segment of the path)
 */
record TrialKey(String dataset, String learner, String routing, String levers, String strategy, long seed) {

    /** A full-pool reference's key, or a trial's in a study of the simulated oracle. */
    TrialKey(String dataset, String learner, String strategy, long seed) {
        this(dataset, learner, null, null, strategy, seed);
    }

    Path relativePath() {
        Path dir = Path.of(FileNames.segment(dataset), FileNames.segment(learner));
        dir = routing == null ? dir : dir.resolve(FileNames.segment(routing));
        dir = levers == null ? dir : dir.resolve(FileNames.segment(levers));
        return dir.resolve(FileNames.segment(strategy)).resolve("seed-" + seed + ".json");
    }

    /** Where the full-pool reference of this trial's data set, learner and seed lives: shared by all strategies. */
    Path referencePath() {
        return Path.of(FileNames.segment(dataset), FileNames.segment(learner), "seed-" + seed + ".json");
    }
}
