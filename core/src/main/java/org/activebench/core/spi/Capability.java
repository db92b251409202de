package org.activebench.core.spi;

/** What a component needs from a data set or a config, declared so that misuse is caught when the study is planned. */
public enum Capability {
    /** Reads a teacher's (large model's) predictions: every data set of the study must have a {@code teacher}. */
    NEEDS_TEACHER,
    /** Reads the pool's true labels (a skyline, not a strategy): the config must say {@code "skyline": true}. */
    READS_TRUE_LABELS,
    /** Is the reference every other strategy is compared with (random selection): reports mark it as the baseline. */
    BASELINE,
    /** Reads a paraphrase of every text: every data set of the study must have {@code features.paraphrase}. */
    NEEDS_PARAPHRASES
}
