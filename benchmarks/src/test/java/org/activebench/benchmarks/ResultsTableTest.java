package org.activebench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's derived columns from a hand-made JMH JSON: bandwidth, roofline fraction, speed-up, allocation. */
class ResultsTableTest {
    @TempDir
    Path dir;

    private static String result(String benchmark, String params, double ms, String secondary) {
        return """
                {"benchmark": "org.activebench.benchmarks.%s", "mode": "avgt", "params": {%s},
                 "primaryMetric": {"score": %s, "scoreError": 0.01, "scoreUnit": "ms/op"},
                 "secondaryMetrics": {%s}}""".formatted(benchmark, params, ms, secondary);
    }

    @Test
    void derivedColumns() throws IOException {
        String alloc = "\"·gc.alloc.rate.norm\": {\"score\": 0.0, \"scoreUnit\": \"B/op\"}";
        Path json = Files.writeString(dir.resolve("r.json"), "[" + String.join(",",
                result("UncertaintyBenchmark.entropy", "\"backend\": \"scalar\", \"n\": \"1000000\", \"k\": \"10\"", 40.0, ""),
                result("UncertaintyBenchmark.entropy", "\"backend\": \"panama\", \"n\": \"1000000\", \"k\": \"10\"", 5.0, alloc),
                result("TopBBenchmark.topB", "\"backend\": \"panama\", \"n\": \"10000000\", \"b\": \"10\"", 2.0, alloc),
                result("KCenterBenchmark.search", "\"backend\": \"cuda\", \"n\": \"100000\", \"d\": \"100\", \"picks\": \"50\"",
                        25.0, ""),
                result("RooflineBenchmark.sum", "\"floats\": \"10000000\"", 2.0, "")) + "]");
        List<ResultsTable.Result> results = ResultsTable.read(json);
        assertEquals(10_000_000L, results.get(1).floats());
        assertEquals("[10000000]", ResultsTable.rooflineSizes(results).toString(), "roofline sizes exclude itself");
        String table = ResultsTable.format(results);
        // 1e7 floats = 40 MB in 5 ms = 8 GB/s; the roofline reads them in 2 ms: 0.40 of it; scalar took 8x longer.
        assertTrue(table.contains("| entropy | 1000000 | k=10 | panama | 5.000 | 0.0100 | 200.0 | 8.00 | 0.40 | 8.00x | 1.00x | 0 |"),
                table);
        assertTrue(table.contains("| entropy | 1000000 | k=10 | scalar | 40.000 | 0.0100 | 25.0 | 1.00 | 0.05 | 1.00x | 0.13x | – |"),
                table);
        assertTrue(table.contains("| topB | 10000000 | b=10 | panama | 2.000 | 0.0100 | 5000.0 | 20.00 | 1.00 | – | 1.00x | 0 |"),
                table);
        // A search reads its 1e7 floats once per pick: 50 passes in 25 ms = 80 GB/s, 4x the roofline's pass.
        assertTrue(table.contains("| search | 100000 | d=100 | cuda | 25.000 | 0.0100 | 200.0 | 80.00 | 4.00 | – | – | – |"),
                table);
        assertTrue(table.contains("| 10000000 | 40.0 | 2.000 | 20.00 |"), table);
    }

    @Test
    void brokenJsonNamesFileAndLine() throws IOException {
        Path json = Files.writeString(dir.resolve("broken.json"), "[\n{\"benchmark\": ");
        IOException e = assertThrows(IOException.class, () -> ResultsTable.read(json));
        assertTrue(e.getMessage().startsWith(json + ":2: not JMH JSON: "), e.getMessage());
    }

    @Test
    void throughputResultsAreRejected() throws IOException {
        Path json = Files.writeString(dir.resolve("r.json"), """
                [{"benchmark": "org.activebench.benchmarks.TopBBenchmark.topB", "params": {"n": "1", "b": "1"},
                  "primaryMetric": {"score": 3, "scoreError": 0, "scoreUnit": "ops/s"}}]""");
        IOException e = assertThrows(IOException.class, () -> ResultsTable.read(json));
        assertTrue(e.getMessage().endsWith("TopBBenchmark.topB is in ops/s, expected ms/op (average time)"), e.getMessage());
    }
}
