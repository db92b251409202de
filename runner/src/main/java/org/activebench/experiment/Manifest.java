package org.activebench.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Provenance written next to the results: enough to rerun them and to know what machine produced the timings. */
final class Manifest {
    private Manifest() {
    }

    /** @param strategies the strategies' result names ({@code qbc_vote_entropy}), in config order */
    static Map<String, Object> of(ExperimentConfig config, JsonNode configJson, String source, int threads,
                                  String kernels, String learner, List<String> strategies) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activebench", version());
        m.put("gitCommit", System.getProperty("activebench.git", "unknown"));
        m.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("configSource", source);
        m.put("kernelBackend", kernels);
        m.put("threads", threads);
        m.put("datasets", config.datasets().stream().map(ExperimentConfig.DatasetSpec::name).toList());
        m.put("learner", learner);
        m.put("strategies", strategies);
        m.put("seeds", config.seeds());
        m.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("config", configJson);
        return m;
    }

    static String version() {
        try (InputStream in = Manifest.class.getResourceAsStream("/activebench-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
