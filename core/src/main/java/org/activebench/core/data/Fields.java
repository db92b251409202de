package org.activebench.core.data;

import java.util.Locale;
import java.util.Set;
import org.activebench.core.ActiveBenchException;

/**
 * Parsing of a single numeric feature field, shared by the text formats. A number is what a CSV user means by one,
 * a decimal {@code [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?} with ASCII digits D, possibly between spaces or tabs; Java's
 * own grammar would also take {@code 5.1f}, {@code 0x1p3} and control characters around the number. {@code NaN} and
 * infinities are recognised only to be refused with their own message.
 */
final class Fields {
    private static final Set<String> NOT_FINITE = Set.of("nan", "inf", "infinity");

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
        String text = strip(field);
        if (!isDecimal(text)) {
            String word = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
            throw new ActiveBenchException(file + ":" + line + ": column '" + column + "' "
                    + (NOT_FINITE.contains(word.toLowerCase(Locale.ROOT))
                    ? "is " + text + " (not finite); leave the field empty to mark a missing value"
                    : "is not a number: '" + abbreviate(field) + "'"));
        }
        float v = Float.parseFloat(text);
        if (!Float.isFinite(v)) {
            throw new ActiveBenchException(file + ":" + line + ": column '" + column + "' is " + abbreviate(field)
                    + ", beyond float range; leave the field empty to mark a missing value");
        }
        return v;
    }

    /** Whether {@code s} is exactly a decimal number of the grammar above (no surrounding blanks). */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Removes surrounding spaces and tabs, and only those (a quoted field keeps them). */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    static String abbreviate(String field) {
        String printable = field.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
