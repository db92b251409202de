package org.activebench.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activebench.core.ActiveBenchException;

/**
 * Collects parsed rows from any loader and turns them into a {@link Dataset}: one place for the missing-value
 * policy, the label coding and the sanity checks, so the format readers only parse.
 * A missing feature is passed in as {@code NaN}; a non-finite value is rejected by the reader before.
 */
final class DatasetBuilder {
    private final String name;
    private final String file;
    private final List<String> featureNames;
    private final MissingValues missing;
    /** Floats per storage block: rows are appended without copying what is stored, so loading peaks at the data once. */
    private static final int BLOCK = 1 << 16;
    /** What a row costs besides its features: its label's code and its line, with room for the arrays to grow. */
    static final int ROW_BYTES = 16;
    private final List<float[]> blocks = new ArrayList<>();
    private long stored;
    private int rows;
    private final List<String> distinct = new ArrayList<>();
    private final Map<String, Integer> codeOf = new HashMap<>();
    private int[] codes = new int[64]; // per row, the label's index in distinct; -1 when missing
    private int[] lines = new int[64];
    private long bytes;
    private final InputLimits limits = InputLimits.current();
    private List<String> declaredClasses;

    DatasetBuilder(String name, String file, List<String> featureNames, MissingValues missing) {
        this.name = name;
        this.file = file;
        limits.requireFeatures(featureNames.size(), file);
        this.featureNames = List.copyOf(featureNames);
        this.missing = missing;
    }

    /** Classes in a declared order (ARFF nominal class); otherwise the labels seen, in natural order. */
    void declareClasses(List<String> classes) {
        this.declaredClasses = List.copyOf(classes);
    }

    /** Adds one row; {@code features} is copied, {@code NaN} marks a missing value. */
    void add(float[] features, String label, int line) {
        int d = featureNames.size();
        int n = rows;
        if ((long) (n + 1) * d > Integer.MAX_VALUE - 8) {
            throw new ActiveBenchException(file + ":" + line + ": data set too large for one float array");
        }
        account((long) Float.BYTES * d + ROW_BYTES, line);
        for (int j = 0; j < d; ) {
            int offset = (int) (stored % BLOCK);
            if (offset == 0) {
                blocks.add(new float[BLOCK]);
            }
            int length = Math.min(d - j, BLOCK - offset);
            System.arraycopy(features, j, blocks.getLast(), offset, length);
            j += length;
            stored += length;
        }
        if (n == lines.length) {
            lines = Arrays.copyOf(lines, 2 * n);
            codes = Arrays.copyOf(codes, 2 * n);
        }
        lines[n] = line;
        codes[n] = label == null ? -1 : codeOf.computeIfAbsent(label, l -> {
            distinct.add(l);
            return distinct.size() - 1;
        });
        rows++;
    }

    /**
     * Counts {@code more} bytes towards {@link InputLimits#dataBytes()}, failing at the line that passes it: the check
     * comes before the memory is taken, so that no input ends in an {@code OutOfMemoryError}.
     */
    void account(long more, int line) {
        bytes += more;
        limits.requireMemory(bytes, rows + 1 + " rows of " + featureNames.size() + " features",
                file + ":" + line);
    }

    private float value(long index) {
        return blocks.get((int) (index / BLOCK))[(int) (index % BLOCK)];
    }

    private void copyRow(int row, float[] to, int at) {
        int d = featureNames.size();
        long from = (long) row * d;
        for (int j = 0; j < d; ) {
            int offset = (int) ((from + j) % BLOCK);
            int length = Math.min(d - j, BLOCK - offset);
            System.arraycopy(blocks.get((int) ((from + j) / BLOCK)), offset, to, at + j, length);
            j += length;
        }
    }

    Dataset build() {
        int d = featureNames.size();
        int n = rows;
        if (n == 0) {
            throw new ActiveBenchException(file + ": no data rows");
        }
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        for (int i = 0; i < n; i++) {
            if (codes[i] < 0) {
                if (missing != MissingValues.DROP) {
                    throw new ActiveBenchException(file + ":" + lines[i] + ": missing class label");
                }
                keep[i] = false;
            }
            for (int j = 0; j < d && keep[i]; j++) {
                if (Float.isNaN(value((long) i * d + j))) {
                    switch (missing) {
                        case ERROR -> throw new ActiveBenchException(file + ":" + lines[i] + ": missing value in column '"
                                + featureNames.get(j) + "' (set \"missing\": \"drop\" or \"mean\" in the dataset config)");
                        case DROP -> keep[i] = false;
                        case MEAN -> { }
                    }
                }
            }
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        if (kept == 0) {
            throw new ActiveBenchException(file + ": every row has a missing value; nothing left to learn from");
        }
        float[] features = new float[kept * d];
        Set<String> keptLabels = new LinkedHashSet<>();
        for (int i = 0, r = 0; i < n; i++) {
            if (keep[i]) {
                copyRow(i, features, r * d);
                keptLabels.add(distinct.get(codes[i]));
                r++;
            }
        }
        blocks.clear(); // copied: free for the collector before the data set is checked and coded
        if (missing == MissingValues.MEAN) {
            imputeMeans(features, kept, d);
        }
        List<String> classes = declaredClasses != null ? declaredClasses : naturalOrder(List.copyOf(keptLabels));
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] y = new int[kept];
        for (int i = 0, r = 0; i < n; i++) {
            if (keep[i]) {
                Integer c = index.get(distinct.get(codes[i]));
                if (c == null) {
                    throw new ActiveBenchException(file + ":" + lines[i] + ": class '" + distinct.get(codes[i])
                            + "' is not one of the declared classes " + classes);
                }
                y[r++] = c;
            }
        }
        return new Dataset(name, features, y, classes, featureNames);
    }

    private void imputeMeans(float[] features, int n, int d) {
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                float v = features[i * d + j];
                if (!Float.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            if (count == 0) {
                throw new ActiveBenchException(file + ": column '" + featureNames.get(j)
                        + "' has no value at all; the mean is undefined");
            }
            float mean = (float) (sum / count);
            for (int i = 0; i < n; i++) {
                if (Float.isNaN(features[i * d + j])) {
                    features[i * d + j] = mean;
                }
            }
        }
    }

    /** Numeric labels sort as numbers (so "10" follows "9"), anything else as text. */
    static List<String> naturalOrder(List<String> labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
        boolean numeric = distinct.stream().allMatch(Fields::isDecimal);
        distinct.sort(numeric ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder());
        return distinct;
    }
}
