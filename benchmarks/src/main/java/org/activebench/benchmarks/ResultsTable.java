package org.activebench.benchmarks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns JMH's JSON results into the table of RESULTS.md: time per call, rows and bytes per second, the fraction of
 * the roofline (the streaming read of the same number of floats, measured in the same run), the speed-up over the
 * scalar backend, and the bytes allocated per call (from {@code -prof gc}).
 */
final class ResultsTable {
    /** The secondary metric of {@code -prof gc} with the bytes allocated per call (JMH may prefix it with a dot). */
    static final String ALLOCATION = "gc.alloc.rate.norm";

    /** One JMH result: benchmark {@code Class.method}, its parameters, ms per call and bytes allocated per call. */
    record Result(String benchmark, Map<String, String> params, double millis, double error, double allocated) {
        String group() {
            return benchmark.substring(0, benchmark.indexOf('.'));
        }

        String kernel() {
            return benchmark.substring(benchmark.indexOf('.') + 1);
        }

        long param(String name) {
            return Long.parseLong(params.get(name));
        }

        /** Floats one pass over the input reads: the size the roofline is measured at. */
        long floats() {
            return switch (group()) {
                case "KCenterBenchmark" -> param("n") * param("d");
                case "UncertaintyBenchmark", "LayoutBenchmark" -> param("n") * param("k");
                case "CommitteeBenchmark" -> param("members") * param("n") * param("k");
                case "TopBBenchmark" -> param("n");
                case "FeatureBenchmark" -> param("n") * param("d");
                case "RooflineBenchmark" -> param("floats");
                default -> throw new IllegalArgumentException("unknown benchmark " + benchmark);
            };
        }

        /** Passes over the input one call makes: a k-center search makes one per pick. */
        long passes() {
            return params.containsKey("picks") ? param("picks") : 1;
        }

        /** The size parameter besides n that identifies the case: k, b or d. */
        String shape() {
            for (String name : List.of("k", "b", "d")) {
                if (params.containsKey(name)) {
                    return name + "=" + params.get(name);
                }
            }
            return "";
        }

        /** The backend, with the thread count when it is not one; "panama" for the layout experiment. */
        String backend() {
            String backend = params.getOrDefault("backend", "panama");
            String threads = params.getOrDefault("threads", "1");
            return threads.equals("1") ? backend : backend + " x" + threads + " threads";
        }

        boolean sameCase(Result other) {
            Map<String, String> mine = new LinkedHashMap<>(params);
            Map<String, String> theirs = new LinkedHashMap<>(other.params);
            for (String ignored : List.of("backend", "threads")) {
                mine.remove(ignored);
                theirs.remove(ignored);
            }
            return benchmark.equals(other.benchmark) && mine.equals(theirs);
        }
    }

    private ResultsTable() {
    }

    static List<Result> read(Path json) throws IOException {
        List<Result> results = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (JacksonException e) {
            throw new IOException(json + ":" + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":")
                    + " not JMH JSON: " + e.getOriginalMessage(), e);
        }
        for (JsonNode node : root) {
            String full = node.get("benchmark").asText();
            String[] parts = full.split("\\.");
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = node.get("primaryMetric");
            if (!"ms/op".equals(primary.get("scoreUnit").asText())) {
                throw new IOException(json + ": " + full + " is in " + primary.get("scoreUnit").asText()
                        + ", expected ms/op (average time)");
            }
            JsonNode allocation = node.path("secondaryMetrics").properties().stream()
                    .filter(e -> e.getKey().endsWith(ALLOCATION)).map(e -> e.getValue().path("score"))
                    .findFirst().orElse(MissingNode.getInstance());
            results.add(new Result(parts[parts.length - 2] + "." + parts[parts.length - 1], params,
                    primary.get("score").asDouble(), primary.get("scoreError").asDouble(),
                    allocation.isMissingNode() ? Double.NaN : allocation.asDouble()));
        }
        return results;
    }

    /** Distinct float counts read by the kernel results: the sizes the roofline must be measured at. */
    static TreeSet<Long> rooflineSizes(List<Result> results) {
        TreeSet<Long> sizes = new TreeSet<>();
        results.stream().filter(r -> !r.group().equals("RooflineBenchmark")).forEach(r -> sizes.add(r.floats()));
        return sizes;
    }

    static String format(List<Result> results) {
        Map<Long, Result> roofline = new LinkedHashMap<>();
        results.stream().filter(r -> r.group().equals("RooflineBenchmark")).forEach(r -> roofline.put(r.floats(), r));
        StringBuilder table = new StringBuilder();
        table.append("| kernel | n | k/b/d | backend | ms/call | ± | Mrows/s | GB/s | of roofline | vs scalar | vs panama "
                + "| B/call |\n");
        table.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            if (r.group().equals("RooflineBenchmark")) {
                continue;
            }
            Result read = roofline.get(r.floats());
            double seconds = r.millis() / 1e3;
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %.2f | %s | %s | %s | %s |%n",
                    r.kernel(), r.params().get("n"), r.shape(), r.backend(), millis(r.millis()),
                    millis(r.error()), r.param("n") * r.passes() / seconds / 1e6,
                    r.floats() * r.passes() * 4.0 / seconds / 1e9,
                    read == null ? "–" : String.format(Locale.ROOT, "%.2f", read.millis() * r.passes() / r.millis()),
                    speedup(results, r, "scalar"), speedup(results, r, "panama"),
                    Double.isNaN(r.allocated()) ? "–" : String.format(Locale.ROOT, "%.0f", r.allocated())));
        }
        table.append("\nRoofline (vector sum, one thread):\n\n| floats | MB | ms/call | GB/s |\n|---:|---:|---:|---:|\n");
        for (Result r : roofline.values()) {
            table.append(String.format(Locale.ROOT, "| %d | %.1f | %s | %.2f |%n", r.floats(), r.floats() * 4 / 1e6,
                    millis(r.millis()), r.floats() * 4.0 / (r.millis() / 1e3) / 1e9));
        }
        return table.toString();
    }

    /** How many times faster r is than the same case on {@code baseline} (one thread), or a dash. */
    private static String speedup(List<Result> results, Result r, String baseline) {
        return results.stream().filter(o -> o.sameCase(r) && baseline.equals(o.backend())).findFirst()
                .map(o -> String.format(Locale.ROOT, "%.2fx", o.millis() / r.millis())).orElse("–");
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%.1f" : ms >= 1 ? "%.3f" : "%.4f", ms);
    }
}
