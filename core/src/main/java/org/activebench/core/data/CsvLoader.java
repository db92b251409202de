package org.activebench.core.data;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.activebench.core.ActiveBenchException;

/** CSV with a header row; every column but the label is a numeric feature. */
final class CsvLoader {
    private CsvLoader() {
    }

    /** The texts of {@code textColumn} (default {@code text}) with their labels. */
    static TextCorpus loadText(String name, Reader in, String file, String textColumn, String labelColumn) {
        CsvRecords records = new CsvRecords(in, file, 1, "\"", (char) 0);
        List<String> header = header(records, file);
        int label = labelColumn == null ? header.size() - 1 : header.indexOf(labelColumn);
        String textName = textColumn == null ? "text" : textColumn;
        int text = header.indexOf(textName);
        if (label < 0 || text < 0) {
            throw new ActiveBenchException(file + ":1: no " + (text < 0 ? "text column '" + textName : "label column '"
                    + labelColumn) + "' in the header " + header);
        }
        TextCorpus.Builder corpus = new TextCorpus.Builder(name, file);
        while (records.next()) {
            List<String> fields = records.fields();
            if (fields.size() != header.size()) {
                throw new ActiveBenchException(file + ":" + records.line() + ": " + fields.size() + " fields, the header has "
                        + header.size());
            }
            corpus.add(fields.get(text), fields.get(label), records.line());
        }
        return corpus.build();
    }

    /** @param labelColumn name of the label column, or null for the last column */
    static Dataset load(String name, Reader in, String file, String labelColumn, MissingValues missing) {
        CsvRecords records = new CsvRecords(in, file, 1, "\"", (char) 0);
        List<String> header = header(records, file);
        int label = labelColumn == null ? header.size() - 1 : header.indexOf(labelColumn);
        if (label < 0) {
            throw new ActiveBenchException(file + ":1: no label column '" + labelColumn + "' in the header " + header);
        }
        if (header.size() < 2) {
            throw new ActiveBenchException(file + ":1: the header has " + header.size()
                    + " column(s); a label and at least one feature are needed");
        }
        List<String> features = new ArrayList<>(header);
        features.remove(label);
        DatasetBuilder builder = new DatasetBuilder(name, file, features, missing);
        float[] row = new float[features.size()];
        while (records.next()) {
            List<String> fields = records.fields();
            int line = records.line();
            if (fields.size() != header.size()) {
                throw new ActiveBenchException(file + ":" + line + ": " + fields.size() + " fields, the header has "
                        + header.size());
            }
            for (int j = 0, f = 0; j < fields.size(); j++) {
                if (j != label) {
                    row[f] = records.number(j, line, features.get(f));
                    f++;
                }
            }
            String value = records.field(label);
            builder.add(row, Fields.isMissing(value) ? null : value, line);
        }
        return builder.build();
    }

    private static List<String> header(CsvRecords records, String file) {
        if (!records.next()) {
            throw new ActiveBenchException(file + ": empty file (a header row is required)");
        }
        return List.copyOf(records.fields());
    }
}
