package org.activebench.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.activebench.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {
    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void ownCache() {
        before = System.getProperty("activebench.cache");
        System.setProperty("activebench.cache", dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("activebench.cache");
        } else {
            System.setProperty("activebench.cache", before);
        }
    }

    /** A numeric CSV of at least {@link DatasetCache#FROM_BYTES}. */
    private Path bigCsv(String name, int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        while (csv.length() < DatasetCache.FROM_BYTES + 1000) {
            csv.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%s%n", random.nextGaussian(), random.nextGaussian(),
                    random.nextGaussian() * 1e-30, random.nextBoolean() ? "yes" : "no"));
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private List<Path> entries() throws IOException {
        Path cache = dir.resolve("cache/datasets");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".data")).toList();
        }
    }

    private static void assertSameData(Dataset expected, Dataset actual) {
        assertArrayEquals(expected.x(), actual.x());
        assertArrayEquals(expected.y(), actual.y());
        assertEquals(expected.classNames(), actual.classNames());
        assertEquals(expected.featureNames(), actual.featureNames());
    }

    @Test
    void aLargeFileIsParsedOnceAndReadBackBitForBit() throws IOException {
        Path csv = bigCsv("big.csv", 1);
        Dataset parsed = DatasetLoader.load("first", csv, null, null, MissingValues.ERROR);
        assertEquals(1, entries().size());
        Dataset again = DatasetLoader.load("second", csv, null, null, MissingValues.ERROR);
        assertSameData(parsed, again);
        assertEquals("second", again.name(), "the name is the config's, not the cached one");

        // the entry is what a load returns: replace it by another data set's and the next load says so
        String key = DatasetCache.key(csv, "csv", null, MissingValues.ERROR);
        Dataset other = DatasetLoader.load("other", bigCsv("other.csv", 2), null, null, MissingValues.ERROR);
        DatasetCache.standard().write(key, other);
        assertSameData(other, DatasetLoader.load("third", csv, null, null, MissingValues.ERROR));
    }

    @Test
    void anEditedFileOrAnotherReadingIsAMissAndADamagedEntryIsParsedAgain() throws IOException {
        Path csv = bigCsv("big.csv", 3);
        Dataset parsed = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR);
        assertSameData(parsed, DatasetLoader.load("t", csv, null, "label", MissingValues.ERROR));
        assertEquals(2, entries().size(), "the label named rather than taken as the last: another reading, another entry");

        Files.writeString(csv, "1,2,3e-30,yes\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(parsed.size() + 1, DatasetLoader.load("t", csv, null, null, MissingValues.ERROR).size());

        Path entry = dir.resolve("cache/datasets").resolve(DatasetCache.key(csv, "csv", null, MissingValues.ERROR) + ".data");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 1;
        Files.write(entry, bytes);
        Dataset reparsed = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR);
        assertEquals(parsed.size() + 1, reparsed.size());
        assertTrue(Files.readAllBytes(entry)[bytes.length / 2] != bytes[bytes.length / 2], "the entry is written again");
    }

    @Test
    void smallFilesAreNotCached() throws IOException {
        Path csv = Files.writeString(dir.resolve("small.csv"), "a,label\n1,x\n2,y\n");
        DatasetLoader.load("t", csv, null, null, MissingValues.ERROR);
        assertEquals(List.of(), entries());
    }

    @Test
    void anEntryOfAnotherFileUnderThisNameIsRefusedWithOneWarning() throws IOException {
        Path csv = bigCsv("big.csv", 5);
        Path otherCsv = bigCsv("other.csv", 6);
        Dataset parsed = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR);
        DatasetLoader.load("o", otherCsv, null, null, MissingValues.ERROR);
        Path entry = dir.resolve("cache/datasets").resolve(DatasetCache.key(csv, "csv", null, MissingValues.ERROR) + ".data");
        Path otherEntry = dir.resolve("cache/datasets").resolve(DatasetCache.key(otherCsv, "csv", null, MissingValues.ERROR) + ".data");
        // copied under this file's name: same shape, a valid checksum, another file's numbers
        Files.copy(otherEntry, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Dataset[] loaded = new Dataset[1];
        List<String> copied = Warnings.of(() -> loaded[0] = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR));
        assertSameData(parsed, loaded[0]);
        assertEquals(1, copied.size(), copied.toString());
        assertTrue(copied.getFirst().startsWith("data set cache: " + entry + " is not usable (it holds the entry of another"
                + " file or reading, key "), copied.getFirst());
        // linked to another entry: the same
        Files.delete(entry);
        Files.createSymbolicLink(entry, otherEntry);
        List<String> linked = Warnings.of(() -> loaded[0] = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR));
        assertSameData(parsed, loaded[0]);
        assertEquals(1, linked.size(), linked.toString());
        // truncated
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        List<String> truncated = Warnings.of(() -> loaded[0] = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR));
        assertSameData(parsed, loaded[0]);
        assertEquals(1, truncated.size(), truncated.toString());
        assertEquals(List.of(), Warnings.of(() -> loaded[0] = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR)));
        assertSameData(parsed, loaded[0]);
    }

    @Test
    void anUnwritableCacheIsOneWarningAndTheDataLoadsAsParsed() throws IOException {
        Path csv = bigCsv("big.csv", 7);
        Files.writeString(dir.resolve("cache"), "a file where the cache directory should be");
        Dataset[] loaded = new Dataset[1];
        List<String> lines = Warnings.of(() -> loaded[0] = DatasetLoader.load("t", csv, null, null, MissingValues.ERROR));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("data set cache: cannot write "), lines.getFirst());
        Files.delete(dir.resolve("cache"));
        assertSameData(DatasetLoader.load("t", csv, null, null, MissingValues.ERROR), loaded[0]);
    }
}
