package org.activebench.core.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {
    private final Dataset iris = DatasetLoader.bundled("iris");

    @Test
    void stratifiedDisjointAndCompleteSplit() {
        Split s = new Splitter(0.3, 12, Splitter.InitialMode.RANDOM, true).split(iris, 7);
        assertEquals(105, s.pool().length);
        assertEquals(45, s.test().length);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(s.pool()).forEach(all::add);
        Arrays.stream(s.test()).forEach(all::add);
        assertEquals(150, all.size(), "pool and test partition the rows");
        int[] testCounts = new int[3];
        for (int r : s.test()) {
            testCounts[iris.y()[r]]++;
        }
        assertArrayEquals(new int[] {15, 15, 15}, testCounts, "30% of each class");
        assertEquals(12, s.initial().length);
        Set<Integer> pool = new HashSet<>();
        Arrays.stream(s.pool()).forEach(pool::add);
        assertTrue(Arrays.stream(s.initial()).allMatch(pool::contains));
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Splitter splitter = new Splitter(0.3, 10, Splitter.InitialMode.RANDOM, true);
        assertEquals(splitter.split(iris, 1), splitter.split(iris, 1));
        assertNotEquals(splitter.split(iris, 1), splitter.split(iris, 2));
    }

    @Test
    void atLeastOnePerClassAndStratifiedInitialSet() {
        for (long seed = 0; seed < 20; seed++) {
            Split s = new Splitter(0.3, 3, Splitter.InitialMode.RANDOM, true).split(iris, seed);
            assertEquals(3, Arrays.stream(s.initial()).map(r -> iris.y()[r]).distinct().count());
        }
        Split s = new Splitter(0.3, 9, Splitter.InitialMode.STRATIFIED, false).split(iris, 3);
        int[] counts = new int[3];
        for (int r : s.initial()) {
            counts[iris.y()[r]]++;
        }
        assertArrayEquals(new int[] {3, 3, 3}, counts);
    }

    @Test
    void initialLargerThanPoolOrTooSmallForTheClasses() {
        assertEquals("initial.size: 200 is larger than the pool of iris (105 rows)", assertThrows(ActiveBenchException.class,
                () -> new Splitter(0.3, 200, Splitter.InitialMode.RANDOM, true).split(iris, 1)).getMessage());
        assertEquals("initial.size: 2 cannot hold one row of each of the 3 classes of iris (initial.atLeastOnePerClass is true)",
                assertThrows(ActiveBenchException.class,
                        () -> new Splitter(0.3, 2, Splitter.InitialMode.RANDOM, true).split(iris, 1)).getMessage());
    }

    @Test
    void standardisationUsesThePoolOnly() {
        float[] x = {1, 10, 3, 10, 100, 10};
        float[] z = Standardizer.standardize(x, 2, new int[] {0, 1});
        assertArrayEquals(new float[] {-1, 0, 1, 0, 98, 0}, z, 1e-6f, "mean 2, sd 1 from rows 0-1; constant column centred");
    }

    @Test
    void splitFileIsReadAndValidated(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"),
                "{\"splits\": [{\"seed\": 5, \"pool\": [0, 1, 2, 3], \"test\": [4, 5], \"initial\": [1, 2]}]}");
        Map<Long, Split> splits = SplitFile.read(file, 6);
        assertEquals(new Split(new int[] {0, 1, 2, 3}, new int[] {4, 5}, new int[] {1, 2}), splits.get(5L));

        Path overlap = Files.writeString(dir.resolve("o.json"),
                "{\"splits\": [{\"seed\": 5, \"pool\": [0, 1], \"test\": [1], \"initial\": [0]}]}");
        assertEquals(overlap + ": splits[0].test[0]: row 1 appears twice (pool and test must be disjoint)",
                assertThrows(ActiveBenchException.class, () -> SplitFile.read(overlap, 6)).getMessage());
        Path outside = Files.writeString(dir.resolve("i.json"),
                "{\"splits\": [{\"seed\": 5, \"pool\": [0, 1], \"test\": [2], \"initial\": [3]}]}");
        assertEquals(outside + ": splits[0].initial[0]: row 3 is not in the pool",
                assertThrows(ActiveBenchException.class, () -> SplitFile.read(outside, 6)).getMessage());
        Path range = Files.writeString(dir.resolve("r.json"),
                "{\"splits\": [{\"seed\": 5, \"pool\": [0, 9], \"test\": [2], \"initial\": [0]}]}");
        assertEquals(range + ": splits[0].pool[1]: 9 is not a row index in [0, 6)",
                assertThrows(ActiveBenchException.class, () -> SplitFile.read(range, 6)).getMessage());
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"splits\": [\n{\"seed\": }]}");
        assertTrue(assertThrows(ActiveBenchException.class, () -> SplitFile.read(broken, 6)).getMessage()
                .startsWith(broken + ":2:"));
    }
}
