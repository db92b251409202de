package org.activebench.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activebench.core.ActiveBenchException;

/**
 * A short description of each class, for zero-shot scoring: a CSV with the header {@code class,description} and one
 * row per class of the data set, e.g. {@code positive,"a positive movie review"}.
 */
public final class ClassDescriptions {
    private ClassDescriptions() {
    }

    /** The descriptions in the order of {@code classNames}; every class described once, no other. */
    public static List<String> read(Path path, List<String> classNames) {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            CsvRecords records = new CsvRecords(DatasetLoader.reader(in, file), file, 1, "\"", (char) 0);
            if (!records.next() || !List.copyOf(records.fields()).equals(List.of("class", "description"))) {
                throw new ActiveBenchException(file + ":1: the header must be 'class,description'");
            }
            String[] descriptions = new String[classNames.size()];
            while (records.next()) {
                String where = file + ":" + records.line();
                if (records.fields().size() != 2) {
                    throw new ActiveBenchException(where + ": " + records.fields().size() + " fields, not 2 (class,description)");
                }
                int c = classNames.indexOf(records.fields().get(0));
                if (c < 0) {
                    throw new ActiveBenchException(where + ": '" + records.fields().get(0) + "' is not a class of the data set ("
                            + String.join(", ", classNames) + ")");
                }
                if (descriptions[c] != null) {
                    throw new ActiveBenchException(where + ": class '" + classNames.get(c) + "' is described twice");
                }
                if (records.fields().get(1).isBlank()) {
                    throw new ActiveBenchException(where + ": the description of '" + classNames.get(c) + "' is empty");
                }
                descriptions[c] = records.fields().get(1);
            }
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < descriptions.length; c++) {
                if (descriptions[c] == null) {
                    missing.add(classNames.get(c));
                }
            }
            if (!missing.isEmpty()) {
                throw new ActiveBenchException(file + ": no description of " + String.join(", ", missing));
            }
            return Arrays.asList(descriptions);
        } catch (NoSuchFileException e) {
            throw new ActiveBenchException(file + ": no such file");
        } catch (IOException e) {
            throw new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
