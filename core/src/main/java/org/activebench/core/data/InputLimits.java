package org.activebench.core.data;

import org.activebench.core.ActiveBenchException;

/**
 * What one input file may make ActiveBench read and hold, checked while reading and before allocating, so that any
 * file (hostile or mistaken) ends in one line naming it rather than in an {@code OutOfMemoryError}. Each limit is a
 * system property ({@code -Dactivebench.NAME=VALUE}, e.g. through {@code ACTIVEBENCH_JAVA_OPTS}), read at each load.
 *
 * @param inputBytes  bytes a file may deliver after decompression ({@code maxInputBytes}, default 4 GiB)
 * @param features    features (CSV columns besides the label, LIBSVM's largest index) ({@code maxFeatures}, 100000)
 * @param fieldChars  characters of one CSV/ARFF field ({@code maxFieldChars}, default 16 Mi: long e-mails fit)
 * @param memoryBytes bytes the features of one data set may take ({@code maxFeatureBytes}, default half the JVM's
 *                    heap, {@code -Xmx})
 */
public record InputLimits(long inputBytes, int features, int fieldChars, long memoryBytes) {
    public static final String PREFIX = "activebench.";

    public static InputLimits current() {
        return new InputLimits(positive("maxInputBytes", 4L << 30), (int) Math.min(Integer.MAX_VALUE - 8,
                positive("maxFeatures", 100_000)), (int) Math.min(Integer.MAX_VALUE - 8, positive("maxFieldChars", 16 << 20)),
                positive("maxFeatureBytes", Runtime.getRuntime().maxMemory() / 2));
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

    /** Refuses a dense feature matrix of this shape when it would not fit the memory limit. */
    void requireMemory(long rows, long columns, String where) {
        double bytes = 4.0 * rows * columns; // floats; a double cannot overflow here
        if (bytes > memoryBytes) {
            throw new ActiveBenchException(where + ": " + rows + " rows x " + columns + " features need "
                    + mebibytes(bytes) + " as floats, more than the limit of " + mebibytes(memoryBytes) + " (-D" + PREFIX
                    + "maxFeatureBytes, by default half the JVM's heap: give Java more with ACTIVEBENCH_JAVA_OPTS=-Xmx...)");
        }
    }

    private static String mebibytes(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
    }
}
