package org.activebench.experiment;

import java.nio.file.Path;

/** Identifies a trial; its file names are derived from it. */
record TrialKey(String dataset, String learner, String strategy, long seed) {

    Path relativePath() {
        return Path.of(safe(dataset), safe(learner), safe(strategy), "seed-" + seed + ".json");
    }

    /** Where the full-pool reference of this trial's data set, learner and seed lives: shared by all strategies. */
    Path referencePath() {
        return Path.of(safe(dataset), safe(learner), "seed-" + seed + ".json");
    }

    /**
     * Names become path segments: anything but letters, digits and {@code - _ . [ ] = ,} is replaced, so that a
     * component label such as {@code qbc[committee=3]} stays readable and distinct from any provider name.
     */
    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._\\[\\]=,-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }
}
