package org.activebench.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.annotate.Annotator;

/**
 * A recorded label for every row of a data set, replayed by an annotator: a column of a CSV file (the data file itself,
 * or another one with a row per sample in the data set's order), each field a class name of the data set, or empty
 * where the annotator abstained (as GPT-3.5 did on 384 rows of MR).
 */
public final class ReplayedLabels {
    private ReplayedLabels() {
    }

    /**
     * @return per row a class index, or {@link Annotator#ABSTAIN}
     * @throws ActiveBenchException naming the file and line: no such column, a class the data set does not have, a
     *                              row count that differs
     */
    public static int[] read(Path path, String column, Dataset data) {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            CsvRecords records = new CsvRecords(DatasetLoader.reader(in, file), file, 1, "\"", (char) 0);
            if (!records.next()) {
                throw new ActiveBenchException(file + ": empty file (a header naming column '" + column + "' is required)");
            }
            List<String> header = List.copyOf(records.fields());
            int at = header.indexOf(column);
            if (at < 0) {
                throw new ActiveBenchException(file + ":1: no column '" + column + "' (columns: " + String.join(", ", header) + ")");
            }
            int[] labels = new int[data.size()];
            int n = 0;
            while (records.next()) {
                String where = file + ":" + records.line();
                if (n == data.size()) {
                    throw new ActiveBenchException(where + ": more rows than the " + data.size() + " samples of data set '"
                            + data.name() + "'");
                }
                String value = records.fields().size() > at ? records.fields().get(at) : "";
                int c = value.isEmpty() ? Annotator.ABSTAIN : data.classNames().indexOf(value);
                if (c < 0 && !value.isEmpty()) {
                    throw new ActiveBenchException(where + ": column '" + column + "' holds '" + value + "', not a class of '"
                            + data.name() + "' (" + String.join(", ", data.classNames()) + "; empty = abstained)");
                }
                labels[n++] = c;
            }
            if (n != data.size()) {
                throw new ActiveBenchException(file + ": " + n + " rows, but data set '" + data.name() + "' has " + data.size());
            }
            return labels;
        } catch (NoSuchFileException e) {
            throw new ActiveBenchException(file + ": no such file");
        } catch (IOException e) {
            throw new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
