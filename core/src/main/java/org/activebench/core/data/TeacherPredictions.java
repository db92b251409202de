package org.activebench.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.activebench.core.ActiveBenchException;

/**
 * Per-sample class probabilities (or logits) from an external model, the "teacher", read from CSV or JSON and
 * checked against the data set they describe: one row per sample in the data set's row order, one column per
 * class named as in the data set (any order), probabilities in [0, 1] summing to 1 within {@value #SUM_TOLERANCE}
 * (then renormalised), logits finite (turned into probabilities by softmax).
 * <ul>
 *   <li>CSV: a header of class names, then one row of k numbers per sample.</li>
 *   <li>JSON: {@code {"classes": [...], "probabilities": [[...], ...]}} or with {@code "logits"} instead (the key says
 *   what the numbers are).</li>
 * </ul>
 */
public final class TeacherPredictions {
    public static final double SUM_TOLERANCE = 1e-3;

    /** What the numbers are. */
    public enum Kind {
        PROBABILITIES, LOGITS;

        public static Kind parse(String text, String key) {
            if (text == null) {
                return PROBABILITIES;
            }
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ActiveBenchException(key + ": unknown kind '" + text + "' (valid: probabilities, logits)");
            }
        }
    }

    private TeacherPredictions() {
    }

    /** The teacher's probabilities, row-major n x k in the data set's row and class order. */
    public static float[] read(Path path, Kind kind, Dataset data) {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            String lower = file.toLowerCase(Locale.ROOT);
            return lower.endsWith(".json") ? json(in, file, data) : csv(DatasetLoader.reader(in, file), file, kind, data);
        } catch (NoSuchFileException e) {
            throw new ActiveBenchException(file + ": no such file");
        } catch (IOException e) {
            throw new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static float[] csv(Reader reader, String file, Kind kind, Dataset data) {
        CsvRecords records = new CsvRecords(reader, file, 1, "\"", (char) 0);
        if (!records.next()) {
            throw new ActiveBenchException(file + ": empty file (a header of class names is required)");
        }
        int[] column = columns(List.copyOf(records.fields()), file + ":1", data);
        int k = data.classCount();
        float[] out = new float[Math.multiplyExact(data.size(), k)];
        double[] row = new double[k];
        int n = 0;
        while (records.next()) {
            List<String> fields = records.fields();
            String where = file + ":" + records.line();
            if (fields.size() != k) {
                throw new ActiveBenchException(where + ": " + fields.size() + " values, the header has " + k);
            }
            if (n == data.size()) {
                throw new ActiveBenchException(where + ": more prediction rows than the " + data.size()
                        + " samples of data set '" + data.name() + "'");
            }
            for (int j = 0; j < k; j++) {
                row[column[j]] = records.number(j, records.line(), data.classNames().get(column[j]));
            }
            store(row, kind, where, out, n++);
        }
        return complete(out, n, file, data);
    }

    private static float[] json(InputStream in, String file, Dataset data) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new ActiveBenchException(file + ":" + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":")
                    + " not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.path("classes").isArray()) {
            throw new ActiveBenchException(file + ": \"classes\": required, an array of class names");
        }
        List<String> classes = new ArrayList<>();
        root.path("classes").forEach(c -> classes.add(c.asText()));
        int[] column = columns(classes, file + ": \"classes\"", data);
        boolean logits = root.has("logits");
        JsonNode rows = logits ? root.get("logits") : root.path("probabilities");
        String key = logits ? "logits" : "probabilities";
        if (!rows.isArray() || root.has("logits") == root.has("probabilities")) {
            throw new ActiveBenchException(file + ": give exactly one of \"probabilities\" or \"logits\", an array of rows");
        }
        if (rows.size() != data.size()) {
            throw new ActiveBenchException(file + ": \"" + key + "\" has " + rows.size() + " rows, data set '" + data.name()
                    + "' has " + data.size() + " samples");
        }
        int k = data.classCount();
        float[] out = new float[Math.multiplyExact(data.size(), k)];
        double[] row = new double[k];
        for (int i = 0; i < rows.size(); i++) {
            String where = file + ": \"" + key + "\"[" + i + "]";
            JsonNode values = rows.get(i);
            if (!values.isArray() || values.size() != k) {
                throw new ActiveBenchException(where + ": expected an array of " + k + " numbers");
            }
            for (int j = 0; j < k; j++) {
                if (!values.get(j).isNumber()) {
                    throw new ActiveBenchException(where + "[" + j + "]: not a number: " + values.get(j));
                }
                row[column[j]] = values.get(j).asDouble();
            }
            store(row, logits ? Kind.LOGITS : Kind.PROBABILITIES, where, out, i);
        }
        return out;
    }

    /** For each given column, the data set's class index; every class exactly once. */
    private static int[] columns(List<String> names, String where, Dataset data) {
        int[] column = new int[names.size()];
        boolean[] seen = new boolean[data.classCount()];
        for (int j = 0; j < names.size(); j++) {
            int c = data.classNames().indexOf(names.get(j));
            if (c < 0) {
                throw new ActiveBenchException(where + ": unknown class '" + names.get(j) + "' (data set '" + data.name()
                        + "' has classes " + data.classNames() + ")");
            }
            if (seen[c]) {
                throw new ActiveBenchException(where + ": class '" + names.get(j) + "' appears twice");
            }
            seen[c] = true;
            column[j] = c;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new ActiveBenchException(where + ": no column for class '" + data.classNames().get(c) + "'");
            }
        }
        return column;
    }

    private static void store(double[] row, Kind kind, String where, float[] out, int i) {
        int k = row.length;
        double sum = 0;
        if (kind == Kind.LOGITS) {
            double max = Arrays.stream(row).max().orElseThrow();
            for (int c = 0; c < k; c++) {
                if (!Double.isFinite(row[c])) {
                    throw new ActiveBenchException(where + ": logit " + row[c] + " is not finite");
                }
                row[c] = Math.exp(row[c] - max);
                sum += row[c];
            }
        } else {
            for (int c = 0; c < k; c++) {
                if (!(row[c] >= 0 && row[c] <= 1)) {
                    throw new ActiveBenchException(where + ": probability " + row[c] + " outside [0, 1]");
                }
                sum += row[c];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new ActiveBenchException(where + ": probabilities sum to " + String.format(Locale.ROOT, "%.4f", sum) + ", not 1 (tolerance "
                        + SUM_TOLERANCE + "); if these are logits, say \"kind\": \"logits\"");
            }
        }
        for (int c = 0; c < k; c++) {
            out[i * k + c] = (float) (row[c] / sum);
        }
    }

    private static float[] complete(float[] out, int rows, String file, Dataset data) {
        if (rows != data.size()) {
            throw new ActiveBenchException(file + ": " + rows + " prediction rows, data set '" + data.name() + "' has "
                    + data.size() + " samples");
        }
        return out;
    }
}
