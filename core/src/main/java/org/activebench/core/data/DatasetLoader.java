package org.activebench.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.activebench.core.ActiveBenchException;

/**
 * Loads a data set from a file (CSV, ARFF or LIBSVM, optionally gzipped) or from the bundled ones. A file of
 * {@link DatasetCache#FROM_BYTES} or more is parsed once: later loads read it back from the {@link DatasetCache}.
 */
public final class DatasetLoader {
    /** Small public data sets shipped in the jar so that the demo needs no download. */
    public static final List<String> BUNDLED = List.of("iris", "wine", "breast_cancer", "digits");
    public static final List<String> FORMATS = List.of("csv", "arff", "libsvm");

    private DatasetLoader() {
    }

    /**
     * @param name    the data set's name in results
     * @param path    the file, or null for the bundled data set called {@code name}
     * @param format  csv, arff or libsvm; null to infer from the file name
     * @param label   the label column (CSV) or class attribute (ARFF); null for the last
     * @param missing what to do with missing feature values
     */
    public static Dataset load(String name, Path path, String format, String label, MissingValues missing) {
        if (path == null) {
            return bundled(name);
        }
        String kind = formatOf(path, format);
        DatasetCache cache = DatasetCache.standard();
        String key = null;
        try {
            if (Files.size(path) >= DatasetCache.FROM_BYTES) {
                key = DatasetCache.key(path, kind, label, missing);
                Dataset cached = cache.read(key, name);
                if (cached != null) {
                    return cached;
                }
            }
        } catch (IOException e) {
            throw unreadable(path.toString(), e);
        }
        Dataset parsed = parse(path, kind, (reader, file, as) -> switch (as) {
            case "csv" -> CsvLoader.load(name, reader, file, label, missing);
            case "arff" -> ArffLoader.load(name, reader, file, label, missing);
            case "libsvm" -> LibsvmLoader.load(name, reader, file);
            default -> throw new ActiveBenchException(file + ": unknown format '" + as + "' (valid: "
                    + String.join(", ", FORMATS) + ")");
        });
        if (key != null) {
            cache.write(key, parsed);
        }
        return parsed;
    }

    /**
     * Labelled texts from a CSV (a text column, default {@code text}) or an ARFF file (a string attribute, by default
     * the only one), optionally gzipped.
     */
    public static TextCorpus loadText(String name, Path path, String format, String textColumn, String label) {
        return parse(path, formatOf(path, format), (reader, file, kind) -> switch (kind) {
            case "csv" -> CsvLoader.loadText(name, reader, file, textColumn, label);
            case "arff" -> ArffLoader.loadText(name, reader, file, textColumn, label);
            default -> throw new ActiveBenchException(file + ": texts can be read from csv or arff, not '" + kind + "'");
        });
    }

    /** Reads one file in a format (csv, arff, libsvm). */
    private interface Parser<T> {
        T parse(Reader reader, String file, String format);
    }

    private static <T> T parse(Path path, String format, Parser<T> parser) {
        String file = path.toString();
        try (InputStream raw = Files.newInputStream(path);
             Reader reader = reader(raw, file)) {
            return parser.parse(reader, file, format);
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (UncheckedIOException e) { // raised while parsing
            throw new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The format given, or the one the file name tells. */
    private static String formatOf(Path path, String format) {
        return format != null ? format.toLowerCase(Locale.ROOT) : inferFormat(path);
    }

    private static ActiveBenchException unreadable(String file, IOException e) {
        return e instanceof NoSuchFileException ? new ActiveBenchException(file + ": no such file")
                : new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
    }

    /** One of {@link #BUNDLED}. */
    public static Dataset bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new ActiveBenchException("no bundled data set '" + name + "' (bundled: " + String.join(", ", BUNDLED)
                    + "); give a \"path\" for other data sets");
        }
        String resource = "bundled/" + name + ".csv";
        try (InputStream in = DatasetLoader.class.getResourceAsStream(resource);
             Reader reader = reader(in, resource)) {
            return CsvLoader.load(name, reader, "bundled:" + name + ".csv", null, MissingValues.ERROR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code file}, gunzipped if its name ends in .gz, strictly UTF-8 and within {@link InputLimits}. */
    static Reader reader(InputStream in, String file) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 1 << 16);
        boolean gzip = file.toLowerCase(Locale.ROOT).endsWith(".gz");
        return new TextInput(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered, file, InputLimits.current());
    }

    private static String inferFormat(Path path) {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".gz")) {
            file = file.substring(0, file.length() - 3);
        }
        if (file.endsWith(".csv")) {
            return "csv";
        }
        if (file.endsWith(".arff")) {
            return "arff";
        }
        if (file.endsWith(".libsvm") || file.endsWith(".svm") || file.endsWith(".svmlight")) {
            return "libsvm";
        }
        throw new ActiveBenchException(path + ": cannot tell the format from the file name; set \"format\" to one of "
                + String.join(", ", FORMATS));
    }
}
