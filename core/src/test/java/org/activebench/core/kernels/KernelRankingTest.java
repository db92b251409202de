package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelRankingTest {
    @TempDir
    Path dir;

    @Test
    void aMeasuredRankingListsEveryAvailableBackendFastestFirstAndIsReadBackOnlyOnThisMachine() throws IOException {
        String before = System.getProperty("activebench.cache");
        System.setProperty("activebench.cache", dir.toString());
        try {
            assertTrue(KernelRanking.stored().isEmpty());
            KernelRanking.Calibration c = KernelRanking.measure(2000);
            assertEquals("scalar", c.ranking().getLast(), "the reference is always last");
            assertTrue(c.ranking().contains("panama"), c.toString());
            for (int i = 1; i < c.ranking().size() - 1; i++) {
                assertTrue(c.milliseconds().get(c.ranking().get(i - 1)) <= c.milliseconds().get(c.ranking().get(i)));
            }
            KernelRanking.calibrate();
            assertEquals(KernelProvider.ranking(1), KernelRanking.stored().orElseThrow(), "the provider follows it");
            assertEquals("panama", KernelProvider.ranking(2).getFirst(), "threads: Panama splits calls, C does not");

            Path file = dir.resolve("kernels/ranking.json");
            Files.writeString(file, Files.readString(file).replace(KernelRanking.machine(), "another CPU"));
            assertTrue(KernelRanking.stored().isEmpty(), "another machine's ranking is not used");
            Files.writeString(file, "{broken");
            assertEquals("native", KernelProvider.ranking(1).getFirst(), "a damaged file: the built-in ranking");
        } finally {
            if (before == null) {
                System.clearProperty("activebench.cache");
            } else {
                System.setProperty("activebench.cache", before);
            }
        }
    }
}
