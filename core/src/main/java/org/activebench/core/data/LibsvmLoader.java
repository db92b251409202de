package org.activebench.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;

/**
 * LIBSVM / SVMlight sparse text: {@code label index:value ...} with 1-based ascending indices; absent features
 * are 0 (sparse, not missing). The dimension is the largest index seen, at most {@link InputLimits#features()};
 * the entries read, and then the dense matrix they make, must fit {@link InputLimits#dataBytes()}: both are checked
 * before allocating.
 */
final class LibsvmLoader {
    /** What a row costs besides its entries: two arrays, references, its line (estimated, as Java lays them out). */
    private static final int ROW_BYTES = 96;

    private LibsvmLoader() {
    }

    static Dataset load(String name, Reader reader, String file) {
        List<String> labels = new ArrayList<>();
        Map<String, String> distinctLabels = new HashMap<>();
        List<int[]> indices = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int d = 0;
        long sparseBytes = 0;
        InputLimits limits = InputLimits.current();
        StringBuilder buffer = new StringBuilder();
        try (reader) {
            String text;
            int line = 0;
            while ((text = TextInput.readLine(reader, buffer, limits.lineChars(), file, line + 1)) != null) {
                line++;
                int hash = text.indexOf('#');
                String[] tokens = (hash >= 0 ? text.substring(0, hash) : text).trim().split("\\s+");
                if (tokens.length == 1 && tokens[0].isEmpty()) {
                    continue;
                }
                int[] idx = new int[tokens.length - 1];
                float[] val = new float[tokens.length - 1];
                for (int t = 1; t < tokens.length; t++) {
                    int colon = tokens[t].indexOf(':');
                    if (colon <= 0) {
                        throw new ActiveBenchException(file + ":" + line + ": expected index:value, got '"
                                + Fields.abbreviate(tokens[t]) + "'");
                    }
                    try {
                        String index = tokens[t].substring(0, colon);
                        if (!index.chars().allMatch(c -> c >= '0' && c <= '9')) {
                            throw new NumberFormatException(index);
                        }
                        idx[t - 1] = Integer.parseInt(index);
                    } catch (NumberFormatException e) {
                        throw new ActiveBenchException(file + ":" + line + ": feature index is not an integer: '"
                                + Fields.abbreviate(tokens[t]) + "'");
                    }
                    if (idx[t - 1] < 1 || (t > 1 && idx[t - 1] <= idx[t - 2])) {
                        throw new ActiveBenchException(file + ":" + line
                                + ": feature indices must be >= 1 and strictly ascending");
                    }
                    limits.requireFeatures(idx[t - 1], file + ":" + line + ": feature index " + idx[t - 1]);
                    String feature = "f" + idx[t - 1];
                    val[t - 1] = Fields.number(tokens[t].substring(colon + 1), file, line, feature);
                    if (Float.isNaN(val[t - 1])) {
                        throw new ActiveBenchException(file + ":" + line + ": missing value for " + feature);
                    }
                }
                if (idx.length > 0) {
                    d = Math.max(d, idx[idx.length - 1]);
                }
                sparseBytes += 8L * idx.length + ROW_BYTES;
                limits.requireMemory(sparseBytes, labels.size() + 1 + " rows", file + ":" + line);
                labels.add(distinctLabels.computeIfAbsent(tokens[0], l -> l));
                indices.add(idx);
                values.add(val);
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (d == 0) {
            throw new ActiveBenchException(file + ": no features in any row");
        }
        double dense = (4.0 * d + DatasetBuilder.ROW_BYTES) * labels.size();
        limits.requireMemory(sparseBytes + dense, labels.size() + " rows of " + d + " features", file);
        List<String> featureNames = new ArrayList<>(d);
        for (int j = 1; j <= d; j++) {
            featureNames.add("f" + j);
        }
        DatasetBuilder builder = new DatasetBuilder(name, file, featureNames, MissingValues.ERROR);
        float[] row = new float[d];
        for (int i = 0; i < labels.size(); i++) {
            Arrays.fill(row, 0f);
            int[] idx = indices.get(i);
            for (int t = 0; t < idx.length; t++) {
                row[idx[t] - 1] = values.get(i)[t];
            }
            builder.add(row, labels.get(i), lines.get(i));
        }
        return builder.build();
    }
}
