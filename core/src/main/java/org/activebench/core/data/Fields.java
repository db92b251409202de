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
        return number(field.toCharArray(), 0, field.length(), file, line, column);
    }

    /**
     * {@link #number(String, String, int, String)} of the characters {@code s[from .. to)}, parsed in place. The value is
     * the float nearest the decimal, as {@code Float.parseFloat} gives it (tested on every form): digits are gathered
     * into a long m and, when m ≤ 2^53 and the power of ten is at most 22, the double m·10^e is rounded once
     * (Clinger's fast path) and then to float, which is the nearest float unless the double is exactly halfway between
     * two floats, or subnormal as a float; those, and longer numbers, go to {@code Float.parseFloat}.
     */
    static float number(char[] s, int from, int to, String file, int line, String column) {
        while (from < to && (s[from] == ' ' || s[from] == '\t')) {
            from++;
        }
        while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t')) {
            to--;
        }
        if (from == to || to - from == 1 && s[from] == '?') {
            return Float.NaN;
        }
        if (!isDecimal(s, from, to)) {
            return notANumber(new String(s, from, to - from), file, line, column);
        }
        int i = from;
        boolean negative = s[i] == '-';
        if (s[i] == '-' || s[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int significant = 0; // digits in mantissa, leading zeros not counted
        int scale = 0; // the value is mantissa x 10^(exponent - scale)
        boolean dropped = false;
        for (boolean fraction = false; i < to && s[i] != 'e' && s[i] != 'E'; i++) {
            if (s[i] == '.') {
                fraction = true;
            } else if (significant < 18) {
                mantissa = 10 * mantissa + (s[i] - '0');
                significant += mantissa == 0 ? 0 : 1;
                scale += fraction ? 1 : 0;
            } else {
                dropped = true; // more digits than a long holds exactly: Float.parseFloat decides
            }
        }
        int exponent = 0;
        if (i < to) { // [eE][+-]?D+, as isDecimal made sure
            i++;
            boolean minus = s[i] == '-';
            if (minus || s[i] == '+') {
                i++;
            }
            for (; i < to; i++) {
                exponent = Math.min(10 * exponent + (s[i] - '0'), 100_000); // beyond float range either way
            }
            exponent = minus ? -exponent : exponent;
        }
        int power = exponent - scale;
        if (!dropped && mantissa <= 1L << 53 && Math.abs(power) <= 22) { // both exact in a double
            double v = power >= 0 ? mantissa * POWERS[power] : mantissa / POWERS[-power];
            long low = Double.doubleToRawLongBits(v) & 0x1FFF_FFFFL; // the 29 bits a float drops
            if (v == 0 || v >= Float.MIN_NORMAL && low != 0x1000_0000L) {
                float f = (float) v;
                return checkFinite(negative ? -f : f, s, from, to, file, line, column);
            }
        }
        return checkFinite(Float.parseFloat(new String(s, from, to - from)), s, from, to, file, line, column);
    }

    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = 10 * POWERS[k - 1]; // exact up to 10^22
        }
    }

    private static float checkFinite(float v, char[] s, int from, int to, String file, int line, String column) {
        if (!Float.isFinite(v)) {
            throw new ActiveBenchException(file + ":" + line + ": column '" + column + "' is "
                    + abbreviate(new String(s, from, to - from)) + ", beyond float range; leave the field empty to mark a"
                    + " missing value");
        }
        return v;
    }

    private static float notANumber(String text, String file, int line, String column) {
        String word = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        throw new ActiveBenchException(file + ":" + line + ": column '" + column + "' "
                + (NOT_FINITE.contains(word.toLowerCase(Locale.ROOT))
                ? "is " + text + " (not finite); leave the field empty to mark a missing value"
                : "is not a number: '" + abbreviate(text) + "'"));
    }

    /** Whether {@code s} is exactly a decimal number of the grammar above (no surrounding blanks). */
    static boolean isDecimal(String s) {
        return isDecimal(s.toCharArray(), 0, s.length());
    }

    private static boolean isDecimal(char[] s, int from, int to) {
        int i = from < to && (s[from] == '+' || s[from] == '-') ? from + 1 : from;
        int end = digitsFrom(s, i, to);
        int digits = end - i;
        i = end;
        if (i < to && s[i] == '.') {
            end = digitsFrom(s, i + 1, to);
            digits += end - i - 1;
            i = end;
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i += i + 1 < to && (s[i + 1] == '+' || s[i + 1] == '-') ? 2 : 1;
            end = digitsFrom(s, i, to);
            if (end == i) {
                return false;
            }
            i = end;
        }
        return i == to;
    }

    /** The end of the run of ASCII digits that starts at {@code i}. */
    private static int digitsFrom(char[] s, int i, int to) {
        while (i < to && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        return i;
    }

    static String abbreviate(String field) {
        String printable = field.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
