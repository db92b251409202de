package org.activebench.core.data;

import java.util.Locale;
import org.activebench.core.ActiveBenchException;

/** What a loader does with a missing feature value (an empty field, or {@code ?}). */
public enum MissingValues {
    /** Stop with the file and line of the first missing value: the default, so nothing is guessed silently. */
    ERROR,
    /** Leave out every row that has a missing value. */
    DROP,
    /** Replace a missing value by the mean of its column over the rows that have it. */
    MEAN;

    public static MissingValues parse(String text, String key) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ActiveBenchException(key + ": unknown missing-value policy '" + text
                    + "' (valid: error, drop, mean)");
        }
    }
}
