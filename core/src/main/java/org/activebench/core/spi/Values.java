package org.activebench.core.spi;

/** One way to write a parameter value in names, tables and messages. */
final class Values {
    private Values() {
    }

    /**
     * Integral values below 1e7 without a fraction ({@code 2}, not {@code 2.0}); others as Java's shortest repr in
     * lower case without a needless fraction ({@code 1e-8}, {@code 1e12}, {@code 0.001}).
     */
    static String format(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e7) {
                return Long.toString(d.longValue());
            }
            return d.toString().replace("E", "e").replace(".0e", "e");
        }
        return String.valueOf(value);
    }
}
