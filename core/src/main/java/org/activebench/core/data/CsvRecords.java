package org.activebench.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.activebench.core.ActiveBenchException;

/**
 * Streams delimited records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) with the
 * line number each record starts on, so errors can name it. Fields may be long (e-mails of hundreds of KiB): a record
 * has at most {@link InputLimits#lineChars()} characters and {@link InputLimits#features()} + 1 fields (the label).
 * A record's fields lie side by side in one reused buffer, so that numbers are parsed from it without a String each.
 * Unquoted fields are trimmed; blank lines and, if a comment character is given, comment lines are skipped.
 */
final class CsvRecords {
    private static final int EOF = -1;
    private final Reader in;
    private final String file;
    private final String quotes;
    private final char comment;
    private char[] text;
    private int length;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private final List<String> fields = new AbstractList<>() {
        @Override
        public String get(int i) {
            return field(i);
        }

        @Override
        public int size() {
            return count;
        }
    };
    private int line;
    private int recordLine;
    private int pushedBack = Integer.MIN_VALUE;
    private final InputLimits limits = InputLimits.current();

    /**
     * @param firstLine line number of the first character {@code in} will deliver (1 for a fresh file)
     * @param quotes    characters that open a quoted field ({@code "\""} for CSV, {@code "\"'"} for ARFF)
     * @param comment   a character that starts a comment line, or 0 for none
     */
    CsvRecords(Reader in, String file, int firstLine, String quotes, char comment) {
        this.in = in;
        this.file = file;
        this.line = firstLine;
        this.quotes = quotes;
        this.comment = comment;
        this.text = new char[Math.min(1 << 12, limits.lineChars())];
    }

    /** The fields of the record read by the last successful {@link #next()}, valid until the next call. */
    List<String> fields() {
        return fields;
    }

    String field(int i) {
        return new String(text, starts[i], ends[i] - starts[i]);
    }

    /** Field {@code i} as a number ({@link Fields#number}); {@code line} and {@code column} name it in errors. */
    float number(int i, int line, String column) {
        return Fields.number(text, starts[i], ends[i], file, line, column);
    }

    /** Line number on which the current record starts. */
    int line() {
        return recordLine;
    }

    /** Reads the next non-blank record; false at end of input. */
    boolean next() {
        count = 0;
        length = 0;
        int c = read();
        while (c == '\n' || c == '\r' || (comment != 0 && c == comment)) {
            if (c != '\n' && c != '\r') {
                skipToEndOfLine();
            }
            c = read();
        }
        if (c == EOF) {
            return false;
        }
        recordLine = line;
        while (true) {
            if (count > limits.features()) {
                throw new ActiveBenchException(file + ":" + recordLine + ": more than " + (limits.features() + 1)
                        + " fields, the limit (the label and at most -D" + InputLimits.PREFIX + "maxFeatures="
                        + limits.features() + " features)");
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, 2 * count);
                ends = Arrays.copyOf(ends, 2 * count);
            }
            starts[count] = length;
            c = readField(c);
            ends[count++] = length;
            if (c != ',') {
                return true;
            }
            c = read();
        }
    }

    /** Reads one field starting with {@code c}; returns the character that ended it (',', newline or EOF). */
    private int readField(int c) {
        while (c == ' ' || c == '\t') {
            c = read();
        }
        if (c != EOF && quotes.indexOf(c) >= 0) {
            int quote = c;
            int startLine = line;
            while (true) {
                c = read();
                if (c == EOF) {
                    throw new ActiveBenchException(file + ":" + startLine + ": quoted field is never closed");
                }
                if (c == quote) {
                    c = read();
                    if (c != quote) {
                        break;
                    }
                } else if (c == '\\' && quote == '\'') {
                    c = unescape(read()); // ARFF escapes quotes and control characters with a backslash
                }
                append(c);
            }
            while (c == ' ' || c == '\t') {
                c = read();
            }
            if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                throw new ActiveBenchException(file + ":" + line + ": unexpected character '" + (char) c
                        + "' after a quoted field");
            }
        } else {
            while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                append(c);
                c = read();
            }
            while (length > starts[count] && (text[length - 1] == ' ' || text[length - 1] == '\t')) {
                length--;
            }
        }
        return c;
    }

    private void append(int c) {
        if (length == text.length) {
            if (length >= limits.lineChars()) {
                throw new ActiveBenchException(file + ":" + recordLine + ": a record longer than " + limits.lineChars()
                        + " characters, the limit (-D" + InputLimits.PREFIX + "maxLineChars=N raises it)");
            }
            text = Arrays.copyOf(text, (int) Math.min(2L * length, limits.lineChars()));
        }
        text[length++] = (char) c;
    }

    private static int unescape(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    private void skipToEndOfLine() {
        int c;
        do {
            c = read();
        } while (c != '\n' && c != '\r' && c != EOF);
    }

    /** Reads one character, folding \r\n and \r into \n and counting lines. */
    private int read() {
        try {
            int c;
            if (pushedBack != Integer.MIN_VALUE) {
                c = pushedBack;
                pushedBack = Integer.MIN_VALUE;
            } else {
                c = in.read();
            }
            if (c == '\r') {
                int next = in.read();
                if (next != '\n') {
                    pushedBack = next;
                }
                c = '\n';
            }
            if (c == '\n') {
                line++;
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
