package org.activebench.cli;

/** One CSV field as RFC 4180 writes it: quoted only when it holds a comma, a quote or a line break. */
final class CsvField {
    private CsvField() {
    }

    static String of(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
