package org.activebench.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.Version;
import org.activebench.core.learn.Learner;
import org.activebench.core.spi.Component;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.strategies.QueryStrategy;

/** Provenance written next to the results: enough to rerun them and to know what machine produced the timings. */
final class Manifest {
    private Manifest() {
    }

    /**
     * The components are listed in config order with their provenance: which code, at which version, made results; in
     * studies that name their annotators also every routing, under the label its results go by.
     */
    static Map<String, Object> of(ExperimentConfig config, JsonNode configJson, String source, int threads,
                                  String kernels, List<Component<Learner>> learners,
                                  List<Component<QueryStrategy>> strategies, List<Component<StoppingCriterion>> stops,
                                  List<Annotation> routings, List<Levers> levers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activebench", Version.get());
        m.put("gitCommit", System.getProperty("activebench.git", "unknown"));
        m.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("configSource", source);
        m.put("kernelBackend", kernels);
        m.put("threads", threads);
        m.put("datasets", config.datasets().stream().map(ExperimentConfig.DatasetSpec::name).toList());
        m.put("learners", learners.stream().map(Component::provenance).toList());
        m.put("strategies", strategies.stream().map(s -> {
            Map<String, Object> provenance = s.provenance();
            provenance.put("role", Role.of(s).key());
            return provenance;
        }).toList());
        m.put("stopping", stops.stream().map(Component::provenance).toList());
        if (config.annotated()) { // absent for the simulated oracle, as before annotators existed
            m.put("routings", routings.stream().map(a -> {
                Map<String, Object> provenance = a.routing().provenance();
                provenance.put("label", a.label());
                List<Map<String, Object>> annotators = new java.util.ArrayList<>();
                for (int i = 0; i < a.annotators().size(); i++) {
                    Map<String, Object> annotator = a.annotators().get(i).provenance();
                    annotator.put("label", a.names().get(i));
                    annotators.add(annotator);
                }
                provenance.put("annotators", annotators);
                if (a.initial() != null) {
                    Map<String, Object> initial = a.initial().provenance();
                    initial.put("label", a.initialName());
                    provenance.put("initial", initial);
                }
                return provenance;
            }).toList());
        }
        if (config.levers() != null) { // a levers axis: its settings under the labels their results go by
            m.put("levers", levers.stream().map(l -> {
                Map<String, Object> setting = new LinkedHashMap<>();
                setting.put("label", l.label());
                setting.put("weighting", l.weighting() == null ? null : l.weighting().provenance());
                setting.put("augment", l.augmenter() == null ? null : l.augmenter().provenance());
                return setting;
            }).toList());
        }
        m.put("seeds", config.seeds());
        m.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("config", configJson);
        return m;
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
