package org.activebench.core.data;

import org.activebench.core.ActiveBenchException;

/** Parsing of a single numeric feature field, shared by the text formats. */
final class Fields {
    private Fields() {
    }

    static boolean isMissing(String field) {
        return field.isEmpty() || field.equals("?");
    }

    /** The value of a numeric field; {@code NaN} if it is missing; an error naming file, line and column otherwise. */
    static float number(String field, String file, int line, String column) {
        if (isMissing(field)) {
            return Float.NaN;
        }
        float v;
        try {
            v = Float.parseFloat(field);
        } catch (NumberFormatException e) {
            throw new ActiveBenchException(file + ":" + line + ": column '" + column + "' is not a number: '"
                    + abbreviate(field) + "'");
        }
        if (!Float.isFinite(v)) {
            throw new ActiveBenchException(file + ":" + line + ": column '" + column + "' is " + abbreviate(field)
                    + " (not finite, or beyond float range); leave the field empty to mark a missing value");
        }
        return v;
    }

    static String abbreviate(String field) {
        return field.length() <= 40 ? field : field.substring(0, 37) + "...";
    }
}
