package org.activebench.core.data;

import org.activebench.core.ActiveBenchException;

/**
 * What one input file may make ActiveBench read and hold, checked while reading and before allocating, so that any
 * file (hostile or mistaken) ends in one line naming it rather than in an {@code OutOfMemoryError}. Each limit is a
 * system property ({@code -Dactivebench.NAME=VALUE}, e.g. through {@code ACTIVEBENCH_JAVA_OPTS}), read at each load.
 *
 * @param inputBytes  bytes a file may deliver after decompression ({@code maxInputBytes}, default 4 GiB)
 * @param features    features (CSV columns besides the label, LIBSVM's largest index) ({@code maxFeatures}, 100000)
 * @param lineChars   characters of one record: a CSV/ARFF row with its quoted line breaks, a LIBSVM line
 *                    ({@code maxLineChars}, default 16 Mi: long e-mails fit)
 * @param dataBytes   bytes one data set may take in memory while it loads ({@code maxDataBytes}, default a third of
 *                    the JVM's heap, {@code -Xmx}, since building the data set copies it once): 4 per feature value,
 *                    16 per row (its label and line), 2 per character of a text, 8 per stored LIBSVM entry
 */
public record InputLimits(long inputBytes, int features, int lineChars, long dataBytes) {
    public static final String PREFIX = "activebench.";

    public static InputLimits current() {
        int features = (int) Math.min(Integer.MAX_VALUE - 8, positive("maxFeatures", 100_000));
        int lineChars = (int) Math.min(Integer.MAX_VALUE - 8, positive("maxLineChars", 16 << 20));
        return new InputLimits(positive("maxInputBytes", 4L << 30), features, lineChars,
                positive("maxDataBytes", Runtime.getRuntime().maxMemory() / 3));
    }

    private static long positive(String name, long otherwise) {
        String value = System.getProperty(PREFIX + name);
        if (value == null) {
            return otherwise;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ActiveBenchException("-D" + PREFIX + name + ": must be a positive whole number, got '" + value + "'");
    }

    /** Refuses a feature count beyond the limit; {@code where} names the file and line. */
    void requireFeatures(long count, String where) {
        if (count > features) {
            throw new ActiveBenchException(where + ": " + count + " features, more than the limit of " + features
                    + " (-D" + PREFIX + "maxFeatures=N raises it; features are held densely, as floats)");
        }
    }

    /** Refuses to hold {@code bytes} for a data set ({@code what}: e.g. "200 rows of 5000 features") beyond the limit. */
    void requireMemory(double bytes, String what, String where) {
        if (bytes > dataBytes) {
            throw new ActiveBenchException(where + ": " + what + " need more than " + mebibytes(dataBytes) + " of memory,"
                    + " the limit (-D" + PREFIX + "maxDataBytes; by default a third of the JVM's heap: give Java more"
                    + " with ACTIVEBENCH_JAVA_OPTS=-Xmx...)");
        }
    }

    private static String mebibytes(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
    }
}
