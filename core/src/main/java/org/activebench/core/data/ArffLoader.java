package org.activebench.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activebench.core.ActiveBenchException;

/**
 * Weka ARFF (dense rows): numeric and nominal attributes. Nominal features are one-hot encoded (one column per
 * declared value, named {@code attribute=value}); the class attribute keeps its declared value order.
 */
final class ArffLoader {
    private ArffLoader() {
    }

    /** One declared attribute: nominal values, or null for numeric and string ones. */
    private record Attribute(String name, List<String> values, boolean text, int line) {
        boolean nominal() {
            return values != null;
        }
    }

    /** @param labelAttribute name of the class attribute, or null for the last one */
    static Dataset load(String name, Reader reader, String file, String labelAttribute, MissingValues missing) {
        List<Attribute> attributes = new ArrayList<>();
        int line = readHeader(reader, file, attributes);
        if (attributes.size() < 2) {
            throw new ActiveBenchException(file + ": " + attributes.size()
                    + " attribute(s); a class and at least one feature are needed");
        }
        int label = labelAttribute == null ? attributes.size() - 1 : indexOf(attributes, labelAttribute);
        if (label < 0) {
            throw new ActiveBenchException(file + ": no class attribute '" + labelAttribute + "'");
        }
        Attribute classAttribute = classAttribute(attributes, label, file);
        for (Attribute attribute : attributes) {
            if (attribute.text()) {
                throw new ActiveBenchException(file + ":" + attribute.line() + ": attribute '" + attribute.name()
                        + "' is text; give the data set \"features\": {\"embed\": \"all-minilm-l6-v2\"} to embed it");
            }
        }
        List<String> featureNames = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            Attribute attribute = attributes.get(a);
            if (a == label) {
                continue;
            }
            if (attribute.nominal()) {
                attribute.values().forEach(v -> featureNames.add(attribute.name() + "=" + v));
            } else {
                featureNames.add(attribute.name());
            }
        }
        DatasetBuilder builder = new DatasetBuilder(name, file, featureNames, missing);
        builder.declareClasses(classAttribute.values());
        float[] row = new float[featureNames.size()];
        CsvRecords records = new CsvRecords(reader, file, line + 1, "\"'", '%');
        while (records.next()) {
            List<String> fields = records.fields();
            int at = records.line();
            if (fields.getFirst().startsWith("{")) {
                throw new ActiveBenchException(file + ":" + at + ": sparse ARFF rows are not supported; use LIBSVM");
            }
            if (fields.size() != attributes.size()) {
                throw new ActiveBenchException(file + ":" + at + ": " + fields.size() + " values, "
                        + attributes.size() + " attributes declared");
            }
            int f = 0;
            for (int a = 0; a < attributes.size(); a++) {
                if (a == label) {
                    continue;
                }
                Attribute attribute = attributes.get(a);
                String value = fields.get(a);
                if (!attribute.nominal()) {
                    row[f++] = Fields.number(value, file, at, attribute.name());
                    continue;
                }
                int code = Fields.isMissing(value) ? -1 : attribute.values().indexOf(value);
                if (code < 0 && !Fields.isMissing(value)) {
                    throw new ActiveBenchException(file + ":" + at + ": '" + Fields.abbreviate(value)
                            + "' is not a declared value of nominal attribute '" + attribute.name() + "'");
                }
                for (int v = 0; v < attribute.values().size(); v++) {
                    row[f++] = code < 0 ? Float.NaN : (v == code ? 1f : 0f);
                }
            }
            String value = fields.get(label);
            builder.add(row, Fields.isMissing(value) ? null : value, at);
        }
        return builder.build();
    }

    /**
     * The texts of one string attribute ({@code textAttribute}, or the only one) with their class labels.
     * @param labelAttribute name of the class attribute, or null for the last one
     */
    static TextCorpus loadText(String name, Reader reader, String file, String textAttribute, String labelAttribute) {
        List<Attribute> attributes = new ArrayList<>();
        int line = readHeader(reader, file, attributes);
        int label = labelAttribute == null ? attributes.size() - 1 : indexOf(attributes, labelAttribute);
        if (label < 0) {
            throw new ActiveBenchException(file + ": no class attribute '" + labelAttribute + "'");
        }
        Attribute classAttribute = classAttribute(attributes, label, file);
        int text = textAttribute == null ? onlyText(attributes, file) : indexOf(attributes, textAttribute);
        if (text < 0 || !attributes.get(text).text()) {
            throw new ActiveBenchException(file + ": no string attribute '" + textAttribute + "'");
        }
        TextCorpus.Builder corpus = new TextCorpus.Builder(name, file);
        corpus.declareClasses(classAttribute.values());
        CsvRecords records = new CsvRecords(reader, file, line + 1, "\"'", '%');
        while (records.next()) {
            List<String> fields = records.fields();
            if (fields.size() != attributes.size()) {
                throw new ActiveBenchException(file + ":" + records.line() + ": " + fields.size() + " values, "
                        + attributes.size() + " attributes declared");
            }
            corpus.add(fields.get(text), fields.get(label), records.line());
        }
        return corpus.build();
    }

    private static Attribute classAttribute(List<Attribute> attributes, int label, String file) {
        Attribute classAttribute = attributes.get(label);
        if (!classAttribute.nominal()) {
            throw new ActiveBenchException(file + ":" + classAttribute.line() + ": class attribute '"
                    + classAttribute.name() + "' must be nominal");
        }
        return classAttribute;
    }

    private static int onlyText(List<Attribute> attributes, String file) {
        List<Integer> texts = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            if (attributes.get(a).text()) {
                texts.add(a);
            }
        }
        if (texts.size() != 1) {
            throw new ActiveBenchException(file + ": " + texts.size() + " string attributes; name the one to embed with"
                    + " \"features\": {\"text\": NAME}");
        }
        return texts.getFirst();
    }

    /** Reads up to and including {@code @data}; returns its line number. */
    private static int readHeader(Reader in, String file, List<Attribute> attributes) {
        InputLimits limits = InputLimits.current();
        StringBuilder buffer = new StringBuilder();
        try {
            String text;
            int line = 0;
            while ((text = TextInput.readLine(in, buffer, limits.lineChars(), file, line + 1)) != null) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("%")) {
                    continue;
                }
                String keyword = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                switch (keyword) {
                    case "@relation" -> { }
                    case "@attribute" -> {
                        attributes.add(attribute(trimmed.substring(keyword.length()).strip(), file, line));
                        limits.requireFeatures(attributes.size() - 1, file + ":" + line);
                    }
                    case "@data" -> {
                        return line;
                    }
                    default -> throw new ActiveBenchException(file + ":" + line + ": unexpected header line '"
                            + Fields.abbreviate(trimmed) + "'");
                }
            }
            throw new ActiveBenchException(file + ": no @data section");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Attribute attribute(String declaration, String file, int line) {
        String name;
        String rest;
        char first = declaration.isEmpty() ? ' ' : declaration.charAt(0);
        if (first == '\'' || first == '"') {
            int close = declaration.indexOf(first, 1);
            if (close < 0) {
                throw new ActiveBenchException(file + ":" + line + ": attribute name quote is never closed");
            }
            name = declaration.substring(1, close);
            rest = declaration.substring(close + 1).strip();
        } else {
            String[] parts = declaration.split("\\s+", 2);
            name = parts[0];
            rest = parts.length > 1 ? parts[1].strip() : "";
        }
        if (rest.startsWith("{")) {
            int close = rest.lastIndexOf('}');
            if (close < 0) {
                throw new ActiveBenchException(file + ":" + line + ": nominal value list is never closed");
            }
            CsvRecords values = new CsvRecords(new StringReader(rest.substring(1, close)), file, line, "\"'", (char) 0);
            List<String> declared = values.next() ? List.copyOf(values.fields()) : List.of();
            return new Attribute(name, declared, false, line);
        }
        String type = rest.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (type) {
            case "numeric", "real", "integer" -> new Attribute(name, null, false, line);
            case "string" -> new Attribute(name, null, true, line);
            default -> throw new ActiveBenchException(file + ":" + line + ": attribute '" + name + "' has type '" + type
                    + "'; only numeric, nominal and string attributes are supported");
        };
    }

    private static int indexOf(List<Attribute> attributes, String name) {
        for (int a = 0; a < attributes.size(); a++) {
            if (attributes.get(a).name().equals(name)) {
                return a;
            }
        }
        return -1;
    }
}
